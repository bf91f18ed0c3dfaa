#pragma once
// One function per command, each in its own file; main() adds them all.
#include <CLI/CLI.hpp>

namespace cc::cli {

void add_scan(CLI::App& app);
void add_inventory(CLI::App& app);
void add_rules(CLI::App& app);
void add_catalog(CLI::App& app);
void add_catalog_import(CLI::App& app);  // adds import and text to `catalog`
void add_init(CLI::App& app);
void add_scope(CLI::App& app);
void add_evidence(CLI::App& app);
void add_verify(CLI::App& app);
void add_runs(CLI::App& app);
void add_diff(CLI::App& app);
void add_status(CLI::App& app);
void add_soa(CLI::App& app);
void add_responsibility(CLI::App& app);
void add_report(CLI::App& app);
void add_serve(CLI::App& app);

}  // namespace cc::cli
