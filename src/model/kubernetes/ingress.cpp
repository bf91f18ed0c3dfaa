#include <string>

#include "model/kubernetes/adapters.h"
#include "model/kubernetes/common.h"

namespace cc::model::kubernetes {
namespace {

// networking.k8s.io/v1 writes service.{name,port.{number|name}}; the older beta APIs
// wrote serviceName and servicePort.
Value backend(const Value& b) {
  Value out = Value::map({}, b.span());
  if (const Value* svc = member(&b, "service")) {
    set_if(out, "service_name", to_string(member(svc, "name"), "backend.service.name"));
    const Value* port = member(svc, "port");
    auto number = to_string(member(port, "number"), "backend.service.port.number");
    set_if(out, "service_port",
           number ? number : to_string(member(port, "name"), "backend.service.port.name"));
  } else {
    set_if(out, "service_name", to_string(member(&b, "serviceName"), "backend.serviceName"));
    set_if(out, "service_port", to_string(member(&b, "servicePort"), "backend.servicePort"));
  }
  return out;
}

Value paths(const Value* http, Span at) {
  const Value* src = member(http, "paths");
  if (!src) return empty_list(at);
  if (!src->is_list()) return Value::unknown("paths is not a list", src->span());
  List out;
  for (const auto& p : src->as_list()) {
    Value path = backend(member(&p, "backend") ? *member(&p, "backend") : Value::map({}, p.span()));
    path.set_span(p.span());
    set_if(path, "path", to_string(member(&p, "path"), "path"));
    set_if(path, "path_type", to_string(member(&p, "pathType"), "pathType"));
    out.push_back(std::move(path));
  }
  return Value::list(std::move(out), src->span());
}

// "*.example.com" covers exactly one extra leading label.
bool wildcard_covers(const std::string& pattern, const std::string& host) {
  if (!pattern.starts_with("*.")) return false;
  std::string suffix = pattern.substr(1);
  if (!host.ends_with(suffix) || host.size() <= suffix.size()) return false;
  return host.substr(0, host.size() - suffix.size()).find('.') == std::string::npos;
}

bool tls_covers(const Value& tls, const std::string& host) {
  if (!tls.is_list()) return false;
  for (const auto& entry : tls.as_list()) {
    const Value* hosts = entry.find("hosts");
    if (!hosts || !hosts->is_list()) continue;
    // A TLS entry without hosts supplies the certificate for requests matching no host.
    if (hosts->as_list().empty()) {
      if (host == "*") return true;
      continue;
    }
    for (const auto& h : hosts->as_list()) {
      if (!h.is_string()) continue;
      if (h.as_string() == host || wildcard_covers(h.as_string(), host)) return true;
    }
  }
  return false;
}

}  // namespace

void adapt_ingress(AdaptContext& ctx, const Resource& raw) {
  Resource r = canonical_from(raw, "k8s.ingress", false);
  Value& a = r.attributes;
  const Value* spec = member(&raw.attributes, "spec");
  auto class_name = to_string(member(spec, "ingressClassName"), "ingressClassName");
  if (!class_name) {
    const Value* annotations = member(member(&raw.attributes, "metadata"), "annotations");
    class_name = to_string(member(annotations, "kubernetes.io/ingress.class"), "ingress.class");
  }
  set_if(a, "ingress_class_name", std::move(class_name));

  Value tls = empty_list(raw.span);
  if (const Value* src = member(spec, "tls")) {
    if (!src->is_list()) {
      tls = Value::unknown("tls is not a list", src->span());
    } else {
      List entries;
      for (const auto& t : src->as_list()) {
        Value entry = Value::map({}, t.span());
        entry.set("hosts", to_string_list(member(&t, "hosts"), "tls.hosts"));
        set_if(entry, "secret_name", to_string(member(&t, "secretName"), "tls.secretName"));
        entries.push_back(std::move(entry));
      }
      tls = Value::list(std::move(entries), src->span());
    }
  }

  List rules;
  List hosts;
  bool rules_known = true;
  if (const Value* src = member(spec, "rules")) {
    if (!src->is_list()) {
      rules_known = false;
    } else {
      for (const auto& rule_src : src->as_list()) {
        Value rule = Value::map({}, rule_src.span());
        auto host = to_string(member(&rule_src, "host"), "rules.host");
        if (host && !host->is_string()) rules_known = false;
        hosts.push_back(host ? *host : Value::string("*", rule_src.span()));
        set_if(rule, "host", std::move(host));
        rule.set("paths", paths(member(&rule_src, "http"), rule_src.span()));
        rules.push_back(std::move(rule));
      }
    }
  }
  const Value* default_src = member(spec, "defaultBackend");
  if (!default_src) default_src = member(spec, "backend");
  if (default_src) {
    a.set("default_backend", backend(*default_src));
    hosts.push_back(Value::string("*", default_src->span()));
  }

  if (!rules_known || tls.is_unknown()) {
    a.set("hosts_without_tls", Value::unknown("ingress hosts or TLS are not known", raw.span));
  } else {
    List uncovered;
    for (const auto& h : hosts)
      if (!tls_covers(tls, h.as_string())) uncovered.push_back(h);
    a.set("hosts_without_tls", Value::list(std::move(uncovered), raw.span));
  }
  a.set("tls", std::move(tls));
  a.set("rules", Value::list(std::move(rules), raw.span));
  a.set("hosts", Value::list(std::move(hosts), raw.span));
  ctx.out.push_back(std::move(r));
}

}  // namespace cc::model::kubernetes
