#pragma once
// What an adapter sees: the raw resources of one source document set (one file), so
// it can join resources that reference each other (a bucket and its policy), and
// where it puts canonical resources and diagnostics.
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/resource.h"

namespace cc::model {

namespace kubernetes {
struct FileFacts;
}

struct AdaptContext {
  const Document& doc;
  std::vector<Resource>& out;
  Diagnostics& diags;
  // Facts from every file of the scan (Kubernetes Namespaces, NetworkPolicies,
  // ServiceAccounts): manifests are often split across files, and a policy in one file
  // isolates pods declared in another. nullptr when the document is assessed alone.
  const kubernetes::FileFacts* kubernetes_scope = nullptr;

  // Raw resources of one kind, in document order. Every adapter asks for its kinds and
  // a document holds many resources, so the index is built once, on first use.
  using KindIndex = std::map<std::string, std::vector<const Resource*>, std::less<>>;
  mutable std::shared_ptr<KindIndex> kind_index = nullptr;
  [[nodiscard]] const std::vector<const Resource*>& of_kind(std::string_view kind) const {
    if (!kind_index) {
      kind_index = std::make_shared<KindIndex>();
      for (const auto& r : doc.resources) (*kind_index)[r.kind].push_back(&r);
    }
    static const std::vector<const Resource*> kNone;
    auto it = kind_index->find(kind);
    return it == kind_index->end() ? kNone : it->second;
  }

  // The raw resource with this address in the same document, or nullptr.
  [[nodiscard]] const Resource* raw(std::string_view address) const {
    for (const auto& r : doc.resources)
      if (r.address == address) return &r;
    return nullptr;
  }
  // The canonical resource already emitted with this kind and address, or nullptr.
  [[nodiscard]] Resource* emitted(std::string_view kind, std::string_view address) {
    for (auto& r : out)
      if (r.kind == kind && r.address == address) return &r;
    return nullptr;
  }
};

}  // namespace cc::model
