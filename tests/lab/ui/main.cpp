// The lab window tests' main: the offscreen platform (no display needed, also when ctest runs
// the binary to discover the tests), one QApplication for every test, then GoogleTest.

#include <QApplication>
#include <gtest/gtest.h>

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    ::testing::InitGoogleTest(&argc, argv);
    QApplication app(argc, argv);
    return RUN_ALL_TESTS();
}
