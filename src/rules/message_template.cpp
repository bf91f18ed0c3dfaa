#include "rules/message_template.h"

#include <fmt/format.h>

#include <cmath>

namespace cc::rules {

std::string display(const Value& v) {
  switch (v.type()) {
    case Value::Type::Null:
      return "<unset>";
    case Value::Type::Unknown:
      return "<unknown>";
    case Value::Type::Bool:
      return v.as_bool() ? "true" : "false";
    case Value::Type::String:
      return v.as_string();
    case Value::Type::Number: {
      double d = v.as_number();
      if (std::isfinite(d) && d == std::trunc(d) && std::fabs(d) < 1e15)
        return fmt::format("{}", static_cast<long long>(d));
      return fmt::format("{}", d);
    }
    case Value::Type::List: {
      std::string out = "[";
      for (const auto& item : v.as_list()) {
        if (out.size() > 1) out += ", ";
        out += display(item);
      }
      return out + "]";
    }
    case Value::Type::Map: {
      std::string out = "{";
      for (const auto& m : v.as_map()) {
        if (out.size() > 1) out += ", ";
        out += m.key + ": " + display(m.value);
      }
      return out + "}";
    }
  }
  return {};
}

Result<MessageTemplate, ExprError> MessageTemplate::compile(std::string_view text,
                                                            const CompileOptions& options) {
  CompileOptions value_options = options;
  value_options.require_bool = false;
  MessageTemplate t;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t open = text.find("{{", pos);
    if (open == std::string_view::npos) {
      t.parts_.push_back(Part{std::string(text.substr(pos)), {}});
      break;
    }
    if (open > pos) t.parts_.push_back(Part{std::string(text.substr(pos, open - pos)), {}});
    size_t close = text.find("}}", open + 2);
    if (close == std::string_view::npos) {
      ExprError e;
      e.offset = open;
      e.message = "'{{' is not closed by '}}'";
      return unexpected(std::move(e));
    }
    size_t start = open + 2;
    auto expr = Expr::compile(text.substr(start, close - start), value_options);
    if (!expr) {
      ExprError e = expr.error();
      e.offset += start;
      return unexpected(std::move(e));
    }
    t.parts_.push_back(Part{{}, std::move(*expr)});
    pos = close + 2;
  }
  return t;
}

std::string MessageTemplate::render(const Value& resource) const {
  std::string out;
  for (const auto& p : parts_) {
    if (p.expr.empty()) {
      out += p.literal;
    } else {
      out += display(p.expr.evaluate(resource));
    }
  }
  return out;
}

}  // namespace cc::rules
