#include "program/scope.h"

#include "store_fixture.h"

namespace cc::program {
namespace {

using store::Backend;
using store::testing::BackendTest;

const std::vector<std::string> kFrameworks = {"iso27001:2022", "iso27017:2015"};

Scope example_scope() {
  Scope s;
  s.organisation = "Acme Analytics";
  s.role = Role::Both;
  s.models = {ServiceModel::SaaS, ServiceModel::IaaS};
  s.services = {{"Amazon Web Services", Direction::Used, ServiceModel::IaaS, "Amazon"},
                {"Acme Insights", Direction::Provided, ServiceModel::SaaS, ""}};
  s.frameworks = {"iso27017:2015"};
  return s;
}

Change by(std::string actor, std::string at = "2026-11-23T10:00:00Z") {
  return Change{std::move(actor), std::move(at)};
}

TEST(Scope, ParsesRolesModelsAndDirections) {
  EXPECT_EQ(parse_role("CSP"), Role::Provider);
  EXPECT_EQ(parse_role("customer"), Role::Customer);
  EXPECT_EQ(parse_role("Both"), Role::Both);
  EXPECT_FALSE(parse_role("vendor"));
  EXPECT_EQ(parse_service_model("saas"), ServiceModel::SaaS);
  EXPECT_FALSE(parse_service_model("FaaS"));
  EXPECT_EQ(parse_direction("provided"), Direction::Provided);
}

TEST(Scope, ValidationNamesEachProblem) {
  Scope s;
  s.role = Role::Customer;
  s.services = {{"Ours", Direction::Provided, ServiceModel::PaaS, ""},
                {"Ours", Direction::Used, ServiceModel::PaaS, ""}};
  s.frameworks = {"iso99999:2030"};
  auto problems = validate(s, kFrameworks);
  auto has = [&](std::string_view needle) {
    return std::any_of(problems.begin(), problems.end(),
                       [&](const std::string& p) { return p.find(needle) != std::string::npos; });
  };
  EXPECT_TRUE(has("organisation"));
  EXPECT_TRUE(has("no service model"));
  EXPECT_TRUE(has("iso99999:2030 is not in the catalog"));
  EXPECT_TRUE(has("Ours is listed twice"));
  EXPECT_TRUE(has("a service model not in scope"));
  EXPECT_TRUE(has("role is customer"));
  EXPECT_TRUE(validate(example_scope(), kFrameworks).empty());
}

TEST(Scope, UtcTimestamps) {
  EXPECT_TRUE(is_utc_timestamp(utc_now()));
  EXPECT_TRUE(is_utc_timestamp("2026-11-23T10:00:00Z"));
  EXPECT_FALSE(is_utc_timestamp("2026-11-23 10:00:00"));
  EXPECT_FALSE(is_utc_timestamp("2026-11-23T10:00:00+01:00"));
}

TEST_P(BackendTest, ProgramOpensOneTenantPerName) {
  auto a = Program::open(*db_, "acme");
  auto again = Program::open(*db_, "acme");
  auto other = Program::open(*db_, "globex");
  ASSERT_TRUE(a && again && other);
  EXPECT_EQ(a->tenant_id(), again->tenant_id());
  EXPECT_NE(a->tenant_id(), other->tenant_id());
  EXPECT_FALSE(Program::open(*db_, ""));
}

TEST_P(BackendTest, ScopeIsSavedLoadedAndVersioned) {
  auto program = Program::open(*db_);
  ASSERT_TRUE(program);
  auto none = load_scope(*program);
  ASSERT_TRUE(none);
  EXPECT_FALSE(none->has_value());

  auto saved = save_scope(*program, example_scope(), by("alice"));
  ASSERT_TRUE(saved) << saved.error().message;
  EXPECT_EQ(saved->revision, 1);
  auto loaded = load_scope(*program);
  ASSERT_TRUE(loaded && loaded->has_value());
  const Scope& s = **loaded;
  EXPECT_EQ(s.organisation, "Acme Analytics");
  EXPECT_EQ(s.role, Role::Both);
  EXPECT_EQ(s.models, (std::vector<ServiceModel>{ServiceModel::IaaS, ServiceModel::SaaS}));
  ASSERT_EQ(s.services.size(), 2u);
  EXPECT_EQ(s.services[0].name, "Acme Insights");
  EXPECT_EQ(s.services[0].direction, Direction::Provided);
  EXPECT_EQ(s.services[1].provider, "Amazon");
  EXPECT_EQ(s.updated_by, "alice");
  EXPECT_EQ(s.updated_at, "2026-11-23T10:00:00Z");

  // The same content again changes nothing and records nothing.
  auto same = save_scope(*program, example_scope(), by("bob"));
  ASSERT_TRUE(same);
  EXPECT_EQ(same->revision, 1);
  EXPECT_EQ(same->updated_by, "alice");
  auto log = history(*program, {"scope", "", 10});
  ASSERT_TRUE(log);
  EXPECT_EQ(log->size(), 1u);
}

TEST_P(BackendTest, EveryScopeChangeIsRecordedWithWhoAndWhen) {
  auto program = Program::open(*db_);
  ASSERT_TRUE(program);
  ASSERT_TRUE(save_scope(*program, example_scope(), by("alice", "2026-11-01T09:00:00Z")));
  Scope changed = example_scope();
  changed.organisation = "Acme Analytics Ltd";
  changed.services.erase(changed.services.begin());  // drops Amazon Web Services
  changed.frameworks.push_back("iso27001:2022");
  auto saved = save_scope(*program, changed, by("bob", "2026-11-02T09:00:00Z"));
  ASSERT_TRUE(saved) << saved.error().message;
  EXPECT_EQ(saved->revision, 2);

  auto log = history(*program, {"scope", "", 10});
  ASSERT_TRUE(log);
  ASSERT_EQ(log->size(), 2u);
  const ChangeRecord& latest = log->front();  // newest first
  EXPECT_EQ(latest.actor, "bob");
  EXPECT_EQ(latest.at, "2026-11-02T09:00:00Z");
  EXPECT_EQ(latest.action, "update");
  EXPECT_NE(latest.before.find("\"Acme Analytics\""), std::string::npos);
  EXPECT_NE(latest.before.find("Amazon Web Services"), std::string::npos);
  EXPECT_NE(latest.after.find("Acme Analytics Ltd"), std::string::npos);
  EXPECT_EQ(latest.after.find("Amazon Web Services"), std::string::npos);
  EXPECT_EQ(log->back().action, "create");
  EXPECT_EQ(log->back().before, "");
  EXPECT_EQ(log->back().actor, "alice");

  auto loaded = load_scope(*program);
  ASSERT_TRUE(loaded && loaded->has_value());
  ASSERT_EQ((*loaded)->services.size(), 1u);
  EXPECT_EQ((*loaded)->frameworks, (std::vector<std::string>{"iso27001:2022", "iso27017:2015"}));
}

TEST_P(BackendTest, StaleRevisionIsAConflict) {
  auto program = Program::open(*db_);
  ASSERT_TRUE(program);
  ASSERT_TRUE(save_scope(*program, example_scope(), by("alice")));
  Scope mine = example_scope();
  mine.organisation = "Mine";
  ASSERT_TRUE(save_scope(*program, mine, by("alice"), 1));
  Scope theirs = example_scope();
  theirs.organisation = "Theirs";
  auto stale = save_scope(*program, theirs, by("bob"), 1);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().kind, store::Error::Kind::Conflict);
  EXPECT_EQ((*load_scope(*program))->organisation, "Mine");
}

TEST_P(BackendTest, TenantsSeeOnlyTheirOwnScope) {
  auto acme = Program::open(*db_, "acme");
  auto globex = Program::open(*db_, "globex");
  ASSERT_TRUE(acme && globex);
  ASSERT_TRUE(save_scope(*acme, example_scope(), by("alice")));
  auto theirs = load_scope(*globex);
  ASSERT_TRUE(theirs);
  EXPECT_FALSE(theirs->has_value());
  auto log = history(*globex, {});
  ASSERT_TRUE(log);
  EXPECT_TRUE(log->empty());
}

}  // namespace
}  // namespace cc::program
