#include <gtest/gtest.h>

#include "../common/raw_tf.h"
#include "model/google/google.h"

namespace cc {
namespace {

using test::at;

TEST(AdaptLogging, Sinks) {
  auto out = test::adapt_quietly(model::google::adapt, R"(
google_logging_organization_sink.audit:
  name: audit-archive
  org_id: "1234567"
  destination: {"$shape": "storage.googleapis.com/${google_storage_bucket.audit.name}"}
  filter: logName:"cloudaudit.googleapis.com"
  include_children: true
google_logging_project_sink.all:
  name: all
  destination: bigquery.googleapis.com/projects/acme/datasets/logs
  exclusions: [{name: noisy, filter: severity < WARNING}, {name: muted, filter: x, disabled: true}]
google_logging_folder_sink.off:
  name: paused
  folder: folders/42
  destination: pubsub.googleapis.com/projects/acme/topics/logs
  disabled: true
)");
  test::expect_all_fit(out);
  const Resource* audit =
      test::find(out, "gcp.logging.sink", "google_logging_organization_sink.audit");
  ASSERT_NE(audit, nullptr);
  Value v = test::with_defaults(*audit);
  EXPECT_EQ(at(v, "scope").as_string(), "organization");
  EXPECT_EQ(at(v, "destination_type").as_string(), "storage");
  EXPECT_EQ(at(v, "destination").as_string(),
            "storage.googleapis.com/${google_storage_bucket.audit.name}");
  EXPECT_TRUE(test::is_false(at(v, "exports_all")));
  EXPECT_TRUE(test::is_true(at(v, "include_children")));

  const Resource* all = test::find(out, "gcp.logging.sink", "google_logging_project_sink.all");
  ASSERT_NE(all, nullptr);
  Value av = test::with_defaults(*all);
  EXPECT_EQ(at(av, "destination_type").as_string(), "bigquery");
  EXPECT_TRUE(test::is_true(at(av, "exports_all")));
  EXPECT_EQ(at(av, "exports_all").provenance(), Provenance::Default);
  EXPECT_DOUBLE_EQ(at(av, "exclusions").as_number(), 1);  // the disabled one does not count

  const Resource* off = test::find(out, "gcp.logging.sink", "google_logging_folder_sink.off");
  ASSERT_NE(off, nullptr);
  EXPECT_TRUE(test::is_true(at(off->attributes, "disabled")));
  EXPECT_EQ(at(off->attributes, "destination_type").as_string(), "pubsub");
}

}  // namespace
}  // namespace cc
