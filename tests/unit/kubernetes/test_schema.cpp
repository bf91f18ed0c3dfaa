#include <gtest/gtest.h>

#include "k8s_test_util.h"
#include "model/kubernetes/credentials.h"
#include "model/kubernetes/image.h"

namespace cc::test {
namespace {

// Every field the adapters emit must be declared, or rules could not name it.
void expect_declared(const model::Type& type, const Value& v, const std::string& path) {
  if (type.kind == model::Type::Kind::List && type.element && v.is_list()) {
    for (const auto& item : v.as_list()) expect_declared(*type.element, item, path + "[]");
    return;
  }
  if (type.kind != model::Type::Kind::Object || !v.is_map()) return;
  for (const auto& m : v.as_map()) {
    const model::Field* f = type.field(m.key);
    EXPECT_NE(f, nullptr) << path << "." << m.key << " is not in the schema";
    if (f && f->type) expect_declared(*f->type, m.value, path + "." + m.key);
  }
}

TEST(KubernetesSchema, LoadsAndDeclaresEveryEmittedField) {
  ASSERT_NE(k8s_schemas().find("k8s.workload"), nullptr);
  for (const auto& d : k8s_schema_diagnostics())
    ADD_FAILURE() << d.message << " line " << d.span.line;
  Scanned s = scan(R"(apiVersion: v1
kind: Namespace
metadata: {name: shop, labels: {pod-security.kubernetes.io/enforce: restricted}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress: [{from: [{namespaceSelector: {}}, {ipBlock: {cidr: 0.0.0.0/0}}], ports: [{port: 80}]}]
  egress: [{to: [{podSelector: {}}]}]
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: job, namespace: shop}
spec:
  jobTemplate:
    spec:
      template:
        metadata: {labels: {app: web}}
        spec:
          securityContext: {fsGroup: 2000, supplementalGroups: [3], sysctls: [{name: net.x, value: "1"}]}
          volumes: [{name: s, secret: {secretName: x}}, {name: c, configMap: {name: y}}]
          containers:
            - name: a
              image: a:1
              env: [{name: X, value: "1"}]
              envFrom: [{secretRef: {name: x}}]
              volumeMounts: [{name: s, mountPath: /s}]
              readinessProbe: {exec: {command: [true]}}
              ports: [{containerPort: 1, name: p}]
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: sa, namespace: shop}
secrets: [{name: t}]
imagePullSecrets: [{name: r}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: r, namespace: shop}
rules: [{apiGroups: [""], resources: [pods], verbs: [get], resourceNames: [a]}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: b}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
subjects: [{kind: ServiceAccount, name: sa, namespace: shop}]
---
apiVersion: v1
kind: Service
metadata: {name: s, namespace: shop}
spec: {type: NodePort, externalIPs: [1.2.3.4], externalTrafficPolicy: Local, ports: [{port: 1, nodePort: 30000}]}
---
apiVersion: extensions/v1beta1
kind: Ingress
metadata: {name: i, namespace: shop, annotations: {kubernetes.io/ingress.class: nginx}}
spec:
  backend: {serviceName: s, servicePort: 80}
---
apiVersion: v1
kind: Secret
metadata: {name: s, namespace: shop}
type: kubernetes.io/tls
immutable: true
---
apiVersion: v1
kind: ConfigMap
metadata: {name: c, namespace: shop}
binaryData: {blob: AA==}
)");
  ASSERT_EQ(s.canonical.size(), 10u);
  for (const auto& r : s.canonical) {
    const model::KindSchema* schema = k8s_schemas().find(r.kind);
    ASSERT_NE(schema, nullptr) << r.kind;
    expect_declared(*schema->type, r.attributes, r.kind);
  }
  const Resource* ing = s.find("k8s.ingress", "i");
  EXPECT_EQ(str(attr(ing, "ingress_class_name")), "nginx");
  EXPECT_EQ(str(attr(ing, "default_backend.service_name")), "s");
  EXPECT_EQ(str(attr(ing, "hosts_without_tls.0")), "*");
  EXPECT_EQ(str(attr(s.find("k8s.namespace", "shop"), "pod_security_enforce")), "restricted");
}

TEST(KubernetesImages, ReferencesSplitIntoRepositoryTagAndDigest) {
  auto ref = model::kubernetes::parse_image("localhost:5000/a/b:1.0@sha256:ff");
  EXPECT_EQ(ref.repository, "localhost:5000/a/b");
  EXPECT_EQ(ref.tag, "1.0");
  EXPECT_EQ(ref.digest, "sha256:ff");
  ref = model::kubernetes::parse_image("localhost:5000/a/b");
  EXPECT_EQ(ref.repository, "localhost:5000/a/b");
  EXPECT_EQ(ref.tag, "");
}

TEST(KubernetesCredentials, NamesAndValues) {
  using namespace model::kubernetes;
  EXPECT_TRUE(name_suggests_credential("dbPassword"));
  EXPECT_TRUE(name_suggests_credential("CLIENT_SECRET"));
  EXPECT_FALSE(name_suggests_credential("SECRET_NAME"));
  EXPECT_FALSE(name_suggests_credential("PWD"));
  EXPECT_TRUE(value_looks_like_credential("-----BEGIN RSA PRIVATE KEY-----\nMII"));
  EXPECT_TRUE(value_looks_like_credential("ghp_0123456789abcdefghij0123"));
  EXPECT_FALSE(value_looks_like_credential("https://example.com:8443/path"));
  EXPECT_FALSE(literal_credential("API_TOKEN", "$(TOKEN_FROM_SECRET)"));
  EXPECT_FALSE(literal_credential("ENABLE_TOKEN", "true"));
  EXPECT_TRUE(literal_credential("API_TOKEN", "abc123"));
}

}  // namespace
}  // namespace cc::test
