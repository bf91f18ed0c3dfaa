#pragma once
// How Terraform resources look before adapters turn them into canonical kinds, and the
// helpers every Terraform adapter (AWS, Azure, Google Cloud) shares to read them.
//
// Both the configuration evaluator (.tf/.tf.json) and the plan reader (terraform show
// -json) produce the same raw resources:
// * kind "tf:<type>" for a managed resource ("tf:aws_s3_bucket"), "tf:data.<type>" for a
//   data source ("tf:data.aws_iam_policy_document"); format "terraform"; provider the
//   type's prefix ("aws", "azurerm", "google").
// * address exactly as Terraform writes it: `aws_s3_bucket.logs`,
//   `module.net.aws_subnet.private[0]`, `aws_s3_bucket.logs["eu"]`,
//   `data.aws_iam_policy_document.p`.
// * attributes: a map of the resource's arguments with values evaluated. A nested
//   block is a list of maps under the block's type name (one element per block), the
//   way `terraform show -json` writes it; meta-arguments (count, for_each, provider,
//   depends_on, lifecycle) are not included. A value Terraform would only know after
//   apply is Value::unknown; when it stands for another resource's attribute its
//   Unknown::ref is "<address>.<attribute>" (`aws_s3_bucket.logs.id`,
//   `module.a.aws_kms_key.k["x"].arn`), and a string built from such references keeps
//   its whole shape in Unknown::shape ("${aws_s3_bucket.logs.arn}/*"), so adapters can
//   join resources and know the value names something specific.
#include <string>
#include <string_view>
#include <vector>

#include "model/base/adapt.h"

namespace cc::model::tf {

inline constexpr std::string_view kFormat = "terraform";

std::string kind(std::string_view type);       // "tf:aws_s3_bucket"
std::string data_kind(std::string_view type);  // "tf:data.aws_iam_policy_document"

bool is_type(const Resource& raw, std::string_view type);
bool is_data(const Resource& raw, std::string_view type);
const std::vector<const Resource*>& resources_of_type(const AdaptContext& ctx, std::string_view type);

// An argument by dotted path ("versioning.0.enabled" or, since a block is a list of
// one map, also "versioning.enabled": a step through a list takes its first element).
// nullptr when absent. When a value on the way is unknown, that unknown is returned:
// the argument may be set, so it must not read as absent and fall back to a default.
const Value* attr(const Resource& raw, std::string_view dotted);

// The maps of a nested block: a list of maps (the usual form), a single map (the JSON
// syntax and some plan values write a block that way), or nothing. Null elements are
// skipped; an unknown block value gives one unknown element so callers see it.
std::vector<const Value*> blocks(const Value* v);
std::vector<const Value*> blocks(const Resource& raw, std::string_view name);
// The first block's map, or nullptr.
const Value* first_block(const Resource& raw, std::string_view name);

// ---- references -------------------------------------------------------------------------

// The reference an unknown value stands for ("aws_s3_bucket.logs.id"), or "".
std::string_view ref_of(const Value& v);
// The address part of a reference: "aws_s3_bucket.logs" for "aws_s3_bucket.logs.id",
// `module.m.aws_s3_bucket.b["a.b"]` for `module.m.aws_s3_bucket.b["a.b"].arn`.
std::string_view ref_address(std::string_view ref);
// The attribute part: "id" for "aws_s3_bucket.logs.id"; "" when there is none.
std::string_view ref_attribute(std::string_view ref);
// True when `v` points at `target`: an unknown whose reference names its address, or a
// known string equal to `known_name` when that is non-empty (a bucket referred to by
// its name, a key by its ARN written out).
bool refers_to(const Value& v, const Resource& target, std::string_view known_name = {});
// The raw resource `v` references in the document (optionally only of `type`), or nullptr.
const Resource* referenced(const AdaptContext& ctx, const Value& v, std::string_view type = {});

// A canonical resource for `raw`: same address, span, end line and provider, format
// "terraform", attributes an empty map spanning the resource. The name is the known
// string value of `name_attr` when given and set, else the address.
Resource make_canonical(const Resource& raw, std::string kind, std::string_view name_attr = {});

}  // namespace cc::model::tf
