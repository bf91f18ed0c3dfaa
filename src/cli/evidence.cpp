// `cloudcomply evidence …`: the evidence library and its ledger.
#include "program/evidence.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/store_options.h"
#include "program/dates.h"
#include "program/evidence_pack.h"
#include "program/evidence_record.h"
#include "program/ledger.h"
#include "store/blobs.h"

namespace cc::cli {
namespace {

struct EvidenceCommand {
  app::StoreSettings store;
  std::string file;
  int64_t id = 0;
  std::string title;
  std::string kind;
  std::vector<std::string> controls;
  std::string collected;
  std::string effective;
  int64_t review_days = 0;
  std::string expires;
  std::string name;
  uint64_t max_bytes = uint64_t{256} << 20;
  std::string reason;
  std::string output;
  std::string format = "text";
  bool all = false;
};

std::vector<std::string> controls_or_fail(const std::vector<std::string>& inputs,
                                          std::string_view command) {
  auto refs = app::resolve_controls(inputs);
  if (!refs) fail(command, refs.error());
  return *refs;
}

program::EvidenceInput input_of(const EvidenceCommand& c, std::string_view command) {
  program::EvidenceInput in;
  in.file = c.file;
  in.title = c.title;
  in.kind = c.kind;
  in.controls = controls_or_fail(c.controls, command);
  in.collected_on = c.collected;
  in.effective_on = c.effective;
  if (c.review_days > 0) in.review_days = c.review_days;
  in.expires_on = c.expires;
  in.file_name = c.name;
  return in;
}

// The record the ledger vouches for, with its state on `today` and its history.
nlohmann::json json_of(const program::Evidence& e, std::string_view today) {
  nlohmann::json j = program::evidence_record_json(e);
  j["valid_until"] = program::valid_until(e);
  j["state"] = program::to_string(program::freshness(e, today));
  j["controls"] = e.controls;
  j["superseded_by"] = e.superseded_by ? nlohmann::json(*e.superseded_by) : nlohmann::json();
  j["removed_at"] = e.removed_at;
  j["removed_reason"] = e.removed_reason;
  j["created_at"] = e.created_at;
  j["created_by"] = e.created_by;
  return j;
}

std::string line_of(const program::Evidence& e, std::string_view today) {
  std::string until = program::valid_until(e);
  return fmt::format(
      "{:>4}  {:<10}  {:<10}  {}  ({}, {} bytes){}\n      controls: {}\n", e.id,
      program::to_string(program::freshness(e, today)), until.empty() ? "-" : until, e.title,
      e.kind, e.size, e.file_name.empty() ? "" : ", " + e.file_name,
      e.controls.empty() ? std::string("none") : fmt::format("{}", fmt::join(e.controls, ", ")));
}

void print(const program::Evidence& e, const EvidenceCommand& c, std::string_view today) {
  if (c.format == "json")
    std::cout << json_of(e, today).dump(2) << "\n";
  else
    std::cout << line_of(e, today);
}

void run_add(const EvidenceCommand& c) {
  auto opened = open_or_fail(c.store, "evidence add");
  auto who = change_or_fail(c.store, "evidence add");
  auto e = program::add_evidence(opened.program(), input_of(c, "evidence add"), who, {c.max_bytes});
  if (!e) fail("evidence add", e.error().message);
  print(*e, c, program::date_of(who.at));
}

void run_supersede(const EvidenceCommand& c) {
  auto opened = open_or_fail(c.store, "evidence supersede");
  auto who = change_or_fail(c.store, "evidence supersede");
  auto e = program::supersede_evidence(opened.program(), c.id, input_of(c, "evidence supersede"),
                                       who, {c.max_bytes});
  if (!e) fail("evidence supersede", e.error().message);
  print(*e, c, program::date_of(who.at));
}

void run_list(const EvidenceCommand& c) {
  auto opened = open_or_fail(c.store, "evidence list");
  const std::string today = program::date_of(change_or_fail(c.store, "evidence list").at);
  auto list = program::list_evidence(opened.program(), c.all);
  if (!list) fail("evidence list", list.error().message);
  auto wanted = controls_or_fail(c.controls, "evidence list");
  nlohmann::json out = nlohmann::json::array();
  for (const auto& e : *list) {
    if (!wanted.empty() && std::none_of(wanted.begin(), wanted.end(), [&](const std::string& w) {
          return std::find(e.controls.begin(), e.controls.end(), w) != e.controls.end();
        }))
      continue;
    if (c.format == "json")
      out.push_back(json_of(e, today));
    else
      std::cout << line_of(e, today);
  }
  if (c.format == "json") std::cout << out.dump(2) << "\n";
}

void run_show(const EvidenceCommand& c) {
  auto opened = open_or_fail(c.store, "evidence show");
  const std::string today = program::date_of(change_or_fail(c.store, "evidence show").at);
  auto e = program::get_evidence(opened.program(), c.id);
  if (!e) fail("evidence show", e.error().message);
  const nlohmann::json j = json_of(*e, today);
  if (c.format == "json") {
    std::cout << j.dump(2) << "\n";
    return;
  }
  for (const auto& [key, value] : j.items())
    if (!value.is_null() && value != "")
      std::cout << fmt::format("{:<15} {}\n", key + ":",
                               value.is_string() ? value.get<std::string>() : value.dump());
}

void run_get(const EvidenceCommand& c) {
  auto opened = open_or_fail(c.store, "evidence get");
  auto e = program::get_evidence(opened.program(), c.id);
  if (!e) fail("evidence get", e.error().message);
  const std::filesystem::path out_path(c.output.empty() ? e->file_name : c.output);
  std::error_code ec;
  if (std::filesystem::exists(out_path, ec))
    fail("evidence get", fmt::format("{} already exists", out_path.string()));
  std::ofstream out(out_path, std::ios::binary);
  if (!out) fail("evidence get", fmt::format("cannot write {}", out_path.string()));
  auto s = store::read_blob(opened.db(), e->sha256, [&](std::string_view chunk) {
    out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    return static_cast<bool>(out);
  });
  if (!s) fail("evidence get", s.error().message);
  if (!out) fail("evidence get", fmt::format("cannot write {}", out_path.string()));
  std::cout << fmt::format("Wrote {} ({} bytes, sha256 {})\n", out_path.string(), e->size,
                           e->sha256);
}

void run_link(const EvidenceCommand& c, bool link) {
  const char* name = link ? "evidence link" : "evidence unlink";
  auto opened = open_or_fail(c.store, name);
  auto refs = controls_or_fail(c.controls, name);
  auto who = change_or_fail(c.store, name);
  auto s = link ? program::link_evidence(opened.program(), c.id, refs, who)
                : program::unlink_evidence(opened.program(), c.id, refs, who);
  if (!s) fail(name, s.error().message);
  auto e = program::get_evidence(opened.program(), c.id);
  if (e) std::cout << line_of(*e, program::date_of(who.at));
}

void run_remove(const EvidenceCommand& c) {
  auto opened = open_or_fail(c.store, "evidence remove");
  auto s = program::remove_evidence(opened.program(), c.id, c.reason,
                                    change_or_fail(c.store, "evidence remove"));
  if (!s) fail("evidence remove", s.error().message);
  std::cout << fmt::format("Evidence {} removed.\n", c.id);
}

void run_export(const EvidenceCommand& c) {
  auto opened = open_or_fail(c.store, "evidence export");
  auto s =
      program::export_pack(opened.program(), c.output, change_or_fail(c.store, "evidence export"));
  if (!s) fail("evidence export", s.error().message);
  std::cout << fmt::format("Wrote the evidence pack {}; check it with `cloudcomply verify {}`.\n",
                           c.output, c.output);
}

void run_log(const EvidenceCommand& c) {
  auto opened = open_or_fail(c.store, "evidence log");
  auto entries = program::read_ledger(opened.program());
  if (!entries) fail("evidence log", entries.error().message);
  nlohmann::json out = nlohmann::json::array();
  for (const auto& e : *entries) {
    if (c.format == "json")
      out.push_back({{"seq", e.seq},
                     {"at", e.at},
                     {"actor", e.actor},
                     {"action", e.action},
                     {"evidence_id", e.evidence_id},
                     {"payload", nlohmann::json::parse(e.payload, nullptr, false)},
                     {"prev_hash", e.prev_hash},
                     {"hash", e.hash}});
    else
      std::cout << fmt::format("{:>5}  {}  {:<10} {:<9} evidence {}  {}\n", e.seq, e.at, e.actor,
                               e.action, e.evidence_id, e.hash.substr(0, 16));
  }
  if (c.format == "json") std::cout << out.dump(2) << "\n";
}

void add_metadata(CLI::App& cmd, EvidenceCommand& c, bool title_required) {
  auto* title = cmd.add_option("--title", c.title, "What the evidence is");
  if (title_required) title->required();
  cmd.add_option("--kind", c.kind,
                 "document (default), policy, record, contract, training, screenshot, scan-result, "
                 "report, other");
  cmd.add_option("--control", c.controls, "Control it supports (repeat or comma)")->delimiter(',');
  cmd.add_option("--collected", c.collected, "Date it was collected, YYYY-MM-DD (default: today)");
  cmd.add_option("--effective", c.effective,
                 "Date from which it holds, YYYY-MM-DD (default: collected)");
  auto* review = cmd.add_option("--review-days", c.review_days,
                                "Review it this many days after it takes effect");
  cmd.add_option("--expires", c.expires, "Date after which it no longer counts, YYYY-MM-DD")
      ->excludes(review);
  cmd.add_option("--name", c.name, "File name to keep (default: the file's own)");
  cmd.add_option("--max-evidence-size", c.max_bytes, "Refuse files larger than this many bytes")
      ->capture_default_str();
}

void add_format(CLI::App& cmd, EvidenceCommand& c) {
  cmd.add_option("--format", c.format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
}

}  // namespace

void add_evidence(CLI::App& app) {
  auto c = std::make_shared<EvidenceCommand>();
  auto* ev = app.add_subcommand(
      "evidence",
      "Keep the files and records that show controls work, with a tamper-evident ledger");
  ev->require_subcommand(1);

  auto* add = ev->add_subcommand("add", "Store a file as evidence for controls");
  add->add_option("FILE", c->file, "The file")->required();
  add_metadata(*add, *c, true);
  add_format(*add, *c);
  add->callback([c] { run_add(*c); });

  auto* sup = ev->add_subcommand(
      "supersede", "Replace evidence with a newer file (the old one stays, marked replaced)");
  sup->add_option("ID", c->id, "Evidence to replace")->required();
  sup->add_option("FILE", c->file, "The new file")->required();
  add_metadata(*sup, *c, false);
  add_format(*sup, *c);
  sup->callback([c] { run_supersede(*c); });

  auto* list =
      ev->add_subcommand("list", "List evidence with its state (current, expiring, expired)");
  list->add_flag("--all", c->all, "Include removed and replaced evidence");
  list->add_option("--control", c->controls, "Only evidence for these controls")->delimiter(',');
  add_format(*list, *c);
  list->callback([c] { run_list(*c); });

  auto* show = ev->add_subcommand("show", "Show one piece of evidence");
  show->add_option("ID", c->id, "Evidence id")->required();
  add_format(*show, *c);
  show->callback([c] { run_show(*c); });

  auto* get = ev->add_subcommand("get", "Write a stored file out");
  get->add_option("ID", c->id, "Evidence id")->required();
  get->add_option("--output", c->output,
                  "Where to write it (default: its file name here); never overwrites");
  get->callback([c] { run_get(*c); });

  auto* link = ev->add_subcommand("link", "Make evidence support more controls");
  link->add_option("ID", c->id, "Evidence id")->required();
  link->add_option("--control", c->controls, "Controls (repeat or comma)")
      ->delimiter(',')
      ->required();
  link->callback([c] { run_link(*c, true); });

  auto* unlink = ev->add_subcommand("unlink", "Stop evidence supporting controls");
  unlink->add_option("ID", c->id, "Evidence id")->required();
  unlink->add_option("--control", c->controls, "Controls (repeat or comma)")
      ->delimiter(',')
      ->required();
  unlink->callback([c] { run_link(*c, false); });

  auto* remove = ev->add_subcommand("remove", "Withdraw evidence (the record and ledger keep it)");
  remove->add_option("ID", c->id, "Evidence id")->required();
  remove->add_option("--reason", c->reason, "Why it is withdrawn")->required();
  remove->callback([c] { run_remove(*c); });

  auto* exp = ev->add_subcommand(
      "export", "Write an evidence pack (ZIP) that `cloudcomply verify` checks offline");
  exp->add_option("--output", c->output, "The pack to write")->required();
  exp->callback([c] { run_export(*c); });

  auto* log = ev->add_subcommand("log", "List the evidence ledger");
  add_format(*log, *c);
  log->callback([c] { run_log(*c); });

  for (auto* sub : {add, sup, list, show, get, link, unlink, remove, exp, log})
    add_store_options(*sub, c->store);
}

}  // namespace cc::cli
