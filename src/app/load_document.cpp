#include "app/load_document.h"

#include "collect/cloudformation/cloudformation.h"
#include "collect/doc/json_reader.h"
#include "collect/doc/yaml_reader.h"
#include "collect/kubernetes/kubernetes.h"
#include "collect/tfplan/tfplan.h"
#include "model/canonical/canonicalize.h"

namespace cc::app {
namespace {

bool starts_like_json(std::string_view text) {
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    return c == '{' || c == '[';
  }
  return false;
}

}  // namespace

// JSON first when the file looks like JSON (fast path); YAML otherwise, and as the
// fallback, since every JSON document is also YAML.
bool parse_documents(std::string_view text, uint32_t file, const LoadOptions& o, std::vector<Value>& docs,
           Diagnostics& diags) {
  if (o.json_hint || starts_like_json(text)) {
    Diagnostics json_diags;
    Value v;
    if (collect::parse_json(text, file, o.limits, v, json_diags)) {
      docs.push_back(std::move(v));
      diags.insert(diags.end(), json_diags.begin(), json_diags.end());
      return true;
    }
    Diagnostics yaml_diags;
    if (collect::parse_yaml(text, file, o.limits, docs, yaml_diags)) {
      diags.insert(diags.end(), yaml_diags.begin(), yaml_diags.end());
      return true;
    }
    diags.insert(diags.end(), json_diags.begin(), json_diags.end());
    return false;
  }
  return collect::parse_yaml(text, file, o.limits, docs, diags);
}

LoadedFile load_document(std::string_view text, uint32_t file, const LoadOptions& options,
                         const model::SchemaRegistry& schemas, Diagnostics& diags) {
  LoadedFile out;
  std::vector<Value> docs;
  bool parsed = parse_documents(text, file, options, docs, diags);
  // Documents read before a syntax error are still assessed.
  if (!parsed && docs.empty()) return out;

  Document doc;
  doc.file = file;
  if (docs.size() == 1 && collect::looks_like_terraform_plan(docs[0])) {
    doc = collect::collect_terraform_plan(docs[0], file, diags);
  } else if (docs.size() == 1 && collect::looks_like_cloudformation(docs[0])) {
    collect::CfnOptions cfn;
    cfn.parameter_overrides = options.cfn_parameters;
    doc = collect::collect_cloudformation(docs[0], file, cfn, diags);
  } else {
    bool any_k8s = false;
    for (const auto& d : docs) any_k8s = any_k8s || collect::looks_like_kubernetes(d);
    if (any_k8s) collect::collect_kubernetes(docs, file, doc, diags);
  }
  out.format = doc.format;
  if (doc.format.empty()) return out;
  std::vector<Resource> canonical = model::canonicalize(doc, schemas, diags, options.kubernetes_scope);
  out.resources = std::move(doc.resources);
  out.resources.insert(out.resources.end(), std::make_move_iterator(canonical.begin()),
                       std::make_move_iterator(canonical.end()));
  return out;
}

}  // namespace cc::app
