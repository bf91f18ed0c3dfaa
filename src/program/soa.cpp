#include "program/soa.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "catalog/ref.h"
#include "program/control_text.h"

namespace cc::program {
namespace {

std::string normalised_word(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '-' || c == '_') c = ' ';
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  // Trim and collapse runs of spaces, so "not  assessed " reads as "not assessed".
  std::string collapsed;
  for (char c : out) {
    if (c == ' ' && (collapsed.empty() || collapsed.back() == ' ')) continue;
    collapsed += c;
  }
  if (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
  return collapsed;
}

bool blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}

Error invalid(std::string message) { return Error{Error::Kind::Invalid, std::move(message)}; }

constexpr std::string_view kSelectEntry =
    "SELECT control_ref, applicable, justification, status, owner, last_assessed, revision, "
    "updated_at, updated_by FROM soa_entry ";

SoaEntry entry_of(const store::Row& r) {
  SoaEntry e;
  e.control_ref = r.text(0);
  e.applicable = r.integer(1) != 0;
  e.justification = r.text(2);
  e.status = parse_implementation_status(r.text(3)).value_or(ImplementationStatus::NotAssessed);
  e.owner = r.text(4);
  e.last_assessed = r.text(5);
  e.revision = r.integer(6);
  e.updated_at = r.text(7);
  e.updated_by = r.text(8);
  return e;
}

bool same_decision(const SoaEntry& a, const SoaEntry& b) {
  return a.applicable == b.applicable && a.justification == b.justification &&
         a.status == b.status && a.owner == b.owner && a.last_assessed == b.last_assessed;
}

store::Param text_or_null(const std::string& s) {
  if (s.empty()) return nullptr;
  return s;
}

Status insert_entry(const Program& p, const SoaEntry& e) {
  return p.db().exec(
      "INSERT INTO soa_entry (tenant_id, control_ref, applicable, justification, status, owner, "
      "last_assessed, revision, updated_at, updated_by) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
      {p.tenant_id(), e.control_ref, int64_t{e.applicable ? 1 : 0}, e.justification,
       std::string(to_string(e.status)), e.owner, text_or_null(e.last_assessed), e.revision,
       e.updated_at, e.updated_by});
}

// The current evidence of the tenant linked to controls: (control ref, title) pairs,
// ordered by ref then title. `control_ref` empty: every control.
Result<store::Rows, Error> evidence_links(const Program& p, std::string_view control_ref) {
  return p.db().query(
      "SELECT ec.control_ref, e.title FROM evidence_control ec "
      "JOIN evidence e ON e.id = ec.evidence_id "
      "WHERE e.tenant_id = $1 AND e.removed_at IS NULL AND e.superseded_by IS NULL "
      "AND ($2 = '' OR ec.control_ref = $2) "
      "ORDER BY ec.control_ref, e.title, e.id",
      {p.tenant_id(), std::string(control_ref)});
}

}  // namespace

const char* to_string(ImplementationStatus s) {
  switch (s) {
    case ImplementationStatus::Implemented:
      return "implemented";
    case ImplementationStatus::PartiallyImplemented:
      return "partially implemented";
    case ImplementationStatus::Planned:
      return "planned";
    case ImplementationStatus::NotImplemented:
      return "not implemented";
    case ImplementationStatus::NotAssessed:
      return "not assessed";
  }
  return "not assessed";
}

std::optional<ImplementationStatus> parse_implementation_status(std::string_view text) {
  const std::string t = normalised_word(text);
  for (auto s : {ImplementationStatus::Implemented, ImplementationStatus::PartiallyImplemented,
                 ImplementationStatus::Planned, ImplementationStatus::NotImplemented,
                 ImplementationStatus::NotAssessed})
    if (t == to_string(s)) return s;
  return std::nullopt;
}

std::optional<bool> parse_yes_no(std::string_view text) {
  const std::string t = normalised_word(text);
  if (t == "yes" || t == "y" || t == "true") return true;
  if (t == "no" || t == "n" || t == "false") return false;
  return std::nullopt;
}

std::vector<const catalog::Control*> controls_in_scope(const catalog::Catalog& catalog,
                                                       const Scope& scope) {
  std::vector<const catalog::Control*> out;
  for (const auto& f : scope.frameworks)
    for (const auto& c : catalog.controls(f))
      if (!c.withdrawn) out.push_back(&c);
  return out;
}

Result<const catalog::Control*, Error> control_in_scope(const catalog::Catalog& catalog,
                                                        const Scope& scope,
                                                        std::string_view input) {
  const catalog::Control* c = catalog.resolve(input);
  if (!c) return unexpected(invalid(fmt::format("unknown control \"{}\"", input)));
  if (std::find(scope.frameworks.begin(), scope.frameworks.end(), c->framework) ==
      scope.frameworks.end())
    return unexpected(invalid(fmt::format(
        "control {} belongs to {}, which is not in the program's scope", c->ref, c->framework)));
  if (c->withdrawn) return unexpected(invalid(fmt::format("control {} is withdrawn", c->ref)));
  return c;
}

Result<Scope, Error> require_scope(const Program& program) {
  auto scope = load_scope(program);
  if (!scope) return unexpected(scope.error());
  if (!scope->has_value())
    return unexpected(
        Error{Error::Kind::NotFound,
              fmt::format("the store holds no program for tenant {} yet; start one with "
                          "`cloudcomply init`",
                          program.tenant())});
  return std::move(**scope);
}

std::string to_json(const SoaEntry& e) {
  nlohmann::json j{{"applicable", e.applicable},
                   {"justification", e.justification},
                   {"status", to_string(e.status)},
                   {"owner", e.owner}};
  j["last_assessed"] = e.last_assessed.empty() ? nlohmann::json() : nlohmann::json(e.last_assessed);
  return j.dump();
}

Result<SeedResult, Error> seed_soa(const Program& p, const catalog::Catalog& catalog,
                                   const Change& who) {
  store::Transaction tx(p.db(), store::TxMode::Write);
  if (tx.error()) return unexpected(*tx.error());
  if (auto s = p.db().lock(fmt::format("soa.{}", p.tenant_id())); !s) return unexpected(s.error());
  auto scope = require_scope(p);
  if (!scope) return unexpected(scope.error());
  auto stored =
      p.db().query("SELECT control_ref FROM soa_entry WHERE tenant_id = $1", {p.tenant_id()});
  if (!stored) return unexpected(stored.error());
  std::set<std::string> have;
  for (const auto& r : *stored) have.insert(r.text(0));

  SeedResult result;
  for (const catalog::Control* c : controls_in_scope(catalog, *scope)) {
    ++result.total;
    if (have.count(c->ref)) continue;
    SoaEntry e;
    e.control_ref = c->ref;
    e.revision = 1;
    e.updated_at = who.at;
    e.updated_by = who.actor;
    if (auto s = insert_entry(p, e); !s) return unexpected(s.error());
    if (auto s = record_change(p, who, "soa", c->ref, "seed", "", to_json(e)); !s)
      return unexpected(s.error());
    ++result.added;
  }
  if (auto s = tx.commit(); !s) return unexpected(s.error());
  return result;
}

Result<SoaEntry, Error> set_soa_entry(const Program& p, const catalog::Catalog& catalog,
                                      std::string_view control, const SoaEdit& edit,
                                      const Change& who, std::optional<int64_t> expected_revision) {
  if (edit.last_assessed && !edit.last_assessed->empty() && !is_utc_timestamp(*edit.last_assessed))
    return unexpected(invalid(fmt::format(
        "last assessed must read YYYY-MM-DDTHH:MM:SSZ, not \"{}\"", *edit.last_assessed)));
  store::Transaction tx(p.db(), store::TxMode::Write);
  if (tx.error()) return unexpected(*tx.error());
  if (auto s = p.db().lock(fmt::format("soa.{}", p.tenant_id())); !s) return unexpected(s.error());
  auto scope = require_scope(p);
  if (!scope) return unexpected(scope.error());
  auto c = control_in_scope(catalog, *scope, control);
  if (!c) return unexpected(c.error());
  const std::string& ref = (*c)->ref;

  auto rows = p.db().query(std::string(kSelectEntry) + "WHERE tenant_id = $1 AND control_ref = $2",
                           {p.tenant_id(), ref});
  if (!rows) return unexpected(rows.error());
  const std::optional<SoaEntry> current =
      rows->empty() ? std::nullopt : std::optional<SoaEntry>(entry_of(rows->front()));
  const int64_t revision = current ? current->revision : 0;
  if (expected_revision && *expected_revision != revision)
    return unexpected(
        Error{Error::Kind::Conflict, fmt::format("the SoA entry of {} changed since it was read "
                                                 "(revision {}, now {})",
                                                 ref, *expected_revision, revision)});

  SoaEntry next = current.value_or(SoaEntry{});
  next.control_ref = ref;
  if (edit.applicable) next.applicable = *edit.applicable;
  if (edit.justification) next.justification = *edit.justification;
  if (edit.status) next.status = *edit.status;
  if (edit.owner) next.owner = *edit.owner;
  if (edit.last_assessed) next.last_assessed = *edit.last_assessed;
  if (blank(next.justification)) next.justification.clear();
  if (!next.applicable && next.justification.empty())
    return unexpected(invalid(
        fmt::format("{} is marked not applicable without a justification; say why it does not "
                    "apply (--justification)",
                    ref)));
  if (current && same_decision(*current, next)) return *current;

  next.revision = revision + 1;
  next.updated_at = who.at;
  next.updated_by = who.actor;
  Status written =
      current ? p.db().exec(
                    "UPDATE soa_entry SET applicable = $3, justification = $4, status = $5, "
                    "owner = $6, last_assessed = $7, revision = $8, updated_at = $9, "
                    "updated_by = $10 WHERE tenant_id = $1 AND control_ref = $2",
                    {p.tenant_id(), ref, int64_t{next.applicable ? 1 : 0}, next.justification,
                     std::string(to_string(next.status)), next.owner,
                     text_or_null(next.last_assessed), next.revision, who.at, who.actor})
              : insert_entry(p, next);
  if (!written) return unexpected(written.error());
  if (auto s = record_change(p, who, "soa", ref, current ? "update" : "create",
                             current ? to_json(*current) : std::string(), to_json(next));
      !s)
    return unexpected(s.error());
  if (auto s = tx.commit(); !s) return unexpected(s.error());
  return next;
}

Result<std::map<std::string, SoaEntry>, Error> load_soa(const Program& p) {
  auto rows = p.db().query(std::string(kSelectEntry) + "WHERE tenant_id = $1", {p.tenant_id()});
  if (!rows) return unexpected(rows.error());
  std::map<std::string, SoaEntry> out;
  for (const auto& r : *rows) {
    SoaEntry e = entry_of(r);
    out.emplace(e.control_ref, std::move(e));
  }
  return out;
}

Result<std::vector<std::string>, Error> linked_evidence(const Program& p,
                                                        std::string_view control_ref) {
  if (control_ref.empty()) return std::vector<std::string>{};
  auto rows = evidence_links(p, control_ref);
  if (!rows) return unexpected(rows.error());
  std::vector<std::string> titles;
  for (const auto& r : *rows) titles.push_back(r.text(1));
  return titles;
}

Result<size_t, Error> linked_evidence_count(const Program& p, std::string_view control_ref) {
  auto titles = linked_evidence(p, control_ref);
  if (!titles) return unexpected(titles.error());
  return titles->size();
}

Result<std::vector<SoaRow>, Error> soa_rows(const Program& p, const catalog::Catalog& catalog,
                                            const RulesByControl& rules,
                                            std::string_view framework) {
  store::Transaction tx(p.db(), store::TxMode::Read);
  if (tx.error()) return unexpected(*tx.error());
  auto scope = require_scope(p);
  if (!scope) return unexpected(scope.error());
  std::string only;
  if (!framework.empty()) {
    only = catalog::normalize_framework(framework);
    if (std::find(scope->frameworks.begin(), scope->frameworks.end(), only) ==
        scope->frameworks.end())
      return unexpected(
          invalid(fmt::format("framework {} is not in the program's scope", framework)));
  }
  auto entries = load_soa(p);
  if (!entries) return unexpected(entries.error());
  auto links = evidence_links(p, "");
  if (!links) return unexpected(links.error());
  std::map<std::string, std::vector<std::string>, std::less<>> evidence;
  for (const auto& r : *links) evidence[r.text(0)].push_back(r.text(1));
  auto texts = control_texts(p);
  if (!texts) return unexpected(texts.error());

  std::vector<SoaRow> out;
  for (const catalog::Control* c : controls_in_scope(catalog, *scope)) {
    if (!only.empty() && c->framework != only) continue;
    auto e = entries->find(c->ref);
    if (e == entries->end()) continue;
    SoaRow row{c->ref, c->framework, c->id, c->title, e->second, {}, {}, c->oscal_id, {}};
    if (auto it = evidence.find(c->ref); it != evidence.end()) row.evidence = it->second;
    if (auto it = rules.find(c->ref); it != rules.end()) row.rules = it->second;
    if (auto it = texts->find(c->ref); it != texts->end()) row.licensed_text = it->second;
    out.push_back(std::move(row));
  }
  if (auto s = tx.commit(); !s) return unexpected(s.error());
  return out;
}

}  // namespace cc::program
