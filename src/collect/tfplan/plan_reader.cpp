#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "collect/tfplan/address.h"
#include "collect/tfplan/configuration_index.h"
#include "collect/tfplan/plan_marks.h"
#include "collect/tfplan/tfplan.h"

namespace cc::collect {
namespace {

using tfplan::ConfigurationIndex;
using tfplan::ReferenceSource;

// Module nesting deeper than this is reported instead of followed; the JSON reader's
// own depth limit is lower, so only a hand-built value tree can reach it.
constexpr uint32_t kMaxModuleDepth = 1000;

const Value* member(const Value& v, std::string_view key) {
  return v.is_map() ? v.find(key) : nullptr;
}

const Value* member_path(const Value& v, std::string_view first, std::string_view second) {
  const Value* m = member(v, first);
  return m ? member(*m, second) : nullptr;
}

std::string_view string_member(const Value& v, std::string_view key) {
  const Value* m = member(v, key);
  return m && m->is_string() ? std::string_view(m->as_string()) : std::string_view();
}

// A plan entry whose only actions take the object away: it will not exist.
bool is_removal(const Value& change) {
  const Value* actions = member(change, "actions");
  if (!actions || !actions->is_list() || actions->as_list().empty()) return false;
  return std::all_of(actions->as_list().begin(), actions->as_list().end(), [](const Value& a) {
    return a.is_string() && (a.as_string() == "delete" || a.as_string() == "forget");
  });
}


// "aws" for "aws_s3_bucket"; a type without a prefix takes the provider's own name
// ("registry.terraform.io/hashicorp/aws" -> "aws").
std::string provider_of(std::string_view type, std::string_view provider_name) {
  const size_t underscore = type.find('_');
  if (underscore != std::string_view::npos && underscore > 0) {
    return std::string(type.substr(0, underscore));
  }
  const size_t slash = provider_name.rfind('/');
  return std::string(slash == std::string_view::npos ? provider_name
                                                     : provider_name.substr(slash + 1));
}

uint32_t last_line(const Value& v, uint32_t depth = 0) {
  uint32_t line = v.span().line;
  if (depth > kMaxModuleDepth) return line;
  if (v.is_map()) {
    for (const Member& m : v.as_map()) line = std::max(line, last_line(m.value, depth + 1));
  } else if (v.is_list()) {
    for (const Value& item : v.as_list()) line = std::max(line, last_line(item, depth + 1));
  }
  return line;
}

class PlanReader {
 public:
  PlanReader(const Value& doc, uint32_t file, Diagnostics& diags)
      : doc_(doc), file_(file), diags_(diags), config_(member(doc, "configuration")) {}

  Document run() {
    out_.file = file_;
    out_.format = "terraform";
    index_changes();
    if (const Value* root = member_path(doc_, "planned_values", "root_module")) {
      read_module(*root, "", 0, false);
    } else if (const Value* state = member_path(doc_, "values", "root_module")) {
      read_module(*state, "", 0, false);
    } else {
      read_changes();
    }
    // Data sources read while planning live only in the prior state.
    if (const Value* prior = member_path(doc_, "prior_state", "values")) {
      if (const Value* root = member(*prior, "root_module")) read_module(*root, "", 0, true);
    }
    return std::move(out_);
  }

 private:
  void problem(Span at, std::string message) {
    if (!at.known()) at = Span{file_, 1, 1};
    diags_.push_back(Diagnostic{DiagLevel::Error, "tfplan.format", std::move(message), at});
  }

  const Value* list_member(const Value& v, std::string_view key) {
    const Value* m = member(v, key);
    if (!m || m->is_null()) return nullptr;
    if (m->is_list()) return m;
    problem(m->span(), fmt::format("\"{}\" should be a JSON array", key));
    return nullptr;
  }

  void index_changes() {
    const Value* changes = list_member(doc_, "resource_changes");
    if (!changes) return;
    for (const Value& rc : changes->as_list()) {
      const std::string_view address = string_member(rc, "address");
      const Value* change = member(rc, "change");
      if (address.empty() || !change || !change->is_map()) {
        problem(rc.span(), "a resource change needs an \"address\" and a \"change\" object");
        continue;
      }
      changes_.emplace(std::string(address), change);
    }
  }

  void read_module(const Value& module, const std::string& address, uint32_t depth,
                   bool data_only) {
    if (depth > kMaxModuleDepth) {
      problem(module.span(), "modules are nested too deeply");
      return;
    }
    if (const Value* resources = list_member(module, "resources")) {
      for (const Value& r : resources->as_list()) {
        emit(r, address, member(r, "values"), data_only);
      }
    }
    if (const Value* children = list_member(module, "child_modules")) {
      for (const Value& child : children->as_list()) {
        const std::string_view child_address = string_member(child, "address");
        if (!child.is_map() || child_address.empty()) {
          problem(child.span(), "a child module needs an \"address\"");
          continue;
        }
        read_module(child, std::string(child_address), depth + 1, data_only);
      }
    }
  }

  // Without planned values, each change's "after" is what the plan leads to.
  void read_changes() {
    const Value* changes = list_member(doc_, "resource_changes");
    if (!changes) return;
    for (const Value& rc : changes->as_list()) {
      const Value* change = member(rc, "change");
      if (!change) continue;  // reported while indexing
      emit(rc, std::string(string_member(rc, "module_address")), member(*change, "after"), false);
    }
  }

  void emit(const Value& r, const std::string& module_address, const Value* values,
            bool data_only) {
    if (!r.is_map()) {
      problem(r.span(), "a resource entry should be a JSON object");
      return;
    }
    const std::string_view type = string_member(r, "type");
    const std::string_view name = string_member(r, "name");
    if (type.empty() || name.empty()) {
      problem(r.span(), "a resource entry needs a \"type\" and a \"name\"");
      return;
    }
    const bool data = string_member(r, "mode") == "data";
    if (data_only && !data) return;
    std::string address(string_member(r, "address"));
    if (address.empty()) {
      if (!module_address.empty()) address = module_address + ".";
      address += fmt::format("{}{}.{}{}", data ? "data." : "", type, name,
                             member(r, "index") ? terraform_instance_key(*member(r, "index")) : std::string{});
    }
    if (!emitted_.insert(address).second) return;
    const auto change_it = changes_.find(address);
    const Value* change = change_it == changes_.end() ? nullptr : change_it->second;
    if (change && is_removal(*change)) return;

    Resource res;
    res.kind = (data ? "tf:data." : "tf:") + std::string(type);
    res.address = address;
    res.name = address;
    res.provider = provider_of(type, string_member(r, "provider_name"));
    res.format = "terraform";
    res.span = r.span();
    res.end_line = last_line(r);
    res.attributes = values && values->is_map() ? *values : Value::map(Map{}, r.span());

    ReferenceSource refs;
    refs.expressions = config_.expressions(module_address, data, type, name);
    if (!module_address.empty()) refs.module_prefix = module_address + ".";
    if (change) {
      if (const Value* unknown = member(*change, "after_unknown")) {
        tfplan::apply_unknown_marks(res.attributes, *unknown, refs);
      }
      if (const Value* sensitive = member(*change, "after_sensitive")) {
        tfplan::apply_sensitive_marks(res.attributes, *sensitive);
      }
    }
    if (const Value* sensitive = member(r, "sensitive_values")) {
      tfplan::apply_sensitive_marks(res.attributes, *sensitive);
    }
    out_.resources.push_back(std::move(res));
  }

  const Value& doc_;
  uint32_t file_;
  Diagnostics& diags_;
  ConfigurationIndex config_;
  Document out_;
  std::unordered_map<std::string, const Value*> changes_;  // by instance address
  std::unordered_set<std::string> emitted_;
};

}  // namespace

bool looks_like_terraform_plan(const Value& doc) {
  if (!doc.is_map() || !doc.find("format_version")) return false;
  for (std::string_view key : {"planned_values", "values", "resource_changes", "prior_state"}) {
    if (doc.find(key)) return true;
  }
  return false;
}

Document collect_terraform_plan(const Value& doc, uint32_t file, Diagnostics& diags) {
  if (!doc.is_map()) {
    Span at = doc.span().known() ? doc.span() : Span{file, 1, 1};
    diags.push_back(Diagnostic{DiagLevel::Error, "tfplan.format",
                               "a Terraform plan or state should be a JSON object", at});
    Document empty;
    empty.file = file;
    empty.format = "terraform";
    return empty;
  }
  return PlanReader(doc, file, diags).run();
}

}  // namespace cc::collect
