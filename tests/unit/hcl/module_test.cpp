// A realistic Terraform file end to end: the shapes adapters will walk.
#include <gtest/gtest.h>

#include "hcl_test_util.h"

namespace cc::hcl {
namespace {

using test::parse_ok;
using test::show;

constexpr const char* kModule = R"(terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.0" }
  }
}

variable "ingress_ports" {
  type    = list(number)
  default = [443, 8443]
}

resource "aws_security_group" "web" {
  name   = "web-${terraform.workspace}"
  vpc_id = data.aws_vpc.main.id

  dynamic "ingress" {
    for_each = var.ingress_ports
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = var.public ? ["0.0.0.0/0"] : [for s in data.aws_subnet.private : s.cidr_block]
    }
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_instance" "app" {
  count                  = length(var.azs) > 1 ? 2 : 1
  ami                    = data.aws_ami.al2023.id
  vpc_security_group_ids = [aws_security_group.web.id]
  tags                   = merge(local.tags, { Name = "app-${count.index}" })
}

output "ips" {
  value = aws_instance.app[*].private_ip
}
)";

TEST(HclModule, ParsesARealisticFile) {
  auto r = parse_ok(kModule);
  ASSERT_EQ(r.body.blocks.size(), 5u);
  const Block& tf = r.body.blocks[0];
  EXPECT_EQ(show(tf.body.blocks[0].body.attributes[0].expr),
            "{bare:source=\"hashicorp/aws\", bare:version=\"~> 5.0\"}");

  const Block& sg = r.body.blocks[2];
  EXPECT_EQ(sg.labels[0].value, "aws_security_group");
  EXPECT_EQ(show(sg.body.attributes[1].expr), "data.aws_vpc.main.id");
  ASSERT_EQ(sg.body.blocks.size(), 2u);
  const Block& dyn = sg.body.blocks[0];
  EXPECT_EQ(dyn.type, "dynamic");
  EXPECT_EQ(dyn.labels[0].value, "ingress");
  const Body& content = dyn.body.blocks[0].body;
  ASSERT_EQ(content.attributes.size(), 4u);
  EXPECT_EQ(show(content.attributes[3].expr),
            "(var.public ? [\"0.0.0.0/0\"] : [for s in data.aws_subnet.private : s.cidr_block])");
  EXPECT_EQ(content.attributes[3].span, (Span{1, 23, 7}));

  const Block& app = r.body.blocks[3];
  EXPECT_EQ(show(app.body.attributes[0].expr), "((length(var.azs) > 1) ? 2 : 1)");
  EXPECT_EQ(app.body.attributes[3].expr->kind, ExprKind::Call);

  EXPECT_EQ(show(r.body.blocks[4].body.attributes[0].expr),
            "fullsplat(aws_instance.app, .private_ip)");
  EXPECT_EQ(r.body.blocks[4].end_span, (Span{1, 41, 1}));
}

TEST(HclModule, DiagnosticsComeInFileOrder) {
  // The bad escape is found while reading characters, the missing '=' while building
  // structure; both are reported in the order they appear.
  auto r = parse_hcl("a\nb = \"\\q\"\n", 1);
  ASSERT_EQ(r.diags.size(), 2u);
  EXPECT_EQ(r.diags[0].span.line, 1u);
  EXPECT_EQ(r.diags[1].span.line, 2u);
}

}  // namespace
}  // namespace cc::hcl
