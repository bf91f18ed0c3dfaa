#include "program/responsibility.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "program/dates.h"
#include "program/soa.h"
#include "program/text.h"

namespace cc::program {
namespace {

Error invalid(std::string message) { return Error{Error::Kind::Invalid, std::move(message)}; }

struct Override {
  Owner owner = Owner::Shared;
  std::string reason;
};

std::string override_json(const Override& o) {
  return nlohmann::json{{"owner", to_string(o.owner)}, {"reason", o.reason}}.dump();
}

}  // namespace

const char* to_string(Owner o) {
  switch (o) {
    case Owner::Provider:
      return "provider";
    case Owner::Customer:
      return "customer";
    case Owner::Shared:
      return "shared";
  }
  return "shared";
}

std::optional<Owner> parse_owner(std::string_view text) {
  const std::string t = ascii_lower(text);
  if (t == "provider" || t == "csp") return Owner::Provider;
  if (t == "customer" || t == "csc") return Owner::Customer;
  if (t == "shared" || t == "both") return Owner::Shared;
  return std::nullopt;
}

Owner default_owner(const catalog::Control& control) {
  if (!control.party) return Owner::Shared;
  switch (*control.party) {
    case catalog::Party::Provider:
      return Owner::Provider;
    case catalog::Party::Customer:
      return Owner::Customer;
    case catalog::Party::Both:
      return Owner::Shared;
  }
  return Owner::Shared;
}

const char* to_string(Coverage c) {
  switch (c) {
    case Coverage::None:
      return "";
    case Coverage::Inherited:
      return "inherited";
    case Coverage::Expired:
      return "inherited (attestation expired)";
    case Coverage::NotYetValid:
      return "inherited (attestation not yet valid)";
  }
  return "";
}

Result<std::vector<MatrixRow>, Error> responsibility_matrix(const Program& p,
                                                            const catalog::Catalog& catalog,
                                                            std::string_view as_of,
                                                            std::optional<ServiceModel> model) {
  if (!parse_date(as_of))
    return unexpected(invalid(fmt::format("the date must read YYYY-MM-DD, not \"{}\"", as_of)));
  store::Transaction tx(p.db(), store::TxMode::Read);
  if (tx.error()) return unexpected(*tx.error());
  auto scope = require_scope(p);
  if (!scope) return unexpected(scope.error());
  if (model && std::find(scope->models.begin(), scope->models.end(), *model) == scope->models.end())
    return unexpected(
        invalid(fmt::format("service model {} is not in the program's scope", to_string(*model))));

  // Overrides by control, then by service name (services are in name order).
  auto rows = p.db().query(
      "SELECT o.control_ref, s.name, o.owner, o.reason FROM responsibility_override o "
      "JOIN cloud_service s ON s.id = o.cloud_service_id "
      "WHERE o.tenant_id = $1 ORDER BY o.control_ref, s.name",
      {p.tenant_id()});
  if (!rows) return unexpected(rows.error());
  std::map<std::string, std::map<std::string, Override>> overrides;
  for (const auto& r : *rows)
    overrides[r.text(0)][r.text(1)] =
        Override{parse_owner(r.text(2)).value_or(Owner::Shared), r.text(3)};
  auto marks = inherited_marks(p);
  if (!marks) return unexpected(marks.error());
  std::map<std::string, const Attestation*> inherited;
  for (const auto& m : *marks) inherited[m.control_ref] = &m.attestation;

  std::vector<MatrixRow> out;
  for (const catalog::Control* c : controls_in_scope(catalog, *scope)) {
    const Owner owner = default_owner(*c);
    const auto over = overrides.find(c->ref);
    const auto mark = inherited.find(c->ref);
    auto with_coverage = [&](MatrixRow row) {
      if (mark == inherited.end() || row.effective_owner == Owner::Customer) return row;
      row.inherited_from = mark->second->name;
      row.attestation_expires = mark->second->expires_on;
      switch (attestation_state(*mark->second, as_of)) {
        case AttestationState::Valid:
          row.coverage = Coverage::Inherited;
          break;
        case AttestationState::Expired:
          row.coverage = Coverage::Expired;
          break;
        case AttestationState::NotYetValid:
          row.coverage = Coverage::NotYetValid;
          break;
      }
      return row;
    };
    for (ServiceModel m : scope->models) {
      if (model && m != *model) continue;
      MatrixRow base;
      base.control_ref = c->ref;
      base.title = c->title;
      base.model = m;
      base.default_owner = owner;
      base.effective_owner = owner;
      out.push_back(with_coverage(base));
      if (over == overrides.end()) continue;
      for (const CloudService& s : scope->services) {
        if (s.model != m) continue;
        auto o = over->second.find(s.name);
        if (o == over->second.end()) continue;
        MatrixRow row = base;
        row.service = s.name;
        row.effective_owner = o->second.owner;
        row.override_reason = o->second.reason;
        out.push_back(with_coverage(row));
      }
    }
  }
  if (auto s = tx.commit(); !s) return unexpected(s.error());
  return out;
}

Status set_override(const Program& p, const catalog::Catalog& catalog, std::string_view control,
                    std::string_view service, Owner owner, std::string_view reason,
                    const Change& who) {
  const bool no_reason =
      std::all_of(reason.begin(), reason.end(), [](unsigned char ch) { return std::isspace(ch); });
  if (no_reason)
    return unexpected(
        invalid("an override needs a reason: say why this service differs (--reason)"));
  store::Transaction tx(p.db(), store::TxMode::Write);
  if (tx.error()) return unexpected(*tx.error());
  if (auto s = p.db().lock(fmt::format("responsibility.{}", p.tenant_id())); !s)
    return unexpected(s.error());
  auto scope = require_scope(p);
  if (!scope) return unexpected(scope.error());
  auto c = control_in_scope(catalog, *scope, control);
  if (!c) return unexpected(c.error());
  const std::string& ref = (*c)->ref;
  auto svc = p.db().query("SELECT id FROM cloud_service WHERE tenant_id = $1 AND name = $2",
                          {p.tenant_id(), std::string(service)});
  if (!svc) return unexpected(svc.error());
  if (svc->empty())
    return unexpected(invalid(
        fmt::format("no cloud service named \"{}\" in scope (add it with `cloudcomply scope set "
                    "--add-service`)",
                    service)));
  const int64_t service_id = svc->front().integer(0);

  auto current = p.db().query(
      "SELECT owner, reason FROM responsibility_override "
      "WHERE tenant_id = $1 AND control_ref = $2 AND cloud_service_id = $3",
      {p.tenant_id(), ref, service_id});
  if (!current) return unexpected(current.error());
  const Override next{owner, std::string(reason)};
  std::string before;
  if (!current->empty()) {
    const Override was{parse_owner(current->front().text(0)).value_or(Owner::Shared),
                       current->front().text(1)};
    if (was.owner == next.owner && was.reason == next.reason) return store::Done{};
    before = override_json(was);
  }
  Status written = p.db().exec(
      "INSERT INTO responsibility_override (tenant_id, control_ref, cloud_service_id, owner, "
      "reason, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7) "
      "ON CONFLICT (tenant_id, control_ref, cloud_service_id) DO UPDATE SET "
      "owner = excluded.owner, reason = excluded.reason, updated_at = excluded.updated_at, "
      "updated_by = excluded.updated_by",
      {p.tenant_id(), ref, service_id, std::string(to_string(owner)), next.reason, who.at,
       who.actor});
  if (!written) return unexpected(written.error());
  // The key names the service too: one control may be overridden for several.
  if (auto s = record_change(p, who, "responsibility", fmt::format("{} @ {}", ref, service),
                             "override", before, override_json(next));
      !s)
    return unexpected(s.error());
  return tx.commit();
}

}  // namespace cc::program
