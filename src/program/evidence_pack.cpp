#include "program/evidence_pack.h"

#include <fmt/format.h>
#include <zip.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "program/evidence.h"
#include "program/evidence_record.h"
#include "store/blobs.h"
#include "store/sha256.h"

namespace cc::program {
namespace fs = std::filesystem;
namespace {

constexpr const char* kFormat = "cloudcomply evidence pack";

Error pack_error(const fs::path& zip, std::string_view what) {
  return Error{Error::Kind::Invalid, fmt::format("{}: {}", zip.string(), what)};
}

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using Zip = std::unique_ptr<zip_t, ZipCloser>;

nlohmann::json entry_json(const LedgerEntry& e) {
  return {{"seq", e.seq},
          {"at", e.at},
          {"actor", e.actor},
          {"action", e.action},
          {"evidence_id", e.evidence_id},
          {"payload", e.payload},
          {"prev_hash", e.prev_hash},
          {"hash", e.hash}};
}

nlohmann::json evidence_json(const Evidence& e) {
  nlohmann::json j = evidence_record_json(e);
  j["controls"] = e.controls;
  j["removed"] = !e.removed_at.empty();
  j["superseded_by"] = e.superseded_by ? nlohmann::json(*e.superseded_by) : nlohmann::json();
  return j;
}

// Temporary files for the stored blobs: libzip reads them when the archive is closed.
struct ScratchDir {
  fs::path path;
  ScratchDir() {
    std::string tmpl = (fs::temp_directory_path() / "cloudcomply-pack-XXXXXX").string();
    if (::mkdtemp(tmpl.data())) path = tmpl;
  }
  ~ScratchDir() {
    std::error_code ec;
    if (!path.empty()) fs::remove_all(path, ec);
  }
};

Status add_buffer(zip_t* z, const fs::path& zip, const std::string& name, const std::string& data) {
  zip_source_t* src = zip_source_buffer(z, data.data(), data.size(), 0);
  if (!src || zip_file_add(z, name.c_str(), src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
    if (src) zip_source_free(src);
    return unexpected(pack_error(zip, fmt::format("cannot add {}: {}", name, zip_strerror(z))));
  }
  return Done{};
}

// Reads a whole entry of at most `limit` bytes.
Result<std::string, Error> read_entry(zip_t* z, const fs::path& zip, const char* name,
                                      uint64_t limit) {
  zip_stat_t st;
  if (zip_stat(z, name, 0, &st) != 0)
    return unexpected(pack_error(zip, fmt::format("{} is missing", name)));
  if (st.size > limit)
    return unexpected(
        pack_error(zip, fmt::format("{} is {} bytes, over the limit of {}", name, st.size, limit)));
  zip_file_t* f = zip_fopen(z, name, 0);
  if (!f)
    return unexpected(pack_error(zip, fmt::format("cannot read {}: {}", name, zip_strerror(z))));
  std::string out(static_cast<size_t>(st.size), '\0');
  zip_int64_t n = zip_fread(f, out.data(), out.size());
  zip_fclose(f);
  if (n < 0 || static_cast<uint64_t>(n) != st.size)
    return unexpected(pack_error(zip, fmt::format("cannot read {}: damaged entry", name)));
  return out;
}

// The digest and size of an entry, read in chunks.
Result<std::pair<std::string, uint64_t>, Error> hash_entry(zip_t* z, const fs::path& zip,
                                                           const std::string& name) {
  zip_file_t* f = zip_fopen(z, name.c_str(), 0);
  if (!f) return unexpected(pack_error(zip, fmt::format("{} is missing", name)));
  store::Sha256 h;
  uint64_t size = 0;
  std::string buf(store::kBlobChunkBytes, '\0');
  for (;;) {
    zip_int64_t n = zip_fread(f, buf.data(), buf.size());
    if (n < 0) {
      zip_fclose(f);
      return unexpected(pack_error(zip, fmt::format("cannot read {}: damaged entry", name)));
    }
    if (n == 0) break;
    h.update(std::string_view(buf.data(), static_cast<size_t>(n)));
    size += static_cast<uint64_t>(n);
  }
  zip_fclose(f);
  return std::make_pair(h.hex(), size);
}

}  // namespace

Status export_pack(const Program& p, const fs::path& zip, const Change& who) {
  std::error_code ec;
  if (fs::exists(zip, ec))
    return unexpected(pack_error(zip, "already exists; choose another name"));
  store::Transaction snapshot(p.db(), store::TxMode::Read);
  if (snapshot.error()) return unexpected(*snapshot.error());
  auto entries = read_ledger(p);
  if (!entries) return unexpected(entries.error());
  auto evidence = list_evidence(p, true);
  if (!evidence) return unexpected(evidence.error());

  ScratchDir scratch;
  if (scratch.path.empty()) return unexpected(pack_error(zip, "cannot make a temporary directory"));
  int err = 0;
  Zip z(zip_open(zip.c_str(), ZIP_CREATE | ZIP_EXCL, &err));
  if (!z) {
    zip_error_t ze;
    zip_error_init_with_code(&ze, err);
    std::string what = zip_error_strerror(&ze);
    zip_error_fini(&ze);
    return unexpected(pack_error(zip, fmt::format("cannot create: {}", what)));
  }
  nlohmann::json manifest{{"format", kFormat},
                          {"version", 1},
                          {"tenant", p.tenant()},
                          {"exported_at", who.at},
                          {"exported_by", who.actor},
                          {"ledger_entries", entries->size()},
                          {"ledger_head", entries->empty() ? kLedgerGenesis : entries->back().hash},
                          {"evidence", nlohmann::json::array()},
                          {"files", nlohmann::json::array()}};
  std::set<std::string> files;
  for (const auto& e : *evidence) {
    manifest["evidence"].push_back(evidence_json(e));
    if (!files.insert(e.sha256).second) continue;
    const fs::path tmp = scratch.path / e.sha256;
    {
      std::ofstream out(tmp, std::ios::binary);
      auto s = store::read_blob(p.db(), e.sha256, [&](std::string_view chunk) {
        out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        return static_cast<bool>(out);
      });
      if (!s) return unexpected(s.error());
      if (!out) return unexpected(pack_error(zip, "cannot write a temporary file"));
    }
    const std::string name = "files/" + e.sha256;
    zip_source_t* src = zip_source_file(z.get(), tmp.c_str(), 0, 0);
    if (!src || zip_file_add(z.get(), name.c_str(), src, ZIP_FL_ENC_UTF_8) < 0) {
      if (src) zip_source_free(src);
      return unexpected(
          pack_error(zip, fmt::format("cannot add {}: {}", name, zip_strerror(z.get()))));
    }
    manifest["files"].push_back({{"sha256", e.sha256}, {"size", e.size}, {"path", name}});
  }
  std::string ledger;
  for (const auto& e : *entries) ledger += entry_json(e).dump() + "\n";
  const std::string manifest_text = manifest.dump(2) + "\n";
  if (auto s = add_buffer(z.get(), zip, "manifest.json", manifest_text); !s) return s;
  if (auto s = add_buffer(z.get(), zip, "ledger.jsonl", ledger); !s) return s;
  if (zip_close(z.get()) != 0) {
    std::string what = zip_strerror(z.get());
    fs::remove(zip, ec);
    return unexpected(pack_error(zip, fmt::format("cannot write: {}", what)));
  }
  (void)z.release();  // closed
  return Done{};
}

Result<Verification, Error> verify_pack(const fs::path& zip, const PackLimits& limits) {
  int err = 0;
  Zip z(zip_open(zip.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &err));
  if (!z) {
    zip_error_t ze;
    zip_error_init_with_code(&ze, err);
    std::string what = zip_error_strerror(&ze);
    zip_error_fini(&ze);
    return unexpected(pack_error(zip, fmt::format("not a readable evidence pack: {}", what)));
  }
  auto manifest_text = read_entry(z.get(), zip, "manifest.json", limits.max_index_bytes);
  if (!manifest_text) return unexpected(manifest_text.error());
  auto ledger_text = read_entry(z.get(), zip, "ledger.jsonl", limits.max_index_bytes);
  if (!ledger_text) return unexpected(ledger_text.error());
  auto manifest = nlohmann::json::parse(*manifest_text, nullptr, false);
  if (!manifest.is_object() || manifest.value("format", "") != kFormat)
    return unexpected(pack_error(zip, "manifest.json is not the manifest of an evidence pack"));

  std::vector<LedgerEntry> entries;
  size_t line_no = 0;
  size_t start = 0;
  Verification v;
  while (start < ledger_text->size()) {
    size_t end = ledger_text->find('\n', start);
    if (end == std::string::npos) end = ledger_text->size();
    std::string_view line(ledger_text->data() + start, end - start);
    start = end + 1;
    ++line_no;
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line, nullptr, false);
    try {
      if (!j.is_object()) throw nlohmann::json::type_error::create(302, "not an object", nullptr);
      entries.push_back(
          LedgerEntry{j.at("seq").get<int64_t>(), j.at("at").get<std::string>(),
                      j.at("actor").get<std::string>(), j.at("action").get<std::string>(),
                      j.at("evidence_id").get<int64_t>(), j.at("payload").get<std::string>(),
                      j.at("prev_hash").get<std::string>(), j.at("hash").get<std::string>()});
    } catch (const nlohmann::json::exception&) {
      v.problems.push_back(fmt::format("ledger.jsonl:{}: not a ledger entry", line_no));
      return v;
    }
  }
  std::map<int64_t, LedgerEvidence> state;
  Verification chain = verify_chain(entries, state);
  v.entries = chain.entries;
  v.evidence = chain.evidence;
  v.head = chain.head;
  v.problems = chain.problems;
  if (!v.ok()) return v;
  const std::string head = entries.empty() ? kLedgerGenesis : entries.back().hash;
  if (manifest.value("ledger_head", "") != head)
    v.problems.push_back(
        fmt::format("the manifest's ledger head {} is not the ledger's last hash {}",
                    manifest.value("ledger_head", ""), head));
  if (manifest.value("ledger_entries", size_t{0}) != entries.size())
    v.problems.push_back(
        "the manifest counts another number of ledger entries than the pack holds");

  std::set<std::string> needed;
  std::set<int64_t> listed;
  for (const auto& ev : manifest.value("evidence", nlohmann::json::array())) {
    if (!ev.is_object() || !ev.contains("id") || !ev["id"].is_number_integer()) {
      v.problems.push_back("manifest.json: an evidence entry without an id");
      continue;
    }
    const int64_t id = ev["id"].get<int64_t>();
    listed.insert(id);
    auto it = state.find(id);
    if (it == state.end()) {
      v.problems.push_back(fmt::format("evidence {} is in the manifest but not in the ledger", id));
      continue;
    }
    nlohmann::json record = ev;
    std::set<std::string> controls;
    for (const auto& c : record.value("controls", nlohmann::json::array()))
      if (c.is_string()) controls.insert(c.get<std::string>());
    const bool removed = record.value("removed", false);
    std::optional<int64_t> superseded;
    if (record.contains("superseded_by") && record["superseded_by"].is_number_integer())
      superseded = record["superseded_by"].get<int64_t>();
    for (const char* k : {"controls", "removed", "superseded_by"}) record.erase(k);
    if (record.dump() != it->second.payload)
      v.problems.push_back(
          fmt::format("evidence {} in the manifest differs from its ledger entry", id));
    if (controls != it->second.controls)
      v.problems.push_back(
          fmt::format("evidence {} lists other controls than the ledger records", id));
    if (removed != it->second.removed || superseded != it->second.superseded_by)
      v.problems.push_back(fmt::format("evidence {}'s state differs from the ledger", id));
    needed.insert(record.value("sha256", ""));
  }
  for (const auto& [id, _] : state)
    if (!listed.count(id))
      v.problems.push_back(fmt::format("evidence {} is in the ledger but not in the manifest", id));

  std::set<std::string> present;
  for (const auto& f : manifest.value("files", nlohmann::json::array())) {
    const std::string sha = f.value("sha256", "");
    if (!store::is_sha256_hex(sha)) {
      v.problems.push_back("manifest.json: a file without a valid digest");
      continue;
    }
    const std::string name = "files/" + sha;
    auto got = hash_entry(z.get(), zip, name);
    if (!got) {
      v.problems.push_back(got.error().message);
      continue;
    }
    ++v.files;
    present.insert(sha);
    if (got->first != sha)
      v.problems.push_back(
          fmt::format("{} was altered: its content digest is {}", name, got->first));
    else if (got->second != f.value("size", uint64_t{0}))
      v.problems.push_back(fmt::format("{} holds {} bytes, the manifest says {}", name, got->second,
                                       f.value("size", uint64_t{0})));
  }
  for (const auto& sha : needed)
    if (!present.count(sha)) v.problems.push_back(fmt::format("files/{} is missing", sha));
  return v;
}

}  // namespace cc::program
