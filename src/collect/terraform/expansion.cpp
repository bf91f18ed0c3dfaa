// count and for_each: how many instances a resource or module call has, and what
// each instance sees as count.index, each.key and each.value.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "collect/terraform/evaluator.h"
#include "collect/terraform/internal.h"
#include "collect/terraform/values.h"

namespace cc::terraform {

// ---- count and for_each -----------------------------------------------------------------

namespace {

// A for_each element: the instance key and the value `each.value` gives.
struct ForEachEntry {
  std::string key;
  Value value;
};

// Reads count / for_each of a block into instance keys. Returns the expansion kind.
Expansion read_expansion(Evaluator& ev, const hcl::Body& body, const Scope& scope,
                         std::vector<ForEachEntry>& entries, size_t& count, uint32_t limit,
                         Diagnostics& diags) {
  if (const hcl::Attribute* c = find_attribute(body, "count")) {
    Value v = ev.eval(*c->expr, scope);
    if (v.is_string()) {
      const std::string& text = v.as_string();
      double d = 0;
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), d);
      if (ec == std::errc{} && end == text.data() + text.size()) v = Value::number(d, v.span());
    }
    if (v.is_unknown()) return Expansion::Unknown;
    if (!v.is_number() || v.as_number() < 0 ||
        v.as_number() != static_cast<double>(static_cast<int64_t>(v.as_number()))) {
      diags.push_back(Diagnostic{DiagLevel::Warning, "terraform.eval",
                                 "count must be a whole number of zero or more", c->expr->span});
      return Expansion::Unknown;
    }
    double n = v.as_number();
    if (n > limit) {
      diags.push_back(
          Diagnostic{DiagLevel::Warning, "limit.instances",
                     fmt::format("count {} is over the limit of {} instances; evaluated once",
                                 format_number(n), limit),
                     c->expr->span});
      return Expansion::Unknown;
    }
    count = static_cast<size_t>(n);
    return Expansion::Count;
  }
  const hcl::Attribute* fe = find_attribute(body, "for_each");
  if (!fe) return Expansion::Single;
  Value v = ev.eval(*fe->expr, scope);
  if (v.is_unknown()) return Expansion::Unknown;
  if (v.is_map()) {
    for (const auto& m : v.as_map()) entries.push_back({m.key, m.value});
  } else if (v.is_list()) {
    for (const auto& e : v.as_list()) {
      if (e.is_unknown()) return Expansion::Unknown;
      auto text = to_template_text(e);
      if (!text) {
        diags.push_back(Diagnostic{DiagLevel::Warning, "terraform.eval",
                                   "for_each needs a map or a set of strings", fe->expr->span});
        return Expansion::Unknown;
      }
      entries.push_back({*text, Value::string(*text, e.span())});
    }
  } else if (v.is_null()) {
    diags.push_back(
        Diagnostic{DiagLevel::Warning, "terraform.eval", "for_each is null", fe->expr->span});
    return Expansion::Unknown;
  } else {
    diags.push_back(Diagnostic{DiagLevel::Warning, "terraform.eval",
                               "for_each needs a map or a set of strings", fe->expr->span});
    return Expansion::Unknown;
  }
  std::sort(entries.begin(), entries.end(),
            [](const ForEachEntry& a, const ForEachEntry& b) { return a.key < b.key; });
  entries.erase(
      std::unique(entries.begin(), entries.end(),
                  [](const ForEachEntry& a, const ForEachEntry& b) { return a.key == b.key; }),
      entries.end());
  if (entries.size() > limit) {
    diags.push_back(
        Diagnostic{DiagLevel::Warning, "limit.instances",
                   fmt::format("for_each has {} elements, over the limit of {}; evaluated once",
                               entries.size(), limit),
                   fe->expr->span});
    return Expansion::Unknown;
  }
  return Expansion::ForEach;
}

Value count_object(Value index) {
  Value o = Value::map();
  o.set("index", std::move(index));
  return o;
}

Value each_object(Value key, Value value) {
  Value o = Value::map();
  o.set("key", std::move(key));
  o.set("value", std::move(value));
  return o;
}

}  // namespace

void Evaluator::expand(ModuleInstance& m, ResourceNode& r) {
  if (r.progress == Progress::Done) return;
  if (r.progress == Progress::Busy) {
    warn(r.block->span, "terraform.cycle",
         fmt::format("the count or for_each of {} depends on itself", r.address));
    return;
  }
  r.progress = Progress::Busy;
  std::vector<ForEachEntry> entries;
  size_t count = 0;
  Scope scope{&m, nullptr};
  r.expansion =
      read_expansion(*this, r.block->body, scope, entries, count, options_.max_instances, diags_);
  switch (r.expansion) {
    case Expansion::Single:
      r.instances.push_back(Instance{Value::null(), r.address, {}, {}, {}, {}});
      break;
    case Expansion::Count:
      for (size_t i = 0; i < count; ++i) {
        Value key = Value::number(static_cast<double>(i));
        Instance inst{key, r.address + instance_key(key), count_object(key), {}, {}, {}};
        r.instances.push_back(std::move(inst));
      }
      break;
    case Expansion::ForEach:
      for (auto& e : entries) {
        Value key = Value::string(e.key);
        Instance inst{
            key, r.address + instance_key(key), {}, each_object(key, std::move(e.value)), {}, {}};
        r.instances.push_back(std::move(inst));
      }
      break;
    case Expansion::Unknown: {
      // How many instances there are is not known before apply. One instance stands for
      // all of them, so what does not depend on the index or key is still assessed.
      Value k = Value::unknown("instance key known only after apply", r.block->span);
      r.instances.push_back(
          Instance{Value::null(), r.address, count_object(k), each_object(k, k), {}, {}});
      break;
    }
  }
  r.progress = Progress::Done;
}

const Value& Evaluator::instance_attributes(ModuleInstance& m, ResourceNode& r, Instance& i) {
  Memo& memo = i.attributes;
  if (memo.progress == Progress::Done) return memo.value;
  if (memo.progress == Progress::Busy) {
    static const Value kCycle = Value::unknown("resource refers to itself");
    return kCycle;
  }
  memo.progress = Progress::Busy;
  Frame count{nullptr, "count", &i.count_object};
  Frame each{&count, "each", &i.each_object};
  Scope scope{&m, (r.expansion == Expansion::Single) ? nullptr : &each};
  memo.value = eval_body(r.block->body, scope, true);
  memo.value.set_span(r.block->span);
  memo.progress = Progress::Done;
  return memo.value;
}

const Value& Evaluator::instance_object(ModuleInstance& m, ResourceNode& r, Instance& i) {
  Memo& memo = i.object;
  if (memo.progress == Progress::Done) return memo.value;
  memo.progress = Progress::Done;
  const Value& attributes = instance_attributes(m, r, i);
  // Computed attributes are unknown until apply. `id` is always one; any other attribute
  // not in the configuration reads as unknown with a reference (see get_attr).
  Value id = Value::unknown("known after apply", r.block->span, i.address + ".id");
  if (!attributes.is_map()) {
    memo.value = Value::map();
    memo.value.set("id", std::move(id));
  } else if (attributes.find("id")) {
    memo.value = attributes;
  } else {
    // Room for `id` from the start: copying and then adding would move every member.
    Map members;
    members.reserve(attributes.as_map().size() + 1);
    members.insert(members.end(), attributes.as_map().begin(), attributes.as_map().end());
    members.push_back(Member{"id", std::move(id), {}});
    memo.value = Value::map(std::move(members), attributes.span());
    memo.value.set_provenance(attributes.provenance());
  }
  return memo.value;
}

const Value& Evaluator::resource_reference(ModuleInstance& m, std::string_view key, Span where,
                                           Value& made) {
  auto it = m.resource_index.find(key);
  if (it == m.resource_index.end()) {
    warn(where, "terraform.reference", fmt::format("reference to undeclared resource '{}'", key));
    return made = Value::unknown(fmt::format("undeclared resource {}", key), where);
  }
  ResourceNode& r = m.resources[it->second];
  Memo& memo = r.reference;
  // A resource without count or for_each is its one instance's object, kept there
  // rather than copied.
  auto done = [&]() -> const Value& {
    return r.expansion == Expansion::Single ? r.instances.front().object.value : memo.value;
  };
  if (memo.progress == Progress::Done) return done();
  if (memo.progress == Progress::Busy)
    return made = Value::unknown("resource refers to itself", where, r.address);
  memo.progress = Progress::Busy;
  expand(m, r);
  switch (r.expansion) {
    case Expansion::Single:
      instance_object(m, r, r.instances.front());
      break;
    case Expansion::Count: {
      List items;
      for (auto& i : r.instances) items.push_back(instance_object(m, r, i));
      memo.value = Value::list(std::move(items), r.block->span);
      break;
    }
    case Expansion::ForEach: {
      Map items;
      for (auto& i : r.instances)
        items.push_back(Member{i.key.as_string(), instance_object(m, r, i), {}});
      memo.value = Value::map(std::move(items), r.block->span);
      break;
    }
    case Expansion::Unknown:
      memo.value = Value::unknown("instances known only after apply", r.block->span, r.address);
      break;
  }
  memo.progress = Progress::Done;
  return done();
}

// ---- module calls -----------------------------------------------------------------------

void Evaluator::expand(ModuleInstance& m, CallNode& c) {
  if (c.progress != Progress::Fresh) return;
  c.progress = Progress::Busy;
  if (c.module) {
    std::vector<ForEachEntry> entries;
    size_t count = 0;
    Scope scope{&m, nullptr};
    c.expansion =
        read_expansion(*this, c.block->body, scope, entries, count, options_.max_instances, diags_);
    const std::string base = m.prefix + "module." + c.call->name;
    auto make = [&](Value key, std::string prefix, Value count_obj, Value each_obj) {
      if (++module_instances_ > options_.max_module_instances) {
        if (module_instances_ == options_.max_module_instances + 1)
          warn(c.block->span, "limit.modules",
               fmt::format(
                   "more than {} module instances in one root module; the rest are not evaluated",
                   options_.max_module_instances));
        return;
      }
      auto child = std::make_unique<ModuleInstance>();
      child->module = c.module;
      child->parent = &m;
      child->prefix = std::move(prefix);
      child->call_key = m.call_key.empty() ? c.call->name : m.call_key + "." + c.call->name;
      // Both directories are already normal, so a lexical relative path is exact and
      // costs no file system calls.
      child->rel_dir = c.module->dir.lexically_relative(root_->module->dir).generic_string();
      if (child->rel_dir.empty()) child->rel_dir = ".";
      if (child->rel_dir != "." && child->rel_dir.rfind("..", 0) != 0)
        child->rel_dir = "./" + child->rel_dir;
      child->depth = m.depth + 1;
      child->call_block = c.block;
      child->caller_count = std::move(count_obj);
      child->caller_each = std::move(each_obj);
      index_module(*child);
      c.children.push_back(ChildModule{std::move(key), std::move(child)});
    };
    switch (c.expansion) {
      case Expansion::Single:
        make(Value::null(), base + ".", {}, {});
        break;
      case Expansion::Count:
        for (size_t i = 0; i < count; ++i) {
          Value key = Value::number(static_cast<double>(i));
          make(key, base + instance_key(key) + ".", count_object(key), {});
        }
        break;
      case Expansion::ForEach:
        for (auto& e : entries) {
          Value key = Value::string(e.key);
          make(key, base + instance_key(key) + ".", {}, each_object(key, std::move(e.value)));
        }
        break;
      case Expansion::Unknown: {
        Value k = Value::unknown("instance key known only after apply", c.block->span);
        make(Value::null(), base + ".", count_object(k), each_object(k, k));
        break;
      }
    }
  }
  c.progress = Progress::Done;
}

const Value& Evaluator::module_reference(ModuleInstance& m, std::string_view name, Span where,
                                         Value& made) {
  auto it = m.call_index.find(name);
  if (it == m.call_index.end()) {
    warn(where, "terraform.reference", fmt::format("reference to undeclared module '{}'", name));
    return made = Value::unknown(fmt::format("undeclared module {}", name), where);
  }
  CallNode& c = m.calls[it->second];
  std::string address = m.prefix + "module." + std::string(name);
  if (!c.module) return made = Value::unknown("module source not available", where, address);
  Memo& memo = c.reference;
  if (memo.progress == Progress::Done) return memo.value;
  if (memo.progress == Progress::Busy)
    return made = Value::unknown("module refers to itself", where, address);
  memo.progress = Progress::Busy;
  expand(m, c);
  auto outputs_of = [&](ModuleInstance& child) {
    Map out;
    for (const auto& [oname, block] : child.outputs) {
      Value own;
      out.push_back(Member{oname, output(child, oname, where, own), block->span});
    }
    return Value::map(std::move(out), c.block->span);
  };
  switch (c.expansion) {
    case Expansion::Single:
      memo.value = c.children.empty() ? Value::unknown("module not evaluated", where, address)
                                      : outputs_of(*c.children.front().instance);
      break;
    case Expansion::Count: {
      List items;
      for (auto& ch : c.children) items.push_back(outputs_of(*ch.instance));
      memo.value = Value::list(std::move(items), c.block->span);
      break;
    }
    case Expansion::ForEach: {
      Map items;
      for (auto& ch : c.children)
        items.push_back(Member{ch.key.as_string(), outputs_of(*ch.instance), {}});
      memo.value = Value::map(std::move(items), c.block->span);
      break;
    }
    case Expansion::Unknown:
      memo.value = Value::unknown("module instances known only after apply", where, address);
      break;
  }
  memo.progress = Progress::Done;
  return memo.value;
}

}  // namespace cc::terraform
