#pragma once
// The project's own catalog for the program tests, loaded once per test binary.
#include "catalog/catalog.h"
#include "core/data_dir.h"

namespace cc::program::testing {

inline const catalog::Catalog& test_catalog() {
  static SourceTable sources;
  static Diagnostics diags;
  static const catalog::Catalog catalog =
      catalog::Catalog::load(data_dir() / "catalog", sources, diags, catalog::LoadMode::OnDemand);
  return catalog;
}

}  // namespace cc::program::testing
