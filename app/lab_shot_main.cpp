// waspsnest-lab-shot: runs the "Real threads" lab headlessly and writes the window to a PNG.
//   waspsnest-lab-shot OUT.png [--readers N] [--seconds S] [--strategies a,b,...]
//                      [--kill-at S] [--size WxH]
// Defaults: 2 readers, 2 s per strategy, wasp,wasp-refcount,mutex,rwlock,naive-in-place, a
// primary killed 1 s into each strategy, 1920x1080 (a projector). Prints the results table
// (tab-separated).

#include "ui/lab/lab_window.h"

#include <QApplication>
#include <QPixmap>
#include <QSaveFile>
#include <QStringList>
#include <QTableWidget>
#include <QTimer>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

int usage(const char* why) {
    std::fprintf(stderr,
                 "waspsnest-lab-shot: %s\nusage: waspsnest-lab-shot OUT.png [--readers N] "
                 "[--seconds S] [--strategies a,b] [--kill-at S] [--size WxH]\n",
                 why);
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    if (argc < 2 || std::string_view(argv[1]).starts_with("-")) {
        return usage("missing the output PNG path");
    }
    const QString out = QString::fromLocal8Bit(argv[1]);
    int readers = 2;
    int seconds = 2;
    double kill_at = 1.0;
    int width = 1920;
    int height = 1080;
    std::vector<wn::lab::Strategy> strategies(wn::lab::kAllStrategies.begin(),
                                              wn::lab::kAllStrategies.end());
    for (int i = 2; i < argc; ++i) {
        const std::string_view opt = argv[i];
        if (i + 1 >= argc) {
            return usage("an option is missing its value");
        }
        const std::string value = argv[++i];
        if (opt == "--readers") {
            readers = std::atoi(value.c_str());
            if (readers < wn::lab::kMinReaders || readers > wn::lab::kMaxReaders) {
                return usage(("--readers must be " + std::to_string(wn::lab::kMinReaders) + ".." +
                              std::to_string(wn::lab::kMaxReaders))
                                 .c_str());
            }
        } else if (opt == "--seconds") {
            seconds = std::atoi(value.c_str());
            if (seconds < 1 || seconds > 600) {
                return usage("--seconds must be 1..600");
            }
        } else if (opt == "--kill-at") {
            kill_at = std::atof(value.c_str());
        } else if (opt == "--size") {
            if (std::sscanf(value.c_str(), "%dx%d", &width, &height) != 2 || width < 200 ||
                height < 200) {
                return usage("--size must be WxH");
            }
        } else if (opt == "--strategies") {
            strategies.clear();
            std::size_t start = 0;
            while (start <= value.size()) {
                const std::size_t comma = value.find(',', start);
                const std::string name = value.substr(start, comma - start);
                const auto s = wn::lab::parse_strategy(name);
                if (!s) {
                    return usage(("unknown strategy '" + name + "'").c_str());
                }
                strategies.push_back(*s);
                if (comma == std::string::npos) {
                    break;
                }
                start = comma + 1;
            }
        } else {
            return usage(("unknown option '" + std::string(opt) + "'").c_str());
        }
    }

    QApplication app(argc, argv);
    wn::ui::LabWindow window;
    window.resize(width, height);
    window.set_strategies(strategies);
    window.set_readers(readers);
    window.set_seconds_per_strategy(seconds);
    window.show();
    if (kill_at > 0) {
        QObject::connect(&window, &wn::ui::LabWindow::strategy_started, &window, [&] {
            QTimer::singleShot(static_cast<int>(kill_at * 1000), &window,
                               [&] { window.kill_primary(); });
        });
    }
    int status = 0;
    QObject::connect(&window, &wn::ui::LabWindow::run_finished, &app, [&] {
        // The results table as text too, one strategy a line, tab-separated with a header.
        if (const auto* table = window.findChild<QTableWidget*>()) {
            for (int row = -1; row < table->rowCount(); ++row) {
                QStringList cells;
                for (int c = 0; c < table->columnCount(); ++c) {
                    cells << (row < 0 ? table->horizontalHeaderItem(c)->text()
                                      : table->item(row, c)->text());
                }
                std::printf("%s\n", qPrintable(cells.join(QLatin1Char('\t'))));
            }
        }
        QSaveFile file(out); // a failed write keeps the old file whole
        if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered) ||
            !window.grab().save(&file, "PNG") || !file.commit()) {
            std::fprintf(stderr, "waspsnest-lab-shot: cannot write %s\n", argv[1]);
            status = 1;
        }
        app.quit();
    });
    QTimer::singleShot(0, &window, &wn::ui::LabWindow::start);
    app.exec();
    return status;
}
