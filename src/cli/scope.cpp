// `cloudcomply scope show|set|history`: the program's scope and its record of changes.
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/scope_options.h"
#include "cli/store_options.h"

namespace cc::cli {
namespace {

struct ScopeCommand {
  app::StoreSettings store;
  ScopeOptions fields;
  std::vector<std::string> add_services;
  std::vector<std::string> remove_services;
  std::string format = "text";
  size_t limit = 20;
};

program::Scope load_or_fail(const app::OpenProgram& opened) {
  auto scope = program::load_scope(opened.program());
  if (!scope) fail("scope", scope.error().message);
  if (!scope->has_value())
    fail("scope",
         fmt::format("{} holds no program for tenant {} yet; start one with `cloudcomply init`",
                     opened.db().location(), opened.program().tenant()));
  return **scope;
}

void run_show(const ScopeCommand& c) {
  auto opened = open_or_fail(c.store, "scope");
  program::Scope scope = load_or_fail(opened);
  if (c.format == "json")
    std::cout << nlohmann::json::parse(program::to_json(scope)).dump(2) << "\n";
  else
    std::cout << program::scope_text(scope);
}

void run_set(const ScopeCommand& c) {
  auto opened = open_or_fail(c.store, "scope set");
  program::Scope scope = load_or_fail(opened);
  const int64_t read_revision = scope.revision;
  std::vector<std::string> problems;
  apply_scope_options(c.fields, scope, problems);
  for (const auto& spec : c.add_services) {
    auto s = program::parse_service(spec);
    if (!s) {
      problems.push_back(s.error());
      continue;
    }
    std::erase_if(scope.services,
                  [&](const program::CloudService& x) { return x.name == s->name; });
    scope.services.push_back(*s);
  }
  for (const auto& name : c.remove_services) {
    auto before = scope.services.size();
    std::erase_if(scope.services, [&](const program::CloudService& x) { return x.name == name; });
    if (before == scope.services.size())
      problems.push_back(fmt::format("no cloud service named \"{}\" in scope", name));
  }
  auto more = program::validate(scope, app::known_framework_ids());
  problems.insert(problems.end(), more.begin(), more.end());
  if (!problems.empty()) fail("scope set", fmt::format("{}", fmt::join(problems, "; ")));
  auto saved = program::save_scope(opened.program(), scope, change_or_fail(c.store, "scope set"),
                                   read_revision);
  if (!saved) fail("scope set", saved.error().message);
  if (saved->revision == read_revision) std::cout << "No change.\n";
  std::cout << program::scope_text(*saved);
}

void run_history(const ScopeCommand& c) {
  auto opened = open_or_fail(c.store, "scope history");
  auto log = program::history(opened.program(), {"scope", "", c.limit});
  if (!log) fail("scope history", log.error().message);
  if (c.format == "json") {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : *log) {
      nlohmann::json e{{"id", r.id}, {"at", r.at}, {"actor", r.actor}, {"action", r.action}};
      e["before"] =
          r.before.empty() ? nlohmann::json() : nlohmann::json::parse(r.before, nullptr, false);
      e["after"] =
          r.after.empty() ? nlohmann::json() : nlohmann::json::parse(r.after, nullptr, false);
      out.push_back(std::move(e));
    }
    std::cout << out.dump(2) << "\n";
    return;
  }
  if (log->empty()) std::cout << "No changes recorded.\n";
  for (const auto& r : *log) std::cout << program::change_text(r);
}

}  // namespace

void add_scope(CLI::App& app) {
  auto c = std::make_shared<ScopeCommand>();
  auto* scope =
      app.add_subcommand("scope", "Show or change the program's scope and see who changed it");
  scope->require_subcommand(1);
  auto* show = scope->add_subcommand("show", "Print the scope");
  show->add_option("--format", c->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  add_store_options(*show, c->store);
  show->callback([c] { run_show(*c); });

  auto* set = scope->add_subcommand(
      "set", "Change fields of the scope; each change is recorded with who and when");
  add_scope_fields(*set, c->fields, false);
  set->add_option("--add-service", c->add_services,
                  "Add or replace a cloud service (NAME:DIRECTION:MODEL[:PROVIDER])");
  set->add_option("--remove-service", c->remove_services, "Remove the cloud service of this name");
  add_store_options(*set, c->store);
  set->callback([c] { run_set(*c); });

  auto* hist = scope->add_subcommand("history", "List the changes made to the scope, newest first");
  hist->add_option("--limit", c->limit, "How many changes")->capture_default_str();
  hist->add_option("--format", c->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  add_store_options(*hist, c->store);
  hist->callback([c] { run_history(*c); });
}

}  // namespace cc::cli
