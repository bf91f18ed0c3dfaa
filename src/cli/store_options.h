#pragma once
// Options every program command shares (--db, --tenant, --actor) and how such a
// command opens the store or stops with a message.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <string>
#include <string_view>

#include "app/program_store.h"
#include "cli/common.h"

namespace cc::cli {

inline void add_store_options(CLI::App& command, app::StoreSettings& settings) {
  command.add_option("--db", settings.db,
                     "Program store: a SQLite file or postgres://… (default: $CLOUDCOMPLY_DB, else "
                     ".cloudcomply/program.db)");
  command
      .add_option("--tenant", settings.tenant, "Organisation whose program to use within the store")
      ->capture_default_str();
  command.add_option(
      "--actor", settings.actor,
      "Who makes the change, as recorded in the history (default: $CLOUDCOMPLY_ACTOR, else the "
      "login name)");
}

// Prints "cloudcomply COMMAND: MESSAGE" and ends with exit code 2.
[[noreturn]] inline void fail(std::string_view command, std::string_view message) {
  std::cerr << "cloudcomply " << command << ": " << message << "\n";
  throw Exit(2);
}

inline app::OpenProgram open_or_fail(const app::StoreSettings& settings, std::string_view command) {
  auto opened = app::open_program(settings);
  if (!opened) fail(command, opened.error().message);
  return std::move(*opened);
}

inline program::Change change_or_fail(const app::StoreSettings& settings,
                                      std::string_view command) {
  auto who = app::change_now(settings);
  if (!who) fail(command, who.error().message);
  return *who;
}

}  // namespace cc::cli
