#pragma once
// Opening the program store for a command: where it is (--db, $CLOUDCOMPLY_DB, or
// .cloudcomply/program.db in the working directory), bringing its schema up to date,
// and who is acting and when.
#include <memory>
#include <string>
#include <vector>

#include "program/program.h"
#include "store/database.h"

namespace cc::app {

struct StoreSettings {
  std::string db;                  // empty: $CLOUDCOMPLY_DB, else the default file
  std::string tenant = "default";  // the organisation's program within the store
  std::string actor;               // empty: $CLOUDCOMPLY_ACTOR, else the login name
};

// The store location the settings resolve to.
std::string store_location(const StoreSettings& settings);

// A connection and the tenant's program on it, kept together because the program
// refers to the connection.
class OpenProgram {
 public:
  OpenProgram(std::unique_ptr<store::Database> db, program::Program program)
      : db_(std::move(db)), program_(program) {}
  [[nodiscard]] const program::Program& program() const { return program_; }
  [[nodiscard]] store::Database& db() const { return *db_; }

 private:
  std::unique_ptr<store::Database> db_;
  program::Program program_;
};

// Opens (creating when missing) and migrates the store, then the tenant's program.
Result<OpenProgram, store::Error> open_program(const StoreSettings& settings);

// The framework ids of the catalog in the data directory, which a scope may name.
std::vector<std::string> known_framework_ids();

// Reads control references as users type them ("CLD.9.5.2", "27017:2015/12.4.1") into
// the catalog's spelling; the error names every one the catalog does not know.
Result<std::vector<std::string>, std::string> resolve_controls(
    const std::vector<std::string>& inputs);

// Who and when for a change made now: the actor from the settings, the time from
// $CLOUDCOMPLY_NOW when set (reproducible records and reports), else the clock.
Result<program::Change, store::Error> change_now(const StoreSettings& settings);

}  // namespace cc::app
