#include <gtest/gtest.h>

#include "model/base/terraform.h"

namespace cc {
namespace {

using model::tf::ref_address;
using model::tf::ref_attribute;

TEST(TfReferences, AddressAndAttributeParts) {
  EXPECT_EQ(ref_address("aws_s3_bucket.logs.id"), "aws_s3_bucket.logs");
  EXPECT_EQ(ref_attribute("aws_s3_bucket.logs.id"), "id");
  EXPECT_EQ(ref_address("data.aws_iam_policy_document.p.json"), "data.aws_iam_policy_document.p");
  EXPECT_EQ(ref_attribute("data.aws_iam_policy_document.p.json"), "json");
  // Dots inside an instance key are part of the address.
  EXPECT_EQ(ref_address(R"(module.m["a.b"].aws_kms_key.k["x.y"].arn)"),
            R"(module.m["a.b"].aws_kms_key.k["x.y"])");
  EXPECT_EQ(ref_attribute(R"(module.m["a.b"].aws_kms_key.k["x.y"].arn)"), "arn");
  EXPECT_EQ(ref_attribute("aws_s3_bucket.logs"), "");
  // Too short for TYPE.NAME: everything before the last top-level dot is the address.
  EXPECT_EQ(ref_address(R"(module.m["a.b"].out)"), R"(module.m["a.b"])");
  EXPECT_EQ(ref_address("var"), "var");
}

}  // namespace
}  // namespace cc
