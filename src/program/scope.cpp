#include "program/scope.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "program/text.h"

namespace cc::program {
namespace {

nlohmann::json json_of(const Scope& s) {
  nlohmann::json models = nlohmann::json::array();
  for (auto m : s.models) models.push_back(to_string(m));
  nlohmann::json services = nlohmann::json::array();
  for (const auto& c : s.services)
    services.push_back({{"name", c.name},
                        {"direction", to_string(c.direction)},
                        {"model", to_string(c.model)},
                        {"provider", c.provider}});
  return {{"organisation", s.organisation},
          {"role", to_string(s.role)},
          {"service_models", models},
          {"services", services},
          {"frameworks", s.frameworks}};
}

bool same_content(const Scope& a, const Scope& b) {
  return a.organisation == b.organisation && a.role == b.role && a.models == b.models &&
         a.services == b.services && a.frameworks == b.frameworks;
}

}  // namespace

const char* to_string(Role r) {
  switch (r) {
    case Role::Provider:
      return "provider";
    case Role::Customer:
      return "customer";
    case Role::Both:
      return "both";
  }
  return "customer";
}
const char* to_string(ServiceModel m) {
  switch (m) {
    case ServiceModel::IaaS:
      return "IaaS";
    case ServiceModel::PaaS:
      return "PaaS";
    case ServiceModel::SaaS:
      return "SaaS";
  }
  return "IaaS";
}
const char* to_string(Direction d) { return d == Direction::Used ? "used" : "provided"; }

std::optional<Role> parse_role(std::string_view text) {
  std::string t = ascii_lower(text);
  if (t == "provider" || t == "csp") return Role::Provider;
  if (t == "customer" || t == "csc") return Role::Customer;
  if (t == "both") return Role::Both;
  return std::nullopt;
}
std::optional<ServiceModel> parse_service_model(std::string_view text) {
  std::string t = ascii_lower(text);
  if (t == "iaas") return ServiceModel::IaaS;
  if (t == "paas") return ServiceModel::PaaS;
  if (t == "saas") return ServiceModel::SaaS;
  return std::nullopt;
}
std::optional<Direction> parse_direction(std::string_view text) {
  std::string t = ascii_lower(text);
  if (t == "used" || t == "use") return Direction::Used;
  if (t == "provided" || t == "provide") return Direction::Provided;
  return std::nullopt;
}

void normalise(Scope& s) {
  std::sort(s.models.begin(), s.models.end());
  s.models.erase(std::unique(s.models.begin(), s.models.end()), s.models.end());
  std::sort(s.frameworks.begin(), s.frameworks.end());
  s.frameworks.erase(std::unique(s.frameworks.begin(), s.frameworks.end()), s.frameworks.end());
  std::stable_sort(s.services.begin(), s.services.end(),
                   [](const CloudService& a, const CloudService& b) { return a.name < b.name; });
}

std::vector<std::string> validate(const Scope& s,
                                  const std::vector<std::string>& known_frameworks) {
  std::vector<std::string> problems;
  if (s.organisation.empty()) problems.emplace_back("the organisation's name is empty");
  if (s.models.empty()) problems.emplace_back("no service model is in scope (IaaS, PaaS or SaaS)");
  if (s.frameworks.empty()) problems.emplace_back("no framework is in scope");
  for (const auto& f : s.frameworks)
    if (std::find(known_frameworks.begin(), known_frameworks.end(), f) == known_frameworks.end())
      problems.push_back(fmt::format("framework {} is not in the catalog", f));
  std::set<std::string> names;
  for (const auto& c : s.services) {
    if (c.name.empty())
      problems.emplace_back("a cloud service has no name");
    else if (!names.insert(c.name).second)
      problems.push_back(fmt::format("cloud service {} is listed twice", c.name));
    if (std::find(s.models.begin(), s.models.end(), c.model) == s.models.end())
      problems.push_back(fmt::format("cloud service {} is {}, a service model not in scope", c.name,
                                     to_string(c.model)));
    if (c.direction == Direction::Provided && s.role == Role::Customer)
      problems.push_back(fmt::format(
          "cloud service {} is provided, but the organisation's role is customer", c.name));
  }
  return problems;
}

Result<CloudService, std::string> parse_service(std::string_view spec) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t colon = spec.find(':'); colon != std::string_view::npos;
       colon = spec.find(':', start)) {
    parts.emplace_back(spec.substr(start, colon - start));
    start = colon + 1;
  }
  parts.emplace_back(spec.substr(start));
  if (parts.size() < 3 || parts.size() > 4)
    return unexpected(
        fmt::format("\"{}\": a cloud service reads NAME:DIRECTION:MODEL[:PROVIDER], "
                    "for example \"Amazon Web Services:used:IaaS:Amazon\"",
                    spec));
  CloudService c;
  c.name = parts[0];
  if (c.name.empty()) return unexpected(fmt::format("\"{}\": the service's name is empty", spec));
  auto direction = parse_direction(parts[1]);
  if (!direction)
    return unexpected(
        fmt::format("\"{}\": direction must be used or provided, not \"{}\"", spec, parts[1]));
  auto model = parse_service_model(parts[2]);
  if (!model)
    return unexpected(
        fmt::format("\"{}\": model must be IaaS, PaaS or SaaS, not \"{}\"", spec, parts[2]));
  c.direction = *direction;
  c.model = *model;
  if (parts.size() == 4) c.provider = parts[3];
  return c;
}

std::string scope_text(const Scope& s) {
  std::string models;
  for (auto m : s.models) models += (models.empty() ? "" : ", ") + std::string(to_string(m));
  std::string out = fmt::format(
      "Organisation:   {}\nRole:           {}\nService models: {}\nFrameworks:     {}\n",
      s.organisation, to_string(s.role), models, fmt::join(s.frameworks, ", "));
  out += "Cloud services:";
  if (s.services.empty())
    out += " none\n";
  else
    out += "\n";
  for (const auto& c : s.services)
    out += fmt::format("  {} ({}, {}{})\n", c.name, to_string(c.direction), to_string(c.model),
                       c.provider.empty() ? std::string() : ", run by " + c.provider);
  out += fmt::format("Revision {} by {} at {}\n", s.revision, s.updated_by, s.updated_at);
  return out;
}

std::string to_json(const Scope& s) {
  nlohmann::json j = json_of(s);
  j["revision"] = s.revision;
  j["updated_at"] = s.updated_at;
  j["updated_by"] = s.updated_by;
  return j.dump();
}

Result<std::optional<Scope>, Error> load_scope(const Program& p) {
  auto rows = p.db().query(
      "SELECT organisation, role, service_models, frameworks, revision, updated_at, updated_by "
      "FROM program_scope WHERE tenant_id = $1",
      {p.tenant_id()});
  if (!rows) return unexpected(rows.error());
  if (rows->empty()) return std::optional<Scope>{};
  const store::Row& r = rows->front();
  Scope s;
  s.organisation = r.text(0);
  s.role = parse_role(r.text(1)).value_or(Role::Customer);
  // The lists are JSON written by save_scope; a value this program cannot read is an
  // error, not an empty list.
  auto models = nlohmann::json::parse(r.text(2), nullptr, false);
  auto frameworks = nlohmann::json::parse(r.text(3), nullptr, false);
  if (!models.is_array() || !frameworks.is_array())
    return unexpected(
        Error{Error::Kind::Schema, "the stored scope is damaged: its lists are not JSON arrays"});
  for (const auto& m : models)
    if (auto v = m.is_string() ? parse_service_model(m.get<std::string>()) : std::nullopt)
      s.models.push_back(*v);
  for (const auto& f : frameworks)
    if (f.is_string()) s.frameworks.push_back(f.get<std::string>());
  s.revision = r.integer(4);
  s.updated_at = r.text(5);
  s.updated_by = r.text(6);
  auto services = p.db().query(
      "SELECT name, direction, service_model, provider FROM cloud_service WHERE tenant_id = $1 "
      "ORDER BY name",
      {p.tenant_id()});
  if (!services) return unexpected(services.error());
  for (const auto& c : *services)
    s.services.push_back(
        CloudService{c.text(0), parse_direction(c.text(1)).value_or(Direction::Used),
                     parse_service_model(c.text(2)).value_or(ServiceModel::IaaS), c.text(3)});
  normalise(s);
  return std::optional<Scope>(std::move(s));
}

Result<Scope, Error> save_scope(const Program& p, Scope scope, const Change& who,
                                std::optional<int64_t> expected_revision) {
  normalise(scope);
  store::Database& db = p.db();
  store::Transaction tx(db, store::TxMode::Write);
  if (tx.error()) return unexpected(*tx.error());
  if (auto s = db.lock(fmt::format("scope.{}", p.tenant_id())); !s) return unexpected(s.error());
  auto current = load_scope(p);
  if (!current) return unexpected(current.error());
  const int64_t revision = *current ? (*current)->revision : 0;
  if (expected_revision && *expected_revision != revision)
    return unexpected(Error{Error::Kind::Conflict,
                            fmt::format("the scope changed since it was read (revision {}, now {})",
                                        *expected_revision, revision)});
  if (*current && same_content(**current, scope)) return std::move(**current);

  const std::string models = json_of(scope)["service_models"].dump();
  const std::string frameworks = nlohmann::json(scope.frameworks).dump();
  scope.revision = revision + 1;
  scope.updated_at = who.at;
  scope.updated_by = who.actor;
  Status written = *current
                       ? db.exec(
                             "UPDATE program_scope SET organisation = $2, role = $3, "
                             "service_models = $4, frameworks = $5, "
                             "revision = $6, updated_at = $7, updated_by = $8 WHERE tenant_id = $1",
                             {p.tenant_id(), scope.organisation, std::string(to_string(scope.role)),
                              models, frameworks, scope.revision, who.at, who.actor})
                       : db.exec(
                             "INSERT INTO program_scope (tenant_id, organisation, role, "
                             "service_models, frameworks, revision, "
                             "updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                             {p.tenant_id(), scope.organisation, std::string(to_string(scope.role)),
                              models, frameworks, scope.revision, who.at, who.actor});
  if (!written) return unexpected(written.error());
  // Services keep their row (and id) while they stay in scope: responsibility
  // overrides will point at them.
  std::set<std::string> keep;
  for (const auto& c : scope.services) {
    keep.insert(c.name);
    Status s = db.exec(
        "INSERT INTO cloud_service (tenant_id, name, direction, service_model, provider) VALUES "
        "($1, $2, $3, $4, $5) "
        "ON CONFLICT (tenant_id, name) DO UPDATE SET direction = excluded.direction, "
        "service_model = excluded.service_model, provider = excluded.provider",
        {p.tenant_id(), c.name, std::string(to_string(c.direction)),
         std::string(to_string(c.model)), c.provider});
    if (!s) return unexpected(s.error());
  }
  if (*current)
    for (const auto& c : (*current)->services)
      if (!keep.count(c.name))
        if (auto s = db.exec("DELETE FROM cloud_service WHERE tenant_id = $1 AND name = $2",
                             {p.tenant_id(), c.name});
            !s)
          return unexpected(s.error());
  const std::string before = *current ? json_of(**current).dump() : std::string();
  if (auto s = record_change(p, who, "scope", p.tenant(), *current ? "update" : "create", before,
                             json_of(scope).dump());
      !s)
    return unexpected(s.error());
  if (auto s = tx.commit(); !s) return unexpected(s.error());
  return scope;
}

}  // namespace cc::program
