// Every Kubernetes rule has pass and fail fixtures, and each fixture reads without
// diagnostics into at least one resource of the kind its rule targets.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "k8s_test_util.h"

namespace cc::test {
namespace {

namespace fs = std::filesystem;

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Rule id -> target kind, from every pack in rules/kubernetes.
std::map<std::string, std::string> rule_kinds() {
  std::map<std::string, std::string> kinds;
  for (const auto& entry : fs::directory_iterator(data_dir() / "rules" / "kubernetes")) {
    if (entry.path().extension() != ".yaml") continue;
    std::vector<Value> docs;
    Diagnostics diags;
    EXPECT_TRUE(collect::parse_yaml(read_text(entry.path()), 0, collect::Limits{}, docs, diags))
        << entry.path();
    for (const auto& doc : docs) {
      if (!doc.is_list()) continue;
      for (const auto& rule : doc.as_list()) {
        const Value* id = rule.find("id");
        const Value* kind = rule.find("kind");
        if (id && id->is_string() && kind && kind->is_string())
          kinds[id->as_string()] = kind->as_string();
      }
    }
  }
  return kinds;
}

TEST(KubernetesFixtures, EveryRuleHasReadableFixturesOfItsKind) {
  auto kinds = rule_kinds();
  EXPECT_GE(kinds.size(), 28u);
  const fs::path root = data_dir() / "rules" / "kubernetes" / "fixtures";
  for (const auto& [id, kind] : kinds) {
    const fs::path dir = root / id;
    bool has_pass = false;
    bool has_fail = false;
    ASSERT_TRUE(fs::is_directory(dir)) << id;
    for (const auto& f : fs::directory_iterator(dir)) {
      std::string name = f.path().filename().string();
      has_pass = has_pass || name.starts_with("pass");
      has_fail = has_fail || name.starts_with("fail");
      Scanned s = scan(read_text(f.path()));
      for (const auto& d : s.diags) ADD_FAILURE() << id << "/" << name << ": " << d.message;
      bool found = false;
      for (const auto& r : s.canonical) found = found || r.kind == kind;
      EXPECT_TRUE(found) << id << "/" << name << " has no " << kind;
    }
    EXPECT_TRUE(has_pass) << id;
    EXPECT_TRUE(has_fail) << id;
  }
}

}  // namespace
}  // namespace cc::test
