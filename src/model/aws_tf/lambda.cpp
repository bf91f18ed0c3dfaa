// aws_lambda_function -> aws.lambda.function, with the aws_lambda_function_url resources
// that expose it joined in.
#include "model/aws/derive.h"
#include "model/aws_tf/aws_tf.h"
#include "model/aws_tf/common.h"

namespace cc::model::aws_tf {
namespace {

using aws::As;

// A value written into the configuration itself (directly, or through a local or a
// variable default), as opposed to one only known at apply time (a variable without
// value, a secret read from another resource or data source).
bool written_inline(const Value& v) {
  if (v.is_number() || v.is_bool()) return true;
  return v.is_string() && !v.as_string().empty();
}

void join_urls(const AdaptContext& ctx, const Resource& raw, Value& out, const Convert& c) {
  auto urls = referrers(ctx, "aws_lambda_function_url", "function_name", raw,
                        known_string(raw, "function_name"));
  if (urls.empty()) return;  // the schema default is an empty list
  List list;
  for (const Resource* url : urls) {
    Value entry = Value::map({}, url->span);
    entry.set("address", Value::string(url->address, url->span));
    if (const Value* auth = present(tf::attr(*url, "authorization_type")))
      entry.set("auth_type", aws::to_string(*auth, c));
    else
      entry.set("auth_type",
                Value::unknown("authorization_type is required and missing", url->span));
    aws::set_string(entry, "qualifier", present(tf::attr(*url, "qualifier")), c);
    list.push_back(std::move(entry));
  }
  out.set("function_urls", Value::list(std::move(list), urls.front()->span));
}

Resource adapt_function(const AdaptContext& ctx, const Resource& raw, const Convert& c) {
  Resource r = make_named(raw, "aws.lambda.function", "function_name");
  Value& out = r.attributes;
  copy_attrs(raw, out,
             {{"runtime", "runtime", As::String},
              {"package_type", "package_type", As::String},
              {"tracing_config.mode", "tracing_mode", As::String},
              {"vpc_config.subnet_ids", "vpc.subnet_ids", As::StringList},
              {"vpc_config.security_group_ids", "vpc.security_group_ids", As::StringList}},
             c);
  aws::set_reference(out, "role", present(tf::attr(raw, "role")), c);
  if (const Value* key = present(tf::attr(raw, "kms_key_arn")); key)
    aws::set_reference(out, "environment.kms_key", key, c);
  if (const Value* runtime = out.find("runtime"))
    out.set("deprecated_runtime", aws::deprecated_runtime(*runtime));
  // -1 is the provider's spelling of "no reserved concurrency".
  if (const Value* reserved = present(tf::attr(raw, "reserved_concurrent_executions"))) {
    Value n = aws::to_number(*reserved, c);
    if (!n.is_number() || n.as_number() >= 0) out.set("reserved_concurrency", n);
  }
  if (const Value* subnets = present(tf::attr(raw, "vpc_config.subnet_ids")))
    out.set_path("vpc.attached", aws::vpc_attached(*subnets, "subnet_ids"));
  if (const Value* target = present(tf::attr(raw, "dead_letter_config.target_arn"))) {
    out.set_path("dead_letter.configured", aws::is_set(*target));
    aws::set_reference(out, "dead_letter.target", target, c);
  }
  if (const Value* vars = present(tf::attr(raw, "environment.variables")))
    out.set_path("environment.variables", aws::environment_variables(*vars, c, written_inline));
  join_urls(ctx, raw, out, c);
  set_tags(raw, out, c);
  return r;
}

}  // namespace

void adapt_lambda(AdaptContext& ctx) {
  Convert c{ctx.diags};
  for (const Resource* raw : tf::resources_of_type(ctx, "aws_lambda_function"))
    ctx.out.push_back(adapt_function(ctx, *raw, c));
}

}  // namespace cc::model::aws_tf
