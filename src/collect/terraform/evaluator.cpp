#include "collect/terraform/evaluator.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "collect/terraform/internal.h"
#include "collect/terraform/values.h"

namespace cc::terraform {
namespace {

std::string provider_of(std::string_view type) {
  size_t u = type.find('_');
  return std::string(u == std::string_view::npos ? type : type.substr(0, u));
}

}  // namespace

Evaluator::Evaluator(const ModuleSet& modules, const EvalOptions& options, Diagnostics& diags)
    : modules_(modules), options_(options), diags_(diags) {}

void Evaluator::warn(Span where, std::string code, std::string message) {
  diags_.push_back(Diagnostic{DiagLevel::Warning, std::move(code), std::move(message), where});
}

Value Evaluator::error_value(Span where, std::string message) {
  std::string reason = message;
  warn(where, "terraform.eval", std::move(message));
  return Value::unknown(std::move(reason), where);
}

void Evaluator::index_module(ModuleInstance& m) {
  size_t blocks = 0;
  for (const auto& f : m.module->files) blocks += f.body.blocks.size();
  m.resources.reserve(blocks);  // most blocks are resources; growing moved every node
  for (const auto& f : m.module->files) {
    for (const auto& b : f.body.blocks) {
      if (b.type == "variable" && b.labels.size() == 1) {
        m.variables.emplace(b.labels[0].value, &b);
      } else if (b.type == "locals") {
        for (const auto& a : b.body.attributes) m.locals.emplace(a.name, &a);
      } else if (b.type == "output" && b.labels.size() == 1) {
        m.outputs.emplace(b.labels[0].value, &b);
      } else if ((b.type == "resource" || b.type == "data") && b.labels.size() == 2) {
        ResourceNode r;
        r.block = &b;
        r.data = b.type == "data";
        r.type = b.labels[0].value;
        r.name = b.labels[1].value;
        std::string key = (r.data ? "data." : "") + r.type + "." + r.name;
        r.address = m.prefix + key;
        if (m.resource_index.count(key)) {
          warn(b.span, "terraform.duplicate", fmt::format("{} is declared more than once", key));
          continue;
        }
        m.resource_index.emplace(key, m.resources.size());
        m.resources.push_back(std::move(r));
      } else if (b.type == "module" && b.labels.size() == 1) {
        CallNode c;
        c.block = &b;
        for (const auto& call : m.module->calls)
          if (call.name == b.labels[0].value && call.span == b.span) c.call = &call;
        m.call_index.emplace(b.labels[0].value, m.calls.size());
        m.calls.push_back(std::move(c));
      }
    }
  }
  for (auto& c : m.calls) {
    if (!c.call) continue;
    std::string key = m.call_key.empty() ? c.call->name : m.call_key + "." + c.call->name;
    if (c.call->source.empty()) {
      c.unavailable = "its source is not a literal string";
    } else if (m.depth + 1 > options_.max_module_depth) {
      c.unavailable = fmt::format("modules nest deeper than {}", options_.max_module_depth);
    } else if (auto dir = resolve_source(*c.call, m.module->dir, key, options_.module_dirs)) {
      c.module = modules_.find(*dir);
      if (!c.module)
        c.unavailable = fmt::format("'{}' has no Terraform files here", c.call->source);
    } else {
      c.unavailable =
          fmt::format("'{}' is not downloaded (run terraform init to scan it)", c.call->source);
    }
    if (!c.unavailable.empty())
      diags_.push_back(
          Diagnostic{DiagLevel::Note, "terraform.module",
                     fmt::format("module '{}' is not evaluated: {}; its outputs are unknown",
                                 c.call->name, c.unavailable),
                     c.block->span});
  }
}

// ---- emitting -----------------------------------------------------------------------------

void Evaluator::emit(ModuleInstance& m, Document& doc) {
  if (emitted_ > options_.max_resources) return;
  for (auto& r : m.resources) {
    expand(m, r);
    for (auto& i : r.instances) {
      if (emitted_ >= options_.max_resources) {
        if (emitted_ == options_.max_resources)
          warn(r.block->span, "limit.resources",
               fmt::format("more than {} resources in one root module; the rest are not assessed",
                           options_.max_resources));
        ++emitted_;
        return;
      }
      ++emitted_;
      Resource out;
      out.kind = (r.data ? "tf:data." : "tf:") + r.type;
      out.address = i.address;
      out.name = i.address;
      out.provider = provider_of(r.type);
      out.format = "terraform";
      instance_attributes(m, r, i);
      emitted_values_.push_back(&i.attributes.value);
      out.span = r.block->span;
      out.end_line = r.block->end_span.line;
      doc.resources.push_back(std::move(out));
    }
  }
  for (auto& c : m.calls) {
    expand(m, c);
    for (auto& ch : c.children) emit(*ch.instance, doc);
  }
}

Document Evaluator::run(const Module& root) {
  Document doc;
  doc.format = "terraform";
  if (!root.files.empty()) doc.file = root.files.front().id;
  root_ = std::make_unique<ModuleInstance>();
  root_->module = &root;
  root_->rel_dir = ".";
  index_module(*root_);

  // Variable values: files first (later ones win), then --var.
  for (const auto& vf : options_.variable_files) {
    hcl::Body body;
    bool json = vf.path.extension() == ".json";
    if (json)
      parse_json_configuration(vf.text, vf.id, options_.limits, body, diags_);
    else
      hcl::parse_hcl(vf.text, vf.id, options_.limits, body, diags_);
    Scope none{root_.get(), nullptr};
    for (const auto& a : body.attributes) {
      if (!root_->variables.count(a.name)) {
        diags_.push_back(
            Diagnostic{DiagLevel::Note, "terraform.variables",
                       fmt::format("'{}' sets variable '{}', which the module does not declare",
                                   vf.path.filename().string(), a.name),
                       a.span});
        continue;
      }
      root_values_[a.name] = eval(*a.expr, none);
    }
  }
  for (const auto& [name, text] : options_.variables) {
    auto decl = root_->variables.find(name);
    if (decl == root_->variables.end()) {
      warn({}, "terraform.variables",
           fmt::format("--var {}: the module declares no such variable", name));
      continue;
    }
    // Terraform reads a --var value as a literal string for primitive types and as an
    // expression otherwise.
    const hcl::Attribute* type = find_attribute(decl->second->body, "type");
    bool primitive = !type || (type->expr->kind == hcl::ExprKind::Variable &&
                               (type->expr->name == "string" || type->expr->name == "number" ||
                                type->expr->name == "bool"));
    if (primitive) {
      root_values_[name] = Value::string(text);
      continue;
    }
    hcl::Body body;
    Diagnostics local;
    std::string line = "v = " + text + "\n";
    hcl::parse_hcl(line, 0, options_.limits, body, local);
    if (!local.empty() || body.attributes.empty()) {
      warn({}, "terraform.variables",
           fmt::format("--var {}: the value is not a valid expression", name));
      continue;
    }
    Scope none{root_.get(), nullptr};
    root_values_[name] = eval(*body.attributes.front().expr, none);
  }
  emit(*root_, doc);
  // Evaluation is over: nothing reads the evaluated arguments again, so they move into
  // the document rather than being copied. (Moving one while emitting could empty a
  // value that a later resource still refers to.)
  for (size_t k = 0; k < emitted_values_.size(); ++k)
    doc.resources[k].attributes = std::move(*emitted_values_[k]);
  return doc;
}

Document evaluate(const Module& root, const ModuleSet& modules, const EvalOptions& options,
                  Diagnostics& diags) {
  Evaluator ev(modules, options, diags);
  return ev.run(root);
}

}  // namespace cc::terraform
