#include "model/base/schema.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "collect/doc/yaml_reader.h"

namespace cc::model {
namespace {

std::shared_ptr<const Type> scalar_type(Type::Kind k, const char* name) {
  auto t = std::make_shared<Type>();
  t->kind = k;
  t->name = name;
  return t;
}

const std::shared_ptr<const Type>& builtin(std::string_view name) {
  static const std::shared_ptr<const Type> any = scalar_type(Type::Kind::Any, "any");
  static const std::shared_ptr<const Type> boolean = scalar_type(Type::Kind::Bool, "bool");
  static const std::shared_ptr<const Type> number = scalar_type(Type::Kind::Number, "number");
  static const std::shared_ptr<const Type> string = scalar_type(Type::Kind::String, "string");
  static const std::shared_ptr<const Type> none;
  if (name == "any") return any;
  if (name == "bool") return boolean;
  if (name == "number") return number;
  if (name == "string") return string;
  return none;
}

bool default_fits(const Type& t, const Value& v) {
  switch (t.kind) {
    case Type::Kind::Any: return true;
    case Type::Kind::Bool: return v.is_bool();
    case Type::Kind::Number: return v.is_number();
    case Type::Kind::String: return v.is_string();
    case Type::Kind::List: return v.is_list();
    case Type::Kind::Map:
    case Type::Kind::Object: return v.is_map();
  }
  return false;
}

// A default is the platform's, not a line of the schema file: it carries no position
// (findings then point at the resource) and every node of it is marked defaulted.
void mark_default(Value& v) {
  v.set_provenance(Provenance::Default);
  v.set_span(Span{});
  if (v.is_list())
    for (auto& item : v.as_list()) mark_default(item);
  if (v.is_map())
    for (auto& m : v.as_map()) {
      m.key_span = Span{};
      mark_default(m.value);
    }
}

}  // namespace

const Field* Type::field(std::string_view n) const {
  for (const auto& f : fields)
    if (f.name == n) return &f;
  return nullptr;
}

std::string Type::describe() const {
  switch (kind) {
    case Kind::List: return fmt::format("list<{}>", element ? element->describe() : "any");
    case Kind::Map: return fmt::format("map<{}>", element ? element->describe() : "any");
    case Kind::Object: return name.empty() ? "object" : name;
    default: return name;
  }
}

// Reads schema YAML into Types; named types may be used before they are declared,
// so references are recorded and resolved in finish().
struct SchemaParser {
  SchemaRegistry& reg;
  Diagnostics& diags;

  void error(Span s, std::string msg) {
    diags.push_back(Diagnostic{DiagLevel::Error, "schema", std::move(msg), s});
  }

  // Parses a type expression such as "list<iam.statement>"; `slot` receives the type
  // now or, for a named type, once finish() resolves it.
  bool parse_type_expr(std::string_view expr, Span s, std::shared_ptr<const Type>& slot,
                       std::vector<std::pair<std::shared_ptr<const Type>*, std::string>>& pending) {
    auto trim = [](std::string_view x) {
      while (!x.empty() && x.front() == ' ') x.remove_prefix(1);
      while (!x.empty() && x.back() == ' ') x.remove_suffix(1);
      return x;
    };
    expr = trim(expr);
    for (auto [prefix, kind] : {std::pair{std::string_view("list<"), Type::Kind::List},
                                std::pair{std::string_view("map<"), Type::Kind::Map}}) {
      if (expr.substr(0, prefix.size()) == prefix && expr.back() == '>') {
        auto t = std::make_shared<Type>();
        t->kind = kind;
        t->name = std::string(expr);
        if (!parse_type_expr(expr.substr(prefix.size(), expr.size() - prefix.size() - 1), s,
                             t->element, pending))
          return false;
        slot = t;
        return true;
      }
    }
    if (const auto& b = builtin(expr)) {
      slot = b;
      return true;
    }
    if (expr.empty() || expr.find_first_of("<> ") != std::string_view::npos) {
      error(s, fmt::format("'{}' is not a type", expr));
      return false;
    }
    pending.emplace_back(&slot, std::string(expr));
    return true;
  }

  bool parse_fields(const Value& fields, Type& into,
                    std::vector<std::pair<std::shared_ptr<const Type>*, std::string>>& pending) {
    if (!fields.is_map()) {
      error(fields.span(), "`fields` must be a map of field name to definition");
      return false;
    }
    bool ok = true;
    into.fields.reserve(fields.as_map().size());
    for (const auto& m : fields.as_map()) {
      const Value& def = m.value;
      if (!def.is_map()) {
        error(def.span(), fmt::format("field '{}' must be a map with `type`", m.key));
        ok = false;
        continue;
      }
      for (const auto& k : def.as_map()) {
        if (k.key != "type" && k.key != "doc" && k.key != "default" && k.key != "fields")
          error(k.key_span, fmt::format("unknown key '{}' in field '{}'", k.key, m.key)), ok = false;
      }
      const Value* type = def.find("type");
      const Value* sub = def.find("fields");
      const bool object = sub || (type && type->is_string() && type->as_string() == "object");
      if (!object && (!type || !type->is_string())) {
        error(def.span(), fmt::format("field '{}' has no `type`", m.key));
        ok = false;
        continue;
      }
      Field& placed = into.fields.emplace_back();
      placed.name = m.key;
      if (const Value* doc = def.find("doc"); doc && doc->is_string()) placed.doc = doc->as_string();
      if (object) {
        auto obj = std::make_shared<Type>();
        obj->kind = Type::Kind::Object;
        if (sub && !parse_fields(*sub, *obj, pending)) ok = false;
        placed.type = obj;
      } else if (!parse_type_expr(type->as_string(), type->span(), placed.type, pending)) {
        ok = false;
      }
      if (const Value* d = def.find("default")) {
        Value dv = *d;
        mark_default(dv);
        placed.default_value = std::move(dv);
      }
    }
    return ok;
  }
};

bool SchemaRegistry::load_text(std::string_view text, uint32_t file, Diagnostics& diags) {
  std::vector<Value> docs;
  if (!collect::parse_yaml(text, file, collect::Limits{}, docs, diags)) return false;
  SchemaParser p{*this, diags};
  bool ok = true;
  for (const Value& doc : docs) {
    if (doc.is_null()) continue;
    if (!doc.is_map()) {
      p.error(doc.span(), "a schema file must be a map");
      ok = false;
      continue;
    }
    for (const auto& m : doc.as_map()) {
      if (m.key != "kind" && m.key != "provider" && m.key != "doc" && m.key != "types" &&
          m.key != "fields")
        p.error(m.key_span, fmt::format("unknown key '{}' in schema", m.key)), ok = false;
    }
    std::vector<std::pair<std::shared_ptr<const Type>*, std::string>> pending;
    if (const Value* types = doc.find("types")) {
      if (!types->is_map()) {
        p.error(types->span(), "`types` must be a map");
        ok = false;
      } else {
        for (const auto& t : types->as_map()) {
          auto obj = std::make_shared<Type>();
          obj->kind = Type::Kind::Object;
          obj->name = t.key;
          const Value* fields = t.value.find("fields");
          if (!fields || !p.parse_fields(*fields, *obj, pending)) {
            if (!fields) p.error(t.value.span(), fmt::format("type '{}' has no `fields`", t.key));
            ok = false;
          }
          if (named_.count(t.key)) {
            p.error(t.key_span, fmt::format("type '{}' is declared twice", t.key));
            ok = false;
            dropped_.push_back(obj);  // keeps slots recorded for it valid until finish()
          } else {
            named_[t.key] = obj;
          }
        }
      }
    }
    if (const Value* kind = doc.find("kind")) {
      if (!kind->is_string()) {
        p.error(kind->span(), "`kind` must be a string");
        ok = false;
      } else if (kinds_.count(kind->as_string())) {
        p.error(kind->span(), fmt::format("kind '{}' is declared twice", kind->as_string()));
        ok = false;
      } else {
        KindSchema ks;
        ks.kind = kind->as_string();
        if (const Value* v = doc.find("provider"); v && v->is_string()) ks.provider = v->as_string();
        if (const Value* v = doc.find("doc"); v && v->is_string()) ks.doc = v->as_string();
        auto obj = std::make_shared<Type>();
        obj->kind = Type::Kind::Object;
        obj->name = ks.kind;
        if (const Value* fields = doc.find("fields"); fields && !p.parse_fields(*fields, *obj, pending))
          ok = false;
        ks.type = obj;
        kinds_[ks.kind] = std::move(ks);
      }
    }
    for (auto& [slot, name] : pending) pending_.emplace_back(slot, name);
  }
  return ok;
}

bool SchemaRegistry::finish(Diagnostics& diags) {
  bool ok = true;
  for (auto& [slot, name] : pending_) {
    auto it = named_.find(name);
    if (it == named_.end()) {
      diags.push_back(Diagnostic{DiagLevel::Error, "schema", fmt::format("unknown type '{}'", name), {}});
      ok = false;
      continue;
    }
    *slot = it->second;
  }
  pending_.clear();
  // Defaults must fit their declared type.
  for (const auto& [name, ks] : kinds_) {
    std::vector<std::pair<const Type*, std::string>> queue{{ks.type.get(), name}};
    size_t guard = 0;
    while (!queue.empty() && ++guard < 100000) {
      auto [t, path] = queue.back();
      queue.pop_back();
      if (!t || t->kind != Type::Kind::Object) continue;
      for (const auto& f : t->fields) {
        if (f.type && f.default_value && !default_fits(*f.type, *f.default_value)) {
          diags.push_back(Diagnostic{DiagLevel::Error, "schema",
                                     fmt::format("default of {}.{} is not a {}", path, f.name,
                                                 f.type->describe()),
                                     {}});
          ok = false;
        }
        if (f.type && f.type->kind == Type::Kind::Object && f.type->name.empty())
          queue.emplace_back(f.type.get(), path + "." + f.name);
      }
    }
  }
  return ok;
}

bool SchemaRegistry::load_dir(const std::filesystem::path& dir, SourceTable& sources,
                              Diagnostics& diags) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    diags.push_back(Diagnostic{DiagLevel::Error, "schema",
                               fmt::format("schema directory {} not found", dir.string()), {}});
    return false;
  }
  std::vector<std::filesystem::path> files;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file() && it->path().extension() == ".yaml") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  bool ok = true;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    uint32_t id = sources.add(f.string());
    if (!load_text(ss.str(), id, diags)) ok = false;
  }
  return finish(diags) && ok;
}

const KindSchema* SchemaRegistry::find(std::string_view kind) const {
  auto it = kinds_.find(kind);
  return it == kinds_.end() ? nullptr : &it->second;
}

std::vector<const KindSchema*> SchemaRegistry::all() const {
  std::vector<const KindSchema*> out;
  for (const auto& [k, v] : kinds_) out.push_back(&v);
  return out;
}

void apply_defaults(const Type& type, Value& v) {
  if (type.kind == Type::Kind::List && type.element && v.is_list()) {
    for (auto& item : v.as_list()) apply_defaults(*type.element, item);
    return;
  }
  if (type.kind != Type::Kind::Object || !v.is_map()) return;
  for (const auto& f : type.fields) {
    Value* cur = v.find(f.name);
    if (!cur) {
      if (f.default_value) {
        v.set(f.name, *f.default_value);
      } else if (f.type && f.type->kind == Type::Kind::Object) {
        // An absent object whose fields have defaults is filled in, so
        // `resource.encryption.enabled` reads the documented default.
        Value obj = Value::map();
        obj.set_provenance(Provenance::Default);
        apply_defaults(*f.type, obj);
        if (!obj.as_map().empty()) v.set(f.name, std::move(obj));
      }
      continue;
    }
    if (f.type) apply_defaults(*f.type, *cur);
  }
}

bool is_raw_kind(std::string_view kind) { return kind.find(':') != std::string_view::npos; }

}  // namespace cc::model
