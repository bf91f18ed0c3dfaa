"""Generates realistic Kubernetes manifest files for the benchmark corpus.

A file holds the objects of one application, the way teams keep them in a repository:
1 to 8 objects (workloads of every kind, Services, Ingresses, RBAC, NetworkPolicies,
ConfigMaps, Secrets) in one YAML stream, sometimes wrapped in a `kind: List`. Pod specs
range from hardened to careless.
"""

APPS = ["checkout", "cart", "catalog", "search", "payments", "notifications", "accounts", "orders",
        "inventory", "shipping", "reports", "gateway", "auth", "media", "recommendations"]
REGISTRIES = ["123456789012.dkr.ecr.eu-west-1.amazonaws.com", "ghcr.io/example-org",
              "registry.example.com/platform", "docker.io/library", "quay.io/example"]
THIRD_PARTY = ["nginx:1.27.3", "redis:7.4", "postgres:16.6", "busybox:latest", "fluent/fluent-bit:3.2",
               "prom/node-exporter:v1.8.2", "envoyproxy/envoy:v1.32.1", "memcached"]
WORKLOAD_KINDS = ["Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "ReplicaSet", "Pod"]
OTHER_KINDS = ["Service", "Ingress", "ServiceAccount", "Role", "RoleBinding", "ClusterRole",
               "ClusterRoleBinding", "NetworkPolicy", "ConfigMap", "Secret",
               "HorizontalPodAutoscaler", "PodDisruptionBudget"]
HEX = "0123456789abcdef"


class App:
    """State of one manifest file while it is being built."""

    def __init__(self, rng):
        self.rng = rng
        self.name = f"{rng.choice(APPS)}-{rng.choice(['api', 'worker', 'web', 'sync', 'cache'])}"
        self.namespace = rng.choice([self.name.split("-")[0], "default", "apps", "platform", "team-a"])
        self.secure = rng.random()
        self.labels = {"app.kubernetes.io/name": self.name,
                       "app.kubernetes.io/part-of": self.name.split("-")[0]}

    def careful(self):
        return self.rng.random() < self.secure

    def meta(self, name=None, namespaced=True):
        m = {"name": name or self.name, "labels": dict(self.labels)}
        if namespaced:
            m["namespace"] = self.namespace
        return m


def _image(app):
    rng = app.rng
    if rng.random() < 0.2:
        return rng.choice(THIRD_PARTY)
    repo = f"{rng.choice(REGISTRIES)}/{app.name}"
    if app.careful():
        return f"{repo}@sha256:" + "".join(rng.choice(HEX) for _ in range(64))
    return f"{repo}:" + rng.choice(["latest", f"v{rng.randint(1, 4)}.{rng.randint(0, 30)}.{rng.randint(0, 9)}",
                                    f"{rng.randint(2024, 2026)}.{rng.randint(1, 12)}.{rng.randint(1, 28)}"])


def _container(app, name):
    rng = app.rng
    c = {"name": name, "image": _image(app),
         "ports": [{"name": "http", "containerPort": rng.choice([8080, 8000, 3000, 9090]),
                    "protocol": "TCP"}]}
    env = [{"name": "LOG_LEVEL", "value": rng.choice(["info", "debug", "warn"])}]
    if rng.random() < 0.5:
        env.append({"name": "DATABASE_URL", "valueFrom": {"secretKeyRef": {
            "name": f"{app.name}-db", "key": "url"}}})
    if not app.careful() and rng.random() < 0.4:
        env.append({"name": rng.choice(["API_TOKEN", "DB_PASSWORD", "SECRET_KEY"]),
                    "value": "".join(rng.choice(HEX) for _ in range(32))})
    c["env"] = env
    if app.careful():
        c["resources"] = {"requests": {"cpu": rng.choice(["100m", "250m", "500m"]),
                                       "memory": rng.choice(["128Mi", "256Mi", "512Mi"])},
                          "limits": {"cpu": rng.choice(["500m", "1", "2"]),
                                     "memory": rng.choice(["256Mi", "512Mi", "1Gi"])}}
    elif rng.random() < 0.5:
        c["resources"] = {"requests": {"cpu": "100m", "memory": "128Mi"}}
    if app.careful():
        c["readinessProbe"] = {"httpGet": {"path": "/ready", "port": "http"}, "periodSeconds": 5}
        c["livenessProbe"] = {"httpGet": {"path": "/healthz", "port": "http"},
                              "initialDelaySeconds": 10}
    if app.careful():
        c["securityContext"] = {"allowPrivilegeEscalation": False, "readOnlyRootFilesystem": True,
                                "runAsNonRoot": True, "capabilities": {"drop": ["ALL"]}}
    elif rng.random() < 0.4:
        sc = {"privileged": rng.random() < 0.5}
        if rng.random() < 0.5:
            sc["capabilities"] = {"add": [rng.choice(["NET_ADMIN", "SYS_ADMIN", "NET_RAW"])]}
        if rng.random() < 0.5:
            sc["runAsUser"] = 0
        c["securityContext"] = sc
    c["volumeMounts"] = [{"name": "tmp", "mountPath": "/tmp"}]
    return c


def _pod_spec(app):
    rng = app.rng
    spec = {"containers": [_container(app, app.name.split("-")[-1])]}
    if rng.random() < 0.3:
        spec["containers"].append(_container(app, "sidecar"))
    if rng.random() < 0.2:
        spec["initContainers"] = [_container(app, "migrate")]
    spec["volumes"] = [{"name": "tmp", "emptyDir": {}}]
    if app.careful():
        spec["securityContext"] = {"runAsNonRoot": True, "runAsUser": rng.choice([1000, 10001, 65532]),
                                   "seccompProfile": {"type": "RuntimeDefault"}}
        spec["automountServiceAccountToken"] = False
        spec["serviceAccountName"] = app.name
    else:
        if rng.random() < 0.3:
            spec["hostNetwork"] = True
        if rng.random() < 0.2:
            spec["hostPID"] = True
        if rng.random() < 0.4:
            spec["volumes"].append({"name": "host", "hostPath": {
                "path": rng.choice(["/var/log", "/var/run/docker.sock", "/etc", "/"])}})
            spec["containers"][0]["volumeMounts"].append({"name": "host", "mountPath": "/host"})
    if rng.random() < 0.3:
        spec["nodeSelector"] = {"kubernetes.io/os": "linux"}
    return spec


def _template(app):
    return {"metadata": {"labels": dict(app.labels)}, "spec": _pod_spec(app)}


def _workload(app, kind):
    rng = app.rng
    selector = {"matchLabels": {"app.kubernetes.io/name": app.name}}
    if kind == "Pod":
        return {"apiVersion": "v1", "kind": "Pod", "metadata": app.meta(), "spec": _pod_spec(app)}
    if kind == "Job":
        t = _template(app)
        t["spec"]["restartPolicy"] = "Never"
        return {"apiVersion": "batch/v1", "kind": "Job", "metadata": app.meta(app.name + "-migrate"),
                "spec": {"backoffLimit": rng.choice([0, 2, 6]), "template": t}}
    if kind == "CronJob":
        t = _template(app)
        t["spec"]["restartPolicy"] = "OnFailure"
        return {"apiVersion": "batch/v1", "kind": "CronJob", "metadata": app.meta(app.name + "-nightly"),
                "spec": {"schedule": f"{rng.randint(0, 59)} {rng.randint(0, 23)} * * *",
                         "concurrencyPolicy": rng.choice(["Forbid", "Allow", "Replace"]),
                         "jobTemplate": {"spec": {"template": t}}}}
    spec = {"selector": selector, "template": _template(app)}
    if kind in ("Deployment", "StatefulSet", "ReplicaSet"):
        spec["replicas"] = rng.choice([1, 2, 3, 5])
    if kind == "StatefulSet":
        spec["serviceName"] = app.name
        spec["volumeClaimTemplates"] = [{"metadata": {"name": "data"}, "spec": {
            "accessModes": ["ReadWriteOnce"],
            "resources": {"requests": {"storage": rng.choice(["10Gi", "50Gi", "200Gi"])}}}}]
    if kind == "Deployment" and rng.random() < 0.5:
        spec["strategy"] = {"type": "RollingUpdate",
                            "rollingUpdate": {"maxSurge": 1, "maxUnavailable": 0}}
    return {"apiVersion": "apps/v1", "kind": kind, "metadata": app.meta(), "spec": spec}


def _service(app):
    rng = app.rng
    kind = rng.choice(["ClusterIP", "ClusterIP", "LoadBalancer", "NodePort"])
    spec = {"type": kind, "selector": {"app.kubernetes.io/name": app.name},
            "ports": [{"name": "http", "port": 80, "targetPort": "http"}]}
    if kind == "LoadBalancer" and app.careful():
        spec["loadBalancerSourceRanges"] = ["10.0.0.0/8", f"203.0.113.{rng.randint(0, 255)}/32"]
    return {"apiVersion": "v1", "kind": "Service", "metadata": app.meta(), "spec": spec}


def _ingress(app):
    host = f"{app.name}.example.com"
    spec = {"ingressClassName": "nginx", "rules": [{"host": host, "http": {"paths": [{
        "path": "/", "pathType": "Prefix",
        "backend": {"service": {"name": app.name, "port": {"name": "http"}}}}]}}]}
    if app.careful():
        spec["tls"] = [{"hosts": [host], "secretName": f"{app.name}-tls"}]
    return {"apiVersion": "networking.k8s.io/v1", "kind": "Ingress", "metadata": app.meta(), "spec": spec}


def _rules(app):
    if app.careful():
        return [{"apiGroups": [""], "resources": ["configmaps", "pods"], "verbs": ["get", "list", "watch"]}]
    return [{"apiGroups": app.rng.choice([["*"], [""]]), "resources": ["*"] if app.rng.random() < 0.5
             else ["secrets", "pods"], "verbs": ["*"]}]


def _other(app, kind):
    rng = app.rng
    if kind == "Service":
        return _service(app)
    if kind == "Ingress":
        return _ingress(app)
    if kind == "ServiceAccount":
        sa = {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": app.meta()}
        if app.careful():
            sa["automountServiceAccountToken"] = False
        return sa
    if kind == "Role":
        return {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role",
                "metadata": app.meta(), "rules": _rules(app)}
    if kind == "ClusterRole":
        return {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole",
                "metadata": app.meta(namespaced=False), "rules": _rules(app)}
    if kind in ("RoleBinding", "ClusterRoleBinding"):
        role_kind = "Role" if kind == "RoleBinding" else "ClusterRole"
        role = app.name if app.careful() else rng.choice(["cluster-admin", "admin", "edit"])
        if role in ("cluster-admin", "admin", "edit"):
            role_kind = "ClusterRole"
        return {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": kind,
                "metadata": app.meta(namespaced=kind == "RoleBinding"),
                "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": role_kind, "name": role},
                "subjects": [{"kind": "ServiceAccount", "name": app.name, "namespace": app.namespace}]}
    if kind == "NetworkPolicy":
        if rng.random() < 0.5:
            return {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
                    "metadata": app.meta("default-deny"),
                    "spec": {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]}}
        return {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
                "metadata": app.meta(app.name + "-ingress"),
                "spec": {"podSelector": {"matchLabels": {"app.kubernetes.io/name": app.name}},
                         "policyTypes": ["Ingress"],
                         "ingress": [{"from": [{"namespaceSelector": {"matchLabels": {
                             "kubernetes.io/metadata.name": "ingress-nginx"}}}],
                             "ports": [{"protocol": "TCP", "port": 8080}]}]}}
    if kind == "ConfigMap":
        data = {"LOG_LEVEL": "info", "FEATURE_FLAGS": "new-checkout,fast-search",
                "UPSTREAM_URL": f"http://{app.name}.{app.namespace}.svc.cluster.local"}
        if not app.careful():
            data[rng.choice(["DB_PASSWORD", "api_key", "SMTP_PASSWORD"])] = "".join(
                rng.choice(HEX) for _ in range(24))
        return {"apiVersion": "v1", "kind": "ConfigMap", "metadata": app.meta(app.name + "-config"),
                "data": data}
    if kind == "Secret":
        return {"apiVersion": "v1", "kind": "Secret", "metadata": app.meta(app.name + "-db"),
                "type": "Opaque",
                "data": {"url": "cG9zdGdyZXM6Ly9hcHBAZGI6NTQzMi9hcHA=",
                         "password": "".join(rng.choice(HEX) for _ in range(32))}}
    if kind == "HorizontalPodAutoscaler":
        return {"apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler", "metadata": app.meta(),
                "spec": {"scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": app.name},
                         "minReplicas": 2, "maxReplicas": rng.choice([6, 10, 20]),
                         "metrics": [{"type": "Resource", "resource": {"name": "cpu", "target": {
                             "type": "Utilization", "averageUtilization": 70}}}]}}
    return {"apiVersion": "policy/v1", "kind": "PodDisruptionBudget", "metadata": app.meta(),
            "spec": {"minAvailable": 1, "selector": {"matchLabels": {"app.kubernetes.io/name": app.name}}}}


def manifest(rng, index):
    """Builds one manifest file; returns (list of documents, number of objects)."""
    app = App(rng)
    count = rng.randint(1, 8)
    objects = [_workload(app, rng.choice(WORKLOAD_KINDS))]
    while len(objects) < count:
        if rng.random() < 0.2:
            objects.append(_workload(app, rng.choice(WORKLOAD_KINDS)))
        else:
            objects.append(_other(app, rng.choice(OTHER_KINDS)))
    # Same-kind duplicates in one file would collide on name; make each name unique.
    seen = {}
    for o in objects:
        key = (o["kind"], o["metadata"]["name"])
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            o["metadata"]["name"] += f"-{seen[key]}"
    if count > 1 and rng.random() < 0.1:
        return [{"apiVersion": "v1", "kind": "List", "items": objects}], count
    return objects, count
