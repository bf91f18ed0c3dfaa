#pragma once
// Reads one OSCAL 1.1 catalog file into a framework and its controls. The framework id
// comes from the metadata prop "framework-id"; a control's id from its "label" prop.
#include <optional>
#include <vector>

#include "catalog/control.h"
#include "catalog/json_file.h"

namespace cc::catalog {

struct FrameworkData {
  Framework framework;
  std::vector<Control> controls;
};

// nullopt (with a diagnostic) when the file is not a usable catalog at all; a control
// with a problem is reported and skipped or, for a bad optional property, kept with the
// default value.
std::optional<FrameworkData> read_oscal_catalog(const JsonFile& file, Diagnostics& diags);

}  // namespace cc::catalog
