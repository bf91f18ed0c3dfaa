#include <gtest/gtest.h>

#include "collect/doc/json_reader.h"
#include "model/aws/derive.h"
#include "raw2.h"

namespace cc {
namespace {

using test::at;

// Statements in the canonical shape, normalised from a JSON policy document.
Value statements_of(std::string_view json) {
  Value doc;
  Diagnostics diags;
  EXPECT_TRUE(collect::parse_json(json, 1, collect::Limits{}, doc, diags));
  Value normalized = model::aws::normalize_policy(doc, model::aws::Convert{diags});
  EXPECT_TRUE(diags.empty());
  return at(normalized, "statements");
}

TEST(AwsDerive, DeniesInsecureTransport) {
  using model::aws::denies_insecure_transport;
  Value tls = statements_of(R"({"Statement": [
    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
    {"Effect": "Deny", "Action": "s3:*", "Resource": "*",
     "Condition": {"Bool": {"aws:securetransport": "FALSE"}}}]})");
  EXPECT_EQ(denies_insecure_transport(tls, {}), Value::boolean(true));

  Value other = statements_of(R"({"Statement": [
    {"Effect": "Deny", "Action": "s3:*", "Resource": "*",
     "Condition": {"StringEquals": {"aws:SecureTransport": "false"}}}]})");
  EXPECT_EQ(denies_insecure_transport(other, {}), Value::boolean(false));
  EXPECT_EQ(denies_insecure_transport(Value::list(), {}), Value::boolean(false));

  // A condition operator whose keys cannot be read may be the TLS deny: unknown, never false.
  Value hidden = statements_of(R"({"Statement": [
    {"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {}}}]})");
  List conds;
  conds.push_back(Value::unknown("a parameter"));
  hidden.as_list()[0].set("conditions", Value::list(std::move(conds)));
  EXPECT_TRUE(denies_insecure_transport(hidden, {}).is_unknown());
  EXPECT_TRUE(denies_insecure_transport(Value::unknown("policy"), {}).is_unknown());
}

TEST(AwsDerive, MfaFactsFromDeviceAndStatements) {
  Value deny = statements_of(R"({"Statement": [
    {"Effect": "Deny", "NotAction": "iam:*", "Resource": "*",
     "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}}]})");
  EXPECT_TRUE(model::aws::requires_mfa(deny.as_list()[0]));

  Value a = Value::map();
  model::aws::set_mfa(a, Value::boolean(false, Span{1, 2, 1}), deny.as_list(), Span{1, 2, 1});
  EXPECT_EQ(at(a, "mfa.device"), Value::boolean(false));
  EXPECT_EQ(at(a, "mfa.enforced_by_policy"), Value::boolean(true));
  EXPECT_EQ(at(a, "mfa.signal"), Value::boolean(true));

  Value none = Value::map();
  model::aws::set_mfa(none, Value::boolean(true, Span{1, 7, 1}), {}, Span{1, 2, 1});
  EXPECT_EQ(at(none, "mfa.enforced_by_policy"), Value::boolean(false));
  EXPECT_EQ(at(none, "mfa.signal"), Value::boolean(true));
  EXPECT_EQ(at(none, "mfa.signal").span().line, 7u);
}

TEST(AwsDerive, NamesPrincipalSeesUnknownEntries) {
  using model::aws::Names;
  auto is_role = [](const Value& v) { return v.is_string() && v.as_string() == "role"; };
  auto ref = [](const Value& v) {
    return v.is_unknown() ? std::string_view(v.as_unknown().ref) : std::string_view{};
  };
  Value named = Value::list({Value::string("other"), Value::string("role")});
  Value unresolved = Value::list({Value::string("other"), Value::unknown("var.roles")});
  Value elsewhere = Value::list({Value::unknown("computed", {}, "aws_iam_role.x.name")});
  EXPECT_EQ(model::aws::names_principal(&named, is_role, ref), Names::Yes);
  EXPECT_EQ(model::aws::names_principal(&unresolved, is_role, ref), Names::Maybe);
  EXPECT_EQ(model::aws::names_principal(&elsewhere, is_role, ref), Names::No);
  EXPECT_EQ(model::aws::names_principal(nullptr, is_role, ref), Names::No);
}

TEST(AwsDerive, EventSelectorFacts) {
  Diagnostics diags;
  model::aws::Convert c{diags};
  model::aws::EventSelectorFacts facts(Span{1, 3, 1});
  facts.add_basic(Span{1, 4, 1}, Value::boolean(false), Value(), Value());
  facts.add_basic(Span{1, 5, 1}, Value(), Value::boolean(true, Span{1, 6, 1}),
                  Value::string("ReadOnly"));
  facts.add_advanced();
  facts.add_categories(model::aws::to_string_list(Value::string("Management"), c));
  Value a = Value::map();
  facts.write(a);
  EXPECT_EQ(at(a, "event_selectors.count"), Value::number(3));
  EXPECT_EQ(at(a, "event_selectors.data_events"), Value::boolean(true));
  EXPECT_EQ(at(a, "event_selectors.management_events"), Value::boolean(true));
  EXPECT_EQ(at(a, "event_selectors.read_write_type"), Value::string("Mixed"));
  EXPECT_TRUE(diags.empty());
}

TEST(AwsDerive, DetectorFeatures) {
  Diagnostics diags;
  model::aws::Convert c{diags};
  Value on = model::aws::detector_flag_feature("S3_DATA_EVENTS", Value::string("true"), c);
  EXPECT_EQ(at(on, "name"), Value::string("S3_DATA_EVENTS"));
  EXPECT_EQ(at(on, "status"), Value::string("ENABLED"));
  Value missing = model::aws::detector_feature("RDS_LOGIN_EVENTS", nullptr, Span{1, 9, 1}, c);
  EXPECT_TRUE(at(missing, "status").is_unknown());
  Value bad = model::aws::detector_flag_feature("EKS_AUDIT_LOGS", Value::map(), c);
  EXPECT_TRUE(at(bad, "status").is_unknown());
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].code, "aws.property_type");
}

TEST(AwsDerive, ConvertReportsUnderItsCode) {
  Diagnostics diags;
  model::aws::Convert azure{diags, "azure.argument_type"};
  EXPECT_TRUE(model::aws::to_number(Value::string("ten"), azure).is_unknown());
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].code, "azure.argument_type");
}

}  // namespace
}  // namespace cc
