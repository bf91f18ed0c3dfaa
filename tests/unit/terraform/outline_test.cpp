#include <gtest/gtest.h>

#include "collect/terraform/terraform.h"

namespace cc::terraform {
namespace {

std::vector<std::string> sources_of(std::string_view text, bool json = false) {
  std::vector<std::string> out;
  for (const auto& c : outline_module_calls(text, 1, json, {}))
    out.push_back(c.name + "=" + c.source);
  return out;
}

TEST(TerraformOutline, FindsModuleCallsWithoutParsing) {
  auto calls = sources_of(R"(
# module "commented" { source = "./no" }
locals { p = "${path.module}/x" }
module "net" {
  source  = "./net"
  version = "1.0"
  nested = { source = "./not-this" }
}
module bare {
  for_each = toset(["a"])
  source   = "git::https://example.com/x.git"
}
resource "aws_s3_bucket" "b" {
  policy = <<EOT
module "inside_heredoc" { source = "./no" }
EOT
}
module "computed" {
  source = "./${var.x}"
}
)");
  ASSERT_EQ(calls.size(), 3u);
  EXPECT_EQ(calls[0], "net=./net");
  EXPECT_EQ(calls[1], "bare=git::https://example.com/x.git");
  EXPECT_EQ(calls[2], "computed=") << "a source that is not a literal string is not resolved";
}

TEST(TerraformOutline, FilesWithoutCallsAndJsonSyntax) {
  EXPECT_TRUE(sources_of("resource \"x\" \"y\" { a = path.module }\n").empty());
  auto calls = sources_of(R"({"module": {"db": {"source": "../db", "size": 2}}})", true);
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0], "db=../db");
  EXPECT_TRUE(sources_of("module \"broken\" {\n  source = \"./x\"\n", false).size() <= 1u)
      << "an unclosed block is not a crash";
}

TEST(TerraformOutline, CallsAtTheStartOfAnyLineAreFound) {
  EXPECT_EQ(sources_of("module \"first\" {\n  source = \"./a\"\n}\n"),
            std::vector<std::string>{"first=./a"})
      << "a call on the first line has no line break before it";
  EXPECT_EQ(sources_of("locals {}\r\n  \tmodule \"indented\" { source = \"./b\" }\r\n"),
            std::vector<std::string>{"indented=./b"});
  EXPECT_TRUE(sources_of("# this module wires the network\nlocals { a = \"module x\" }\n").empty());
}

}  // namespace
}  // namespace cc::terraform
