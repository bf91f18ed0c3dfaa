// AWS::Lambda::Function -> aws.lambda.function, with the AWS::Lambda::Url resources
// that expose it joined in.
#include <algorithm>
#include <array>

#include "model/aws/aws.h"
#include "model/aws/common.h"
#include "model/aws/derive.h"
#include "model/aws/util2.h"

namespace cc::model::aws {
namespace {

// A value written into the template itself, as opposed to one resolved at deploy time
// (a parameter, another resource's attribute or a {{resolve:...}} dynamic reference).
bool written_inline(const Value& v) {
  if (v.is_number() || v.is_bool()) return true;
  if (!v.is_string()) return false;
  const std::string& s = v.as_string();
  return !s.empty() && s.find("{{resolve:") == std::string::npos;
}

void join_urls(const AdaptContext& ctx, const Resource& raw, Value& out, const Convert& c) {
  auto urls = referrers(ctx, "AWS::Lambda::Url", "TargetFunctionArn", raw,
                        physical_name(raw, "FunctionName"));
  if (urls.empty()) return;  // the schema default is an empty list
  List list;
  for (const Resource* url : urls) {
    Value entry = Value::map({}, url->span);
    entry.set("address", Value::string(url->address, url->span));
    if (const Value* auth = property(*url, "AuthType"))
      entry.set("auth_type", to_string(*auth, c));
    else
      entry.set("auth_type", Value::unknown("AuthType is required and missing", url->span));
    set_string(entry, "qualifier", property(*url, "Qualifier"), c);
    list.push_back(std::move(entry));
  }
  out.set("function_urls", Value::list(std::move(list), urls.front()->span));
}

Resource adapt_function(const AdaptContext& ctx, const Resource& raw, const Convert& c) {
  Resource r = make_named(raw, "aws.lambda.function", "FunctionName");
  Value& out = r.attributes;
  copy_fields(raw, out,
              {{"Runtime", "runtime", As::String},
               {"PackageType", "package_type", As::String},
               {"Role", "role", As::String},
               {"TracingConfig.Mode", "tracing_mode", As::String},
               {"ReservedConcurrentExecutions", "reserved_concurrency", As::Number},
               {"KmsKeyArn", "environment.kms_key", As::String},
               {"VpcConfig.SubnetIds", "vpc.subnet_ids", As::StringList},
               {"VpcConfig.SecurityGroupIds", "vpc.security_group_ids", As::StringList},
               {"DeadLetterConfig.TargetArn", "dead_letter.target", As::String}},
              c);
  if (const Value* runtime = out.find("runtime"))
    out.set("deprecated_runtime", deprecated_runtime(*runtime));
  if (const Value* subnets = property(raw, "VpcConfig.SubnetIds"))
    out.set_path("vpc.attached", vpc_attached(*subnets, "SubnetIds"));
  if (const Value* target = property(raw, "DeadLetterConfig.TargetArn"))
    out.set_path("dead_letter.configured", is_set(*target));
  if (const Value* vars = property(raw, "Environment.Variables"))
    out.set_path("environment.variables", environment_variables(*vars, c, written_inline));
  join_urls(ctx, raw, out, c);
  if (const Value* tags = property(raw, "Tags")) out.set("tags", tags_map(*tags, c));
  return r;
}

}  // namespace

// Runtimes past their deprecation date: the platform no longer patches them, so a
// function on one runs without security fixes. Kept in step with the provider's
// published runtime deprecation schedule (current to 2026-06).
constexpr std::array<std::string_view, 29> kDeprecatedRuntimes = {
    "nodejs",     "nodejs4.3",     "nodejs4.3-edge", "nodejs6.10",    "nodejs8.10",
    "nodejs10.x", "nodejs12.x",    "nodejs14.x",     "nodejs16.x",    "nodejs18.x",
    "nodejs20.x", "python2.7",     "python3.6",      "python3.7",     "python3.8",
    "python3.9",  "dotnetcore1.0", "dotnetcore2.0",  "dotnetcore2.1", "dotnetcore3.1",
    "dotnet5.0",  "dotnet6",       "dotnet7",        "java8",         "go1.x",
    "ruby2.5",    "ruby2.7",       "ruby3.2",        "provided"};

Value deprecated_runtime(const Value& runtime) {
  if (!runtime.is_string()) return Value::unknown("the runtime is not known", runtime.span());
  bool old = std::find(kDeprecatedRuntimes.begin(), kDeprecatedRuntimes.end(),
                       runtime.as_string()) != kDeprecatedRuntimes.end();
  return Value::boolean(old, runtime.span());
}

void adapt_lambda(AdaptContext& ctx) {
  Convert c{ctx.diags};
  for (const Resource* raw : resources_of_type(ctx, "AWS::Lambda::Function"))
    ctx.out.push_back(adapt_function(ctx, *raw, c));
}

}  // namespace cc::model::aws
