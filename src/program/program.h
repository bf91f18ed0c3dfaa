#pragma once
// A compliance program in the store: one tenant's scope, decisions, evidence and runs.
// Every write goes through a Program so that each lands in one transaction together
// with its entry in the change log.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.h"

namespace cc::program {

using store::Done;
using store::Error;
using store::Status;

// Who made a change and when: the actor as the user gave it, the time as UTC ISO 8601
// ("2026-11-23T17:40:00Z").
struct Change {
  std::string actor;
  std::string at;
};

// The current time in that form.
std::string utc_now();
// True for "YYYY-MM-DDTHH:MM:SSZ".
bool is_utc_timestamp(std::string_view text);

class Program {
 public:
  // The program of `tenant` (a short name) in a migrated store; the tenant is created
  // on first use.
  static Result<Program, Error> open(store::Database& db, std::string_view tenant = "default");

  [[nodiscard]] store::Database& db() const { return *db_; }
  [[nodiscard]] int64_t tenant_id() const { return tenant_id_; }
  [[nodiscard]] const std::string& tenant() const { return tenant_; }

 private:
  Program(store::Database& db, int64_t id, std::string tenant)
      : db_(&db), tenant_id_(id), tenant_(std::move(tenant)) {}
  store::Database* db_;
  int64_t tenant_id_;
  std::string tenant_;
};

// One entry of the change log.
struct ChangeRecord {
  int64_t id = 0;
  std::string at;
  std::string actor;
  std::string entity;  // "scope", "soa", ...
  std::string key;     // which one of them
  std::string action;  // "create", "update", "delete", ...
  std::string before;  // JSON, empty when there was nothing before
  std::string after;   // JSON, empty when nothing is left
};

// Appends to the change log; call inside the transaction of the change itself.
Status record_change(const Program& program, const Change& who, std::string_view entity,
                     std::string_view key, std::string_view action, std::string_view before,
                     std::string_view after);

struct HistoryFilter {
  std::string entity;  // empty: every entity
  std::string key;     // empty: every key
  size_t limit = 100;  // newest first
};
// One change for people: when, who, what, and the fields that changed.
std::string change_text(const ChangeRecord& record);

Result<std::vector<ChangeRecord>, Error> history(const Program& program,
                                                 const HistoryFilter& filter);

}  // namespace cc::program
