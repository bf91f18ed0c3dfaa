// Carrying a Statement of Applicability from ISO/IEC 27017:2015 to the 2026 edition
// through the catalog's crosswalk, on both back ends.
#include "program/soa_carry.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/data_dir.h"
#include "program/evidence.h"
#include "program_catalog.h"
#include "store_fixture.h"

namespace cc::program {
namespace {

using store::testing::BackendTest;

using testing::test_catalog;

Change by(std::string actor) { return Change{std::move(actor), "2026-11-24T09:00:00Z"}; }

SoaEdit status(ImplementationStatus s, std::string owner = {}) {
  SoaEdit e;
  e.status = s;
  if (!owner.empty()) e.owner = std::move(owner);
  return e;
}

SoaEdit excluded(std::string why) {
  SoaEdit e;
  e.applicable = false;
  e.justification = std::move(why);
  return e;
}

const CarriedControl& find(const CarryPlan& plan, std::string_view ref) {
  auto it = std::ranges::find_if(plan.controls,
                                 [&](const CarriedControl& c) { return c.control_ref == ref; });
  EXPECT_NE(it, plan.controls.end()) << ref;
  static const CarriedControl none;
  return it == plan.controls.end() ? none : *it;
}

// A program on ISO/IEC 27017:2015 with its SoA seeded.
struct CarryWorld {
  std::optional<Program> program;
  bool ready = false;
  explicit CarryWorld(store::Database& db) {
    if (auto p = Program::open(db)) program.emplace(*p);
    if (!program) return;
    Scope s;
    s.organisation = "Acme Analytics";
    s.role = Role::Customer;
    s.models = {ServiceModel::IaaS};
    s.frameworks = {"iso27017:2015"};
    ready = save_scope(*program, s, by("alice")) && seed_soa(*program, test_catalog(), by("alice"));
  }
  void set(std::string_view ref, const SoaEdit& edit) {
    ASSERT_TRUE(set_soa_entry(*program, test_catalog(), ref, edit, by("alice")));
  }
};

TEST_P(BackendTest, CarryProposesFromPredecessorsAndSaysWhatToReview) {
  CarryWorld w(*db_);
  ASSERT_TRUE(w.ready);
  // 8.15 (logging) has three predecessors: 12.4.1, 12.4.2 and 12.4.3.
  w.set("12.4.1", status(ImplementationStatus::Implemented, "Ops"));
  w.set("12.4.2", status(ImplementationStatus::Implemented, "Ops"));
  w.set("12.4.3", status(ImplementationStatus::Implemented, "Ops"));
  w.set("11.1.1", excluded("no premises of our own"));  // 7.1's only predecessor
  w.set("11.1.2", excluded("cloud only"));              // 7.2: with 11.1.6, left as seeded

  auto plan = plan_carry(*w.program, test_catalog(), "iso27017:2015", "ISO27017:2026");
  ASSERT_TRUE(plan) << plan.error().message;
  EXPECT_EQ(plan->to_framework, "iso27017:2026");

  const CarriedControl& logging = find(*plan, "iso27017:2026/8.15");
  EXPECT_EQ(logging.kind, CarryKind::Carried);
  ASSERT_TRUE(logging.proposed);
  EXPECT_EQ(logging.proposed->status, ImplementationStatus::Implemented);
  EXPECT_EQ(logging.proposed->owner, "Ops");
  EXPECT_FALSE(logging.conflict);
  EXPECT_EQ(logging.note, "from 12.4.1, 12.4.2, 12.4.3");

  const CarriedControl& perimeter = find(*plan, "iso27017:2026/7.1");
  ASSERT_TRUE(perimeter.proposed);
  EXPECT_EQ(perimeter.proposed->applicable, false);
  EXPECT_NE(perimeter.proposed->justification->find("11.1.1: no premises of our own"),
            std::string::npos);

  // One predecessor excluded, the other seeded but never decided: it applies and nobody
  // assessed it, so the merged control is applicable and not assessed, to review.
  const CarriedControl& entry = find(*plan, "iso27017:2026/7.2");
  ASSERT_TRUE(entry.proposed);
  EXPECT_EQ(entry.proposed->applicable, true);
  EXPECT_EQ(entry.proposed->status, ImplementationStatus::NotAssessed);
  EXPECT_TRUE(entry.conflict);

  EXPECT_EQ(find(*plan, "iso27017:2026/5.7").kind, CarryKind::New) << "threat intelligence";
  EXPECT_EQ(find(*plan, "iso27017:2026/5.38").kind, CarryKind::Undecided)
      << "its predecessor CLD.6.3.1 is seeded only";
  EXPECT_EQ(plan->count(CarryKind::Carried) + plan->count(CarryKind::New) +
                plan->count(CarryKind::Undecided),
            plan->controls.size());
}

TEST_P(BackendTest, CarryMergesStatusesByTheWeakestKnownOne) {
  CarryWorld w(*db_);
  ASSERT_TRUE(w.ready);
  // 8.15: implemented, planned, planned -> partly implemented, flagged.
  w.set("12.4.1", status(ImplementationStatus::Implemented, "Ops"));
  w.set("12.4.2", status(ImplementationStatus::Planned, "Sec"));
  w.set("12.4.3", status(ImplementationStatus::Planned, "Ops"));
  auto plan = plan_carry(*w.program, test_catalog(), "iso27017:2015", "iso27017:2026");
  ASSERT_TRUE(plan);
  const CarriedControl& logging = find(*plan, "iso27017:2026/8.15");
  ASSERT_TRUE(logging.proposed);
  EXPECT_EQ(logging.proposed->status, ImplementationStatus::PartiallyImplemented);
  EXPECT_EQ(logging.proposed->owner, "Ops / Sec");
  EXPECT_TRUE(logging.conflict);
  EXPECT_NE(logging.note.find("different owners"), std::string::npos);

  // planned and not implemented -> planned.
  w.set("12.4.1", status(ImplementationStatus::NotImplemented));
  plan = plan_carry(*w.program, test_catalog(), "iso27017:2015", "iso27017:2026");
  ASSERT_TRUE(plan);
  EXPECT_EQ(find(*plan, "iso27017:2026/8.15").proposed->status, ImplementationStatus::Planned);
}

TEST_P(BackendTest, CarryWritesOnceKeepsDecisionsAndLinksEvidence) {
  CarryWorld w(*db_);
  ASSERT_TRUE(w.ready);
  w.set("12.4.1", status(ImplementationStatus::Implemented, "Ops"));
  w.set("12.4.2", status(ImplementationStatus::Implemented, "Ops"));
  w.set("12.4.3", status(ImplementationStatus::Implemented, "Ops"));
  const auto file =
      std::filesystem::temp_directory_path() / ("cc-carry-" + std::to_string(::getpid()) + ".txt");
  std::ofstream(file) << "Logging standard, version 2\n";
  EvidenceInput in;
  in.file = file;
  in.title = "Logging standard";
  // 11.1.6 stays undecided: its successor 7.2 is only seeded, so a second carry meets it
  // again with the evidence already linked.
  in.controls = {"iso27017:2015/12.4.1", "iso27017:2015/11.1.6"};
  auto evidence = add_evidence(*w.program, in, by("alice"));
  std::filesystem::remove(file);
  ASSERT_TRUE(evidence) << evidence.error().message;

  auto plan = plan_carry(*w.program, test_catalog(), "iso27017:2015", "iso27017:2026");
  ASSERT_TRUE(plan);
  auto counts = apply_carry(*w.program, test_catalog(), *plan, by("bob"));
  ASSERT_TRUE(counts) << counts.error().message;
  EXPECT_EQ(counts->decided, plan->count(CarryKind::Carried));
  EXPECT_EQ(counts->seeded, plan->count(CarryKind::New) + plan->count(CarryKind::Undecided));
  EXPECT_EQ(counts->linked, 2u);

  auto scope = load_scope(*w.program);
  ASSERT_TRUE(scope && *scope);
  EXPECT_EQ((*scope)->frameworks, (std::vector<std::string>{"iso27017:2015", "iso27017:2026"}));
  auto entries = load_soa(*w.program);
  ASSERT_TRUE(entries);
  const SoaEntry& logging = entries->at("iso27017:2026/8.15");
  EXPECT_EQ(logging.status, ImplementationStatus::Implemented);
  EXPECT_EQ(logging.owner, "Ops");
  EXPECT_EQ(logging.updated_by, "bob");
  EXPECT_TRUE(logging.last_assessed.empty()) << "the new control was not assessed as such";
  EXPECT_EQ(linked_evidence(*w.program, "iso27017:2026/8.15")->size(), 1u);
  EXPECT_TRUE(entries->contains("iso27017:2026/5.7")) << "new controls get an entry to decide";

  // A decision made on the new edition stays; carrying again writes nothing more.
  ASSERT_TRUE(set_soa_entry(*w.program, test_catalog(), "iso27017:2026/8.15",
                            status(ImplementationStatus::PartiallyImplemented), by("carol")));
  auto again = plan_carry(*w.program, test_catalog(), "iso27017:2015", "iso27017:2026");
  ASSERT_TRUE(again);
  EXPECT_EQ(find(*again, "iso27017:2026/8.15").kind, CarryKind::Kept);
  auto second = apply_carry(*w.program, test_catalog(), *again, by("bob"));
  ASSERT_TRUE(second);
  EXPECT_EQ(second->decided, 0u);
  EXPECT_EQ(second->linked, 0u) << "evidence linked once stays linked once";
  EXPECT_EQ(load_soa(*w.program)->at("iso27017:2026/8.15").status,
            ImplementationStatus::PartiallyImplemented);
}

TEST_P(BackendTest, CarryRefusesWhatItCannotDo) {
  CarryWorld w(*db_);
  ASSERT_TRUE(w.ready);
  auto outside = plan_carry(*w.program, test_catalog(), "iso27001:2022", "iso27017:2026");
  ASSERT_FALSE(outside);
  EXPECT_EQ(outside.error().kind, Error::Kind::Invalid);
  EXPECT_NE(outside.error().message.find("not in the program's scope"), std::string::npos);
  auto unknown = plan_carry(*w.program, test_catalog(), "iso27017:2015", "iso99999:2030");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().kind, Error::Kind::Invalid);
  auto same = plan_carry(*w.program, test_catalog(), "iso27017:2015", "iso27017:2015");
  ASSERT_FALSE(same);
}

}  // namespace
}  // namespace cc::program
