// cloudcomply: ISO/IEC 27017 cloud-security assessment from the command line.
#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/common.h"

int main(int argc, char** argv) {
  CLI::App app{
      "cloudcomply: assess cloud configuration against ISO/IEC 27017 and run the compliance "
      "program"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "cloudcomply " CC_VERSION);
  cc::cli::add_scan(app);
  cc::cli::add_inventory(app);
  cc::cli::add_rules(app);
  cc::cli::add_catalog(app);
  cc::cli::add_catalog_import(app);
  cc::cli::add_init(app);
  cc::cli::add_scope(app);
  cc::cli::add_evidence(app);
  cc::cli::add_verify(app);
  cc::cli::add_runs(app);
  cc::cli::add_diff(app);
  cc::cli::add_status(app);
  cc::cli::add_soa(app);
  cc::cli::add_responsibility(app);
  cc::cli::add_report(app);
  cc::cli::add_serve(app);
  try {
    app.parse(argc, argv);
  } catch (const cc::cli::Exit& e) {
    return e.code;
  } catch (const CLI::ParseError& e) {
    // CLI11 uses exit code 0 for --help; every usage error is our exit code 2.
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  return 0;
}
