#include "rules/pack_loader.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>

#include "collect/doc/yaml_reader.h"
#include "rules/expr_checker.h"

namespace cc::rules {

namespace {

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Byte offset in `text` of a 1-based line and column.
size_t byte_at(std::string_view text, const Span& s) {
  size_t pos = 0;
  for (uint32_t line = 1; line < s.line && pos < text.size(); ++pos)
    if (text[pos] == '\n') ++line;
  return std::min(text.size(), pos + (s.col > 0 ? s.col - 1 : 0));
}

}  // namespace

Span scalar_offset_span(std::string_view file_text, Span scalar, std::string_view decoded,
                        size_t offset) {
  if (!scalar.known() || file_text.empty()) return scalar;
  size_t pos = byte_at(file_text, scalar);
  char quote = 0;
  if (pos < file_text.size() && (file_text[pos] == '"' || file_text[pos] == '\'')) {
    quote = file_text[pos++];
  } else if (pos < file_text.size() && (file_text[pos] == '|' || file_text[pos] == '>')) {
    while (pos < file_text.size() && file_text[pos] != '\n') ++pos;
  }
  // Walk the source and the decoded text together on their non-blank characters: the
  // two differ only in line folding, indentation and escapes.
  size_t wanted = 0;
  for (size_t i = 0; i < std::min(offset, decoded.size()); ++i)
    if (!space(decoded[i])) ++wanted;
  while (pos < file_text.size()) {
    while (pos < file_text.size() && space(file_text[pos])) ++pos;
    if (wanted == 0 || pos >= file_text.size()) break;
    if (quote == '"' && file_text[pos] == '\\') ++pos;
    if (quote == '\'' && file_text[pos] == '\'' && pos + 1 < file_text.size() &&
        file_text[pos + 1] == '\'')
      ++pos;
    ++pos;
    --wanted;
  }
  LineIndex index(file_text);
  auto [line, col] = index.position(std::min(pos, file_text.size()));
  return Span{scalar.file, line, col};
}

namespace {

constexpr std::array<std::string_view, 12> kKeys = {
    "id",     "title",   "kind",        "severity",    "controls",   "when",
    "assert", "message", "description", "remediation", "references", "tags"};
constexpr std::array<std::string_view, 6> kRequired = {"id",       "title",    "kind",
                                                       "severity", "controls", "assert"};
constexpr std::array<std::string_view, 4> kRemediationKeys = {"text", "cloudformation",
                                                              "kubernetes", "terraform"};

class PackReader {
 public:
  PackReader(std::string_view text, std::string_view path, const PackOptions& options,
             Diagnostics& diags)
      : text_(text), path_(path), options_(options), diags_(diags) {}

  bool read_rule(const Value& node, Rule& rule) {
    if (!node.is_map())
      return error(
          "rule.type",
          fmt::format("a rule must be a map of keys, not a {}", Value::type_name(node.type())),
          node.span());
    rule.span = node.span();
    rule.source = std::string(path_);
    bool ok = true;
    for (const auto& m : node.as_map()) {
      if (std::find(kKeys.begin(), kKeys.end(), m.key) == kKeys.end()) {
        std::vector<std::string> names(kKeys.begin(), kKeys.end());
        std::string best = closest_name(m.key, names);
        ok = error("rule.unknown-key",
                   fmt::format("unknown key '{}' in a rule{}", m.key,
                               best.empty() ? "" : fmt::format("; did you mean '{}'?", best)),
                   m.key_span);
      }
    }
    for (auto key : kRequired) {
      if (!node.find(key))
        ok = error("rule.missing-key", fmt::format("rule has no '{}'", key), node.span());
    }
    if (!ok) return false;

    if (!string_field(node, "id", rule.id) || !string_field(node, "title", rule.title) ||
        !string_field(node, "kind", rule.kind) ||
        !string_field(node, "description", rule.description))
      return false;
    static const RE2 kIdPattern("^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*-[0-9]{3}$");
    if (!RE2::FullMatch(rule.id, kIdPattern))
      return error(
          "rule.id",
          fmt::format("rule id '{}' does not have the form PLATFORM-AREA-NNN (e.g. AWS-S3-001)",
                      rule.id),
          node.find("id")->span());

    std::string severity;
    if (!string_field(node, "severity", severity)) return false;
    if (!parse_severity(severity, rule.severity))
      return error(
          "rule.severity",
          fmt::format("unknown severity '{}'; use info, low, medium, high or critical", severity),
          node.find("severity")->span());

    std::shared_ptr<const model::Type> type;
    if (!kind_type(rule.kind, node.find("kind")->span(), type)) return false;

    if (!string_list(node, "controls", rule.controls)) return false;
    if (rule.controls.empty())
      return error("rule.controls", "a rule must name at least one control",
                   node.find("controls")->span());
    const auto& items = node.find("controls")->as_list();
    for (size_t i = 0; i < items.size(); ++i) {
      if (options_.control_exists && !options_.control_exists(rule.controls[i]))
        ok = error("rule.control",
                   fmt::format("control '{}' is not in the catalog", rule.controls[i]),
                   items[i].span());
    }
    if (!ok) return false;
    if (!string_list(node, "references", rule.references) || !string_list(node, "tags", rule.tags))
      return false;
    if (!remediation(node, rule.remediation)) return false;

    CompileOptions expr_options;
    expr_options.resource = type;
    if (node.find("when")) {
      Expr when;
      if (!expression(node, "when", expr_options, when)) return false;
      rule.when = std::move(when);
    }
    if (!expression(node, "assert", expr_options, rule.assertion)) return false;

    std::string message;
    if (!string_field(node, "message", message)) return false;
    if (message.empty()) message = rule.title;
    auto compiled = MessageTemplate::compile(message, expr_options);
    if (!compiled) {
      const Value* scalar = node.find("message");
      return expr_error("message", scalar ? scalar->span() : node.span(), message,
                        compiled.error());
    }
    rule.message = std::move(*compiled);
    return true;
  }

 private:
  bool error(const char* code, std::string message, Span span) {
    diags_.push_back(Diagnostic{DiagLevel::Error, code, std::move(message), span});
    return false;
  }

  bool wrong_type(std::string_view key, const Value& v, const char* want) {
    return error("rule.type",
                 fmt::format("'{}' must be {}, not {}", key, want, Value::type_name(v.type())),
                 v.span());
  }

  // Reads an optional string key (absent leaves `out` empty).
  bool string_field(const Value& node, std::string_view key, std::string& out) {
    const Value* v = node.find(key);
    if (!v) return true;
    if (!v->is_string()) return wrong_type(key, *v, "a string");
    out = v->as_string();
    return true;
  }

  bool string_list(const Value& node, std::string_view key, std::vector<std::string>& out) {
    const Value* v = node.find(key);
    if (!v) return true;
    if (!v->is_list()) return wrong_type(key, *v, "a list of strings");
    for (const auto& item : v->as_list()) {
      if (!item.is_string()) return wrong_type(key, item, "a list of strings");
      out.push_back(item.as_string());
    }
    return true;
  }

  bool remediation(const Value& node, std::map<std::string, std::string>& out) {
    const Value* v = node.find("remediation");
    if (!v) return true;
    if (!v->is_map()) return wrong_type("remediation", *v, "a map of format to text");
    for (const auto& m : v->as_map()) {
      if (std::find(kRemediationKeys.begin(), kRemediationKeys.end(), m.key) ==
          kRemediationKeys.end())
        return error("rule.unknown-key",
                     fmt::format("unknown remediation format '{}'; use text, cloudformation, "
                                 "kubernetes or terraform",
                                 m.key),
                     m.key_span);
      if (!m.value.is_string()) return wrong_type("remediation." + m.key, m.value, "a string");
      out[m.key] = m.value.as_string();
    }
    return true;
  }

  bool kind_type(const std::string& kind, Span span, std::shared_ptr<const model::Type>& type) {
    if (model::is_raw_kind(kind)) return true;  // raw kinds have no schema: nothing is checked
    if (!options_.schemas) return true;
    if (const model::KindSchema* ks = options_.schemas->find(kind)) {
      type = ks->type;
      return true;
    }
    std::vector<std::string> names;
    for (const auto* ks : options_.schemas->all()) names.push_back(ks->kind);
    std::string best = closest_name(kind, names);
    return error("rule.kind",
                 fmt::format("unknown kind '{}'{}", kind,
                             best.empty() ? "; raw kinds are written like cfn:AWS::S3::Bucket"
                                          : fmt::format("; did you mean '{}'?", best)),
                 span);
  }

  bool expr_error(std::string_view key, Span scalar, std::string_view text, const ExprError& e) {
    return error("rule.expr", fmt::format("in '{}': {}", key, e.message),
                 scalar_offset_span(text_, scalar, text, e.offset));
  }

  bool expression(const Value& node, std::string_view key, const CompileOptions& options,
                  Expr& out) {
    const Value* v = node.find(key);
    if (!v->is_string()) return wrong_type(key, *v, "an expression string");
    auto compiled = Expr::compile(v->as_string(), options);
    if (!compiled) return expr_error(key, v->span(), v->as_string(), compiled.error());
    out = std::move(*compiled);
    return true;
  }

  std::string_view text_;
  std::string_view path_;
  const PackOptions& options_;
  Diagnostics& diags_;
};

}  // namespace

bool load_pack_text(std::string_view text, uint32_t file, std::string_view path,
                    const PackOptions& options, RuleSet& rules, Diagnostics& diags) {
  size_t errors_before = static_cast<size_t>(std::count_if(
      diags.begin(), diags.end(), [](const Diagnostic& d) { return d.level == DiagLevel::Error; }));
  std::vector<Value> docs;
  if (!collect::parse_yaml(text, file, options.limits, docs, diags)) return false;
  PackReader reader(text, path, options, diags);
  for (const auto& doc : docs) {
    if (doc.is_null()) continue;  // an empty pack
    if (!doc.is_list()) {
      diags.push_back(Diagnostic{
          DiagLevel::Error, "rule.pack",
          fmt::format("a rule pack is a list of rules, not a {}", Value::type_name(doc.type())),
          doc.span().known() ? doc.span() : Span{file, 1, 1}});
      continue;
    }
    for (const auto& node : doc.as_list()) {
      Rule rule;
      if (reader.read_rule(node, rule)) rules.add(std::move(rule), diags);
    }
  }
  size_t errors_after = static_cast<size_t>(std::count_if(
      diags.begin(), diags.end(), [](const Diagnostic& d) { return d.level == DiagLevel::Error; }));
  return errors_after == errors_before;
}

bool load_pack_file(const std::filesystem::path& path, SourceTable& sources,
                    const PackOptions& options, RuleSet& rules, Diagnostics& diags) {
  uint32_t file = sources.add(path.string());
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diags.push_back(Diagnostic{DiagLevel::Error, "rule.read",
                               fmt::format("cannot read rule pack {}", path.string()),
                               Span{file, 0, 0}});
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return load_pack_text(buffer.str(), file, path.string(), options, rules, diags);
}

bool load_pack_dir(const std::filesystem::path& dir, SourceTable& sources,
                   const PackOptions& options, RuleSet& rules, Diagnostics& diags) {
  std::error_code ec;
  std::vector<std::filesystem::path> packs;
  std::filesystem::recursive_directory_iterator it(dir, ec), end;
  if (ec) {
    diags.push_back(
        Diagnostic{DiagLevel::Error,
                   "rule.read",
                   fmt::format("cannot read rule directory {}: {}", dir.string(), ec.message()),
                   {}});
    return false;
  }
  for (; it != end; it.increment(ec)) {
    if (ec) break;
    const auto& entry = *it;
    if (entry.is_directory() && entry.path().filename() == "fixtures") {
      it.disable_recursion_pending();
      continue;
    }
    auto ext = entry.path().extension();
    if (entry.is_regular_file() && (ext == ".yaml" || ext == ".yml")) packs.push_back(entry.path());
  }
  std::sort(packs.begin(), packs.end());
  bool ok = true;
  for (const auto& p : packs) ok = load_pack_file(p, sources, options, rules, diags) && ok;
  return ok;
}

}  // namespace cc::rules
