#include "program/program.h"

#include <fmt/format.h>

#include <ctime>
#include <nlohmann/json.hpp>

namespace cc::program {

std::string utc_now() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

bool is_utc_timestamp(std::string_view t) {
  // YYYY-MM-DDTHH:MM:SSZ
  static constexpr std::string_view shape = "dddd-dd-ddTdd:dd:ddZ";
  if (t.size() != shape.size()) return false;
  for (size_t i = 0; i < t.size(); ++i) {
    if (shape[i] == 'd' ? (t[i] < '0' || t[i] > '9') : t[i] != shape[i]) return false;
  }
  return true;
}

Result<Program, Error> Program::open(store::Database& db, std::string_view tenant) {
  if (tenant.empty()) return unexpected(Error{Error::Kind::Invalid, "the tenant name is empty"});
  const std::string slug(tenant);
  for (int attempt = 0; attempt < 2; ++attempt) {
    auto rows = db.query("SELECT id FROM tenant WHERE slug = $1", {slug});
    if (!rows) return unexpected(rows.error());
    if (!rows->empty()) return Program(db, rows->front().integer(0), slug);
    // Two processes may create the tenant at once; the loser reads the winner's row.
    auto made =
        db.query("INSERT INTO tenant (slug, name, created_at) VALUES ($1, $1, $2) RETURNING id",
                 {slug, utc_now()});
    if (made) return Program(db, made->front().integer(0), slug);
    if (made.error().kind != Error::Kind::Constraint) return unexpected(made.error());
  }
  return unexpected(Error{Error::Kind::Other, fmt::format("cannot create the tenant {}", slug)});
}

namespace {
store::Param optional_text(std::string_view s) {
  if (s.empty()) return nullptr;
  return std::string(s);
}
}  // namespace

Status record_change(const Program& program, const Change& who, std::string_view entity,
                     std::string_view key, std::string_view action, std::string_view before,
                     std::string_view after) {
  return program.db().exec(
      "INSERT INTO change_log (tenant_id, at, actor, entity, entity_key, action, before_value, "
      "after_value) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      {program.tenant_id(), who.at, who.actor, std::string(entity), std::string(key),
       std::string(action), optional_text(before), optional_text(after)});
}

std::string change_text(const ChangeRecord& r) {
  std::string out = fmt::format("{}  {}  {} {} {}\n", r.at, r.actor, r.action, r.entity, r.key);
  auto before = nlohmann::json::parse(r.before.empty() ? "{}" : r.before, nullptr, false);
  auto after = nlohmann::json::parse(r.after.empty() ? "{}" : r.after, nullptr, false);
  if (!before.is_object() || !after.is_object()) return out;
  // Field by field, in the order of the newer record, then fields that were dropped.
  auto line = [&](const std::string& field, const nlohmann::json* was, const nlohmann::json* now) {
    if (was && now && *was == *now) return;
    out += fmt::format("    {}: {} -> {}\n", field, was ? was->dump() : "(none)",
                       now ? now->dump() : "(none)");
  };
  for (auto it = after.begin(); it != after.end(); ++it)
    line(it.key(), before.contains(it.key()) ? &before[it.key()] : nullptr, &it.value());
  for (auto it = before.begin(); it != before.end(); ++it)
    if (!after.contains(it.key())) line(it.key(), &it.value(), nullptr);
  return out;
}

Result<std::vector<ChangeRecord>, Error> history(const Program& program,
                                                 const HistoryFilter& filter) {
  auto rows = program.db().query(
      "SELECT id, at, actor, entity, entity_key, action, before_value, after_value FROM change_log "
      "WHERE tenant_id = $1 AND ($2 = '' OR entity = $2) AND ($3 = '' OR entity_key = $3) "
      "ORDER BY id DESC LIMIT $4",
      {program.tenant_id(), filter.entity, filter.key, static_cast<int64_t>(filter.limit)});
  if (!rows) return unexpected(rows.error());
  std::vector<ChangeRecord> out;
  for (const auto& r : *rows)
    out.push_back(ChangeRecord{r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5),
                               r.text(6), r.text(7)});
  return out;
}

}  // namespace cc::program
