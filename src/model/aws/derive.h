#pragma once
// Canonical facts derived from values that are already normalised (policy statements in
// the shape of schemas/types/iam.yaml, converted properties). Every source format an
// AWS resource can come from (CloudFormation, Terraform) locates and converts its own
// arguments, then derives these facts here, so both give identical canonical values.
#include <string>
#include <string_view>

#include "model/aws/common.h"

namespace cc::model::aws {

// ---- policy statements ------------------------------------------------------------------

// Whether some Deny statement rejects requests made without TLS (aws:SecureTransport
// false): true carrying that statement's span, false, or unknown when a statement or
// condition that could decide it is unknown. `fallback` spans a false verdict when the
// statements have no known span.
Value denies_insecure_transport(const Value& statements, Span fallback);

// A Deny statement that applies when the caller signed in without MFA
// (aws:MultiFactorAuthPresent false).
bool requires_mfa(const Value& statement);

// ---- IAM principals -----------------------------------------------------------------------

// Whether an argument naming principals (one value or a list) names a given principal;
// Maybe when an entry is unknown without saying which resource it stands for.
enum class Names { No, Yes, Maybe };

// `refers_to(item)` tells whether one entry names the principal; `ref_of(item)` is the
// reference an unknown entry stands for ("" when none). Each source format passes its
// own notion of a reference.
template <class RefersTo, class RefOf>
Names names_principal(const Value* v, RefersTo refers_to, RefOf ref_of) {
  if (!v) return Names::No;
  auto one = [&](const Value& item) {
    if (refers_to(item)) return Names::Yes;
    return item.is_unknown() && ref_of(item).empty() ? Names::Maybe : Names::No;
  };
  if (!v->is_list()) return one(*v);
  Names result = Names::No;
  for (const auto& item : v->as_list()) {
    Names n = one(item);
    if (n == Names::Yes) return n;
    if (n == Names::Maybe) result = n;
  }
  return result;
}

// The unknown that stands for a policy attached to principals nobody can name yet.
Value maybe_attached(const Resource& policy);

// Everything granted to one principal, as the aws.iam.{user,role,group} fields.
struct Permissions {
  Value inline_policies = Value::list();
  Value managed_policy_arns = Value::list();
  Value managed_policies = Value::list();
};

void set_permissions(Value& attributes, Permissions p);

// Appends the statements of every {name, statements} policy in `policies` to `into`.
void collect_statements(const Value& policies, List& into);

// mfa.device, mfa.enforced_by_policy and mfa.signal of an aws.iam.user from whether an
// MFA device is tied to the user (`device`, a bool) and every statement the user is
// granted; `user_span` spans an absent policy signal.
void set_mfa(Value& attributes, const Value& device, const List& statements, Span user_span);

// ---- CloudTrail trails -------------------------------------------------------------------

// The event_selectors.* facts of an aws.cloudtrail.trail, gathered selector by selector
// from basic and advanced selectors (both decide which events a trail records).
class EventSelectorFacts {
 public:
  // No management or data events until a selector records them; `span` spans that.
  explicit EventSelectorFacts(Span span);

  // A basic selector at `selector`. Each argument is the converted value, or null when
  // not written: `include_management` (a bool; the default records management events),
  // `data_events` (true or unknown when the selector names data resources), `read_write`
  // (a string; the default is All).
  void add_basic(Span selector, const Value& include_management, const Value& data_events,
                 const Value& read_write);
  // An advanced selector; each of its eventCategory field selectors then passes its
  // converted `equals` list to add_categories.
  void add_advanced() { count_ += 1; }
  void add_categories(const Value& equals);

  void write(Value& attributes) const;

 private:
  double count_ = 0;
  Value data_;
  Value management_;
  Value read_write_;
};

// Whether a trail delivers to CloudWatch Logs: it needs both the log group (`group`) and
// a role CloudTrail assumes to write to it (`role`, nullptr when not set). False or
// unknown carries the deciding value's span.
Value cloudwatch_logs_enabled(const Value& group, const Value* role);

// ---- Config recorders ----------------------------------------------------------------------

// all_supported and recording_strategy of an aws.config.recorder's recording group: the
// all-supported flag (`all`) decides when set; failing that the strategy's use-only value
// (`strategy`); failing that a list of resource types (`types`, nullptr when the group
// lists none) means only those. Arguments are as written (nullptr when absent).
void set_recording_scope(Value& out, const Value* all, const Value* strategy, const Value* types,
                         const Convert& c);

// ---- GuardDuty detectors ------------------------------------------------------------------

// One protection plan of a detector as {name, status}: `status` converted to a string;
// missing, it is unknown.
Value detector_feature(std::string name, const Value* status, Span span, const Convert& c);

// A plan switched on or off by a flag of the older data sources block: status ENABLED or
// DISABLED at the flag (unknown when the flag is).
Value detector_flag_feature(std::string_view name, const Value& flag, const Convert& c);

// ---- Lambda functions ----------------------------------------------------------------------

// Variable names and whether each value is written inline (`written_inline` decides, as
// each source format knows what is resolved only at deploy time). Values themselves are
// not copied: they may be secrets, and the inventory is shown to people.
Value environment_variables(const Value& vars, const Convert& c,
                            bool (*written_inline)(const Value&));

// Whether a function is attached to a VPC, from its subnet list (`what` names the
// argument in the reason when it is not a list).
Value vpc_attached(const Value& subnets, std::string_view what);

}  // namespace cc::model::aws
