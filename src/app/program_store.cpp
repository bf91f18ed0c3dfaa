#include "app/program_store.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <pwd.h>
#include <unistd.h>

#include <cstdlib>

#include "catalog/catalog.h"
#include "core/data_dir.h"
#include "store/migrations.h"

namespace cc::app {
namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

std::string login_name() {
  if (const passwd* pw = ::getpwuid(::geteuid()); pw && pw->pw_name) return pw->pw_name;
  return fmt::format("uid {}", ::geteuid());
}

}  // namespace

std::string store_location(const StoreSettings& settings) {
  if (!settings.db.empty()) return settings.db;
  if (std::string e = env("CLOUDCOMPLY_DB"); !e.empty()) return e;
  return ".cloudcomply/program.db";
}

Result<OpenProgram, store::Error> open_program(const StoreSettings& settings) {
  auto db = store::open_database(store_location(settings));
  if (!db) return unexpected(std::move(db.error()));
  if (auto m = store::migrate(**db); !m) return unexpected(std::move(m.error()));
  auto program = program::Program::open(**db, settings.tenant);
  if (!program) return unexpected(std::move(program.error()));
  return OpenProgram(std::move(*db), *program);
}

std::vector<std::string> known_framework_ids() {
  SourceTable sources;
  Diagnostics ignored;  // `catalog list` reports problems in the catalog data
  return catalog::Catalog::load(data_dir() / "catalog", sources, ignored,
                                catalog::LoadMode::OnDemand)
      .framework_ids();
}

Result<std::vector<std::string>, std::string> resolve_controls(
    const std::vector<std::string>& inputs) {
  if (inputs.empty()) return std::vector<std::string>{};
  SourceTable sources;
  Diagnostics ignored;
  auto catalog =
      catalog::Catalog::load(data_dir() / "catalog", sources, ignored, catalog::LoadMode::OnDemand);
  std::vector<std::string> out;
  std::vector<std::string> unknown;
  for (const auto& in : inputs) {
    if (const catalog::Control* c = catalog.resolve(in))
      out.push_back(c->ref);
    else
      unknown.push_back(in);
  }
  if (!unknown.empty())
    return unexpected(fmt::format("not in the catalog: {} (see `cloudcomply catalog list`)",
                                  fmt::join(unknown, ", ")));
  return out;
}

Result<program::Change, store::Error> change_now(const StoreSettings& settings) {
  program::Change who;
  who.actor = !settings.actor.empty() ? settings.actor : env("CLOUDCOMPLY_ACTOR");
  if (who.actor.empty()) who.actor = login_name();
  who.at = env("CLOUDCOMPLY_NOW");
  if (who.at.empty()) {
    who.at = program::utc_now();
  } else if (!program::is_utc_timestamp(who.at)) {
    return unexpected(store::Error{
        store::Error::Kind::Invalid,
        fmt::format("CLOUDCOMPLY_NOW must read YYYY-MM-DDTHH:MM:SSZ, not \"{}\"", who.at)});
  }
  return who;
}

}  // namespace cc::app
