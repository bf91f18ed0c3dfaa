#include "catalog/oscal_reader.h"

#include <fmt/format.h>

namespace cc::catalog {
namespace {

using nlohmann::json;

// Value of the prop called `name` (any namespace), with its remarks.
struct PropValue {
  std::string_view value;
  std::string_view remarks;
};

std::optional<PropValue> find_prop(const json& object, std::string_view name) {
  const json* props = member(object, "props");
  if (props == nullptr || !props->is_array()) return std::nullopt;
  for (const json& p : *props) {
    if (string_member(p, "name") == name) {
      return PropValue{string_member(p, "value"), string_member(p, "remarks")};
    }
  }
  return std::nullopt;
}

std::string_view label_of(const json& object) {
  if (auto label = find_prop(object, "label"); label && !label->value.empty()) return label->value;
  return string_member(object, "id");
}

// OSCAL requires a title; where the catalog may not reproduce the real one (CSA CCM) the
// file repeats the label and marks it with title-known=false, read here as no title.
bool title_known(const json& object) {
  auto known = find_prop(object, "title-known");
  return !known || known->value != "false";
}

// Control sets whose controls a cloud standard adds to the ISO/IEC 27002 base.
bool is_cloud_extension(std::string_view control_set) {
  return control_set == "iso27017:2015-annex-a" || control_set == "iso27017:2026-cloud";
}

struct GroupContext {
  std::string_view clause_id, clause_title, category_id, category_title;
};

class Reader {
 public:
  Reader(const JsonFile& file, Diagnostics& diags, FrameworkData& out)
      : file_(file), diags_(diags), out_(out) {}

  void groups(const json& list, int depth, GroupContext context) {
    if (!list.is_array()) {
      error("catalog.format", "\"groups\" must be an array", "groups");
      return;
    }
    for (const json& group : list) {
      std::string_view label = label_of(group);
      std::string_view title = title_known(group) ? string_member(group, "title") : "";
      GroupContext inner = context;
      // The top level is a clause or theme; anything nested is a category.
      if (depth == 0) {
        inner.clause_id = label;
        inner.clause_title = title;
      } else {
        inner.category_id = label;
        inner.category_title = title;
      }
      if (const json* nested = member(group, "groups")) groups(*nested, depth + 1, inner);
      if (const json* list_of_controls = member(group, "controls"))
        controls(*list_of_controls, inner);
    }
  }

  void controls(const json& list, const GroupContext& context) {
    if (!list.is_array()) {
      error("catalog.format", "\"controls\" must be an array", "controls");
      return;
    }
    for (const json& c : list) control(c, context, {});
  }

 private:
  // `parent` is the label of the enclosing control for a nested one (an enhancement or a
  // sub-clause), empty at the top level.
  void control(const json& c, const GroupContext& context, std::string_view parent) {
    std::string_view oscal_id = string_member(c, "id");
    std::string_view label = label_of(c);
    if (label.empty()) {
      error("catalog.format", "control without \"id\" or \"label\" prop; skipped", "controls");
      return;
    }
    bool has_title = title_known(c);
    std::string_view title = has_title ? string_member(c, "title") : "";
    if (has_title && title.empty()) {
      error("catalog.format", fmt::format("control {} has no title; skipped", label), oscal_id);
      return;
    }
    Control control;
    control.framework = out_.framework.id;
    control.id = label;
    control.oscal_id = oscal_id;
    control.ref = fmt::format("{}/{}", out_.framework.id, label);
    control.title = title;
    control.clause_id = context.clause_id;
    control.clause_title = context.clause_title;
    control.category_id = context.category_id;
    control.category_title = context.category_title;
    control.parent = parent;
    control.cloud_guidance = flag(c, "cloud-guidance", label);
    if (auto set = find_prop(c, "control-set"))
      control.cloud_extension = is_cloud_extension(set->value);
    if (auto confidence = find_prop(c, "data-confidence")) {
      control.data_confidence = confidence->value;
      control.data_note = confidence->remarks;
    }
    if (auto status = find_prop(c, "status")) control.withdrawn = status->value == "withdrawn";
    if (auto party = find_prop(c, "party")) {
      if (auto parsed = parse_party(party->value)) {
        control.party = *parsed;
      } else {
        warn(fmt::format("control {}: party \"{}\" is not CSC, CSP or both; left unknown", label,
                         party->value),
             oscal_id);
      }
    }
    if (auto automatable = find_prop(c, "automatable")) {
      if (auto parsed = parse_automatable(automatable->value)) {
        control.automatable = *parsed;
        control.automatable_note = automatable->remarks;
      } else {
        warn(fmt::format("control {}: automatable \"{}\" is not manual, partial or automated; "
                         "left unknown",
                         label, automatable->value),
             oscal_id);
      }
    }
    if (const json* parts = member(c, "parts"); parts != nullptr && parts->is_array()) {
      for (const json& part : *parts) {
        std::string_view name = string_member(part, "name");
        std::string prose(string_member(part, "prose"));
        if (name == "intent")
          control.intent = std::move(prose);
        else if (name == "csc-duty")
          control.csc_duty = std::move(prose);
        else if (name == "csp-duty")
          control.csp_duty = std::move(prose);
        else if (name == "evidence")
          control.evidence = std::move(prose);
        else if (name == "automation-signals")
          control.automation_signals = std::move(prose);
        else if (name == "statement")
          control.statement = std::move(prose);
      }
    }
    out_.controls.push_back(std::move(control));
    // Nested controls follow their parent, as the standard lists them.
    if (const json* nested = member(c, "controls")) {
      if (!nested->is_array()) {
        error("catalog.format", "\"controls\" must be an array", "controls");
        return;
      }
      for (const json& child : *nested) this->control(child, context, label);
    }
  }

  bool flag(const json& c, std::string_view name, std::string_view label) {
    auto value = find_prop(c, name);
    if (!value || value->value == "false") return false;
    if (value->value == "true") return true;
    warn(fmt::format("control {}: {} \"{}\" is not true or false; using false", label, name,
                     value->value),
         string_member(c, "id"));
    return false;
  }

  void error(std::string code, std::string message, std::string_view near) {
    file_.report(diags_, DiagLevel::Error, std::move(code), std::move(message), near);
  }
  void warn(std::string message, std::string_view near) {
    file_.report(diags_, DiagLevel::Warning, "catalog.format", std::move(message), near);
  }

  const JsonFile& file_;
  Diagnostics& diags_;
  FrameworkData& out_;
};

}  // namespace

std::optional<FrameworkData> read_oscal_catalog(const JsonFile& file, Diagnostics& diags) {
  const json* catalog = member(file.root(), "catalog");
  if (catalog == nullptr || !catalog->is_object()) {
    file.report(diags, DiagLevel::Error, "catalog.format",
                "not an OSCAL catalog: no \"catalog\" object at the top level", "catalog");
    return std::nullopt;
  }
  const json* metadata = member(*catalog, "metadata");
  auto framework_id = metadata ? find_prop(*metadata, "framework-id") : std::nullopt;
  if (!framework_id || framework_id->value.empty()) {
    file.report(diags, DiagLevel::Error, "catalog.format",
                "catalog metadata has no \"framework-id\" prop; file skipped", "metadata");
    return std::nullopt;
  }
  FrameworkData out;
  out.framework.id = framework_id->value;
  out.framework.title = string_member(*metadata, "title");
  out.framework.version = string_member(*metadata, "version");
  out.framework.file = file.path();

  Reader reader(file, diags, out);
  if (const json* groups = member(*catalog, "groups")) reader.groups(*groups, 0, {});
  if (const json* controls = member(*catalog, "controls")) reader.controls(*controls, {});
  return out;
}

}  // namespace cc::catalog
