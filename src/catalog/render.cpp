#include "catalog/render.h"

#include <fmt/format.h>

#include <algorithm>

namespace cc::catalog {
namespace {

size_t display_width(std::string_view s) {
  // Continuation bytes of a UTF-8 sequence take no column of their own.
  return static_cast<size_t>(std::ranges::count_if(
      s, [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

const char* yes_no(bool b) { return b ? "yes" : "no"; }

// Some frameworks' titles may not be reproduced (CSA CCM); a dash keeps the column readable.
std::string title_or_dash(const std::string& title) { return title.empty() ? "-" : title; }

// Wraps one line of `text` at word boundaries to `width` columns; lines after the first
// start with `indent` spaces.
std::string wrap_line(std::string_view text, size_t indent, size_t width) {
  std::string out;
  size_t column = indent;
  while (!text.empty()) {
    size_t space = text.find(' ');
    std::string_view word = text.substr(0, space);
    text = space == std::string_view::npos ? std::string_view() : text.substr(space + 1);
    if (word.empty()) continue;
    if (column > indent && column + 1 + display_width(word) > width) {
      out += '\n';
      out.append(indent, ' ');
      column = indent;
    } else if (column > indent) {
      out += ' ';
      ++column;
    }
    out += word;
    column += display_width(word);
  }
  return out;
}

// Wraps `text` like wrap_line, keeping its own line breaks (NIST statements list their
// items one per line).
std::string wrap(std::string_view text, size_t indent, size_t width) {
  std::string out;
  while (true) {
    size_t newline = text.find('\n');
    out += wrap_line(text.substr(0, newline), indent, width);
    if (newline == std::string_view::npos) break;
    text.remove_prefix(newline + 1);
    out += '\n';
    out.append(indent, ' ');
  }
  return out;
}

std::string group_line(std::string_view id, std::string_view title) {
  if (id.empty()) return std::string(title);
  if (title.empty()) return std::string(id);
  return fmt::format("{} {}", id, title);
}

}  // namespace

std::string format_table(const std::vector<std::string>& header,
                         const std::vector<std::vector<std::string>>& rows) {
  std::vector<size_t> widths(header.size(), 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], display_width(row[i]));
    }
  };
  measure(header);
  for (const auto& row : rows) measure(row);
  std::string out;
  auto emit = [&](const std::vector<std::string>& row) {
    std::string line;
    for (size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line.append(widths[i] - display_width(row[i]) + 2, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line;
    out += '\n';
  };
  emit(header);
  for (const auto& row : rows) emit(row);
  return out;
}

Json to_json(const Framework& framework, std::span<const Control> controls) {
  auto cloud = std::ranges::count_if(controls, &Control::cloud_guidance);
  return Json{{"id", framework.id},           {"title", framework.title},
              {"version", framework.version}, {"controls", framework.count},
              {"cloud_guidance", cloud},      {"file", framework.file}};
}

Json to_json(const Control& c) {
  Json out{{"ref", c.ref},
           {"framework", c.framework},
           {"id", c.id},
           {"title", c.title},
           {"clause", {{"id", c.clause_id}, {"title", c.clause_title}}}};
  if (!c.category_id.empty())
    out["category"] = {{"id", c.category_id}, {"title", c.category_title}};
  out["cloud_guidance"] = c.cloud_guidance;
  out["cloud_extension"] = c.cloud_extension;
  // null says the data does not tell, which is different from any value.
  out["party"] = c.party ? Json(to_string(*c.party)) : Json(nullptr);
  out["automatable"] = c.automatable ? Json(to_string(*c.automatable)) : Json(nullptr);
  auto optional = [&](const char* key, const std::string& value) {
    if (!value.empty()) out[key] = value;
  };
  optional("automatable_note", c.automatable_note);
  optional("intent", c.intent);
  optional("csc_duty", c.csc_duty);
  optional("csp_duty", c.csp_duty);
  optional("evidence", c.evidence);
  optional("automation_signals", c.automation_signals);
  optional("statement", c.statement);
  optional("parent", c.parent);
  optional("data_confidence", c.data_confidence);
  optional("data_note", c.data_note);
  if (c.withdrawn) out["withdrawn"] = true;
  return out;
}

Json to_json(const MappedControl& m) {
  Json out{{"ref", m.other},
           {"framework", m.framework},
           {"relationship", m.link->relationship},
           {"confidence", to_string(m.link->confidence)},
           {"source", m.link->source},
           {"direction", m.reverse ? "reverse" : "forward"}};
  if (m.control != nullptr) out["title"] = m.control->title;
  if (!m.link->remarks.empty()) out["remarks"] = m.link->remarks;
  return out;
}

std::string frameworks_table(const Catalog& catalog) {
  std::vector<std::vector<std::string>> rows;
  for (const Framework& fw : catalog.frameworks()) {
    auto controls = catalog.controls(fw.id);
    auto cloud = std::ranges::count_if(controls, &Control::cloud_guidance);
    rows.push_back({fw.id, std::to_string(fw.count), std::to_string(cloud), fw.title});
  }
  return format_table({"FRAMEWORK", "CONTROLS", "CLOUD", "TITLE"}, rows);
}

std::string controls_table(std::span<const Control* const> controls) {
  std::vector<std::vector<std::string>> rows;
  rows.reserve(controls.size());
  for (const Control* c : controls) {
    rows.push_back({c->id, c->party ? to_string(*c->party) : "-", yes_no(c->cloud_guidance),
                    c->automatable ? to_string(*c->automatable) : "-", title_or_dash(c->title)});
  }
  return format_table({"ID", "PARTY", "CLOUD", "AUTOMATION", "TITLE"}, rows);
}

std::string mappings_table(std::span<const MappedControl> mappings) {
  std::vector<std::vector<std::string>> rows;
  rows.reserve(mappings.size());
  for (const MappedControl& m : mappings) {
    rows.push_back({std::string(m.other), m.link->relationship, to_string(m.link->confidence),
                    m.control ? title_or_dash(m.control->title) : std::string("-"),
                    m.link->source});
  }
  return format_table({"CONTROL", "RELATIONSHIP", "CONFIDENCE", "TITLE", "SOURCE"}, rows);
}

std::string control_text(const Control& c, std::span<const MappedControl> mappings) {
  constexpr size_t kIndent = 15;
  constexpr size_t kWidth = 100;
  std::string out = fmt::format("{}  {}\n", c.ref, title_or_dash(c.title));
  auto field = [&](std::string_view name, std::string_view value) {
    if (value.empty()) return;
    out += fmt::format("  {:<{}}{}\n", name, kIndent - 2, wrap(value, kIndent, kWidth));
  };
  field("Clause", group_line(c.clause_id, c.clause_title));
  field("Category", group_line(c.category_id, c.category_title));
  field("Part of", c.parent);
  if (c.withdrawn) field("Status", "withdrawn");
  if (c.party) field("Party", to_string(*c.party));
  std::string cloud = c.cloud_guidance ? "yes" : "no";
  if (c.cloud_extension) cloud += " (cloud control added by ISO/IEC 27017)";
  field("Cloud", cloud);
  if (c.automatable) {
    std::string automation = to_string(*c.automatable);
    if (!c.automatable_note.empty()) automation += " - " + c.automatable_note;
    field("Automation", automation);
  }
  field("Intent", c.intent);
  field("CSC duty", c.csc_duty);
  field("CSP duty", c.csp_duty);
  field("Evidence", c.evidence);
  field("Signals", c.automation_signals);
  field("Statement", c.statement);
  if (!c.data_confidence.empty()) {
    std::string confidence = c.data_confidence;
    if (!c.data_note.empty()) confidence += " - " + c.data_note;
    field("Confidence", confidence);
  }
  out += "\nMappings\n";
  if (mappings.empty()) {
    out += "  none\n";
  } else {
    std::string table = mappings_table(mappings);
    for (size_t start = 0, end; (end = table.find('\n', start)) != std::string::npos;
         start = end + 1) {
      out += "  ";
      out.append(table, start, end - start + 1);
    }
  }
  return out;
}

}  // namespace cc::catalog
