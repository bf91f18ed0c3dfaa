#include "report/inventory.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <ostream>

namespace cc::report {
namespace {

using J = nlohmann::ordered_json;

struct Walk {
  J defaulted = J::array();
  J unknown = J::object();

  J convert(const Value& v, const std::string& path) {
    if (v.provenance() == Provenance::Default && !path.empty()) defaulted.push_back(path);
    switch (v.type()) {
      case Value::Type::Null: return nullptr;
      case Value::Type::Bool: return v.as_bool();
      case Value::Type::Number: {
        double d = v.as_number();
        if (d == static_cast<double>(static_cast<long long>(d)) && d < 9e15 && d > -9e15)
          return static_cast<long long>(d);
        return d;
      }
      case Value::Type::String: return v.as_string();
      case Value::Type::List: {
        J arr = J::array();
        size_t i = 0;
        for (const auto& item : v.as_list()) arr.push_back(convert(item, fmt::format("{}[{}]", path, i++)));
        return arr;
      }
      case Value::Type::Map: {
        J obj = J::object();
        for (const auto& m : v.as_map())
          obj[m.key] = convert(m.value, path.empty() ? m.key : path + "." + m.key);
        return obj;
      }
      case Value::Type::Unknown: {
        const auto& u = v.as_unknown();
        unknown[path] = u.reason;
        J j = {{"$unknown", u.reason}};
        if (!u.ref.empty()) j["ref"] = u.ref;
        return j;
      }
    }
    return nullptr;
  }
};

void schema_rows(const model::Type& t, const std::string& prefix,
                 std::vector<std::tuple<std::string, std::string, std::string, std::string>>& rows,
                 int depth) {
  if (depth > 12) return;  // recursive named types
  for (const auto& f : t.fields) {
    std::string path = prefix.empty() ? f.name : prefix + "." + f.name;
    std::string def;
    if (f.default_value) {
      Walk w;
      def = w.convert(*f.default_value, "").dump();
    }
    std::string type = f.type ? f.type->describe() : "any";
    rows.emplace_back(path, type, def, f.doc);
    if (!f.type) continue;
    if (f.type->kind == model::Type::Kind::Object) schema_rows(*f.type, path, rows, depth + 1);
    if ((f.type->kind == model::Type::Kind::List || f.type->kind == model::Type::Kind::Map) &&
        f.type->element && f.type->element->kind == model::Type::Kind::Object)
      schema_rows(*f.type->element, path + "[]", rows, depth + 1);
  }
}

}  // namespace

void write_inventory(const std::vector<Resource>& resources, const SourceTable& sources,
                     std::ostream& out) {
  J arr = J::array();
  for (const auto& r : resources) {
    Walk w;
    J attrs = w.convert(r.attributes, "");
    J loc = {{"file", sources.path(r.span.file)}};
    if (r.span.known()) {
      loc["line"] = r.span.line;
      loc["column"] = r.span.col;
      if (r.end_line) loc["end_line"] = r.end_line;
    }
    arr.push_back({{"kind", r.kind},
                   {"address", r.address},
                   {"name", r.name},
                   {"provider", r.provider},
                   {"format", r.format},
                   {"location", loc},
                   {"attributes", attrs},
                   {"defaulted", w.defaulted},
                   {"unknown", w.unknown}});
  }
  out << arr.dump(2) << "\n";
}

void write_schema_text(const model::KindSchema& schema, std::ostream& out) {
  out << fmt::format("{} ({})\n{}\n\n", schema.kind, schema.provider, schema.doc);
  std::vector<std::tuple<std::string, std::string, std::string, std::string>> rows;
  schema_rows(*schema.type, "", rows, 0);
  size_t w1 = 5, w2 = 4, w3 = 7;
  for (auto& [p, t, d, doc] : rows) {
    w1 = std::max(w1, p.size());
    w2 = std::max(w2, t.size());
    w3 = std::max(w3, d.size());
  }
  out << fmt::format("{:<{}}  {:<{}}  {:<{}}  {}\n", "FIELD", w1, "TYPE", w2, "DEFAULT", w3, "DESCRIPTION");
  for (auto& [p, t, d, doc] : rows)
    out << fmt::format("{:<{}}  {:<{}}  {:<{}}  {}\n", p, w1, t, w2, d, w3, doc);
}

void write_schema_json(const model::KindSchema& schema, std::ostream& out) {
  std::vector<std::tuple<std::string, std::string, std::string, std::string>> rows;
  schema_rows(*schema.type, "", rows, 0);
  J fields = J::array();
  for (auto& [p, t, d, doc] : rows) {
    J f = {{"path", p}, {"type", t}, {"doc", doc}};
    if (!d.empty()) f["default"] = J::parse(d);
    fields.push_back(std::move(f));
  }
  out << J{{"kind", schema.kind}, {"provider", schema.provider}, {"doc", schema.doc}, {"fields", fields}}.dump(2)
      << "\n";
}

}  // namespace cc::report
