#include "program/report_chart.h"

#include <fmt/format.h>

#include <algorithm>

#include "report/xml_escape.h"

namespace cc::program {
namespace {

using report::xml_escape;

constexpr int kWidth = 760;
constexpr int kLabelWidth = 300;  // bar charts: room for the family names
constexpr int kCountWidth = 50;
constexpr int kRowHeight = 24;

// A label cut to fit its column; the full text stays in the bar's <title>.
std::string fit(std::string_view s, size_t max_chars) {
  if (s.size() <= max_chars) return std::string(s);
  size_t cut = max_chars - 1;
  // Never split a UTF-8 sequence.
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "\u2026";
}

std::string open_svg(const ChartText& text, int height) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" "
      "aria-labelledby=\"{0}-title {0}-desc\" viewBox=\"0 0 {1} {2}\" width=\"{1}\" "
      "height=\"{2}\" preserveAspectRatio=\"xMinYMin meet\">\n"
      "<title id=\"{0}-title\">{3}</title>\n<desc id=\"{0}-desc\">{4}</desc>\n",
      xml_escape(text.id), kWidth, height, xml_escape(text.title), xml_escape(text.description));
}

// One row of keys, wrapped onto the next when it would run past the chart's edge; the
// height it took.
int legend(std::string& out, const std::vector<ChartSeries>& series, int left, int y) {
  out += "<g class=\"legend\" aria-hidden=\"true\">\n";
  int x = left;
  for (const auto& s : series) {
    const int width = 34 + static_cast<int>(s.name.size()) * 7;
    if (x > left && x + width > kWidth) {
      x = left;
      y += 18;
    }
    if (s.dashed)
      out += fmt::format(
          "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"3\" "
          "stroke-dasharray=\"6 3\"/>",
          x, y + 6, x + 18, y + 6, xml_escape(s.colour));
    else
      out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{}\"/>", x, y,
                         xml_escape(s.colour));
    out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\">{}</text>\n", x + 22, y + 11,
                       xml_escape(s.name));
    x += width;
  }
  out += "</g>\n";
  return y + 18;
}

}  // namespace

int64_t axis_top(int64_t n) {
  int64_t step = 1;
  while (true) {
    for (int64_t m : {1, 2, 5})
      if (m * step >= n) return std::max<int64_t>(m * step, 1);
    step *= 10;
  }
}

std::string stacked_bar_chart(const ChartText& text, const std::vector<ChartSeries>& series,
                              const std::vector<StackedBar>& bars) {
  std::string keys;
  const int top = legend(keys, series, 8, 6) + 6;
  const int height = top + static_cast<int>(bars.size()) * kRowHeight + 10;
  std::string out = open_svg(text, height) + keys;
  int64_t largest = 1;
  for (const auto& b : bars) {
    int64_t total = 0;
    for (int64_t v : b.values) total += v;
    largest = std::max(largest, total);
  }
  const double scale = static_cast<double>(kWidth - kLabelWidth - kCountWidth) / largest;
  int y = top;
  for (const auto& b : bars) {
    int64_t total = 0;
    for (int64_t v : b.values) total += v;
    out += fmt::format("<g class=\"bar\"><title>{}: {} controls</title>\n", xml_escape(b.label),
                       total);
    out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"end\">{}</text>\n",
                       kLabelWidth - 8, y + 16, xml_escape(fit(b.label, 44)));
    double x = kLabelWidth;
    for (size_t i = 0; i < b.values.size() && i < series.size(); ++i) {
      if (b.values[i] <= 0) continue;
      const double w = static_cast<double>(b.values[i]) * scale;
      out += fmt::format(
          "<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"{}\">"
          "<title>{}: {} {}</title></rect>\n",
          x, y + 3, w, kRowHeight - 6, xml_escape(series[i].colour), xml_escape(b.label),
          b.values[i], xml_escape(series[i].name));
      x += w;
    }
    out += fmt::format("<text x=\"{:.1f}\" y=\"{}\" font-size=\"12\">{}</text>\n</g>\n", x + 6,
                       y + 16, total);
    y += kRowHeight;
  }
  return out + "</svg>\n";
}

std::string line_chart(const ChartText& text, const std::vector<std::string>& x_labels,
                       const std::vector<LineSeries>& lines) {
  constexpr int kHeight = 300, kLeft = 60, kRight = 20, kTop = 40, kBottom = 50;
  const int plot_w = kWidth - kLeft - kRight, plot_h = kHeight - kTop - kBottom;
  std::string out = open_svg(text, kHeight);
  std::vector<ChartSeries> styles;
  for (const auto& l : lines) styles.push_back(l.style);
  legend(out, styles, kLeft, 8);

  int64_t largest = 0;
  for (const auto& l : lines)
    for (int64_t v : l.values) largest = std::max(largest, v);
  const int64_t top = axis_top(largest);
  const size_t n = x_labels.size();
  auto x_at = [&](size_t i) {
    return n <= 1 ? kLeft + plot_w / 2.0
                  : kLeft + static_cast<double>(plot_w) * static_cast<double>(i) /
                                static_cast<double>(n - 1);
  };
  auto y_at = [&](int64_t v) {
    return kTop + plot_h -
           static_cast<double>(plot_h) * static_cast<double>(v) / static_cast<double>(top);
  };

  // Axes and five gridlines with their values.
  out += "<g class=\"axes\" aria-hidden=\"true\">\n";
  for (int t = 0; t <= 4; ++t) {
    const int64_t v = top * t / 4;
    out += fmt::format(
        "<line x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\" stroke=\"#d0d7de\"/>"
        "<text x=\"{}\" y=\"{:.1f}\" font-size=\"11\" text-anchor=\"end\">{}</text>\n",
        kLeft, y_at(v), kLeft + plot_w, y_at(v), kLeft - 6, y_at(v) + 4, v);
  }
  out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#57606a\"/>\n",
                     kLeft, kTop, kTop + plot_h);
  // At most about twelve x labels, so they never overlap.
  const size_t every = std::max<size_t>(1, (n + 11) / 12);
  for (size_t i = 0; i < n; ++i)
    if (i % every == 0 || i + 1 == n)
      out += fmt::format(
          "<text x=\"{:.1f}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\">{}</text>\n",
          x_at(i), kTop + plot_h + 18, xml_escape(fit(x_labels[i], 12)));
  out += "</g>\n";

  for (const auto& l : lines) {
    std::string points;
    for (size_t i = 0; i < n && i < l.values.size(); ++i)
      points +=
          fmt::format("{}{:.1f},{:.1f}", points.empty() ? "" : " ", x_at(i), y_at(l.values[i]));
    out += fmt::format("<g class=\"series\"><title>{}</title>\n", xml_escape(l.style.name));
    if (n > 1)
      out += fmt::format(
          "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2.5\"{}/>\n", points,
          xml_escape(l.style.colour), l.style.dashed ? " stroke-dasharray=\"6 3\"" : "");
    for (size_t i = 0; i < n && i < l.values.size(); ++i)
      out += fmt::format(
          "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3.5\" fill=\"{}\"><title>{} {}: "
          "{}</title></circle>\n",
          x_at(i), y_at(l.values[i]), xml_escape(l.style.colour), xml_escape(l.style.name),
          xml_escape(x_labels[i]), l.values[i]);
    out += "</g>\n";
  }
  return out + "</svg>\n";
}

}  // namespace cc::program
