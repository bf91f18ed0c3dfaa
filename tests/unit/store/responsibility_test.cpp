#include "program/responsibility.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/data_dir.h"
#include "program/export_responsibility.h"
#include "program_catalog.h"
#include "store_fixture.h"

namespace cc::program {
namespace {

using store::testing::BackendTest;

using testing::test_catalog;

Change by(std::string actor, std::string at = "2026-11-23T10:00:00Z") {
  return Change{std::move(actor), std::move(at)};
}

// A customer of one IaaS and one SaaS service, with both ISO frameworks in scope.
Scope customer_scope() {
  Scope s;
  s.organisation = "Acme Analytics";
  s.role = Role::Customer;
  s.models = {ServiceModel::IaaS, ServiceModel::SaaS};
  s.services = {{"Amazon Web Services", Direction::Used, ServiceModel::IaaS, "Amazon"},
                {"Payroll Cloud", Direction::Used, ServiceModel::SaaS, "Payroll Inc"}};
  s.frameworks = {"iso27001:2022", "iso27017:2015"};
  return s;
}

Attestation certificate(std::string name = "AWS ISO/IEC 27017 certificate") {
  Attestation a;
  a.name = std::move(name);
  a.kind = AttestationKind::Certificate;
  a.issuer = "Example Certification Body";
  a.scope = "Amazon Web Services infrastructure and listed services";
  a.issued_on = "2026-01-15";
  a.expires_on = "2026-12-31";
  return a;
}

const MatrixRow* find_row(const std::vector<MatrixRow>& rows, std::string_view ref,
                          ServiceModel model, std::string_view service = "") {
  for (const auto& r : rows)
    if (r.control_ref == ref && r.model == model && r.service == service) return &r;
  return nullptr;
}

std::optional<Program> program_with_scope(store::Database& db) {
  auto p = Program::open(db);
  if (!p || !save_scope(*p, customer_scope(), by("alice"))) return std::nullopt;
  return *p;
}

size_t changes(const Program& p) {
  auto log = history(p, {"", "", 100000});
  return log ? log->size() : 0;
}

TEST(Responsibility, OwnersParseAndFollowTheCatalog) {
  EXPECT_EQ(parse_owner("CSP"), Owner::Provider);
  EXPECT_EQ(parse_owner("customer"), Owner::Customer);
  EXPECT_EQ(parse_owner("Both"), Owner::Shared);
  EXPECT_FALSE(parse_owner("vendor"));
  EXPECT_EQ(parse_attestation_kind("Report"), AttestationKind::Report);
  EXPECT_FALSE(parse_attestation_kind("letter"));
  const auto& cat = test_catalog();
  ASSERT_TRUE(cat.find("iso27017:2015/9.1.2") && cat.find("iso27017:2015/CLD.9.5.1") &&
              cat.find("iso27017:2015/5.1.1") && cat.find("iso27001:2022/A.8.15"));
  EXPECT_EQ(default_owner(*cat.find("iso27017:2015/9.1.2")), Owner::Customer);      // CSC
  EXPECT_EQ(default_owner(*cat.find("iso27017:2015/CLD.9.5.1")), Owner::Provider);  // CSP
  EXPECT_EQ(default_owner(*cat.find("iso27017:2015/5.1.1")), Owner::Shared);        // both
  EXPECT_EQ(default_owner(*cat.find("iso27001:2022/A.8.15")), Owner::Shared);       // not said
}

TEST_P(BackendTest, ResponsibilityMatrixHasADefaultRowPerControlAndModel) {
  auto p = program_with_scope(*db_);
  ASSERT_TRUE(p);
  auto rows = responsibility_matrix(*p, test_catalog(), "2026-06-01");
  ASSERT_TRUE(rows) << rows.error().message;
  const size_t controls = test_catalog().controls("iso27001:2022").size() + 121;
  EXPECT_EQ(rows->size(), controls * 2);
  const MatrixRow* csc = find_row(*rows, "iso27017:2015/9.1.2", ServiceModel::SaaS);
  const MatrixRow* csp = find_row(*rows, "iso27017:2015/CLD.9.5.1", ServiceModel::IaaS);
  const MatrixRow* both = find_row(*rows, "iso27017:2015/5.1.1", ServiceModel::IaaS);
  ASSERT_TRUE(csc && csp && both);
  EXPECT_EQ(csc->effective_owner, Owner::Customer);
  EXPECT_EQ(csp->effective_owner, Owner::Provider);
  EXPECT_EQ(csp->title, "Segregation in virtual computing environments");
  EXPECT_EQ(both->default_owner, Owner::Shared);
  EXPECT_EQ(csp->coverage, Coverage::None);

  auto saas = responsibility_matrix(*p, test_catalog(), "2026-06-01", ServiceModel::SaaS);
  ASSERT_TRUE(saas);
  EXPECT_EQ(saas->size(), controls);
  auto paas = responsibility_matrix(*p, test_catalog(), "2026-06-01", ServiceModel::PaaS);
  ASSERT_FALSE(paas);
  EXPECT_EQ(paas.error().kind, Error::Kind::Invalid);
  EXPECT_FALSE(responsibility_matrix(*p, test_catalog(), "June 2026"));
}

TEST_P(BackendTest, ResponsibilityOverrideNeedsAReasonAndIsRecorded) {
  auto p = program_with_scope(*db_);
  ASSERT_TRUE(p);
  const size_t before = changes(*p);
  auto no_reason = set_override(*p, test_catalog(), "CLD.9.5.1", "Amazon Web Services",
                                Owner::Shared, " ", by("bob"));
  ASSERT_FALSE(no_reason);
  EXPECT_EQ(no_reason.error().kind, Error::Kind::Invalid);
  auto no_service = set_override(*p, test_catalog(), "CLD.9.5.1", "Azure", Owner::Shared,
                                 "dedicated hosts", by("bob"));
  ASSERT_FALSE(no_service);
  EXPECT_NE(no_service.error().message.find("no cloud service named \"Azure\""), std::string::npos);
  EXPECT_FALSE(set_override(*p, test_catalog(), "CLD.99.1", "Amazon Web Services", Owner::Shared,
                            "dedicated hosts", by("bob")));
  EXPECT_EQ(changes(*p), before);

  const std::string reason = "We run dedicated hosts and configure their isolation ourselves";
  auto done = set_override(*p, test_catalog(), "CLD.9.5.1", "Amazon Web Services", Owner::Shared,
                           reason, by("bob"));
  ASSERT_TRUE(done) << done.error().message;
  // The same override again records nothing.
  ASSERT_TRUE(set_override(*p, test_catalog(), "CLD.9.5.1", "Amazon Web Services", Owner::Shared,
                           reason, by("carol")));
  EXPECT_EQ(changes(*p), before + 1);
  auto log = history(*p, {"responsibility", "", 10});
  ASSERT_TRUE(log);
  ASSERT_EQ(log->size(), 1u);
  EXPECT_EQ(log->front().key, "iso27017:2015/CLD.9.5.1 @ Amazon Web Services");
  EXPECT_EQ(log->front().action, "override");
  EXPECT_NE(log->front().after.find("dedicated hosts"), std::string::npos);

  auto rows = responsibility_matrix(*p, test_catalog(), "2026-06-01");
  ASSERT_TRUE(rows);
  const MatrixRow* base = find_row(*rows, "iso27017:2015/CLD.9.5.1", ServiceModel::IaaS);
  const MatrixRow* svc =
      find_row(*rows, "iso27017:2015/CLD.9.5.1", ServiceModel::IaaS, "Amazon Web Services");
  ASSERT_TRUE(base && svc);
  EXPECT_EQ(svc, base + 1);  // the service's row follows its model's default
  EXPECT_EQ(base->effective_owner, Owner::Provider);
  EXPECT_EQ(svc->default_owner, Owner::Provider);
  EXPECT_EQ(svc->effective_owner, Owner::Shared);
  EXPECT_EQ(svc->override_reason, reason);
  EXPECT_FALSE(
      find_row(*rows, "iso27017:2015/CLD.9.5.1", ServiceModel::SaaS, "Amazon Web Services"));

  // Removing the service from the scope takes its override with it.
  Scope s = customer_scope();
  s.services.erase(s.services.begin());
  ASSERT_TRUE(save_scope(*p, s, by("alice")));
  auto after = responsibility_matrix(*p, test_catalog(), "2026-06-01");
  ASSERT_TRUE(after);
  EXPECT_FALSE(
      find_row(*after, "iso27017:2015/CLD.9.5.1", ServiceModel::IaaS, "Amazon Web Services"));
}

TEST_P(BackendTest, ResponsibilityInheritanceLapsesWhenTheAttestationExpires) {
  auto p = program_with_scope(*db_);
  ASSERT_TRUE(p);
  auto added = add_attestation(*p, certificate(), by("alice"));
  ASSERT_TRUE(added) << added.error().message;
  EXPECT_GT(added->id, 0);

  // A customer-owned control in the list: refused, and nothing is marked.
  const size_t before = changes(*p);
  auto refused = mark_inherited(*p, test_catalog(), {"CLD.9.5.1", "9.1.2"}, added->name, by("bob"));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, Error::Kind::Invalid);
  EXPECT_NE(refused.error().message.find("iso27017:2015/9.1.2 is owned by the customer"),
            std::string::npos);
  auto none = inherited_marks(*p);
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());
  auto unknown = mark_inherited(*p, test_catalog(), {"CLD.9.5.1"}, "SOC 2 report", by("bob"));
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().kind, Error::Kind::NotFound);
  EXPECT_EQ(changes(*p), before);

  auto marked = mark_inherited(*p, test_catalog(), {"CLD.9.5.1", "iso27017:2015/9.2.1"},
                               added->name, by("bob"));
  ASSERT_TRUE(marked) << marked.error().message;
  EXPECT_EQ(*marked, (std::vector<std::string>{"iso27017:2015/CLD.9.5.1", "iso27017:2015/9.2.1"}));
  EXPECT_EQ(changes(*p), before + 2);

  auto in_force = responsibility_matrix(*p, test_catalog(), "2026-12-31");
  ASSERT_TRUE(in_force);
  const MatrixRow* row = find_row(*in_force, "iso27017:2015/CLD.9.5.1", ServiceModel::IaaS);
  ASSERT_TRUE(row);
  EXPECT_EQ(row->coverage, Coverage::Inherited);
  EXPECT_TRUE(row->covered());
  EXPECT_EQ(row->inherited_from, added->name);
  EXPECT_EQ(row->attestation_expires, "2026-12-31");

  auto lapsed = responsibility_matrix(*p, test_catalog(), "2027-01-01");
  ASSERT_TRUE(lapsed);
  row = find_row(*lapsed, "iso27017:2015/CLD.9.5.1", ServiceModel::IaaS);
  ASSERT_TRUE(row);
  EXPECT_EQ(row->coverage, Coverage::Expired);
  EXPECT_FALSE(row->covered());
  EXPECT_STREQ(to_string(row->coverage), "inherited (attestation expired)");

  auto early = responsibility_matrix(*p, test_catalog(), "2026-01-01");
  ASSERT_TRUE(early);
  row = find_row(*early, "iso27017:2015/9.2.1", ServiceModel::SaaS);
  ASSERT_TRUE(row);
  EXPECT_EQ(row->coverage, Coverage::NotYetValid);

  // A newer certificate takes over the mark, and coverage returns.
  Attestation renewed = certificate("AWS ISO/IEC 27017 certificate 2027");
  renewed.issued_on = "2026-12-20";
  renewed.expires_on = "2027-12-31";
  ASSERT_TRUE(add_attestation(*p, renewed, by("alice")));
  ASSERT_TRUE(mark_inherited(*p, test_catalog(), {"CLD.9.5.1"}, renewed.name, by("bob")));
  auto renewed_rows = responsibility_matrix(*p, test_catalog(), "2027-01-01");
  ASSERT_TRUE(renewed_rows);
  row = find_row(*renewed_rows, "iso27017:2015/CLD.9.5.1", ServiceModel::IaaS);
  ASSERT_TRUE(row);
  EXPECT_TRUE(row->covered());
  auto log = history(*p, {"responsibility", "iso27017:2015/CLD.9.5.1", 10});
  ASSERT_TRUE(log);
  ASSERT_EQ(log->size(), 2u);
  EXPECT_NE(log->front().before.find("AWS ISO/IEC 27017 certificate\""), std::string::npos);
}

TEST_P(BackendTest, ResponsibilityAttestationsAreChecked) {
  auto p = program_with_scope(*db_);
  ASSERT_TRUE(p);
  Attestation bad = certificate();
  bad.issued_on = "2026-02-30";
  bad.expires_on = "2025-01-01";
  bad.issuer = "";
  auto refused = add_attestation(*p, bad, by("alice"));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, Error::Kind::Invalid);
  EXPECT_NE(refused.error().message.find("issue date must read YYYY-MM-DD"), std::string::npos);
  EXPECT_NE(refused.error().message.find("no issuer"), std::string::npos);
  Attestation backwards = certificate();
  backwards.expires_on = "2025-12-31";
  EXPECT_FALSE(add_attestation(*p, backwards, by("alice")));
  Attestation with_evidence = certificate();
  with_evidence.evidence_id = 4242;
  auto no_evidence = add_attestation(*p, with_evidence, by("alice"));
  ASSERT_FALSE(no_evidence);
  EXPECT_NE(no_evidence.error().message.find("evidence 4242"), std::string::npos);
  auto list = list_attestations(*p);
  ASSERT_TRUE(list);
  EXPECT_TRUE(list->empty());

  ASSERT_TRUE(add_attestation(*p, certificate(), by("alice")));
  auto twice = add_attestation(*p, certificate(), by("alice"));
  ASSERT_FALSE(twice);
  EXPECT_NE(twice.error().message.find("exists already"), std::string::npos);
  list = list_attestations(*p);
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->front().issuer, "Example Certification Body");
  EXPECT_EQ(attestation_state(list->front(), "2026-07-01"), AttestationState::Valid);
}

TEST_P(BackendTest, ResponsibilityExportsCsvAndXlsx) {
  auto p = program_with_scope(*db_);
  ASSERT_TRUE(p);
  ASSERT_TRUE(set_override(*p, test_catalog(), "CLD.9.5.1", "Amazon Web Services", Owner::Shared,
                           "Dedicated hosts, isolation configured by us", by("bob")));
  auto a = add_attestation(*p, certificate(), by("alice"));
  ASSERT_TRUE(a);
  ASSERT_TRUE(mark_inherited(*p, test_catalog(), {"9.2.1"}, a->name, by("bob")));
  auto rows = responsibility_matrix(*p, test_catalog(), "2027-03-01", ServiceModel::IaaS);
  ASSERT_TRUE(rows);
  auto attestations = list_attestations(*p);
  ASSERT_TRUE(attestations);

  const auto dir = std::filesystem::temp_directory_path() /
                   ("cc-resp-" + std::to_string(::getpid()) + "-" + store::to_string(GetParam()));
  std::filesystem::create_directories(dir);
  const auto csv = dir / "matrix.csv";
  ASSERT_TRUE(export_responsibility(*rows, *attestations, "2027-03-01", MatrixFormat::Csv, csv));
  std::ifstream in(csv, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  EXPECT_EQ(text.substr(0, text.find("\r\n")),
            "\"Control\",\"Title\",\"Model\",\"Service\",\"Default owner\",\"Effective owner\","
            "\"Override reason\",\"Inherited from\",\"Attestation expires\",\"Coverage\"");
  EXPECT_NE(text.find("\"iso27017:2015/CLD.9.5.1\",\"Segregation in virtual computing "
                      "environments\",\"IaaS\",\"Amazon Web Services\",\"provider\",\"shared\","
                      "\"Dedicated hosts, isolation configured by us\""),
            std::string::npos);
  EXPECT_NE(text.find("\"iso27017:2015/9.2.1\",\"User registration and de-registration\",\"IaaS\","
                      "\"\",\"provider\",\"provider\",\"\",\"AWS ISO/IEC 27017 certificate\","
                      "\"2026-12-31\",\"inherited (attestation expired)\""),
            std::string::npos);
  EXPECT_EQ(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')), rows->size() + 1);

  const auto xlsx = dir / "matrix.xlsx";
  auto written =
      export_responsibility(*rows, *attestations, "2027-03-01", MatrixFormat::Xlsx, xlsx);
  ASSERT_TRUE(written) << written.error();
  std::ifstream zin(xlsx, std::ios::binary);
  char magic[4] = {};
  zin.read(magic, 4);
  EXPECT_EQ(std::string(magic, 4), std::string("PK\x03\x04", 4));
  EXPECT_GT(*written, 1000u);
  auto refused = export_responsibility(*rows, *attestations, "2027-03-01", MatrixFormat::Xlsx, dir);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().find("is a directory"), std::string::npos);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace cc::program
