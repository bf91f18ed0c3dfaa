#include <gtest/gtest.h>

#include "k8s_test_util.h"

namespace cc::test {
namespace {

// The same pod spec, wrapped the way each workload kind wraps it.
std::string wrap(std::string_view kind, std::string_view api) {
  const std::string pod = R"(
      hostNetwork: true
      securityContext:
        runAsNonRoot: true
        runAsUser: 1000
      containers:
        - name: app
          image: registry.example.com:5000/team/app:2.1
          securityContext:
            privileged: true
)";
  auto indent = [](std::string text, int by) {
    std::string pad(static_cast<size_t>(by), ' ');
    std::string out;
    size_t start = 0;
    while (start < text.size()) {
      size_t nl = text.find('\n', start);
      std::string line = text.substr(start, nl - start);
      if (!line.empty()) out += pad + line;
      out += "\n";
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
    return out;
  };
  std::string head = "apiVersion: " + std::string(api) + "\nkind: " + std::string(kind) +
                     "\nmetadata:\n  name: w\n  namespace: prod\n";
  if (kind == "Pod") return head + "spec:" + indent(pod, -0).substr(0);
  std::string tmpl =
      "    template:\n      metadata:\n        labels: {app: w}\n      spec:" + indent(pod, 4);
  if (kind == "CronJob")
    return head + "spec:\n  schedule: '0 * * * *'\n  jobTemplate:\n    spec:\n" + indent(tmpl, 2);
  return head + "spec:\n" + tmpl.substr(2);
}

class EveryWorkloadKind : public ::testing::TestWithParam<std::pair<const char*, const char*>> {};

TEST_P(EveryWorkloadKind, MapsToTheSamePodShape) {
  auto [kind, api] = GetParam();
  std::string yaml = wrap(kind, api);
  Scanned s = scan(yaml);
  ASSERT_TRUE(s.diags.empty()) << yaml << s.diags[0].message;
  const Resource* w = s.find("k8s.workload", "w");
  ASSERT_NE(w, nullptr) << yaml;
  EXPECT_EQ(str(attr(w, "workload_kind")), kind);
  EXPECT_EQ(str(attr(w, "namespace")), "prod");
  EXPECT_EQ(w->address, std::string("prod/") + kind + "/w");
  EXPECT_TRUE(is_true(attr(w, "pod.host_network")));
  EXPECT_TRUE(is_true(attr(w, "pod.containers.0.privileged")));
  EXPECT_TRUE(is_true(attr(w, "pod.containers.0.run_as_non_root")));
  EXPECT_EQ(num(attr(w, "pod.containers.0.run_as_user")), 1000);
  EXPECT_EQ(str(attr(w, "pod.containers.0.image_tag")), "2.1");
  EXPECT_EQ(str(attr(w, "pod.containers.0.image_repository")),
            "registry.example.com:5000/team/app");
  EXPECT_TRUE(is_false(attr(w, "pod.host_pid")));
}

INSTANTIATE_TEST_SUITE_P(
    Kinds, EveryWorkloadKind,
    ::testing::Values(std::pair{"Pod", "v1"}, std::pair{"Deployment", "apps/v1"},
                      std::pair{"StatefulSet", "apps/v1"}, std::pair{"DaemonSet", "apps/v1"},
                      std::pair{"ReplicaSet", "apps/v1"}, std::pair{"ReplicationController", "v1"},
                      std::pair{"Job", "batch/v1"}, std::pair{"CronJob", "batch/v1"}));

constexpr std::string_view kBarePod = R"(apiVersion: v1
kind: Pod
metadata:
  name: bare
spec:
  containers:
    - name: app
      image: nginx
)";

TEST(KubernetesWorkload, DocumentedDefaultsFillUnsetFields) {
  Scanned s = scan(kBarePod);
  const Resource* w = s.find("k8s.workload", "bare");
  ASSERT_NE(w, nullptr);
  const Value* ns = attr(w, "namespace");
  EXPECT_EQ(str(ns), "default");
  EXPECT_EQ(ns->provenance(), Provenance::Default);
  EXPECT_TRUE(is_false(attr(w, "pod.host_network")));
  EXPECT_TRUE(is_false(attr(w, "pod.host_ipc")));
  EXPECT_TRUE(is_true(attr(w, "pod.automount_service_account_token")));
  EXPECT_EQ(attr(w, "pod.automount_service_account_token")->provenance(), Provenance::Default);
  EXPECT_EQ(str(attr(w, "pod.service_account_name")), "default");
  EXPECT_TRUE(is_false(attr(w, "pod.containers.0.privileged")));
  EXPECT_TRUE(is_true(attr(w, "pod.containers.0.allow_privilege_escalation")));
  EXPECT_TRUE(is_false(attr(w, "pod.containers.0.read_only_root_filesystem")));
  EXPECT_TRUE(is_false(attr(w, "pod.containers.0.run_as_non_root")));
  EXPECT_EQ(attr(w, "pod.containers.0.run_as_user"), nullptr);
  EXPECT_EQ(attr(w, "pod.containers.0.seccomp_profile"), nullptr);
  EXPECT_EQ(attr(w, "pod.containers.0.liveness_probe"), nullptr);
  // An image without tag or digest runs :latest, and latest images are always pulled.
  EXPECT_EQ(str(attr(w, "pod.containers.0.image_tag")), "latest");
  EXPECT_EQ(attr(w, "pod.containers.0.image_tag")->provenance(), Provenance::Default);
  EXPECT_EQ(str(attr(w, "pod.containers.0.image_pull_policy")), "Always");
  ASSERT_TRUE(attr(w, "pod.init_containers")->is_list());
  EXPECT_TRUE(attr(w, "pod.init_containers")->as_list().empty());
}

TEST(KubernetesWorkload, ContainerSecurityContextOverridesThePods) {
  Scanned s = scan(R"(apiVersion: v1
kind: Pod
metadata:
  name: mixed
  annotations:
    container.seccomp.security.alpha.kubernetes.io/legacy: unconfined
spec:
  securityContext:
    runAsUser: 1000
    runAsNonRoot: true
    seccompProfile: {type: RuntimeDefault}
  initContainers:
    - name: setup
      image: busybox@sha256:abc
  containers:
    - name: root
      image: app:1
      securityContext:
        runAsUser: 0
        runAsNonRoot: false
    - name: legacy
      image: app:1
)");
  const Resource* w = s.find("k8s.workload", "mixed");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(num(attr(w, "pod.containers.0.run_as_user")), 0);
  EXPECT_TRUE(is_false(attr(w, "pod.containers.0.run_as_non_root")));
  EXPECT_EQ(str(attr(w, "pod.containers.0.seccomp_profile")), "RuntimeDefault");
  EXPECT_EQ(attr(w, "pod.containers.0.run_as_user")->span().line, 19u);
  // Inherited values keep the pod-level span, so findings point at the pod setting.
  EXPECT_EQ(num(attr(w, "pod.init_containers.0.run_as_user")), 1000);
  EXPECT_EQ(attr(w, "pod.init_containers.0.run_as_user")->span().line, 9u);
  EXPECT_EQ(str(attr(w, "pod.init_containers.0.image_digest")), "sha256:abc");
  EXPECT_EQ(attr(w, "pod.init_containers.0.image_tag"), nullptr);
  EXPECT_EQ(str(attr(w, "pod.init_containers.0.image_pull_policy")), "IfNotPresent");
  EXPECT_EQ(str(attr(w, "pod.containers.1.seccomp_profile")), "Unconfined");
}

TEST(KubernetesWorkload, CapabilitiesResourcesProbesAndVolumes) {
  Scanned s = scan(R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: full, namespace: shop}
spec:
  template:
    spec:
      volumes:
        - name: docker
          hostPath: {path: /var/run/docker.sock, type: Socket}
        - name: scratch
          emptyDir: {}
      containers:
        - name: app
          image: shop/app:3
          securityContext:
            capabilities:
              add: [cap_sys_admin, NET_RAW]
              drop: [ALL]
          resources:
            limits: {cpu: 1, memory: 256Mi}
            requests: {cpu: 250m}
          livenessProbe:
            httpGet: {path: /healthz, port: 8080}
            periodSeconds: 5
          ports:
            - containerPort: 8080
              hostPort: 80
)");
  const Resource* w = s.find("k8s.workload", "full");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(num(attr(w, "replicas")), 1);
  EXPECT_EQ(attr(w, "replicas")->provenance(), Provenance::Default);
  EXPECT_EQ(str(attr(w, "pod.containers.0.capabilities_add.0")), "SYS_ADMIN");
  EXPECT_EQ(str(attr(w, "pod.containers.0.capabilities_add.1")), "NET_RAW");
  EXPECT_EQ(str(attr(w, "pod.containers.0.capabilities_drop.0")), "ALL");
  EXPECT_EQ(str(attr(w, "pod.containers.0.resources.limits_cpu")), "1");
  EXPECT_EQ(str(attr(w, "pod.containers.0.resources.requests_cpu")), "250m");
  // The unset memory request takes the limit.
  EXPECT_EQ(str(attr(w, "pod.containers.0.resources.requests_memory")), "256Mi");
  EXPECT_EQ(attr(w, "pod.containers.0.resources.requests_memory")->provenance(),
            Provenance::Default);
  EXPECT_EQ(str(attr(w, "pod.containers.0.liveness_probe.handler")), "httpGet");
  EXPECT_EQ(num(attr(w, "pod.containers.0.liveness_probe.period_seconds")), 5);
  EXPECT_EQ(attr(w, "pod.containers.0.readiness_probe"), nullptr);
  EXPECT_EQ(num(attr(w, "pod.containers.0.ports.0.host_port")), 80);
  EXPECT_EQ(str(attr(w, "pod.containers.0.ports.0.protocol")), "TCP");
  EXPECT_EQ(str(attr(w, "pod.volumes.0.host_path")), "/var/run/docker.sock");
  EXPECT_EQ(str(attr(w, "pod.volumes.0.source")), "hostPath");
  EXPECT_EQ(str(attr(w, "pod.volumes.1.source")), "emptyDir");
  EXPECT_EQ(attr(w, "pod.volumes.1.host_path"), nullptr);
}

TEST(KubernetesWorkload, EnvironmentFlagsLiteralCredentials) {
  Scanned s = scan(R"(apiVersion: v1
kind: Pod
metadata: {name: env}
spec:
  containers:
    - name: app
      image: app:1
      env:
        - {name: DB_PASSWORD, value: hunter2}
        - {name: PASSWORD_FILE, value: /run/secrets/db}
        - {name: LOG_LEVEL, value: debug}
        - name: API_TOKEN
          valueFrom:
            secretKeyRef: {name: api, key: token}
        - {name: UPSTREAM, value: "https://svc:s3cr3t@example.com/x"}
)");
  const Resource* w = s.find("k8s.workload", "env");
  ASSERT_NE(w, nullptr);
  EXPECT_TRUE(is_true(attr(w, "pod.containers.0.env.0.literal_credential")));
  EXPECT_TRUE(is_false(attr(w, "pod.containers.0.env.1.literal_credential")));
  EXPECT_TRUE(is_false(attr(w, "pod.containers.0.env.2.literal_credential")));
  EXPECT_TRUE(is_false(attr(w, "pod.containers.0.env.3.literal_credential")));
  EXPECT_TRUE(is_true(attr(w, "pod.containers.0.env.3.from_secret")));
  EXPECT_TRUE(is_true(attr(w, "pod.containers.0.env.4.literal_credential")));
}

TEST(KubernetesWorkload, AutomountFollowsServiceAccountInTheSameFile) {
  Scanned s = scan(R"(apiVersion: v1
kind: ServiceAccount
metadata: {name: quiet, namespace: ops}
automountServiceAccountToken: false
---
apiVersion: v1
kind: Pod
metadata: {name: uses-quiet, namespace: ops}
spec:
  serviceAccountName: quiet
  containers: [{name: a, image: a:1}]
---
apiVersion: v1
kind: Pod
metadata: {name: overrides, namespace: ops}
spec:
  serviceAccountName: quiet
  automountServiceAccountToken: true
  containers: [{name: a, image: a:1}]
)");
  EXPECT_TRUE(
      is_false(attr(s.find("k8s.workload", "uses-quiet"), "pod.automount_service_account_token")));
  EXPECT_TRUE(
      is_true(attr(s.find("k8s.workload", "overrides"), "pod.automount_service_account_token")));
  EXPECT_TRUE(
      is_false(attr(s.find("k8s.service_account", "quiet"), "automount_service_account_token")));
}

TEST(KubernetesWorkload, MalformedValuesBecomeUnknownNotFalse) {
  Scanned s = scan(R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: odd}
spec:
  template:
    spec:
      hostNetwork: maybe
      containers:
        - name: a
          image: a:1
          securityContext: {privileged: [true]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: empty}
spec: {}
)");
  const Resource* odd = s.find("k8s.workload", "odd");
  ASSERT_NE(odd, nullptr);
  EXPECT_TRUE(attr(odd, "pod.host_network")->is_unknown());
  EXPECT_TRUE(attr(odd, "pod.containers.0.privileged")->is_unknown());
  const Resource* empty = s.find("k8s.workload", "empty");
  ASSERT_NE(empty, nullptr);
  EXPECT_TRUE(attr(empty, "pod")->is_unknown());
  ASSERT_EQ(s.diags.size(), 1u);
  EXPECT_EQ(s.diags[0].code, "k8s.no_pod_spec");
  EXPECT_EQ(s.diags[0].span.line, 13u);
}

}  // namespace
}  // namespace cc::test
