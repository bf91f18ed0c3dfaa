// Terraform in a scan: which directories are root modules, where called modules come
// from, and which variables files a root loads by itself.
#include "app/terraform_project.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>

#include "app/scan.h"
#include "core/data_dir.h"

namespace cc::app {
namespace {

namespace fs = std::filesystem;

class TerraformTree : public ::testing::Test {
 protected:
  fs::path root;
  SourceTable sources;
  void SetUp() override {
    root = fs::temp_directory_path() /
           ("cc-tf-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root);
    fs::create_directories(root);
  }
  void TearDown() override { fs::remove_all(root); }
  fs::path write(const std::string& name, const std::string& text) {
    fs::create_directories((root / name).parent_path());
    std::ofstream(root / name) << text;
    return root / name;
  }
  TerraformProject prepare(const std::vector<fs::path>& files, TerraformSettings settings = {}) {
    std::vector<std::string> names;
    for (const auto& f : files) names.push_back(f.string());
    return prepare_terraform(group_module_files(names), sources, settings, 2);
  }
  std::vector<Resource> load(const TerraformProject& p, const TerraformRoot& r,
                             TerraformSettings settings = {}) {
    model::SchemaRegistry schemas;
    Diagnostics diags;
    return load_terraform_root(p, r, settings, schemas, diags).resources;
  }
};

TEST_F(TerraformTree, CalledDirectoriesAreNotRoots) {
  auto a = write("live/main.tf", "module \"net\" {\n  source = \"../modules/net\"\n}\n");
  auto b = write("modules/net/main.tf", "resource \"aws_vpc\" \"v\" {}\n");
  auto c = write("other/main.tf", "resource \"aws_s3_bucket\" \"b\" {}\n");
  TerraformProject p = prepare({a, b, c});
  ASSERT_EQ(p.roots.size(), 2u);
  EXPECT_EQ(p.roots[0].dir.filename(), "live");
  EXPECT_EQ(p.roots[1].dir.filename(), "other");
  EXPECT_EQ(p.roots[0].tree.size(), 2u) << "the root and the module it calls";
  auto resources = load(p, p.roots[0]);
  ASSERT_FALSE(resources.empty());
  EXPECT_EQ(resources[0].address, "module.net.aws_vpc.v");
  EXPECT_EQ(sources.path(resources[0].span.file), b.string());
}

TEST_F(TerraformTree, RootsReadTheSameWhetherTextsAreKeptOrReadAgain) {
  auto a = write("live1/main.tf",
                 "module \"s\" {\n  source = \"../modules/shared\"\n}\n"
                 "resource \"aws_s3_bucket\" \"one\" {}\n");
  auto b = write("live2/main.tf", "module \"s\" {\n  source = \"../modules/shared\"\n}\n");
  auto m = write("modules/shared/main.tf",
                 "resource \"aws_vpc\" \"v\" { cidr_block = \"10.0.0.0/16\" }\n");
  auto addresses_with = [&](size_t kept) {
    TerraformSettings settings;
    settings.kept_text_bytes = kept;
    TerraformProject p = prepare({a, b, m}, settings);
    const ModuleOutline& shared = *p.outlines.at(terraform::normal_dir(m.parent_path()));
    EXPECT_EQ(shared.users.load(), 2u) << "both roots parse the shared module";
    EXPECT_EQ(shared.texts.empty(), kept == 0);
    std::vector<std::string> out;
    for (const auto& root : p.roots)
      for (const auto& r : load(p, root, settings)) out.push_back(r.kind + " " + r.address);
    EXPECT_TRUE(shared.texts.empty()) << "the last root to parse a module frees its texts";
    return out;
  };
  const std::vector<std::string> reread = addresses_with(0);
  EXPECT_EQ(addresses_with(size_t{1} << 20), reread);
  EXPECT_EQ(std::count(reread.begin(), reread.end(), "tf:aws_vpc module.s.aws_vpc.v"), 2)
      << "each root evaluates the shared module";

  // A budget smaller than a directory keeps none of its texts rather than some.
  TerraformSettings tight;
  tight.kept_text_bytes = 10;
  TerraformProject p = prepare({a, b, m}, tight);
  for (const auto& [dir, outline] : p.outlines) EXPECT_TRUE(outline->texts.empty()) << dir;
}

TEST_F(TerraformTree, ModulesOutsideTheScannedFilesAndInstalledModulesAreLoaded) {
  auto a = write("live/main.tf",
                 "module \"shared\" {\n  source = \"../shared\"\n}\n"
                 "module \"vpc\" {\n  source = \"terraform-aws-modules/vpc/aws\"\n}\n");
  write(
      "live/.terraform/modules/modules.json",
      R"({"Modules":[{"Key":"vpc","Source":"registry.terraform.io/terraform-aws-modules/vpc/aws","Dir":".terraform/modules/vpc"}]})");
  write("live/.terraform/modules/vpc/main.tf",
        "resource \"aws_vpc\" \"this\" { cidr_block = \"10.0.0.0/16\" }\n");
  auto shared = write("shared/main.tf", "resource \"aws_s3_bucket\" \"s\" {}\n");
  // Only the root's own file is given, as when a user scans one stack directory.
  TerraformProject p = prepare({a});
  ASSERT_EQ(p.roots.size(), 1u);
  auto resources = load(p, p.roots[0]);
  std::vector<std::string> addresses;
  for (const auto& r : resources) addresses.push_back(r.address);
  EXPECT_NE(std::find(addresses.begin(), addresses.end(), "module.shared.aws_s3_bucket.s"),
            addresses.end());
  EXPECT_NE(std::find(addresses.begin(), addresses.end(), "module.vpc.aws_vpc.this"),
            addresses.end())
      << "a downloaded registry module is read from .terraform/modules";
  bool shared_registered = false;
  for (uint32_t i = 0; i < sources.size(); ++i)
    shared_registered = shared_registered || sources.path(i) == shared.string();
  EXPECT_TRUE(shared_registered) << "findings in the module can name its file";
}

TEST_F(TerraformTree, VariablesFilesLoadInTerraformsOrder) {
  auto a = write("main.tf",
                 "variable \"a\" {}\nvariable \"b\" {}\nvariable \"c\" {}\n"
                 "resource \"null_resource\" \"r\" {\n  a = var.a\n  b = var.b\n  c = var.c\n}\n");
  write("terraform.tfvars", "a = \"tfvars\"\nb = \"tfvars\"\nc = \"tfvars\"\n");
  write("z.auto.tfvars", "b = \"auto-z\"\n");
  write("a.auto.tfvars.json", R"({"b": "auto-a", "c": "auto-a"})");
  auto extra = write("extra.tfvars", "c = \"var-file\"\n");
  TerraformSettings settings;
  settings.variable_files = {extra};
  TerraformProject p = prepare({a}, settings);
  ASSERT_EQ(p.roots.size(), 1u);
  auto resources = load(p, p.roots[0], settings);
  ASSERT_FALSE(resources.empty());
  const Value& attrs = resources[0].attributes;
  EXPECT_EQ(attrs.find("a")->as_string(), "tfvars");
  EXPECT_EQ(attrs.find("b")->as_string(), "auto-z") << "*.auto.tfvars in name order, later wins";
  EXPECT_EQ(attrs.find("c")->as_string(), "var-file") << "--var-file after the automatic files";
}

TEST_F(TerraformTree, ScanAssessesRootsAndCountsTheirFiles) {
  write("stack/main.tf", "module \"b\" {\n  source = \"./b\"\n}\n");
  write("stack/b/main.tf",
        "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n}\n"
        "resource \"aws_s3_bucket_versioning\" \"v\" {\n  bucket = aws_s3_bucket.b.id\n"
        "  versioning_configuration {\n    status = \"Enabled\"\n  }\n}\n");
  ScanOptions o;
  o.paths = {root.string()};
  o.data_dir = data_dir();
  o.only_rules = {"AWS-S3-002"};
  o.threads = 2;
  ScanOutcome out = run_scan(o);
  EXPECT_EQ(out.report.stats.files, 2u);
  ASSERT_EQ(out.report.findings.size(), 1u);
  EXPECT_EQ(out.report.findings[0].verdict, Verdict::Pass)
      << "versioning joined from the split resource";
  EXPECT_EQ(out.report.findings[0].resource_address, "module.b.aws_s3_bucket.b");
}

}  // namespace
}  // namespace cc::app
