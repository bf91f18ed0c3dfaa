#include <gtest/gtest.h>

#include "collect/terraform/terraform.h"

namespace cc::terraform {
namespace {

// An in-memory module tree: directory -> files.
struct Tree {
  ModuleSet modules;
  EvalOptions options;
  Diagnostics diags;
  uint32_t next_id = 1;

  void add(const std::string& dir, std::vector<std::pair<std::string, std::string>> files) {
    std::vector<SourceFile> sources;
    for (auto& [name, text] : files) sources.push_back(SourceFile{dir + "/" + name, next_id++, text});
    auto m = parse_module(dir, std::move(sources), {});
    for (const auto& d : m->diagnostics) ADD_FAILURE() << "syntax: " << d.message << " at " << d.span.line;
    modules.by_dir[normal_dir(dir)] = m;
  }
  Document run(const std::string& root = "root") {
    return evaluate(*modules.find(root), modules, options, diags);
  }
};

const Resource* find(const Document& d, std::string_view address) {
  for (const auto& r : d.resources)
    if (r.address == address) return &r;
  return nullptr;
}

std::string addresses(const Document& d) {
  std::string out;
  for (const auto& r : d.resources) out += r.address + " ";
  return out;
}

bool has_diag(const Diagnostics& ds, std::string_view code) {
  for (const auto& d : ds)
    if (d.code == code) return true;
  return false;
}

TEST(TerraformEvaluate, VariablesDefaultsTfvarsAndCommandLine) {
  Tree t;
  t.add("root", {{"main.tf", R"(
variable "name" { default = "from-default" }
variable "size" {
  type    = number
  default = 1
}
variable "tags" { type = map(string) }
variable "missing" {}
resource "aws_s3_bucket" "b" {
  bucket = var.name
  size   = var.size
  tags   = var.tags
  other  = var.missing
}
)"}});
  t.options.variable_files.push_back(SourceFile{"root/terraform.tfvars", 90, "name = \"from-tfvars\"\ntags = { env = \"prod\" }\n"});
  t.options.variables.emplace_back("size", "3");
  Document d = t.run();
  const Resource* b = find(d, "aws_s3_bucket.b");
  ASSERT_NE(b, nullptr) << addresses(d);
  EXPECT_EQ(b->kind, "tf:aws_s3_bucket");
  EXPECT_EQ(b->provider, "aws");
  EXPECT_EQ(b->attributes.find("bucket")->as_string(), "from-tfvars");
  ASSERT_TRUE(b->attributes.find("size")->is_number()) << "--var converts to the declared type";
  EXPECT_EQ(b->attributes.find("size")->as_number(), 3);
  EXPECT_EQ(b->attributes.at_path("tags.env")->as_string(), "prod");
  EXPECT_TRUE(b->attributes.find("other")->is_unknown()) << "a variable without value is unknown";
}

TEST(TerraformEvaluate, LocalsChainAndCycle) {
  Tree t;
  t.add("root", {{"main.tf", R"(
locals {
  env    = "prod"
  prefix = "${local.env}-app"
  a      = local.b
  b      = local.a
}
resource "aws_s3_bucket" "b" {
  bucket = "${local.prefix}-logs"
  loop   = local.a
}
)"}});
  Document d = t.run();
  const Resource* b = find(d, "aws_s3_bucket.b");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->attributes.find("bucket")->as_string(), "prod-app-logs");
  EXPECT_TRUE(b->attributes.find("loop")->is_unknown());
  EXPECT_TRUE(has_diag(t.diags, "terraform.eval"));
}

TEST(TerraformEvaluate, CountAndForEachAddresses) {
  Tree t;
  t.add("root", {{"main.tf", R"(
resource "aws_subnet" "private" {
  count      = 2
  cidr_block = "10.0.${count.index}.0/24"
}
resource "aws_s3_bucket" "logs" {
  for_each = { eu = "eu-west-1", us = "us-east-1" }
  bucket   = "logs-${each.key}"
  region   = each.value
}
resource "aws_s3_bucket" "none" {
  count = 0
}
)"}});
  Document d = t.run();
  EXPECT_EQ(addresses(d), "aws_subnet.private[0] aws_subnet.private[1] aws_s3_bucket.logs[\"eu\"] aws_s3_bucket.logs[\"us\"] ");
  EXPECT_EQ(find(d, "aws_subnet.private[1]")->attributes.find("cidr_block")->as_string(), "10.0.1.0/24");
  const Resource* us = find(d, "aws_s3_bucket.logs[\"us\"]");
  EXPECT_EQ(us->attributes.find("bucket")->as_string(), "logs-us");
  EXPECT_EQ(us->attributes.find("region")->as_string(), "us-east-1");
  EXPECT_EQ(us->attributes.find("count"), nullptr);
  EXPECT_EQ(us->attributes.find("for_each"), nullptr) << "meta-arguments are not attributes";
}

TEST(TerraformEvaluate, ReferencesKnownConfiguredUnknownComputed) {
  Tree t;
  t.add("root", {{"main.tf", R"(
resource "aws_s3_bucket" "b" {
  bucket = "my-bucket"
}
resource "aws_s3_bucket_versioning" "v" {
  bucket = aws_s3_bucket.b.id
  name   = aws_s3_bucket.b.bucket
  arn    = "${aws_s3_bucket.b.arn}/*"
  versioning_configuration {
    status = "Enabled"
  }
}
)"}});
  Document d = t.run();
  const Resource* v = find(d, "aws_s3_bucket_versioning.v");
  ASSERT_NE(v, nullptr);
  const Value* id = v->attributes.find("bucket");
  ASSERT_TRUE(id->is_unknown());
  EXPECT_EQ(id->as_unknown().ref, "aws_s3_bucket.b.id");
  EXPECT_EQ(v->attributes.find("name")->as_string(), "my-bucket");
  const Value* arn = v->attributes.find("arn");
  ASSERT_TRUE(arn->is_unknown());
  EXPECT_EQ(arn->as_unknown().ref, "aws_s3_bucket.b.arn");
  EXPECT_EQ(arn->as_unknown().shape, "${aws_s3_bucket.b.arn}/*");
  const Value* block = v->attributes.find("versioning_configuration");
  ASSERT_TRUE(block && block->is_list()) << "a nested block is a list of maps";
  EXPECT_EQ(block->as_list().at(0).find("status")->as_string(), "Enabled");
  EXPECT_EQ(v->span.line, 5u);
}

TEST(TerraformEvaluate, LocalModulesWireInputsAndOutputs) {
  Tree t;
  t.add("root", {{"main.tf", R"(
module "net" {
  source = "./modules/net"
  cidrs  = ["10.0.1.0/24", "10.0.2.0/24"]
}
resource "aws_instance" "web" {
  subnet_id = module.net.subnet_ids[1]
  first     = module.net.first_cidr
}
)"}});
  t.add("root/modules/net", {{"main.tf", R"(
variable "cidrs" { type = list(string) }
resource "aws_subnet" "private" {
  count      = length(var.cidrs)
  cidr_block = var.cidrs[count.index]
}
output "subnet_ids" { value = aws_subnet.private[*].id }
output "first_cidr" { value = aws_subnet.private[0].cidr_block }
)"}});
  Document d = t.run();
  EXPECT_EQ(addresses(d), "aws_instance.web module.net.aws_subnet.private[0] module.net.aws_subnet.private[1] ");
  const Resource* web = find(d, "aws_instance.web");
  const Value* subnet = web->attributes.find("subnet_id");
  ASSERT_TRUE(subnet->is_unknown());
  EXPECT_EQ(subnet->as_unknown().ref, "module.net.aws_subnet.private[1].id");
  EXPECT_EQ(web->attributes.find("first")->as_string(), "10.0.1.0/24");
}

TEST(TerraformEvaluate, ModuleForEachPrefixesAddresses) {
  Tree t;
  t.add("root", {{"main.tf", R"(
module "bucket" {
  for_each = toset(["a", "b"])
  source   = "../mods/bucket"
  name     = "data-${each.key}"
}
)"}});
  t.add("mods/bucket", {{"main.tf", R"(
variable "name" {}
resource "aws_s3_bucket" "this" { bucket = var.name }
)"}});
  Document d = t.run();
  EXPECT_EQ(addresses(d), "module.bucket[\"a\"].aws_s3_bucket.this module.bucket[\"b\"].aws_s3_bucket.this ");
  EXPECT_EQ(find(d, "module.bucket[\"b\"].aws_s3_bucket.this")->attributes.find("bucket")->as_string(), "data-b");
}

TEST(TerraformEvaluate, RegistryModulesUnknownUnlessInstalled) {
  Tree t;
  t.add("root", {{"main.tf", R"(
module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.0.0"
  name    = "main"
}
module "sg" {
  source = "terraform-aws-modules/security-group/aws"
}
resource "aws_instance" "web" { subnet_id = module.sg.id }
)"}});
  t.add("root/.terraform/modules/vpc", {{"main.tf", R"(
variable "name" {}
resource "aws_vpc" "this" { tags = { Name = var.name } }
)"}});
  t.options.module_dirs = read_installed_modules(
      "root", R"({"Modules":[{"Key":"","Source":"","Dir":"."},{"Key":"vpc","Source":"x","Dir":".terraform/modules/vpc"}]})");
  Document d = t.run();
  ASSERT_NE(find(d, "module.vpc.aws_vpc.this"), nullptr) << addresses(d);
  EXPECT_EQ(find(d, "module.vpc.aws_vpc.this")->attributes.at_path("tags.Name")->as_string(), "main");
  const Value* sg = find(d, "aws_instance.web")->attributes.find("subnet_id");
  ASSERT_TRUE(sg->is_unknown());
  EXPECT_EQ(sg->as_unknown().ref, "module.sg.id");
  EXPECT_TRUE(has_diag(t.diags, "terraform.module"));
}

TEST(TerraformEvaluate, DynamicBlocksExpand) {
  Tree t;
  t.add("root", {{"main.tf", R"(
variable "ports" { default = [22, 443] }
resource "aws_security_group" "sg" {
  ingress {
    from_port = 80
  }
  dynamic "ingress" {
    for_each = var.ports
    iterator = p
    content {
      from_port   = p.value
      description = "rule ${p.key}"
    }
  }
}
)"}});
  Document d = t.run();
  const Value* ingress = find(d, "aws_security_group.sg")->attributes.find("ingress");
  ASSERT_TRUE(ingress && ingress->is_list());
  ASSERT_EQ(ingress->as_list().size(), 3u);
  EXPECT_EQ(ingress->as_list()[2].find("from_port")->as_number(), 443);
  EXPECT_EQ(ingress->as_list()[1].find("description")->as_string(), "rule 0");
}

TEST(TerraformEvaluate, ExpressionsForSplatConditionalTry) {
  Tree t;
  t.add("root", {{"main.tf", R"(
variable "envs" { default = { prod = 3, dev = 1 } }
locals {
  big   = [for k, v in var.envs : upper(k) if v > 2]
  pairs = { for k, v in var.envs : v => k }
  group = { for k in ["a", "b", "a"] : k => k... }
  maybe = try(var.envs.missing, "fallback")
  ok    = can(var.envs.prod)
  cond  = length(var.envs) > 1 ? "many" : "one"
}
resource "null_resource" "r" {
  big   = local.big
  pairs = local.pairs
  group = local.group
  maybe = local.maybe
  ok    = local.ok
  cond  = local.cond
  math  = 7 % 3 + 2 * 3
}
)"}});
  Document d = t.run();
  const Value& a = find(d, "null_resource.r")->attributes;
  ASSERT_EQ(a.find("big")->as_list().size(), 1u);
  EXPECT_EQ(a.find("big")->as_list()[0].as_string(), "PROD");
  EXPECT_EQ(a.at_path("pairs.3")->as_string(), "prod");
  EXPECT_EQ(a.at_path("group.a")->as_list().size(), 2u);
  EXPECT_EQ(a.find("maybe")->as_string(), "fallback");
  EXPECT_TRUE(a.find("ok")->as_bool());
  EXPECT_EQ(a.find("cond")->as_string(), "many");
  EXPECT_EQ(a.find("math")->as_number(), 7.0);
  EXPECT_FALSE(has_diag(t.diags, "terraform.eval")) << "errors inside try() are absorbed";
}

TEST(TerraformEvaluate, UnknownCountEvaluatesOneInstance) {
  Tree t;
  t.add("root", {{"main.tf", R"(
variable "n" { type = number }
resource "aws_ebs_volume" "v" {
  count     = var.n
  encrypted = false
  name      = "vol-${count.index}"
}
)"}});
  Document d = t.run();
  ASSERT_EQ(d.resources.size(), 1u);
  EXPECT_EQ(d.resources[0].address, "aws_ebs_volume.v");
  EXPECT_FALSE(d.resources[0].attributes.find("encrypted")->as_bool());
  EXPECT_TRUE(d.resources[0].attributes.find("name")->is_unknown());
}

TEST(TerraformEvaluate, OverrideFilesMerge) {
  Tree t;
  t.add("root", {{"main.tf", "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"a\"\n  acl = \"private\"\n}\n"},
                 {"main_override.tf", "resource \"aws_s3_bucket\" \"b\" {\n  acl = \"public-read\"\n}\n"}});
  Document d = t.run();
  ASSERT_EQ(d.resources.size(), 1u);
  EXPECT_EQ(d.resources[0].attributes.find("acl")->as_string(), "public-read");
  EXPECT_EQ(d.resources[0].attributes.find("bucket")->as_string(), "a");
}

TEST(TerraformEvaluate, ObjectTypeOptionalDefaults) {
  Tree t;
  t.add("root", {{"main.tf", R"(
variable "cfg" {
  type = object({
    name    = string
    encrypt = optional(bool, true)
    tags    = optional(map(string), {})
  })
  default = { name = "x" }
}
resource "aws_s3_bucket" "b" {
  encrypt = var.cfg.encrypt
  tags    = var.cfg.tags
}
)"}});
  Document d = t.run();
  const Value& a = d.resources.at(0).attributes;
  EXPECT_TRUE(a.find("encrypt")->as_bool());
  EXPECT_TRUE(a.find("tags")->is_map());
}

TEST(TerraformEvaluate, BadReferencesWarnWithPosition) {
  Tree t;
  t.add("root", {{"main.tf", "resource \"aws_s3_bucket\" \"b\" {\n  bucket = var.nope\n  x = [1][5]\n}\n"}});
  Document d = t.run();
  ASSERT_EQ(d.resources.size(), 1u);
  EXPECT_TRUE(d.resources[0].attributes.find("bucket")->is_unknown());
  EXPECT_TRUE(d.resources[0].attributes.find("x")->is_unknown());
  bool positioned = false;
  for (const auto& diag : t.diags) positioned = positioned || (diag.span.line == 2 && diag.span.col > 0);
  EXPECT_TRUE(positioned);
}

TEST(TerraformEvaluate, LimitsBoundRecursionInstancesAndWork) {
  Tree t;
  t.add("root", {{"main.tf", R"(
module "again" {
  source = "."
  count  = 3
}
resource "aws_instance" "many" {
  count = 100000
}
)"}});
  t.options.max_module_depth = 3;
  Document d = t.run();
  EXPECT_TRUE(has_diag(t.diags, "limit.instances")) << "count over the limit";
  EXPECT_TRUE(has_diag(t.diags, "terraform.module")) << "modules stop nesting at the depth limit";
  // 1 + 3 + 9 + 27 module instances, each with one representative aws_instance.
  EXPECT_EQ(d.resources.size(), 40u);
  EXPECT_NE(find(d, "module.again[2].module.again[0].aws_instance.many"), nullptr) << addresses(d);
}

TEST(TerraformEvaluate, WorkLimitStopsRunawayExpressions) {
  Tree t;
  t.add("root", {{"main.tf", R"(
locals {
  heavy = [for a in range(1000) : [for b in range(1000) : [for c in range(1000) : c]]]
}
resource "null_resource" "h" { v = local.heavy }
)"}});
  t.options.max_steps = 100000;
  Document d = t.run();
  EXPECT_TRUE(has_diag(t.diags, "limit.evaluation"));
  ASSERT_EQ(d.resources.size(), 1u);
  EXPECT_TRUE(d.resources[0].attributes.find("v")->contains_unknown());
}

TEST(TerraformEvaluate, JsonSyntaxFilesJoinTheModule) {
  Tree t;
  t.add("root", {{"main.tf", "variable \"env\" { default = \"prod\" }\n"},
                 {"buckets.tf.json", R"({
  "resource": {
    "aws_s3_bucket": {
      "b": {
        "count": 2,
        "bucket": "data-${var.env}-${count.index}",
        "versioning": { "enabled": true }
      }
    }
  }
})"}});
  Document d = t.run();
  ASSERT_EQ(addresses(d), "aws_s3_bucket.b[0] aws_s3_bucket.b[1] ");
  const Value& a = find(d, "aws_s3_bucket.b[1]")->attributes;
  EXPECT_EQ(a.find("bucket")->as_string(), "data-prod-1");
  const Value* v = a.find("versioning");
  ASSERT_NE(v, nullptr);
  // A nested object in JSON syntax reads as an object; adapters accept it like a block.
  const Value* enabled = v->is_list() ? v->as_list().at(0).find("enabled") : v->find("enabled");
  ASSERT_NE(enabled, nullptr);
  EXPECT_TRUE(enabled->as_bool());
  EXPECT_GT(find(d, "aws_s3_bucket.b[0]")->span.line, 0u);
}

TEST(TerraformEvaluate, PathValuesAndForEachOverList) {
  Tree t;
  t.add("root", {{"main.tf", R"(
module "m" { source = "./modules/m" }
resource "aws_iam_user" "u" {
  for_each = toset(["b", "a", "b"])
  name     = each.value
  path     = path.module
}
)"}});
  t.add("root/modules/m", {{"main.tf", "resource \"null_resource\" \"n\" { p = path.module }\n"}});
  Document d = t.run();
  EXPECT_EQ(addresses(d), "aws_iam_user.u[\"a\"] aws_iam_user.u[\"b\"] module.m.null_resource.n ");
  EXPECT_EQ(find(d, "aws_iam_user.u[\"a\"]")->attributes.find("path")->as_string(), ".");
  EXPECT_EQ(find(d, "module.m.null_resource.n")->attributes.find("p")->as_string(), "./modules/m");
}

}  // namespace
}  // namespace cc::terraform
