// `cloudcomply verify [PACK]`: checks the evidence ledger and every stored file, in the
// store or in an exported evidence pack. Exit 0 when intact, 1 when anything is wrong.
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/store_options.h"
#include "program/evidence_pack.h"
#include "program/ledger.h"

namespace cc::cli {
namespace {

struct VerifyCommand {
  app::StoreSettings store;
  std::string pack;
};

void run_verify(const VerifyCommand& c) {
  Result<program::Verification, store::Error> v = program::Verification{};
  std::string what;
  if (!c.pack.empty()) {
    v = program::verify_pack(c.pack);
    what = c.pack;
  } else {
    auto opened = open_or_fail(c.store, "verify");
    v = program::verify_store(opened.program());
    what = opened.db().location();
  }
  if (!v) fail("verify", v.error().message);
  std::cout << fmt::format("{}: {} ledger entries, {} pieces of evidence, {} files checked\n", what,
                           v->entries, v->evidence, v->files);
  if (!v->head.empty()) std::cout << "ledger head " << v->head << "\n";
  if (v->ok()) {
    std::cout << "intact\n";
    return;
  }
  for (const auto& p : v->problems) std::cout << "BROKEN: " << p << "\n";
  throw Exit(1);
}

}  // namespace

void add_verify(CLI::App& app) {
  auto c = std::make_shared<VerifyCommand>();
  auto* cmd = app.add_subcommand(
      "verify", "Check the evidence ledger and stored files, in the store or in an evidence pack");
  cmd->add_option("PACK", c->pack, "An evidence pack (ZIP) to check instead of the store");
  add_store_options(*cmd, c->store);
  cmd->callback([c] { run_verify(*c); });
}

}  // namespace cc::cli
