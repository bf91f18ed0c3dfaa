#pragma once
// Helpers every AWS adapter shares: finding raw CloudFormation resources, reading
// their Properties, converting loosely typed values while keeping source spans,
// normalising IAM policy documents and tag lists, and joining resources that
// reference each other by Ref / Fn::GetAtt.
//
// Conventions the helpers follow (and adapters should too):
// * An absent property stays absent in the canonical map, so the schema default is
//   applied later with Provenance::Default.
// * An unknown property becomes an unknown canonical value (the Unknown keeps its
//   ref), never a guessed one.
// * A property of the wrong type becomes unknown with a reason and adds a warning
//   diagnostic at the property's span ("aws.property_type"); it is never a crash.
// * Every canonical value carries the span of the source value it was derived from.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/base/adapt.h"

namespace cc::model::aws {

// ---- raw resources -------------------------------------------------------------------

// "cfn:AWS::S3::Bucket" for "AWS::S3::Bucket".
std::string cfn_kind(std::string_view cfn_type);
// True if `raw` is a CloudFormation resource of that type ("AWS::S3::Bucket").
bool is_type(const Resource& raw, std::string_view cfn_type);
// Every raw resource of that type in the document, in source order.
const std::vector<const Resource*>& resources_of_type(const AdaptContext& ctx, std::string_view cfn_type);

// The resource's Properties map, or nullptr when it has none (or it is not a map).
const Value* properties(const Resource& raw);
// A property by dotted path inside Properties ("MetadataOptions.HttpTokens"), or nullptr
// when absent. When Properties or a map on the way is unknown (an Fn::If on an unknown
// condition), that unknown value is returned: the property may be set, so it must not
// read as absent and fall back to a default.
const Value* property(const Resource& raw, std::string_view dotted);

// A canonical resource for `raw`: same address, span and end line, provider "aws",
// format "cloudformation", attributes an empty map spanning the resource. The name is
// the string value of the physical-name property `name_property` (e.g. "BucketName")
// when it is set and known, else the logical id.
Resource make_canonical(const Resource& raw, std::string kind, std::string_view name_property = {});

// ---- conversions (each keeps the source span) -------------------------------------

// Context the converters need to report a property of the wrong type. The converters
// serve every platform whose sources are read the same way; each reports under its own
// diagnostic code ("azure.argument_type" for the azurerm adapters).
struct Convert {
  explicit Convert(Diagnostics& d, std::string_view type_code = "aws.property_type")
      : diags(d), code(type_code) {}
  Diagnostics& diags;
  std::string_view code;
  void type_warning(const Value& v, std::string_view expected) const;
};

// bool, number (non-zero) or "true"/"false" strings -> bool; unknown stays unknown.
Value to_bool(const Value& v, const Convert& c);
// number or numeric string -> number; unknown stays unknown.
Value to_number(const Value& v, const Convert& c);
// string, number or bool -> string; unknown stays unknown.
Value to_string(const Value& v, const Convert& c);
// a string (one element) or a list of scalars -> list of strings. An unknown element
// stays an unknown element; an unknown list stays unknown.
Value to_string_list(const Value& v, const Convert& c);

// Like to_string / to_string_list, but an unknown that references another resource of
// the template becomes the string "${LogicalId}" or "${LogicalId.Attribute}" (Fn::Sub
// spelling), for fields that name other resources (security groups, policy ARNs,
// subnets): the name of a template resource is a fact even before deployment. An Fn::Sub
// result whose unknown parts are only such facts or pseudo parameters keeps its whole
// shape ("arn:${AWS::Partition}:iam::${AWS::AccountId}:root", Unknown::shape). For an
// Fn::Sub mixing text and references, the collector keeps only the first reference, so
// "${Bucket.Arn}/*" reads "${Bucket.Arn}": it names the right resource, not the path.
Value to_reference_string(const Value& v, const Convert& c);
Value to_reference_list(const Value& v, const Convert& c);

// Set `out[dotted]` from `src` converted as named, only when `src` is not nullptr.
// Return true when something was set.
bool set_bool(Value& out, std::string_view dotted, const Value* src, const Convert& c);
bool set_number(Value& out, std::string_view dotted, const Value* src, const Convert& c);
bool set_string(Value& out, std::string_view dotted, const Value* src, const Convert& c);
bool set_string_list(Value& out, std::string_view dotted, const Value* src, const Convert& c);
// Copies `src` as is (deep copy keeps every nested span), only when `src` is not nullptr.
bool set_reference(Value& out, std::string_view dotted, const Value* src, const Convert& c);
bool set_reference_list(Value& out, std::string_view dotted, const Value* src, const Convert& c);
bool set_copy(Value& out, std::string_view dotted, const Value* src);

// Whether an identifier-like property (a KMS key id, a bucket name, a role ARN) is
// effectively set: a non-empty known string, or an unknown that references another
// resource (its physical id or attribute always exists) -> true; an empty string ->
// false; an unknown with no reference (a parameter without default) -> unknown.
// The result carries the span of `v`.
Value is_set(const Value& v);
// Same, for an optional property: absent -> false (span `fallback`).
Value is_set(const Value* v, Span fallback);

// ---- tags -------------------------------------------------------------------------------

// CloudFormation Tags, either a list of {Key, Value} (most resources) or a map of
// string to string (a few resources), as a map<string>. Entries with an unknown key
// are skipped; unknown values stay unknown. An unknown Tags list gives unknown.
Value tags_map(const Value& tags, const Convert& c);

// ---- IAM policy documents -------------------------------------------------------------

// A policy document -- a map, or a JSON string (parsed here; a parse error is a
// diagnostic and gives unknown), or unknown -- as {statements: list<iam.statement>}
// in the shape of schemas/types/iam.yaml:
//   {sid, effect, actions, not_actions, resources, not_resources, principals, conditions}
// Action/Resource/Principal given as one string become one-element lists; principals
// are "*" (anyone), "AWS:<x>", "Service:<x>", "Federated:<x>", "CanonicalUser:<x>";
// conditions are {operator, key, values}. A value referencing another resource of the
// template (an unknown with a ref, e.g. !GetAtt Role.Arn) is written "${Role.Arn}", the
// way Fn::Sub spells it: it names that resource, so it is never a wildcard. Other
// unknown parts stay unknown.
Value normalize_policy(const Value& document, const Convert& c);
// One statement map in the same shape.
Value normalize_statement(const Value& statement, const Convert& c);

// ---- references between resources -----------------------------------------------------

// The reference an unknown value stands for ("MyBucket" or "MyBucket.Arn"), or "".
std::string_view ref_of(const Value& v);
// The logical id part of that reference ("MyBucket" for "MyBucket.Arn"), or "".
std::string_view ref_target(const Value& v);
// True when `v` refers to the resource `target`: an unknown whose reference names its
// logical id (with or without an attribute), or a known string equal to the resource's
// physical name `physical_name` (when that is non-empty).
bool refers_to(const Value& v, const Resource& target, std::string_view physical_name = {});
// The raw resource `v` references in this document, optionally only of `cfn_type`,
// or nullptr (not a reference, or the target is not in the template).
const Resource* referenced(const AdaptContext& ctx, const Value& v, std::string_view cfn_type = {});
// The known string value of a resource's physical-name property, or "".
std::string physical_name(const Resource& raw, std::string_view name_property);

}  // namespace cc::model::aws
