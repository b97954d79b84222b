// The lab window's numbers and axis rounding (ui/lab/lab_format.h), by table. Ties round up,
// as QString::arg did when the window formatted with it (printf would round them to even).

#include "ui/lab/lab_format.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>

namespace wn::ui {
namespace {

struct TextCase {
    double value;
    const char* text;
};

TEST(LabFormat, Nanoseconds) {
    const TextCase cases[] = {
        {0, "0 ns"},          {0.5, "1 ns"},     {2.5, "3 ns"},         {999, "999 ns"},
        {1000, "1 µs"},       {1125, "1.13 µs"}, {1234, "1.23 µs"},     {999400, "999 µs"},
        {999500, "1e+03 µs"}, {1e6, "1 ms"},     {12345678, "12.3 ms"}, {2.5e9, "2.5 s"},
    };
    for (const TextCase& c : cases) {
        EXPECT_EQ(format_ns(c.value), c.text) << c.value;
    }
}

TEST(LabFormat, Milliseconds) {
    const TextCase cases[] = {{0.001, "1 µs"}, {0.5, "500 µs"}, {4.56, "4.56 ms"}, {1500, "1.5 s"}};
    for (const TextCase& c : cases) {
        EXPECT_EQ(format_ms(c.value), c.text) << c.value;
    }
}

TEST(LabFormat, Rates) {
    const TextCase cases[] = {
        {0, "0 /s"},         {950, "950 /s"},     {999.5, "1000 /s"}, {1250, "1.3 k/s"},
        {12345, "12.3 k/s"}, {1.25e6, "1.3 M/s"}, {4.5e6, "4.5 M/s"}, {123.45e6, "123.5 M/s"},
    };
    for (const TextCase& c : cases) {
        EXPECT_EQ(format_rate(c.value), c.text) << c.value;
    }
}

TEST(LabFormat, NiceCeiling) {
    const std::pair<double, double> cases[] = {{-1, 1}, {0, 1},  {0.3, 0.5}, {1, 1},    {1.5, 2},
                                               {3, 5},  {7, 10}, {42, 50},   {200, 200}};
    for (const auto& [v, want] : cases) {
        EXPECT_DOUBLE_EQ(nice_ceiling(v), want) << v;
    }
}

TEST(LabFormat, NiceRange) {
    struct Case {
        double value;
        double top;
        int ticks;
    };
    const Case cases[] = {{1, 1, 3}, {4.2, 6, 4}, {7, 8, 5}, {10, 10, 3}, {13, 15, 4}};
    for (const Case& c : cases) {
        const auto [top, ticks] = nice_range(c.value);
        EXPECT_DOUBLE_EQ(top, c.top) << c.value;
        EXPECT_EQ(ticks, c.ticks) << c.value;
        EXPECT_GE(top, c.value);
    }
}

TEST(LabFormat, DecadeCeiling) {
    const std::pair<double, double> cases[] = {
        {0.002, 0.01}, {1, 1}, {1000, 1000}, {1001, 10000}, {0, 1e-12}};
    for (const auto& [v, want] : cases) {
        EXPECT_DOUBLE_EQ(decade_ceiling(v), want) << v;
    }
}

} // namespace
} // namespace wn::ui
