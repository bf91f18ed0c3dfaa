#pragma once
// Helpers for calling Terraform functions in tests: values from JSON text, results
// shown as compact JSON (unknowns as <unknown>), errors as their message.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "collect/doc/json_reader.h"
#include "collect/tffunc/functions.h"

namespace cc::terraform::test {

inline Value S(std::string s) { return Value::string(std::move(s)); }
inline Value N(double d) { return Value::number(d); }
inline Value B(bool b) { return Value::boolean(b); }
inline Value U(std::string ref = {}) { return Value::unknown("test", {}, std::move(ref)); }

// A value from JSON text (lists, maps, numbers...).
inline Value J(std::string_view json) {
  Value v;
  Diagnostics diags;
  EXPECT_TRUE(collect::parse_json(json, 0, collect::Limits{}, v, diags)) << json;
  return v;
}

inline void show_into(std::string& out, const Value& v) {
  switch (v.type()) {
    case Value::Type::Null:
      out += "null";
      break;
    case Value::Type::Bool:
      out += v.as_bool() ? "true" : "false";
      break;
    case Value::Type::Number: {
      char buf[64];
      double d = v.as_number();
      if (d == static_cast<long long>(d))
        snprintf(buf, sizeof buf, "%lld", static_cast<long long>(d));
      else
        snprintf(buf, sizeof buf, "%.17g", d);
      out += buf;
      break;
    }
    case Value::Type::String:
      out += "\"" + v.as_string() + "\"";
      break;
    case Value::Type::List: {
      out += "[";
      for (size_t i = 0; i < v.as_list().size(); ++i) {
        if (i) out += ",";
        show_into(out, v.as_list()[i]);
      }
      out += "]";
      break;
    }
    case Value::Type::Map: {
      out += "{";
      for (size_t i = 0; i < v.as_map().size(); ++i) {
        if (i) out += ",";
        out += "\"" + v.as_map()[i].key + "\":";
        show_into(out, v.as_map()[i].value);
      }
      out += "}";
      break;
    }
    case Value::Type::Unknown:
      out += "<unknown>";
      break;
  }
}

inline std::string show(const Value& v) {
  std::string out;
  show_into(out, v);
  return out;
}

class Fn : public ::testing::Test {
 protected:
  FunctionContext ctx;

  Result<Value, std::string> call(std::string_view name, std::vector<Value> args) {
    return call_function(name, std::move(args), ctx);
  }
  // The result shown as text, or "error: <message>".
  std::string eval(std::string_view name, std::vector<Value> args) {
    auto r = call(name, std::move(args));
    if (!r) return "error: " + r.error();
    return show(*r);
  }
  // The string result itself (no quotes), or "error: <message>".
  std::string str(std::string_view name, std::vector<Value> args) {
    auto r = call(name, std::move(args));
    if (!r) return "error: " + r.error();
    if (!r->is_string()) return "not a string: " + show(*r);
    return r->as_string();
  }
  bool fails(std::string_view name, std::vector<Value> args) {
    return !call(name, std::move(args)).has_value();
  }
  bool unknown(std::string_view name, std::vector<Value> args) {
    auto r = call(name, std::move(args));
    return r && r->is_unknown();
  }
};

}  // namespace cc::terraform::test
