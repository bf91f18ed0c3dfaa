#pragma once
// The evaluator of one root module and the modules it calls. Everything is evaluated
// on demand and remembered, the way Terraform's graph orders work: a local is computed
// when something first reads it, a resource's instances when something first refers to
// them or when they are emitted. A cycle yields unknown with a diagnostic.
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "collect/terraform/terraform.h"
#include "collect/tffunc/functions.h"

namespace cc::terraform {

struct ModuleInstance;

// Names bound by the expression being evaluated (for-expression variables, count,
// each, a dynamic block's iterator), innermost first; a chain on the stack.
struct Frame {
  const Frame* parent = nullptr;
  std::string_view name;
  const Value* value = nullptr;
};

struct Scope {
  ModuleInstance* module = nullptr;
  const Frame* frames = nullptr;
  [[nodiscard]] const Value* lookup(std::string_view name) const {
    for (const Frame* f = frames; f; f = f->parent)
      if (f->name == name) return f->value;
    return nullptr;
  }
};

enum class Progress : uint8_t { Fresh, Busy, Done };

struct Memo {
  Progress progress = Progress::Fresh;
  Value value;
};

struct Instance {
  Value key;            // null for a resource without count/for_each
  std::string address;  // module.a.aws_s3_bucket.b["k"]
  Value count_object;   // {index = n} under count
  Value each_object;    // {key, value} under for_each
  Memo attributes;      // the evaluated arguments
  Memo object;          // attributes plus computed ones, as references see it
};

enum class Expansion : uint8_t { Single, Count, ForEach, Unknown };

struct ResourceNode {
  const hcl::Block* block = nullptr;
  bool data = false;
  std::string type;
  std::string name;
  std::string address;  // without instance key
  Progress progress = Progress::Fresh;
  Expansion expansion = Expansion::Single;
  std::vector<Instance> instances;
  Memo reference;  // the value `type.name` evaluates to
};

struct ChildModule {
  Value key;
  std::unique_ptr<ModuleInstance> instance;
};

struct CallNode {
  const hcl::Block* block = nullptr;
  const ModuleCall* call = nullptr;
  const Module* module = nullptr;  // nullptr: source not available
  std::string unavailable;         // why
  Progress progress = Progress::Fresh;
  Expansion expansion = Expansion::Single;
  std::vector<ChildModule> children;
  Memo reference;
};

struct ModuleInstance {
  const Module* module = nullptr;
  ModuleInstance* parent = nullptr;
  std::string prefix;    // "" for the root, "module.a." or `module.a["k"].`
  std::string call_key;  // modules.json key: "a", "a.b"
  std::string rel_dir;   // path.module
  uint32_t depth = 0;
  // Where this instance's input variables come from: the caller's module block
  // evaluated in the caller's scope with these bindings.
  const hcl::Block* call_block = nullptr;
  Value caller_count;
  Value caller_each;

  std::map<std::string, const hcl::Block*, std::less<>> variables;
  std::map<std::string, const hcl::Attribute*, std::less<>> locals;
  std::map<std::string, const hcl::Block*, std::less<>> outputs;
  std::map<std::string, Memo, std::less<>> variable_values;
  std::map<std::string, Memo, std::less<>> local_values;
  std::map<std::string, Memo, std::less<>> output_values;
  std::vector<ResourceNode> resources;
  std::map<std::string, size_t, std::less<>> resource_index;  // "type.name", "data.type.name"
  std::vector<CallNode> calls;
  std::map<std::string, size_t, std::less<>> call_index;
};

class Evaluator {
 public:
  Evaluator(const ModuleSet& modules, const EvalOptions& options, Diagnostics& diags);
  Document run(const Module& root);

  // ---- expressions (expressions.cpp) ----
  Value eval(const hcl::Expression& e, const Scope& scope);
  Value eval_template(const std::vector<hcl::TemplatePart>& parts, const Scope& scope, Span span);
  // A body's arguments and nested blocks as a map (blocks as lists of maps).
  Value eval_body(const hcl::Body& body, const Scope& scope, bool resource_level);

 private:
  void index_module(ModuleInstance& m);
  // Named values are evaluated once and kept; these return the kept value, or a value
  // made into `made` (an unknown, an error) when there is none to point at.
  const Value& variable(ModuleInstance& m, std::string_view name, Span where, Value& made);
  const Value& local(ModuleInstance& m, std::string_view name, Span where, Value& made);
  const Value& output(ModuleInstance& m, std::string_view name, Span where, Value& made);
  const Value& module_reference(ModuleInstance& m, std::string_view call, Span where, Value& made);
  const Value& resource_reference(ModuleInstance& m, std::string_view key, Span where, Value& made);
  const Value& root_reference(const hcl::Expression& e, const Scope& scope, size_t& consumed,
                              Value& made);
  void expand(ModuleInstance& m, ResourceNode& r);
  void expand(ModuleInstance& m, CallNode& c);
  const Value& instance_attributes(ModuleInstance& m, ResourceNode& r, Instance& i);
  const Value& instance_object(ModuleInstance& m, ResourceNode& r, Instance& i);
  Value call(const hcl::Expression& e, const Scope& scope);
  // Follows traversal steps from `from` on, copying only the value reached: a reference
  // such as aws_instance.web.tags["Name"] must not copy the whole resource on its way.
  Value follow(const Value& start, const std::vector<hcl::Traverser>& steps, size_t from,
               const Scope& scope);
  // One step: a part of `v`, or a value made into `made` (unknown, error).
  const Value& get_attr(const Value& v, std::string_view name, Span where, Value& made);
  const Value& index(const Value& v, const Value& key, Span where, Value& made);
  Value binary(const hcl::Expression& e, const Scope& scope);
  Value for_expr(const hcl::Expression& e, const Scope& scope);
  Value splat(const hcl::Expression& e, const Scope& scope);
  void emit(ModuleInstance& m, Document& doc);
  void warn(Span where, std::string code, std::string message);
  Value error_value(Span where, std::string message);  // warns, returns unknown

  const ModuleSet& modules_;
  const EvalOptions& options_;
  Diagnostics& diags_;
  std::unique_ptr<ModuleInstance> root_;
  std::map<std::string, Value, std::less<>> root_values_;  // tfvars and --var, by name
  size_t emitted_ = 0;
  std::vector<Value*> emitted_values_;  // arguments of doc.resources[k], moved in at the end
  size_t module_instances_ = 1;
  uint64_t steps_ = 0;
  bool out_of_steps_ = false;
  uint32_t call_depth_ = 0;
};

}  // namespace cc::terraform
