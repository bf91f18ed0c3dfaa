#include <gtest/gtest.h>

#include "k8s_test_util.h"

namespace cc::test {
namespace {

TEST(KubernetesCollect, RecognisesObjectsByApiVersionAndKind) {
  Value obj = Value::map();
  obj.set("apiVersion", Value::string("v1"));
  EXPECT_FALSE(collect::looks_like_kubernetes(obj));
  obj.set("kind", Value::string("Pod"));
  EXPECT_TRUE(collect::looks_like_kubernetes(obj));
  obj.set("kind", Value::number(3));
  EXPECT_FALSE(collect::looks_like_kubernetes(obj));
  EXPECT_FALSE(collect::looks_like_kubernetes(Value::string("kind: Pod")));
}

TEST(KubernetesCollect, MultiDocumentFileSkipsEmptyDocuments) {
  Scanned s = scan(R"(---
apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.25
---
)");
  EXPECT_TRUE(s.diags.empty());
  EXPECT_EQ(s.doc.format, "kubernetes");
  EXPECT_EQ(s.doc.file, kFile);
  ASSERT_EQ(s.doc.resources.size(), 2u);
  const Resource& ns = s.doc.resources[0];
  EXPECT_EQ(ns.kind, "k8s:v1/Namespace");
  EXPECT_EQ(ns.address, "Namespace/shop");
  const Resource& deploy = s.doc.resources[1];
  EXPECT_EQ(deploy.kind, "k8s:apps/v1/Deployment");
  EXPECT_EQ(deploy.address, "shop/Deployment/web");
  EXPECT_EQ(deploy.name, "web");
  EXPECT_EQ(deploy.provider, "kubernetes");
  EXPECT_EQ(deploy.format, "kubernetes");
  EXPECT_EQ(str(deploy.attributes.at_path("spec.template.spec.containers.0.image")), "nginx:1.25");
}

TEST(KubernetesCollect, SpanCoversTheWholeObject) {
  Scanned s = scan(R"(apiVersion: v1
kind: Pod
metadata:
  name: solo
spec:
  containers:
    - name: app
      image: busybox
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: fast
)");
  ASSERT_EQ(s.doc.resources.size(), 2u);
  EXPECT_EQ(s.doc.resources[0].span.file, kFile);
  EXPECT_EQ(s.doc.resources[0].span.line, 1u);
  EXPECT_EQ(s.doc.resources[0].end_line, 8u);
  EXPECT_EQ(s.doc.resources[1].span.line, 10u);
  EXPECT_EQ(s.doc.resources[1].end_line, 15u);
}

TEST(KubernetesCollect, NamespacedObjectWithoutNamespaceIsAddressedInDefault) {
  Scanned s = scan(R"(apiVersion: v1
kind: Service
metadata:
  name: api
)");
  ASSERT_EQ(s.doc.resources.size(), 1u);
  EXPECT_EQ(s.doc.resources[0].address, "default/Service/api");
}

TEST(KubernetesCollect, ClusterScopedKindsHaveNoNamespaceInAddress) {
  Scanned s = scan(R"(apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: reader
  namespace: ignored
rules: []
)");
  ASSERT_EQ(s.doc.resources.size(), 1u);
  EXPECT_EQ(s.doc.resources[0].address, "ClusterRole/reader");
  EXPECT_EQ(s.doc.resources[0].kind, "k8s:rbac.authorization.k8s.io/v1/ClusterRole");
}

TEST(KubernetesCollect, ListKindsAreExpanded) {
  Scanned s = scan(R"(apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: ServiceAccount
    metadata:
      name: builder
      namespace: ci
  - apiVersion: v1
    kind: PodList
    items:
      - apiVersion: v1
        kind: Pod
        metadata:
          name: nested
        spec:
          containers: []
)");
  EXPECT_TRUE(s.diags.empty());
  ASSERT_EQ(s.doc.resources.size(), 2u);
  EXPECT_EQ(s.doc.resources[0].address, "ci/ServiceAccount/builder");
  EXPECT_EQ(s.doc.resources[0].span.line, 4u);
  EXPECT_EQ(s.doc.resources[1].address, "default/Pod/nested");
}

TEST(KubernetesCollect, BadObjectsAreReportedWithPositionAndScanContinues) {
  Scanned s = scan(R"(apiVersion: v1
kind: Pod
metadata:
  labels: {app: x}
---
metadata:
  name: no-kind
---
just a string
---
apiVersion: v1
kind: Secret
metadata:
  name: kept
)");
  ASSERT_EQ(s.doc.resources.size(), 1u);
  EXPECT_EQ(s.doc.resources[0].name, "kept");
  ASSERT_EQ(s.diags.size(), 3u);
  EXPECT_EQ(s.diags[0].code, "k8s.missing_name");
  EXPECT_EQ(s.diags[0].span.line, 4u);  // the metadata map
  EXPECT_EQ(s.diags[1].code, "k8s.missing_kind");
  EXPECT_EQ(s.diags[1].span.line, 6u);
  EXPECT_EQ(s.diags[2].code, "k8s.not_object");
  EXPECT_EQ(s.diags[2].span.line, 9u);
}

}  // namespace
}  // namespace cc::test

namespace cc::test {
namespace {

TEST(KubernetesCollect, JsonManifestsKeepPositions) {
  std::string_view json = R"({"apiVersion": "v1", "kind": "List", "items": [
  {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"}, "spec": {"containers": []}},
  {"apiVersion": "v1", "kind": "Pod", "metadata": {}}
]})";
  Value doc;
  Diagnostics diags;
  ASSERT_TRUE(collect::parse_json(json, kFile, collect::Limits{}, doc, diags));
  Document out;
  collect::collect_kubernetes({doc}, kFile, out, diags);
  ASSERT_EQ(out.resources.size(), 1u);
  EXPECT_EQ(out.resources[0].address, "default/Pod/a");
  EXPECT_EQ(out.resources[0].span.line, 2u);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].code, "k8s.missing_name");
  EXPECT_EQ(diags[0].span.line, 3u);
}

}  // namespace
}  // namespace cc::test
