#include "program/evidence.h"

#include <zip.h>

#include <fstream>
#include <thread>

#include "program/dates.h"
#include "program/evidence_pack.h"
#include "program/ledger.h"
#include "store/blobs.h"
#include "store/sha256.h"
#include "store_fixture.h"

namespace cc::program {
namespace {

using store::testing::BackendTest;
namespace fs = std::filesystem;

// A scratch directory with files to add as evidence.
struct Files {
  fs::path dir;
  Files() {
    std::string tmpl = (fs::temp_directory_path() / "cc-evidence-XXXXXX").string();
    dir = ::mkdtemp(tmpl.data());
  }
  ~Files() { fs::remove_all(dir); }
  fs::path write(const std::string& name, const std::string& content) const {
    fs::path p = dir / name;
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }
};

const Change kAlice{"alice", "2026-03-01T09:00:00Z"};

EvidenceInput input(const fs::path& file, std::string title, std::vector<std::string> controls) {
  EvidenceInput in;
  in.file = file;
  in.title = std::move(title);
  in.controls = std::move(controls);
  return in;
}

int64_t count(store::Database& db, const std::string& sql) {
  auto rows = db.query(sql);
  EXPECT_TRUE(rows) << rows.error().message;
  return rows ? rows->front().integer(0) : -1;
}

TEST(Dates, ParseFormatAndCalendarRules) {
  EXPECT_EQ(parse_date("1970-01-01"), 0);
  EXPECT_EQ(format_date(*parse_date("2024-02-29") + 1), "2024-03-01");
  EXPECT_EQ(format_date(*parse_date("2026-12-31") + 1), "2027-01-01");
  EXPECT_FALSE(parse_date("2026-02-29"));
  EXPECT_FALSE(parse_date("2026-13-01"));
  EXPECT_FALSE(parse_date("26-1-1"));
  EXPECT_EQ(date_of("2026-11-23T10:00:00Z"), "2026-11-23");
}

TEST(Evidence, FileNamesCannotReachOutside) {
  EXPECT_EQ(safe_file_name("../../etc/passwd"), "passwd");
  EXPECT_EQ(safe_file_name("C:\\Users\\x\\policy.pdf"), "policy.pdf");
  EXPECT_EQ(safe_file_name("a\nb\x01.txt"), "ab.txt");
  EXPECT_FALSE(safe_file_name(".."));
  EXPECT_FALSE(safe_file_name("dir/"));
  EXPECT_FALSE(safe_file_name(std::string(300, 'x')));
}

TEST(Evidence, FreshnessFollowsReviewIntervalAndExpiry) {
  Evidence e;
  e.effective_on = "2025-01-01";
  e.review_days = 365;
  EXPECT_EQ(valid_until(e), "2026-01-01");
  EXPECT_EQ(freshness(e, "2025-06-01"), Freshness::Current);
  EXPECT_EQ(freshness(e, "2025-12-15"), Freshness::Expiring);
  EXPECT_EQ(freshness(e, "2026-01-01"), Freshness::Expiring);
  EXPECT_EQ(freshness(e, "2026-01-02"), Freshness::Expired);
  e.review_days.reset();
  e.expires_on = "2025-03-31";
  EXPECT_EQ(freshness(e, "2025-04-01"), Freshness::Expired);
  e.expires_on.clear();
  EXPECT_EQ(valid_until(e), "");
  EXPECT_EQ(freshness(e, "2099-01-01"), Freshness::Current);
  e.superseded_by = 7;
  EXPECT_EQ(freshness(e, "2025-06-01"), Freshness::Superseded);
}

TEST(Sha256, KnownDigests) {
  EXPECT_EQ(store::sha256_hex(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(store::sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  store::Sha256 h;
  h.update("a");
  h.update("bc");
  EXPECT_EQ(h.hex(), store::sha256_hex("abc"));
}

TEST_P(BackendTest, EvidenceIsStoredByContentOnce) {
  Files files;
  auto program = Program::open(*db_);
  ASSERT_TRUE(program);
  auto a = add_evidence(*program,
                        input(files.write("policy.pdf", "access control policy v1"),
                              "Access policy", {"iso27017:2015/9.1.1"}),
                        kAlice);
  ASSERT_TRUE(a) << a.error().message;
  EXPECT_EQ(a->sha256, store::sha256_hex("access control policy v1"));
  EXPECT_EQ(a->file_name, "policy.pdf");
  EXPECT_EQ(a->collected_on, "2026-03-01");
  EXPECT_EQ(a->effective_on, "2026-03-01");
  EXPECT_EQ(a->created_by, "alice");
  EXPECT_EQ(a->controls, std::vector<std::string>{"iso27017:2015/9.1.1"});
  auto b = add_evidence(
      *program, input(files.write("copy.pdf", "access control policy v1"), "Same bytes", {}),
      kAlice);
  ASSERT_TRUE(b);
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM blob"), 1);
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM evidence"), 2);
}

TEST_P(BackendTest, LargeFilesAreChunkedAndReadBackExactly) {
  Files files;
  std::string big;
  big.reserve(3 * store::kBlobChunkBytes + 123);
  for (size_t i = 0; big.size() < 3 * store::kBlobChunkBytes + 123; ++i)
    big.push_back(static_cast<char>(i * 7 % 251));
  auto program = Program::open(*db_);
  ASSERT_TRUE(program);
  auto e =
      add_evidence(*program, input(files.write("export.bin", big), "Training export", {}), kAlice);
  ASSERT_TRUE(e) << e.error().message;
  EXPECT_EQ(e->size, big.size());
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM blob_chunk"), 4);
  std::string back;
  ASSERT_TRUE(store::read_blob(*db_, e->sha256, [&](std::string_view c) {
    back.append(c);
    return true;
  }));
  EXPECT_EQ(back, big);
  auto check = store::check_blob(*db_, e->sha256);
  ASSERT_TRUE(check);
  EXPECT_EQ(*check, "");
}

TEST_P(BackendTest, OversizedAndInvalidEvidenceChangesNothing) {
  Files files;
  auto program = Program::open(*db_);
  ASSERT_TRUE(program);
  EvidenceLimits small{1000};
  auto big =
      add_evidence(*program, input(files.write("big.bin", std::string(2000, 'x')), "Too big", {}),
                   kAlice, small);
  ASSERT_FALSE(big);
  EXPECT_NE(big.error().message.find("over the evidence size limit of 1000 bytes"),
            std::string::npos);
  auto file = files.write("ok.txt", "content");
  auto bad = [&](EvidenceInput in, std::string_view says) {
    auto r = add_evidence(*program, in, kAlice);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, store::Error::Kind::Invalid);
    EXPECT_NE(r.error().message.find(says), std::string::npos) << r.error().message;
  };
  bad(input(file, "", {}), "title");
  EvidenceInput kind = input(file, "T", {});
  kind.kind = "rumour";
  bad(kind, "rumour");
  EvidenceInput date = input(file, "T", {});
  date.collected_on = "2026-02-30";
  bad(date, "not a date");
  EvidenceInput both = input(file, "T", {});
  both.review_days = 30;
  both.expires_on = "2027-01-01";
  bad(both, "not both");
  EvidenceInput early = input(file, "T", {});
  early.effective_on = "2026-05-01";
  early.expires_on = "2026-04-01";
  bad(early, "before it takes effect");
  bad(input(files.dir / "missing.pdf", "T", {}), "cannot open");
  bad(input(files.dir, "T", {}), "not a regular file");
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM evidence"), 0);
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM blob"), 0);
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM evidence_log"), 0);
}

TEST_P(BackendTest, SupersedeLinkUnlinkRemoveAreLedgered) {
  Files files;
  auto program = Program::open(*db_);
  ASSERT_TRUE(program);
  EvidenceInput first = input(files.write("p1.pdf", "v1"), "Policy", {"iso27017:2015/5.1.1"});
  first.kind = "policy";
  first.review_days = 365;
  auto v1 = add_evidence(*program, first, kAlice);
  ASSERT_TRUE(v1);
  const Change bob{"bob", "2026-04-01T09:00:00Z"};
  auto v2 = supersede_evidence(*program, v1->id, input(files.write("p2.pdf", "v2"), "", {}), bob);
  ASSERT_TRUE(v2) << v2.error().message;
  EXPECT_EQ(v2->title, "Policy");
  EXPECT_EQ(v2->kind, "policy");
  EXPECT_EQ(v2->review_days, 365);
  EXPECT_EQ(v2->controls, std::vector<std::string>{"iso27017:2015/5.1.1"});
  auto old = get_evidence(*program, v1->id);
  ASSERT_TRUE(old);
  EXPECT_EQ(old->superseded_by, v2->id);
  EXPECT_FALSE(link_evidence(*program, v1->id, {"iso27017:2015/5.1.2"}, bob))
      << "replaced evidence is frozen";
  ASSERT_TRUE(link_evidence(*program, v2->id, {"iso27017:2015/5.1.2", "iso27017:2015/5.1.1"}, bob));
  ASSERT_TRUE(unlink_evidence(*program, v2->id, {"iso27017:2015/5.1.1"}, bob));
  EXPECT_FALSE(unlink_evidence(*program, v2->id, {"iso27017:2015/18.1.1"}, bob));
  EXPECT_FALSE(remove_evidence(*program, v2->id, "", bob)) << "removal needs a reason";
  ASSERT_TRUE(remove_evidence(*program, v2->id, "policy withdrawn", bob));
  auto active = list_evidence(*program, false);
  ASSERT_TRUE(active);
  EXPECT_TRUE(active->empty());
  auto all = list_evidence(*program, true);
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ(all->back().removed_reason, "policy withdrawn");

  auto ledger = read_ledger(*program);
  ASSERT_TRUE(ledger);
  std::vector<std::string> actions;
  for (const auto& e : *ledger) actions.push_back(e.action);
  EXPECT_EQ(actions, (std::vector<std::string>{"add", "supersede", "link", "unlink", "remove"}));
  EXPECT_EQ(ledger->front().prev_hash, kLedgerGenesis);
  for (size_t i = 1; i < ledger->size(); ++i)
    EXPECT_EQ((*ledger)[i].prev_hash, (*ledger)[i - 1].hash);
  auto v = verify_store(*program);
  ASSERT_TRUE(v);
  EXPECT_TRUE(v->ok()) << v->problems.front();
  EXPECT_EQ(v->entries, 5u);
  EXPECT_EQ(v->evidence, 2u);
  EXPECT_EQ(v->files, 2u);
}

// Each kind of tampering an insider with database access could try is caught.
TEST_P(BackendTest, VerifyFindsTampering) {
  Files files;
  auto program = Program::open(*db_);
  ASSERT_TRUE(program);
  for (int i = 0; i < 3; ++i)
    ASSERT_TRUE(
        add_evidence(*program,
                     input(files.write("f" + std::to_string(i), "content " + std::to_string(i)),
                           "Record " + std::to_string(i), {"iso27017:2015/12.4.1"}),
                     kAlice));
  auto problems = [&]() {
    auto v = verify_store(*program);
    EXPECT_TRUE(v) << v.error().message;
    return v ? v->problems : std::vector<std::string>{"error"};
  };
  ASSERT_TRUE(problems().empty());

  ASSERT_TRUE(db_->exec("UPDATE evidence SET title = 'Edited' WHERE id = 2"));
  auto p = problems();
  ASSERT_FALSE(p.empty());
  EXPECT_NE(p.front().find("evidence 2 (Edited) differs from its ledger entry"), std::string::npos)
      << p.front();
  ASSERT_TRUE(db_->exec("UPDATE evidence SET title = 'Record 1' WHERE id = 2"));

  ASSERT_TRUE(db_->exec("DELETE FROM evidence_control WHERE evidence_id = 3"));
  p = problems();
  ASSERT_FALSE(p.empty());
  EXPECT_NE(p.front().find("evidence 3 supports other controls"), std::string::npos) << p.front();
  ASSERT_TRUE(
      db_->exec("INSERT INTO evidence_control (evidence_id, control_ref) VALUES (3, "
                "'iso27017:2015/12.4.1')"));

  auto sha = db_->query("SELECT sha256 FROM evidence WHERE id = 1");
  ASSERT_TRUE(db_->exec("UPDATE blob_chunk SET data = $1 WHERE sha256 = $2",
                        {store::Bytes{"content X"}, sha->front().text(0)}));
  p = problems();
  ASSERT_EQ(p.size(), 1u);
  EXPECT_NE(p.front().find("content digest is"), std::string::npos) << p.front();
  ASSERT_TRUE(db_->exec("UPDATE blob_chunk SET data = $1 WHERE sha256 = $2",
                        {store::Bytes{"content 0"}, sha->front().text(0)}));

  ASSERT_TRUE(
      db_->exec("UPDATE evidence_log SET payload = REPLACE(payload, 'Record 1', 'Record one') "
                "WHERE seq = 2"));
  p = problems();
  ASSERT_FALSE(p.empty());
  EXPECT_EQ(p.front(), "ledger entry 2 was altered: its hash does not match");

  ASSERT_TRUE(db_->exec("DELETE FROM evidence_log WHERE seq = 2"));
  p = problems();
  ASSERT_FALSE(p.empty());
  EXPECT_EQ(p.front(), "ledger entry 3 follows entry 1: entries are missing");
}

TEST_P(BackendTest, ConcurrentEvidenceKeepsOneUnbrokenChain) {
  Files files;
  constexpr int kThreads = 3;
  constexpr int kEach = 8;
  std::vector<fs::path> paths;
  for (int i = 0; i < kThreads * kEach; ++i)
    paths.push_back(files.write("e" + std::to_string(i), std::to_string(i)));
  std::vector<std::string> failures(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      auto db = store::open_database(url_);
      if (!db) {
        failures[t] = db.error().message;
        return;
      }
      auto program = Program::open(**db);
      if (!program) {
        failures[t] = program.error().message;
        return;
      }
      for (int i = 0; i < kEach; ++i) {
        auto e =
            add_evidence(*program, input(paths[t * kEach + i], "Item", {"iso27017:2015/12.1.1"}),
                         Change{"t" + std::to_string(t), "2026-03-01T09:00:00Z"});
        if (!e) {
          failures[t] = e.error().message;
          return;
        }
      }
    });
  for (auto& th : threads) th.join();
  for (const auto& f : failures) EXPECT_EQ(f, "");
  auto program = Program::open(*db_);
  auto v = verify_store(*program);
  ASSERT_TRUE(v);
  EXPECT_TRUE(v->ok()) << (v->ok() ? "" : v->problems.front());
  EXPECT_EQ(v->entries, static_cast<size_t>(kThreads * kEach));
}

TEST_P(BackendTest, EvidencePackVerifiesOfflineAndCatchesAlteration) {
  Files files;
  auto program = Program::open(*db_);
  ASSERT_TRUE(program);
  auto a = add_evidence(
      *program, input(files.write("a.pdf", "alpha"), "A", {"iso27017:2015/CLD.9.5.2"}), kAlice);
  auto b = add_evidence(*program, input(files.write("b.pdf", "beta"), "B", {}), kAlice);
  ASSERT_TRUE(a && b);
  ASSERT_TRUE(remove_evidence(*program, b->id, "obsolete", kAlice));
  const fs::path pack = files.dir / "pack.zip";
  ASSERT_TRUE(export_pack(*program, pack, kAlice));
  EXPECT_FALSE(export_pack(*program, pack, kAlice)) << "an existing file is not replaced";
  auto v = verify_pack(pack);
  ASSERT_TRUE(v) << v.error().message;
  EXPECT_TRUE(v->ok()) << v->problems.front();
  EXPECT_EQ(v->entries, 3u);
  EXPECT_EQ(v->evidence, 2u);
  EXPECT_EQ(v->files, 2u);
  auto head = read_ledger(*program);
  EXPECT_EQ(v->head, head->back().hash);

  // Replace one file's bytes inside the pack.
  int err = 0;
  zip_t* z = zip_open(pack.c_str(), 0, &err);
  ASSERT_NE(z, nullptr);
  static const char kForged[] = "ALPHA";
  zip_source_t* src = zip_source_buffer(z, kForged, 5, 0);
  ASSERT_GE(zip_file_add(z, ("files/" + a->sha256).c_str(), src, ZIP_FL_OVERWRITE), 0);
  ASSERT_EQ(zip_close(z), 0);
  v = verify_pack(pack);
  ASSERT_TRUE(v);
  ASSERT_FALSE(v->ok());
  EXPECT_NE(v->problems.front().find("files/" + a->sha256 + " was altered"), std::string::npos)
      << v->problems.front();

  auto not_zip = files.write("not.zip", "plain text");
  auto bad = verify_pack(not_zip);
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("not a readable evidence pack"), std::string::npos);
}

}  // namespace
}  // namespace cc::program
