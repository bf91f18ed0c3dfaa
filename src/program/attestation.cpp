#include "program/attestation.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "program/dates.h"
#include "program/responsibility.h"
#include "program/soa.h"
#include "program/text.h"

namespace cc::program {
namespace {

Error invalid(std::string message) { return Error{Error::Kind::Invalid, std::move(message)}; }

bool blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}

constexpr std::string_view kSelectAttestation =
    "SELECT a.id, a.name, a.kind, a.issuer, a.scope_text, a.issued_on, a.expires_on, "
    "a.evidence_id, a.created_at, a.created_by ";

// Reads the ten columns of kSelectAttestation starting at `at`.
Attestation attestation_of(const store::Row& r, size_t at = 0) {
  Attestation a;
  a.id = r.integer(at);
  a.name = r.text(at + 1);
  a.kind = parse_attestation_kind(r.text(at + 2)).value_or(AttestationKind::Other);
  a.issuer = r.text(at + 3);
  a.scope = r.text(at + 4);
  a.issued_on = r.text(at + 5);
  a.expires_on = r.text(at + 6);
  if (!r.is_null(at + 7)) a.evidence_id = r.integer(at + 7);
  a.created_at = r.text(at + 8);
  a.created_by = r.text(at + 9);
  return a;
}

}  // namespace

const char* to_string(AttestationKind k) {
  switch (k) {
    case AttestationKind::Certificate:
      return "certificate";
    case AttestationKind::Report:
      return "report";
    case AttestationKind::Other:
      return "other";
  }
  return "other";
}

std::optional<AttestationKind> parse_attestation_kind(std::string_view text) {
  const std::string t = ascii_lower(text);
  if (t == "certificate") return AttestationKind::Certificate;
  if (t == "report") return AttestationKind::Report;
  if (t == "other") return AttestationKind::Other;
  return std::nullopt;
}

const char* to_string(AttestationState s) {
  switch (s) {
    case AttestationState::Valid:
      return "valid";
    case AttestationState::Expired:
      return "expired";
    case AttestationState::NotYetValid:
      return "not yet valid";
  }
  return "valid";
}

AttestationState attestation_state(const Attestation& a, std::string_view as_of) {
  // YYYY-MM-DD dates order as text, and both sides are checked dates.
  if (as_of > std::string_view(a.expires_on)) return AttestationState::Expired;
  if (as_of < std::string_view(a.issued_on)) return AttestationState::NotYetValid;
  return AttestationState::Valid;
}

std::string to_json(const Attestation& a) {
  nlohmann::json j{{"name", a.name},   {"kind", to_string(a.kind)}, {"issuer", a.issuer},
                   {"scope", a.scope}, {"issued_on", a.issued_on},  {"expires_on", a.expires_on}};
  j["evidence_id"] = a.evidence_id ? nlohmann::json(*a.evidence_id) : nlohmann::json();
  return j.dump();
}

Result<Attestation, Error> add_attestation(const Program& p, Attestation a, const Change& who) {
  std::vector<std::string> problems;
  if (blank(a.name)) problems.emplace_back("the attestation has no name");
  if (blank(a.issuer)) problems.emplace_back("the attestation has no issuer");
  if (blank(a.scope)) problems.emplace_back("the attestation's scope is empty");
  const auto issued = parse_date(a.issued_on);
  const auto expires = parse_date(a.expires_on);
  if (!issued)
    problems.push_back(fmt::format("issue date must read YYYY-MM-DD, not \"{}\"", a.issued_on));
  if (!expires)
    problems.push_back(fmt::format("expiry date must read YYYY-MM-DD, not \"{}\"", a.expires_on));
  if (issued && expires && *expires < *issued)
    problems.push_back(fmt::format("the attestation expires ({}) before it was issued ({})",
                                   a.expires_on, a.issued_on));
  if (!problems.empty()) return unexpected(invalid(fmt::format("{}", fmt::join(problems, "; "))));

  store::Transaction tx(p.db(), store::TxMode::Write);
  if (tx.error()) return unexpected(*tx.error());
  if (auto s = p.db().lock(fmt::format("responsibility.{}", p.tenant_id())); !s)
    return unexpected(s.error());
  auto same = p.db().query("SELECT id FROM provider_attestation WHERE tenant_id = $1 AND name = $2",
                           {p.tenant_id(), a.name});
  if (!same) return unexpected(same.error());
  if (!same->empty())
    return unexpected(invalid(fmt::format("an attestation named \"{}\" exists already", a.name)));
  if (a.evidence_id) {
    auto ev = p.db().query("SELECT id FROM evidence WHERE tenant_id = $1 AND id = $2",
                           {p.tenant_id(), *a.evidence_id});
    if (!ev) return unexpected(ev.error());
    if (ev->empty())
      return unexpected(
          invalid(fmt::format("evidence {} is not in the program's register", *a.evidence_id)));
  }
  a.created_at = who.at;
  a.created_by = who.actor;
  auto made = p.db().query(
      "INSERT INTO provider_attestation (tenant_id, name, kind, issuer, scope_text, issued_on, "
      "expires_on, evidence_id, created_at, created_by) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
      {p.tenant_id(), a.name, std::string(to_string(a.kind)), a.issuer, a.scope, a.issued_on,
       a.expires_on, a.evidence_id ? store::Param(*a.evidence_id) : store::Param(nullptr), who.at,
       who.actor});
  if (!made) return unexpected(made.error());
  a.id = made->front().integer(0);
  if (auto s = record_change(p, who, "attestation", a.name, "create", "", to_json(a)); !s)
    return unexpected(s.error());
  if (auto s = tx.commit(); !s) return unexpected(s.error());
  return a;
}

Result<std::vector<Attestation>, Error> list_attestations(const Program& p) {
  auto rows = p.db().query(std::string(kSelectAttestation) +
                               "FROM provider_attestation a WHERE a.tenant_id = $1 ORDER BY a.name",
                           {p.tenant_id()});
  if (!rows) return unexpected(rows.error());
  std::vector<Attestation> out;
  for (const auto& r : *rows) out.push_back(attestation_of(r));
  return out;
}

Result<std::vector<InheritedMark>, Error> inherited_marks(const Program& p) {
  auto rows = p.db().query(std::string(kSelectAttestation) +
                               ", i.control_ref FROM inherited_control i "
                               "JOIN provider_attestation a ON a.id = i.attestation_id "
                               "WHERE i.tenant_id = $1 ORDER BY i.control_ref",
                           {p.tenant_id()});
  if (!rows) return unexpected(rows.error());
  std::vector<InheritedMark> out;
  for (const auto& r : *rows) out.push_back(InheritedMark{r.text(10), attestation_of(r)});
  return out;
}

Result<std::vector<std::string>, Error> mark_inherited(const Program& p,
                                                       const catalog::Catalog& catalog,
                                                       const std::vector<std::string>& controls,
                                                       std::string_view attestation,
                                                       const Change& who) {
  if (controls.empty()) return unexpected(invalid("name at least one control to mark"));
  store::Transaction tx(p.db(), store::TxMode::Write);
  if (tx.error()) return unexpected(*tx.error());
  if (auto s = p.db().lock(fmt::format("responsibility.{}", p.tenant_id())); !s)
    return unexpected(s.error());
  auto scope = require_scope(p);
  if (!scope) return unexpected(scope.error());
  auto found =
      p.db().query(std::string(kSelectAttestation) +
                       "FROM provider_attestation a WHERE a.tenant_id = $1 AND a.name = $2",
                   {p.tenant_id(), std::string(attestation)});
  if (!found) return unexpected(found.error());
  if (found->empty())
    return unexpected(
        Error{Error::Kind::NotFound,
              fmt::format("no attestation named \"{}\" (record it with `cloudcomply responsibility "
                          "attest`)",
                          attestation)});
  const Attestation a = attestation_of(found->front());

  // Check every control before writing any: one bad reference changes nothing.
  std::vector<std::string> problems;
  std::vector<std::string> refs;
  for (const auto& input : controls) {
    auto c = control_in_scope(catalog, *scope, input);
    if (!c) {
      problems.push_back(c.error().message);
      continue;
    }
    if (default_owner(**c) == Owner::Customer) {
      auto shared = p.db().query(
          "SELECT COUNT(*) FROM responsibility_override "
          "WHERE tenant_id = $1 AND control_ref = $2 AND owner <> 'customer'",
          {p.tenant_id(), (*c)->ref});
      if (!shared) return unexpected(shared.error());
      if (shared->front().integer(0) == 0) {
        problems.push_back(
            fmt::format("{} is owned by the customer; only a control the provider owns or shares "
                        "can be inherited from its attestation",
                        (*c)->ref));
        continue;
      }
    }
    if (std::find(refs.begin(), refs.end(), (*c)->ref) == refs.end()) refs.push_back((*c)->ref);
  }
  if (!problems.empty()) return unexpected(invalid(fmt::format("{}", fmt::join(problems, "; "))));

  for (const auto& ref : refs) {
    auto was = p.db().query(
        "SELECT a.name FROM inherited_control i JOIN provider_attestation a "
        "ON a.id = i.attestation_id WHERE i.tenant_id = $1 AND i.control_ref = $2",
        {p.tenant_id(), ref});
    if (!was) return unexpected(was.error());
    if (!was->empty() && was->front().text(0) == a.name) continue;
    Status written = p.db().exec(
        "INSERT INTO inherited_control (tenant_id, control_ref, attestation_id, marked_at, "
        "marked_by) VALUES ($1, $2, $3, $4, $5) "
        "ON CONFLICT (tenant_id, control_ref) DO UPDATE SET attestation_id = "
        "excluded.attestation_id, marked_at = excluded.marked_at, marked_by = excluded.marked_by",
        {p.tenant_id(), ref, a.id, who.at, who.actor});
    if (!written) return unexpected(written.error());
    const std::string before =
        was->empty() ? std::string()
                     : nlohmann::json{{"inherited_from", was->front().text(0)}}.dump();
    if (auto s = record_change(p, who, "responsibility", ref, "inherit", before,
                               nlohmann::json{{"inherited_from", a.name}}.dump());
        !s)
      return unexpected(s.error());
  }
  if (auto s = tx.commit(); !s) return unexpected(s.error());
  return refs;
}

}  // namespace cc::program
