#include "app/kubernetes_scope.h"

#include "app/load_document.h"
#include "app/parallel.h"
#include "app/read_file.h"
#include "collect/kubernetes/kubernetes.h"

namespace cc::app {
namespace {

bool is_scope_kind(std::string_view kind) {
  // kind is "k8s:<apiVersion>/<Kind>"
  auto slash = kind.rfind('/');
  std::string_view k = slash == std::string_view::npos ? kind : kind.substr(slash + 1);
  return k == "Namespace" || k == "NetworkPolicy" || k == "ServiceAccount";
}

bool mentions_scope_kind(std::string_view text) {
  if (text.find("apiVersion") == std::string_view::npos) return false;
  return text.find("NetworkPolicy") != std::string_view::npos ||
         text.find("Namespace") != std::string_view::npos ||
         text.find("ServiceAccount") != std::string_view::npos;
}

}  // namespace

std::vector<Resource> gather_kubernetes_scope(const std::vector<std::string>& files,
                                              const std::vector<uint32_t>& ids,
                                              const collect::Limits& limits, unsigned threads) {
  std::vector<std::vector<Resource>> per_file(files.size());
  parallel_for(files.size(), threads, [&](size_t i) {
    Diagnostics ignored;  // the main pass reports every problem of these files
    auto text = read_input(files[i], ids[i], limits, ignored);
    if (!text || !mentions_scope_kind(*text)) return;
    std::vector<Value> docs;
    LoadOptions lo;
    lo.limits = limits;
    parse_documents(*text, ids[i], lo, docs, ignored);
    bool any = false;
    for (const auto& d : docs) any = any || collect::looks_like_kubernetes(d);
    if (!any) return;
    Document doc;
    collect::collect_kubernetes(docs, ids[i], doc, ignored);
    for (auto& r : doc.resources)
      if (is_scope_kind(r.kind)) per_file[i].push_back(std::move(r));
  });
  std::vector<Resource> out;
  for (auto& v : per_file)
    out.insert(out.end(), std::make_move_iterator(v.begin()), std::make_move_iterator(v.end()));
  return out;
}

}  // namespace cc::app
