// `cloudcomply init`: starts a compliance program by recording its scope.
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/scope_options.h"
#include "cli/store_options.h"
#include "store/migrations.h"

namespace cc::cli {
namespace {

struct InitOptions {
  app::StoreSettings store;
  ScopeOptions scope;
};

void run_init(const InitOptions& o) {
  program::Scope scope;
  scope.frameworks = {"iso27001:2022", "iso27017:2015"};
  std::vector<std::string> problems;
  apply_scope_options(o.scope, scope, problems);
  auto more = program::validate(scope, app::known_framework_ids());
  problems.insert(problems.end(), more.begin(), more.end());
  if (!problems.empty()) fail("init", fmt::format("{}", fmt::join(problems, "; ")));
  auto opened = open_or_fail(o.store, "init");
  auto existing = program::load_scope(opened.program());
  if (!existing) fail("init", existing.error().message);
  if (existing->has_value())
    fail("init",
         fmt::format(
             "{} already holds the program of {}; change its scope with `cloudcomply scope set`",
             opened.db().location(), (*existing)->organisation));
  auto saved =
      program::save_scope(opened.program(), scope, change_or_fail(o.store, "init"), int64_t{0});
  if (!saved) fail("init", saved.error().message);
  std::cout << fmt::format("Started the compliance program of {} in {} (schema version {}).\n",
                           saved->organisation, opened.db().location(),
                           store::latest_schema_version())
            << program::scope_text(*saved);
}

}  // namespace

void add_init(CLI::App& app) {
  auto options = std::make_shared<InitOptions>();
  auto* cmd = app.add_subcommand(
      "init", "Start a compliance program: record the organisation and its scope");
  add_scope_fields(*cmd, options->scope, true);
  add_store_options(*cmd, options->store);
  cmd->callback([options] { run_init(*options); });
}

}  // namespace cc::cli
