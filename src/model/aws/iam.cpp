// IAM users, roles, groups and policies. Policies reach a principal in four ways in a
// template -- its own Policies / ManagedPolicyArns, an AWS::IAM::Policy or
// AWS::IAM::ManagedPolicy naming it, and AWS::IAM::{User,Role,Group}Policy -- and all
// four are joined here so rules see every permission a principal has.
//
// AWS::IAM::AccountPasswordPolicy does not exist in CloudFormation (the account
// password policy can only be set through the API), so no aws.iam.password_policy is
// produced from templates.
#include <cctype>
#include <string>

#include "model/aws/aws.h"
#include "model/aws/common.h"
#include "model/aws/derive.h"

namespace cc::model::aws {
namespace {

enum class PrincipalKind { User, Role, Group };

struct PrincipalInfo {
  std::string_view cfn_type;
  std::string_view kind;
  std::string_view name_property;  // physical name property
  std::string_view policy_list;    // property of AWS::IAM::Policy / ManagedPolicy naming it
  std::string_view single_policy;  // AWS::IAM::<X>Policy type
  std::string_view single_target;  // its property naming the principal
};

constexpr PrincipalInfo kPrincipals[] = {
    {"AWS::IAM::User", "aws.iam.user", "UserName", "Users", "AWS::IAM::UserPolicy", "UserName"},
    {"AWS::IAM::Role", "aws.iam.role", "RoleName", "Roles", "AWS::IAM::RolePolicy", "RoleName"},
    {"AWS::IAM::Group", "aws.iam.group", "GroupName", "Groups", "AWS::IAM::GroupPolicy",
     "GroupName"},
};

const PrincipalInfo& info(PrincipalKind k) { return kPrincipals[static_cast<int>(k)]; }

// {name, statements} from a policy document and a name value.
Value named_policy(const Value* name, const Value* document, Span fallback, const Convert& c) {
  Value p = Value::map({}, document ? document->span() : fallback);
  if (name) p.set("name", to_string(*name, c));
  Value doc = document ? normalize_policy(*document, c)
                       : Value::unknown("policy has no PolicyDocument", fallback);
  if (doc.is_unknown()) {
    p.set("statements", doc);
  } else if (const Value* st = doc.find("statements")) {
    p.set("statements", *st);
  }
  return p;
}

// Whether a list property (Users / Roles / Groups) names `target`; Maybe when the list
// or an entry is unknown without saying which resource it stands for.
Names list_names(const Value* list, const Resource& target, std::string_view physical) {
  return names_principal(
      list, [&](const Value& v) { return refers_to(v, target, physical); },
      [](const Value& v) { return ref_target(v); });
}

// Everything the template grants the principal `raw` of kind `k`.
Permissions permissions_of(const AdaptContext& ctx, const Resource& raw, PrincipalKind k,
                           const Convert& c) {
  const PrincipalInfo& pi = info(k);
  std::string physical = physical_name(raw, pi.name_property);
  Permissions out;
  List inline_list;
  List arns;
  List managed;
  Span span = raw.span;

  if (const Value* policies = property(raw, "Policies")) {
    if (policies->is_list()) {
      for (const auto& p : policies->as_list())
        inline_list.push_back(
            named_policy(p.find("PolicyName"), p.find("PolicyDocument"), p.span(), c));
    } else {
      inline_list.push_back(Value::unknown("Policies is not a list", policies->span()));
    }
  }
  // Policies declared as their own resources report their problems once, as
  // aws.iam.policy; joining them here stays quiet.
  Diagnostics reported_by_policy;
  Convert quiet{reported_by_policy};
  for (const auto& other : ctx.doc.resources) {
    Names names = Names::No;
    if (is_type(other, "AWS::IAM::Policy"))
      names = list_names(property(other, pi.policy_list), raw, physical);
    else if (is_type(other, pi.single_policy))
      names = list_names(property(other, pi.single_target), raw, physical);
    if (names == Names::Yes)
      inline_list.push_back(named_policy(property(other, "PolicyName"),
                                         property(other, "PolicyDocument"), other.span, quiet));
    else if (names == Names::Maybe)
      inline_list.push_back(maybe_attached(other));
  }

  // Managed policies: attached by the principal's list or by the policy's own list.
  const Value* own_arns = property(raw, "ManagedPolicyArns");
  if (own_arns) {
    Value list = to_reference_list(*own_arns, c);
    if (list.is_list()) {
      for (const auto& v : list.as_list()) arns.push_back(v);
      span = own_arns->span();
    } else {
      out.managed_policy_arns = list;
    }
  }
  for (const Resource* mp : resources_of_type(ctx, "AWS::IAM::ManagedPolicy")) {
    bool by_principal = false;
    if (own_arns && own_arns->is_list())
      for (const auto& v : own_arns->as_list())
        if (refers_to(v, *mp)) by_principal = true;
    Names by_policy = list_names(property(*mp, pi.policy_list), raw, physical);
    if (!by_principal && by_policy == Names::Maybe) {
      managed.push_back(maybe_attached(*mp));
      continue;
    }
    if (!by_principal && by_policy == Names::No) continue;
    if (!by_principal) arns.push_back(Value::string("${" + mp->address + "}", mp->span));
    const Value* name = property(*mp, "ManagedPolicyName");
    Value entry = named_policy(name, property(*mp, "PolicyDocument"), mp->span, quiet);
    if (!name) entry.set("name", Value::string(mp->address, mp->span));
    managed.push_back(std::move(entry));
  }
  out.inline_policies = Value::list(std::move(inline_list), raw.span);
  if (!out.managed_policy_arns.is_unknown())
    out.managed_policy_arns = Value::list(std::move(arns), span);
  out.managed_policies = Value::list(std::move(managed), raw.span);
  return out;
}

void set_common(const Resource& raw, std::string_view name_property, Value& a, const Convert& c) {
  if (const Value* n = property(raw, name_property))
    set_string(a, "name", n, c);
  else
    a.set("name", Value::string(raw.address, raw.span));
  set_string(a, "path", property(raw, "Path"), c);
  set_reference(a, "permissions_boundary", property(raw, "PermissionsBoundary"), c);
}

void adapt_users(AdaptContext& ctx, const Convert& c) {
  for (const Resource* raw : resources_of_type(ctx, "AWS::IAM::User")) {
    Resource r = make_canonical(*raw, "aws.iam.user", "UserName");
    Value& a = r.attributes;
    set_common(*raw, "UserName", a, c);
    std::string physical = physical_name(*raw, "UserName");
    if (const Value* login = property(*raw, "LoginProfile")) {
      a.set("console_access", is_set(*login));
      set_bool(a, "password_reset_required", login->find("PasswordResetRequired"), c);
    }

    // Groups: the user's own list plus AWS::IAM::UserToGroupAddition resources.
    List groups;
    Span groups_span = raw->span;
    if (const Value* g = property(*raw, "Groups")) {
      Value list = to_reference_list(*g, c);
      if (list.is_list()) groups = list.as_list();
      groups_span = g->span();
    }
    for (const Resource* add : resources_of_type(ctx, "AWS::IAM::UserToGroupAddition"))
      if (list_names(property(*add, "Users"), *raw, physical) == Names::Yes)
        if (const Value* gn = property(*add, "GroupName"))
          groups.push_back(to_reference_string(*gn, c));
    a.set("groups", Value::list(groups, groups_span));

    // Access keys created by the template for this user.
    double keys = 0;
    double active = 0;
    Span keys_span = raw->span;
    for (const Resource* key : resources_of_type(ctx, "AWS::IAM::AccessKey")) {
      const Value* user = property(*key, "UserName");
      if (!user || !refers_to(*user, *raw, physical)) continue;
      keys += 1;
      keys_span = key->span;
      const Value* status = property(*key, "Status");
      if (!status || (status->is_string() && status->as_string() == "Active")) active += 1;
    }
    if (keys > 0) {
      a.set_path("access_keys.count", Value::number(keys, keys_span));
      a.set_path("access_keys.active", Value::number(active, keys_span));
    }

    Permissions perms = permissions_of(ctx, *raw, PrincipalKind::User, c);
    List statements;
    collect_statements(perms.inline_policies, statements);
    collect_statements(perms.managed_policies, statements);
    // Policies of the user's groups that are declared in the same template count too.
    for (const Resource* group : resources_of_type(ctx, "AWS::IAM::Group")) {
      std::string gname = physical_name(*group, "GroupName");
      bool member = false;
      for (const auto& g : groups)
        if (g.is_string() && (g.as_string() == "${" + group->address + "}" ||
                              (!gname.empty() && g.as_string() == gname)))
          member = true;
      if (!member) continue;
      // The group's own resource reports problems with its policies; stay quiet here.
      Diagnostics already_reported;
      Permissions gp = permissions_of(ctx, *group, PrincipalKind::Group, Convert{already_reported});
      collect_statements(gp.inline_policies, statements);
      collect_statements(gp.managed_policies, statements);
    }
    set_permissions(a, std::move(perms));

    Value device = Value::boolean(false, raw->span);
    for (const Resource* mfa : resources_of_type(ctx, "AWS::IAM::VirtualMFADevice"))
      if (list_names(property(*mfa, "Users"), *raw, physical) == Names::Yes)
        device = Value::boolean(true, mfa->span);
    set_mfa(a, device, statements, raw->span);

    if (const Value* tags = property(*raw, "Tags")) a.set("tags", tags_map(*tags, c));
    ctx.out.push_back(std::move(r));
  }
}

void adapt_roles(AdaptContext& ctx, const Convert& c) {
  for (const Resource* raw : resources_of_type(ctx, "AWS::IAM::Role")) {
    Resource r = make_canonical(*raw, "aws.iam.role", "RoleName");
    Value& a = r.attributes;
    set_common(*raw, "RoleName", a, c);
    if (const Value* trust = property(*raw, "AssumeRolePolicyDocument"))
      a.set("assume_role_policy", normalize_policy(*trust, c));
    set_number(a, "max_session_duration", property(*raw, "MaxSessionDuration"), c);
    set_permissions(a, permissions_of(ctx, *raw, PrincipalKind::Role, c));
    if (const Value* tags = property(*raw, "Tags")) a.set("tags", tags_map(*tags, c));
    ctx.out.push_back(std::move(r));
  }
}

void adapt_groups(AdaptContext& ctx, const Convert& c) {
  for (const Resource* raw : resources_of_type(ctx, "AWS::IAM::Group")) {
    Resource r = make_canonical(*raw, "aws.iam.group", "GroupName");
    Value& a = r.attributes;
    if (const Value* n = property(*raw, "GroupName"))
      set_string(a, "name", n, c);
    else
      a.set("name", Value::string(raw->address, raw->span));
    set_string(a, "path", property(*raw, "Path"), c);
    set_permissions(a, permissions_of(ctx, *raw, PrincipalKind::Group, c));
    ctx.out.push_back(std::move(r));
  }
}

// Principals that attach template managed policy `mp` through their ManagedPolicyArns.
void attached_by_principals(const AdaptContext& ctx, const Resource& mp, PrincipalKind k,
                            List& into) {
  const PrincipalInfo& pi = info(k);
  for (const Resource* p : resources_of_type(ctx, pi.cfn_type)) {
    const Value* arns = property(*p, "ManagedPolicyArns");
    if (!arns || !arns->is_list()) continue;
    for (const auto& v : arns->as_list())
      if (refers_to(v, mp)) into.push_back(Value::string("${" + p->address + "}", v.span()));
  }
}

void adapt_policies(AdaptContext& ctx, const Convert& c) {
  for (const auto& raw : ctx.doc.resources) {
    bool managed = is_type(raw, "AWS::IAM::ManagedPolicy");
    const PrincipalInfo* single = nullptr;
    for (const auto& pi : kPrincipals)
      if (is_type(raw, pi.single_policy)) single = &pi;
    if (!managed && !single && !is_type(raw, "AWS::IAM::Policy")) continue;

    std::string_view name_property = managed ? "ManagedPolicyName" : "PolicyName";
    Resource r = make_canonical(raw, "aws.iam.policy", name_property);
    Value& a = r.attributes;
    if (const Value* n = property(raw, name_property))
      set_string(a, "name", n, c);
    else
      a.set("name", Value::string(raw.address, raw.span));
    a.set("managed", Value::boolean(managed, raw.span));
    set_string(a, "description", property(raw, "Description"), c);
    if (const Value* doc = property(raw, "PolicyDocument"))
      a.set("document", normalize_policy(*doc, c));

    Value attached = Value::boolean(false, raw.span);
    for (auto k : {PrincipalKind::User, PrincipalKind::Role, PrincipalKind::Group}) {
      const PrincipalInfo& pi = info(k);
      std::string field(pi.policy_list);
      for (auto& ch : field) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      List names;
      Span span = raw.span;
      const Value* own = single == &pi ? property(raw, pi.single_target)
                                       : (single ? nullptr : property(raw, pi.policy_list));
      if (own) {
        Value list = to_reference_list(*own, c);
        if (list.is_list()) {
          names = list.as_list();
        } else {
          attached = list;  // unknown list of principals
        }
        span = own->span();
      }
      if (managed) attached_by_principals(ctx, raw, k, names);
      if (!names.empty() && !attached.is_unknown()) attached = Value::boolean(true, span);
      a.set(field, Value::list(std::move(names), span));
    }
    a.set("attached", attached);
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
}

}  // namespace cc::model::aws
