// IAM users, roles, groups, policies and the account password policy. Terraform grants a
// principal permissions in several ways -- inline blocks of the principal (roles'
// inline_policy, managed_policy_arns), aws_iam_<x>_policy resources,
// aws_iam_<x>_policy_attachment and aws_iam_policy_attachment resources -- and all of them
// are joined here so the existing rules see every permission a principal has, as they do
// for CloudFormation.
#include <string>
#include <utility>

#include "model/aws/derive.h"
#include "model/aws_tf/aws_tf.h"
#include "model/aws_tf/common.h"

namespace cc::model::aws_tf {

namespace {

enum class PrincipalKind { User, Role, Group };

struct PrincipalInfo {
  std::string_view type;         // aws_iam_user
  std::string_view kind;         // aws.iam.user
  std::string_view inline_type;  // aws_iam_user_policy
  std::string_view attach_type;  // aws_iam_user_policy_attachment
  std::string_view target;       // their argument naming the principal: user
  std::string_view shared_list;  // aws_iam_policy_attachment's list: users
};

constexpr PrincipalInfo kPrincipals[] = {
    {"aws_iam_user", "aws.iam.user", "aws_iam_user_policy", "aws_iam_user_policy_attachment",
     "user", "users"},
    {"aws_iam_role", "aws.iam.role", "aws_iam_role_policy", "aws_iam_role_policy_attachment",
     "role", "roles"},
    {"aws_iam_group", "aws.iam.group", "aws_iam_group_policy", "aws_iam_group_policy_attachment",
     "group", "groups"},
};

const PrincipalInfo& info(PrincipalKind k) { return kPrincipals[static_cast<int>(k)]; }

using aws::Names;
using aws::Permissions;

// Whether an argument (one name or a list of names) names `target`; Maybe when a value
// is unknown without saying which resource it stands for (a variable without value).
Names names(const Value* v, const Resource& target, std::string_view known_name) {
  return aws::names_principal(
      v, [&](const Value& item) { return tf::refers_to(item, target, known_name); },
      [](const Value& item) { return tf::ref_of(item); });
}

// {name, statements} from a name value and a policy argument.
Value named_policy(const AdaptContext& ctx, const Value* name, const Value* policy, Span fallback,
                   const Convert& c) {
  Value p = Value::map({}, policy ? policy->span() : fallback);
  if (name && !name->is_null()) p.set("name", aws::to_string(*name, c));
  Value doc = policy ? policy_document(ctx, *policy, c)
                     : Value::unknown("the policy has no document", fallback);
  const Value* st = doc.is_map() ? doc.find("statements") : nullptr;
  p.set("statements", st ? *st : doc);
  return p;
}

// Adds a managed policy ARN and, when it is a customer managed policy of this
// configuration, that policy with its statements.
void add_managed(const AdaptContext& ctx, const Value& arn, List& arns, List& managed,
                 const Convert& quiet) {
  arns.push_back(aws::to_reference_string(arn, quiet));
  const Resource* policy = tf::referenced(ctx, arn, "aws_iam_policy");
  if (!policy || !tf::is_type(*policy, "aws_iam_policy")) return;
  Value entry = named_policy(ctx, policy->attributes.find("name"),
                             policy->attributes.find("policy"), policy->span, quiet);
  if (!entry.find("name")) entry.set("name", Value::string(policy->address, policy->span));
  managed.push_back(std::move(entry));
}

Permissions permissions_of(const AdaptContext& ctx, const Resource& raw, PrincipalKind k,
                           const Convert& c) {
  const PrincipalInfo& pi = info(k);
  std::string known = known_string(raw, "name");
  List inline_list;
  List arns;
  List managed;
  Span arns_span = raw.span;
  // Joined resources report their own problems (as aws.iam.policy); stay quiet here.
  Diagnostics reported_elsewhere;
  Convert quiet{reported_elsewhere};

  for (const Value* block : tf::blocks(raw, "inline_policy")) {
    if (block->is_unknown()) {
      inline_list.push_back(*block);
      continue;
    }
    const Value* policy = block->find("policy");
    if (!policy || policy->is_null()) continue;  // an empty block removes inline policies
    inline_list.push_back(named_policy(ctx, block->find("name"), policy, block->span(), c));
  }
  for (const Resource* p : tf::resources_of_type(ctx, pi.inline_type)) {
    Names n = names(p->attributes.find(pi.target), raw, known);
    if (n == Names::Yes)
      inline_list.push_back(named_policy(ctx, p->attributes.find("name"),
                                         p->attributes.find("policy"), p->span, quiet));
    else if (n == Names::Maybe)
      inline_list.push_back(aws::maybe_attached(*p));
  }

  Value own_arns_unknown;
  if (const Value* own = raw.attributes.find("managed_policy_arns"); own && !own->is_null()) {
    arns_span = own->span();
    if (own->is_list())
      for (const auto& arn : own->as_list()) add_managed(ctx, arn, arns, managed, quiet);
    else
      own_arns_unknown = aws::to_reference_list(*own, c);
  }
  for (const Resource* att : tf::resources_of_type(ctx, pi.attach_type)) {
    Names n = names(att->attributes.find(pi.target), raw, known);
    const Value* arn = att->attributes.find("policy_arn");
    if (n == Names::Maybe) managed.push_back(aws::maybe_attached(*att));
    if (n != Names::Yes || !arn) continue;
    add_managed(ctx, *arn, arns, managed, quiet);
  }
  for (const Resource* att : tf::resources_of_type(ctx, "aws_iam_policy_attachment")) {
    Names n = names(att->attributes.find(pi.shared_list), raw, known);
    const Value* arn = att->attributes.find("policy_arn");
    if (n == Names::Maybe) managed.push_back(aws::maybe_attached(*att));
    if (n != Names::Yes || !arn) continue;
    add_managed(ctx, *arn, arns, managed, quiet);
  }

  Permissions out;
  out.inline_policies = Value::list(std::move(inline_list), raw.span);
  out.managed_policy_arns =
      own_arns_unknown.is_unknown() ? own_arns_unknown : Value::list(std::move(arns), arns_span);
  out.managed_policies = Value::list(std::move(managed), raw.span);
  return out;
}

void set_common(const Resource& raw, Value& a, const Convert& c) {
  copy_attrs(raw, a, {{"path", "path", aws::As::String}}, c);
  if (const Value* pb = raw.attributes.find("permissions_boundary"); pb && !pb->is_null())
    a.set("permissions_boundary", aws::to_reference_string(*pb, c));
}

// The groups of this configuration the user belongs to, through
// aws_iam_user_group_membership (per user) or aws_iam_group_membership (per group).
std::vector<const Resource*> groups_of(const AdaptContext& ctx, const Resource& user,
                                       std::string_view user_name, List& names_out,
                                       Span& names_span, const Convert& c) {
  std::vector<const Resource*> groups;
  for (const Resource* m : tf::resources_of_type(ctx, "aws_iam_user_group_membership")) {
    if (names(m->attributes.find("user"), user, user_name) != Names::Yes) continue;
    const Value* list = m->attributes.find("groups");
    if (!list) continue;
    names_span = list->span();
    Value converted = aws::to_reference_list(*list, c);
    if (converted.is_list())
      for (const auto& g : converted.as_list()) names_out.push_back(g);
    else
      names_out.push_back(converted);
    for (const Resource* g : tf::resources_of_type(ctx, "aws_iam_group"))
      if (names(list, *g, known_string(*g, "name")) == Names::Yes) groups.push_back(g);
  }
  for (const Resource* m : tf::resources_of_type(ctx, "aws_iam_group_membership")) {
    if (names(m->attributes.find("users"), user, user_name) != Names::Yes) continue;
    const Value* group = m->attributes.find("group");
    if (!group) continue;
    names_out.push_back(aws::to_reference_string(*group, c));
    for (const Resource* g : tf::resources_of_type(ctx, "aws_iam_group"))
      if (tf::refers_to(*group, *g, known_string(*g, "name"))) groups.push_back(g);
  }
  return groups;
}

void adapt_users(AdaptContext& ctx, const Convert& c) {
  for (const Resource* raw : tf::resources_of_type(ctx, "aws_iam_user")) {
    Resource r = make_named(*raw, "aws.iam.user", "name");
    Value& a = r.attributes;
    set_common(*raw, a, c);
    std::string known = known_string(*raw, "name");

    for (const Resource* login : tf::resources_of_type(ctx, "aws_iam_user_login_profile")) {
      if (names(login->attributes.find("user"), *raw, known) != Names::Yes) continue;
      a.set("console_access", Value::boolean(true, login->span));
      aws::set_bool(a, "password_reset_required", login->attributes.find("password_reset_required"),
                    c);
    }

    double keys = 0;
    double active = 0;
    Span keys_span = raw->span;
    for (const Resource* key : tf::resources_of_type(ctx, "aws_iam_access_key")) {
      if (names(key->attributes.find("user"), *raw, known) != Names::Yes) continue;
      keys += 1;
      keys_span = key->span;
      const Value* status = key->attributes.find("status");
      if (!status || status->is_null() || (status->is_string() && status->as_string() == "Active"))
        active += 1;
    }
    if (keys > 0) {
      a.set_path("access_keys.count", Value::number(keys, keys_span));
      a.set_path("access_keys.active", Value::number(active, keys_span));
    }

    List group_names;
    Span groups_span = raw->span;
    auto groups = groups_of(ctx, *raw, known, group_names, groups_span, c);
    a.set("groups", Value::list(std::move(group_names), groups_span));

    Permissions perms = permissions_of(ctx, *raw, PrincipalKind::User, c);
    List statements;
    aws::collect_statements(perms.inline_policies, statements);
    aws::collect_statements(perms.managed_policies, statements);
    for (const Resource* g : groups) {
      Diagnostics reported_by_group;
      Permissions gp = permissions_of(ctx, *g, PrincipalKind::Group, Convert{reported_by_group});
      aws::collect_statements(gp.inline_policies, statements);
      aws::collect_statements(gp.managed_policies, statements);
    }
    aws::set_permissions(a, std::move(perms));

    // aws_iam_virtual_mfa_device has no argument tying it to a user (the device is
    // enabled for a user outside Terraform), so only policies can signal MFA here.
    aws::set_mfa(a, Value::boolean(false, raw->span), statements, raw->span);
    set_tags(*raw, a, c);
    ctx.out.push_back(std::move(r));
  }
}

void adapt_roles(AdaptContext& ctx, const Convert& c) {
  for (const Resource* raw : tf::resources_of_type(ctx, "aws_iam_role")) {
    Resource r = make_named(*raw, "aws.iam.role", "name");
    Value& a = r.attributes;
    set_common(*raw, a, c);
    if (const Value* trust = raw->attributes.find("assume_role_policy"); trust && !trust->is_null())
      a.set("assume_role_policy", policy_document(ctx, *trust, c));
    copy_attrs(*raw, a, {{"max_session_duration", "max_session_duration", aws::As::Number}}, c);
    aws::set_permissions(a, permissions_of(ctx, *raw, PrincipalKind::Role, c));
    set_tags(*raw, a, c);
    ctx.out.push_back(std::move(r));
  }
}

void adapt_groups(AdaptContext& ctx, const Convert& c) {
  for (const Resource* raw : tf::resources_of_type(ctx, "aws_iam_group")) {
    Resource r = make_named(*raw, "aws.iam.group", "name");
    Value& a = r.attributes;
    copy_attrs(*raw, a, {{"path", "path", aws::As::String}}, c);
    aws::set_permissions(a, permissions_of(ctx, *raw, PrincipalKind::Group, c));
    ctx.out.push_back(std::move(r));
  }
}

// Principals a policy is attached to: for a customer managed policy, the attachment
// resources naming it; for an inline policy resource, its own principal argument.
void attachments(const AdaptContext& ctx, const Resource& policy, bool managed, Value& a,
                 const Convert& c) {
  Value attached = Value::boolean(false, policy.span);
  for (auto k : {PrincipalKind::User, PrincipalKind::Role, PrincipalKind::Group}) {
    const PrincipalInfo& pi = info(k);
    List list;
    Span span = policy.span;
    auto add = [&](const Value& v) {
      Value converted = aws::to_reference_list(v, c);
      if (converted.is_list()) {
        for (const auto& item : converted.as_list()) list.push_back(item);
      } else {
        attached =
            Value::unknown("the policy is attached to principals that are not known", v.span());
      }
      span = v.span();
    };
    if (!managed) {
      if (tf::is_type(policy, pi.inline_type))
        if (const Value* target = policy.attributes.find(pi.target)) add(*target);
    } else {
      std::string arn = known_string(policy, "arn");
      for (const Resource* att : tf::resources_of_type(ctx, pi.attach_type)) {
        const Value* p = att->attributes.find("policy_arn");
        if (p && tf::refers_to(*p, policy, arn))
          if (const Value* target = att->attributes.find(pi.target)) add(*target);
      }
      for (const Resource* att : tf::resources_of_type(ctx, "aws_iam_policy_attachment")) {
        const Value* p = att->attributes.find("policy_arn");
        if (p && tf::refers_to(*p, policy, arn))
          if (const Value* targets = att->attributes.find(pi.shared_list)) add(*targets);
      }
      for (const Resource* principal : tf::resources_of_type(ctx, pi.type)) {
        const Value* own = principal->attributes.find("managed_policy_arns");
        if (own && own->is_list())
          for (const auto& v : own->as_list())
            if (tf::refers_to(v, policy, arn))
              list.push_back(Value::string("${" + principal->address + "}", v.span()));
      }
    }
    if (!list.empty() && !attached.is_unknown()) attached = Value::boolean(true, span);
    std::string field(pi.shared_list);
    a.set(field, Value::list(std::move(list), span));
  }
  a.set("attached", attached);
}

void adapt_policies(AdaptContext& ctx, const Convert& c) {
  for (const auto& raw : ctx.doc.resources) {
    bool managed = tf::is_type(raw, "aws_iam_policy");
    bool inline_resource = false;
    for (const auto& pi : kPrincipals)
      inline_resource = inline_resource || tf::is_type(raw, pi.inline_type);
    if (!managed && !inline_resource) continue;
    Resource r = make_named(raw, "aws.iam.policy", "name");
    Value& a = r.attributes;
    a.set("managed", Value::boolean(managed, raw.span));
    copy_attrs(raw, a, {{"description", "description", aws::As::String}}, c);
    if (const Value* doc = raw.attributes.find("policy"); doc && !doc->is_null())
      a.set("document", policy_document(ctx, *doc, c));
    attachments(ctx, raw, managed, a, c);
    ctx.out.push_back(std::move(r));
  }
}

// aws_iam_account_password_policy -> aws.iam.password_policy (one per account; the
// provider's defaults are the account's when no policy is set).
void adapt_password_policy(AdaptContext& ctx, const Convert& c) {
  for (const Resource* raw : tf::resources_of_type(ctx, "aws_iam_account_password_policy")) {
    Resource r = make_named(*raw, "aws.iam.password_policy");
    copy_attrs(*raw, r.attributes,
               {{"minimum_password_length", "minimum_length", aws::As::Number},
                {"require_uppercase_characters", "require_uppercase", aws::As::Bool},
                {"require_lowercase_characters", "require_lowercase", aws::As::Bool},
                {"require_numbers", "require_numbers", aws::As::Bool},
                {"require_symbols", "require_symbols", aws::As::Bool},
                {"allow_users_to_change_password", "allow_users_to_change", aws::As::Bool},
                {"max_password_age", "max_age_days", aws::As::Number},
                {"password_reuse_prevention", "reuse_prevention", aws::As::Number},
                {"hard_expiry", "hard_expiry", aws::As::Bool}},
               c);
    ctx.out.push_back(std::move(r));
  }
}

}  // namespace

void adapt_iam(AdaptContext& ctx) {
  Convert c{ctx.diags};
  adapt_users(ctx, c);
  adapt_roles(ctx, c);
  adapt_groups(ctx, c);
  adapt_policies(ctx, c);
  adapt_password_policy(ctx, c);
}

}  // namespace cc::model::aws_tf
