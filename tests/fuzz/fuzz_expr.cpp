// Compiles arbitrary text as a rule expression (checked against a small schema, and
// unchecked); whatever compiles is evaluated against a fixed resource. Neither step
// may crash, hang or leak, whatever the input.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/value.h"
#include "model/base/schema.h"
#include "rules/expr.h"
#include "rules/message_template.h"

namespace {

constexpr const char* kSchema = R"(
kind: fuzz.bucket
fields:
  name: {type: string}
  size: {type: number}
  public: {type: bool}
  tags: {type: map<string>}
  labels: {type: list<string>}
  ingress: {type: list<any>}
  encryption: {type: object, fields: {enabled: {type: bool}}}
)";

const cc::model::SchemaRegistry& registry() {
  static const cc::model::SchemaRegistry reg = [] {
    cc::model::SchemaRegistry r;
    cc::Diagnostics diags;
    r.load_text(kSchema, 1, diags);
    r.finish(diags);
    return r;
  }();
  return reg;
}

const cc::Value& resource() {
  static const cc::Value r = [] {
    using cc::Value;
    Value v = Value::map();
    v.set("name", Value::string("logs", cc::Span{1, 2, 3}));
    v.set("size", Value::number(3));
    v.set("public", Value::boolean(false));
    v.set("labels", Value::list({Value::string("a"), Value::unknown("parameter Label")}));
    v.set_path("tags.env", Value::string("prod"));
    v.set_path("encryption.enabled", Value::unknown("parameter Encrypt"));
    Value rule = Value::map();
    rule.set("cidrs", Value::list({Value::string("0.0.0.0/0"), Value::string("10.0.0.0/33")}));
    rule.set("from_port", Value::number(22));
    v.set("ingress", Value::list({rule}));
    return v;
  }();
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto* kind = registry().find("fuzz.bucket");
  for (bool checked : {true, false}) {
    cc::rules::CompileOptions options;
    if (checked && kind) options.resource = kind->type;
    options.require_bool = false;
    auto expr = cc::rules::Expr::compile(text, options);
    if (!expr) continue;
    cc::rules::Trace trace;
    (void)expr->test(resource(), &trace);
    (void)expr->evaluate(resource());
  }
  if (auto message = cc::rules::MessageTemplate::compile(text, {}))
    (void)message->render(resource());
  return 0;
}
