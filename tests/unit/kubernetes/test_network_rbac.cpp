#include <gtest/gtest.h>

#include "k8s_test_util.h"

namespace cc::test {
namespace {

constexpr std::string_view kDenyAll = R"(apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-in, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Ingress]
)";

constexpr std::string_view kShopPod = R"(apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
spec:
  containers: [{name: a, image: a:1}]
)";

TEST(KubernetesNetwork, DefaultDenyPolicyMarksNamespaceAndWorkloads) {
  Scanned s = scan(std::string("apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n---\n") +
                   std::string(kDenyAll) + "---\n" + std::string(kShopPod));
  const Resource* ns = s.find("k8s.namespace", "shop");
  ASSERT_NE(ns, nullptr);
  EXPECT_TRUE(is_true(attr(ns, "has_default_deny_ingress")));
  EXPECT_TRUE(is_false(attr(ns, "has_default_deny_egress")));
  EXPECT_EQ(num(attr(ns, "network_policy_count")), 1);
  EXPECT_EQ(attr(ns, "namespace"), nullptr);  // cluster-scoped
  const Resource* w = s.find("k8s.workload", "web");
  EXPECT_TRUE(is_true(attr(w, "network.namespace_default_deny_ingress")));
  EXPECT_TRUE(is_true(attr(w, "network.ingress_isolated")));
  EXPECT_TRUE(is_false(attr(w, "network.egress_isolated")));
  const Resource* p = s.find("k8s.network_policy", "deny-in");
  ASSERT_NE(p, nullptr);
  EXPECT_TRUE(is_true(attr(p, "selects_all_pods")));
  EXPECT_TRUE(is_true(attr(p, "denies_all_ingress")));
  EXPECT_TRUE(is_false(attr(p, "denies_all_egress")));
}

TEST(KubernetesNetwork, UnseenNamespaceGivesUnknownNotFalse) {
  Scanned s = scan(kShopPod);
  const Resource* w = s.find("k8s.workload", "web");
  ASSERT_NE(w, nullptr);
  EXPECT_TRUE(attr(w, "network.namespace_default_deny_ingress")->is_unknown());
  EXPECT_TRUE(attr(w, "network.ingress_isolated")->is_unknown());
}

TEST(KubernetesNetwork, DeclaredNamespaceWithoutPoliciesIsFalse) {
  Scanned s = scan(std::string("apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n---\n") +
                   std::string(kShopPod));
  EXPECT_TRUE(is_false(attr(s.find("k8s.namespace", "shop"), "has_default_deny_ingress")));
  EXPECT_TRUE(
      is_false(attr(s.find("k8s.workload", "web"), "network.namespace_default_deny_ingress")));
}

TEST(KubernetesNetwork, PolicyTypesDefaultAndSelectorsMatchLabels) {
  Scanned s = scan(std::string(R"(apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-only, namespace: shop}
spec:
  podSelector:
    matchExpressions:
      - {key: app, operator: In, values: [web, api]}
  ingress:
    - {}
  egress:
    - to:
        - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}
      ports:
        - {port: 5432}
---
)") + std::string(kShopPod));
  const Resource* p = s.find("k8s.network_policy", "web-only");
  ASSERT_NE(p, nullptr);
  const Value* types = attr(p, "policy_types");
  ASSERT_TRUE(types && types->is_list());
  ASSERT_EQ(types->as_list().size(), 2u);  // Ingress, plus Egress because egress rules exist
  EXPECT_EQ(types->provenance(), Provenance::Default);
  EXPECT_TRUE(is_false(attr(p, "selects_all_pods")));
  EXPECT_TRUE(is_true(attr(p, "allows_all_ingress")));
  EXPECT_TRUE(is_false(attr(p, "denies_all_ingress")));
  EXPECT_EQ(str(attr(p, "egress.0.to.0.ip_block_cidr")), "10.0.0.0/8");
  EXPECT_EQ(str(attr(p, "egress.0.ports.0.port")), "5432");
  EXPECT_EQ(str(attr(p, "pod_selector.match_expressions.0.operator")), "In");
  const Resource* w = s.find("k8s.workload", "web");
  EXPECT_TRUE(is_true(attr(w, "network.ingress_isolated")));
  EXPECT_TRUE(is_true(attr(w, "network.egress_isolated")));
  EXPECT_TRUE(is_false(attr(w, "network.namespace_default_deny_ingress")));
}

TEST(KubernetesNetwork, ServiceTypesAndSourceRanges) {
  Scanned s = scan(R"(apiVersion: v1
kind: Service
metadata:
  name: lb
  annotations:
    service.beta.kubernetes.io/load-balancer-source-ranges: "203.0.113.0/24, 198.51.100.0/24"
spec:
  type: LoadBalancer
  ports: [{port: 443, targetPort: https}]
---
apiVersion: v1
kind: Service
metadata: {name: plain}
spec:
  ports: [{port: 80, targetPort: 8080}]
)");
  const Resource* lb = s.find("k8s.service", "lb");
  ASSERT_NE(lb, nullptr);
  EXPECT_EQ(str(attr(lb, "type")), "LoadBalancer");
  EXPECT_EQ(str(attr(lb, "load_balancer_source_ranges.1")), "198.51.100.0/24");
  EXPECT_EQ(str(attr(lb, "ports.0.target_port")), "https");
  EXPECT_TRUE(is_false(attr(lb, "internal_load_balancer")));
  const Resource* plain = s.find("k8s.service", "plain");
  EXPECT_EQ(str(attr(plain, "type")), "ClusterIP");
  EXPECT_EQ(attr(plain, "type")->provenance(), Provenance::Default);
  EXPECT_EQ(str(attr(plain, "ports.0.target_port")), "8080");
}

TEST(KubernetesNetwork, IngressHostsWithoutTls) {
  Scanned s = scan(R"(apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: site, namespace: web}
spec:
  tls:
    - hosts: ["*.example.com"]
      secretName: wildcard
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: {name: shop, port: {number: 80}}
    - host: example.org
)");
  const Resource* ing = s.find("k8s.ingress", "site");
  ASSERT_NE(ing, nullptr);
  const Value* uncovered = attr(ing, "hosts_without_tls");
  ASSERT_TRUE(uncovered && uncovered->is_list());
  ASSERT_EQ(uncovered->as_list().size(), 1u);
  EXPECT_EQ(uncovered->as_list()[0].as_string(), "example.org");
  EXPECT_EQ(str(attr(ing, "rules.0.paths.0.service_name")), "shop");
  EXPECT_EQ(str(attr(ing, "rules.0.paths.0.service_port")), "80");
  EXPECT_EQ(str(attr(ing, "tls.0.secret_name")), "wildcard");
}

TEST(KubernetesRbac, RolesAndBindings) {
  Scanned s = scan(R"(apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: everything}
rules:
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["*"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: combined}
aggregationRule:
  clusterRoleSelectors: [{matchLabels: {team: a}}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: anon, namespace: dev}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
subjects:
  - {kind: Group, name: "system:unauthenticated", apiGroup: rbac.authorization.k8s.io}
)");
  const Resource* all = s.find("k8s.role", "everything");
  ASSERT_NE(all, nullptr);
  EXPECT_TRUE(is_true(attr(all, "cluster_scoped")));
  EXPECT_EQ(str(attr(all, "rules.0.verbs.0")), "*");
  EXPECT_TRUE(attr(all, "rules.0.resource_names")->as_list().empty());
  EXPECT_TRUE(attr(s.find("k8s.role", "combined"), "rules")->is_unknown());
  const Resource* b = s.find("k8s.role_binding", "anon");
  ASSERT_NE(b, nullptr);
  EXPECT_TRUE(is_false(attr(b, "cluster_scoped")));
  EXPECT_EQ(str(attr(b, "namespace")), "dev");
  EXPECT_EQ(str(attr(b, "role_ref.name")), "view");
  EXPECT_EQ(str(attr(b, "subjects.0.name")), "system:unauthenticated");
}

TEST(KubernetesConfig, SecretValuesNeverReachTheModel) {
  Scanned s = scan(R"(apiVersion: v1
kind: Secret
metadata: {name: db, namespace: shop}
data:
  password: aHVudGVyMg==
stringData:
  user: admin
---
apiVersion: v1
kind: ConfigMap
metadata: {name: app, namespace: shop}
data:
  log_level: info
  db_password: hunter2
  aws: AKIAABCDEFGHIJKLMNOP
)");
  const Resource* secret = s.find("k8s.secret", "db");
  ASSERT_NE(secret, nullptr);
  EXPECT_EQ(str(attr(secret, "type")), "Opaque");
  EXPECT_EQ(str(attr(secret, "keys.0")), "password");
  EXPECT_EQ(str(attr(secret, "keys.1")), "user");
  EXPECT_EQ(attr(secret, "data"), nullptr);
  const Resource* cm = s.find("k8s.config_map", "app");
  ASSERT_NE(cm, nullptr);
  const Value* flagged = attr(cm, "credential_keys");
  ASSERT_TRUE(flagged && flagged->is_list());
  ASSERT_EQ(flagged->as_list().size(), 2u);
  EXPECT_EQ(flagged->as_list()[0].as_string(), "db_password");
  EXPECT_EQ(flagged->as_list()[1].as_string(), "aws");
  EXPECT_EQ(attr(cm, "keys")->as_list().size(), 3u);
}

}  // namespace
}  // namespace cc::test
