#pragma once
// Inline SVG charts for the HTML report: no script, no external file, a <title> and
// <desc> for screen readers, and a <title> on every bar and point so the numbers show on
// hover. The report prints each chart's numbers as a table next to it as well.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cc::program {

// What a chart is and says, for people who cannot see it.
struct ChartText {
  std::string id;  // unique in the page; prefixes the ids of <title> and <desc>
  std::string title;
  std::string description;
};

// One kind of segment (or line): its name in the legend and its colour, as "#rrggbb".
struct ChartSeries {
  std::string name;
  std::string colour;
  bool dashed = false;  // lines: tells series apart without colour
};

struct StackedBar {
  std::string label;
  std::vector<int64_t> values;  // one per series, in series order
};

// Horizontal bars, one per entry of `bars`, each split into the series' segments.
std::string stacked_bar_chart(const ChartText& text, const std::vector<ChartSeries>& series,
                              const std::vector<StackedBar>& bars);

// One line per series over the points of `x_labels` (values[i] belongs to x_labels[i]).
struct LineSeries {
  ChartSeries style;
  std::vector<int64_t> values;
};
std::string line_chart(const ChartText& text, const std::vector<std::string>& x_labels,
                       const std::vector<LineSeries>& lines);

// The smallest "round" number (1, 2 or 5 times a power of ten) at or above `n`, at least 1:
// the top of a value axis.
int64_t axis_top(int64_t n);

}  // namespace cc::program
