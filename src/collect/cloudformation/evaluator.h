#pragma once
// Evaluates CloudFormation intrinsic functions over one template whose short forms
// are already normalised. Results keep the span of the node they replace; anything
// not knowable before deployment is an unknown value carrying what it refers to.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "collect/cloudformation/cloudformation.h"

namespace cc::collect::cfn {

// Result of evaluating a node: a value, or nothing when the node is (or resolves to)
// AWS::NoValue, which removes the property or list element that holds it.
using Evaluated = std::optional<Value>;

class Evaluator {
 public:
  // Far above any real template's nesting, far below what would exhaust the stack.
  static constexpr uint32_t kMaxDepth = 512;

  Evaluator(const Value& doc, uint32_t file, const CfnOptions& options, Diagnostics& diags);

  // Evaluates every intrinsic inside `node`.
  Evaluated eval(const Value& node);
  // A named condition of the Conditions section: a boolean, or unknown.
  Value condition(std::string_view name, Span where);
  [[nodiscard]] bool is_resource(std::string_view logical_id) const;

 private:
  using Handler = Evaluated (Evaluator::*)(const Value& arg, Span at);
  struct Intrinsic {
    std::string_view name;
    Handler handler;
  };
  static const Intrinsic* find_intrinsic(std::string_view name);

  Evaluated eval_map(const Value& node);
  Evaluated eval_list(const Value& node);
  // Evaluates an argument where a value is required (AWS::NoValue is an error there).
  Value eval_required(const Value& node, std::string_view function);

  // references (evaluator.cpp)
  Evaluated fn_ref(const Value& arg, Span at);
  Evaluated fn_get_att(const Value& arg, Span at);
  Evaluated fn_if(const Value& arg, Span at);
  Value resolve_name(std::string_view name, Span at);
  Value pseudo_parameter(std::string_view name, Span at, bool& removes);

  // parameters (parameters.cpp)
  Value parameter(std::string_view name, Span at);
  Value typed_parameter(std::string_view name, const std::string& type, const Value& raw, Span at);

  // Fn::Sub (sub.cpp)
  Evaluated fn_sub(const Value& arg, Span at);

  // conditions (conditions.cpp)
  Evaluated fn_equals(const Value& arg, Span at);
  Evaluated fn_and(const Value& arg, Span at);
  Evaluated fn_or(const Value& arg, Span at);
  Evaluated fn_not(const Value& arg, Span at);
  Evaluated fn_condition(const Value& arg, Span at);
  // Evaluates a condition operand to bool or unknown.
  Value condition_operand(const Value& node, std::string_view function);
  Evaluated fn_and_or(const Value& arg, Span at, bool is_and);

  // the other functions (functions.cpp)
  Evaluated fn_join(const Value& arg, Span at);
  Evaluated fn_select(const Value& arg, Span at);
  Evaluated fn_split(const Value& arg, Span at);
  Evaluated fn_find_in_map(const Value& arg, Span at);
  Evaluated fn_base64(const Value& arg, Span at);
  Evaluated fn_cidr(const Value& arg, Span at);
  Evaluated fn_get_azs(const Value& arg, Span at);
  Evaluated fn_import_value(const Value& arg, Span at);
  Evaluated fn_length(const Value& arg, Span at);
  Evaluated fn_to_json_string(const Value& arg, Span at);
  Evaluated fn_transform(const Value& arg, Span at);
  Evaluated fn_unsupported(const Value& arg, Span at);

  // `at`, or at least the template's file when the node has no position (built, not read).
  [[nodiscard]] Span located(Span at) const;
  // True (with one diagnostic per template) once nesting passes kMaxDepth.
  bool too_deep(Span at);
  // A malformed intrinsic: an error diagnostic and an unknown value.
  Value malformed(Span at, std::string_view function, std::string_view problem);
  void warn(Span at, std::string code, std::string message);

  const Value* parameters_ = nullptr;
  const Value* mappings_ = nullptr;
  const Value* conditions_ = nullptr;
  const Value* resources_ = nullptr;
  uint32_t file_;
  const CfnOptions& options_;
  Diagnostics& diags_;

  enum class State : uint8_t { InProgress, Done };
  struct ConditionSlot {
    State state = State::InProgress;
    Value value;
  };
  std::map<std::string, ConditionSlot, std::less<>> condition_cache_;
  std::map<std::string, Value, std::less<>> parameter_cache_;
  // Nesting of eval() calls; bounds recursion on trees not built by our readers and
  // on long chains of conditions naming conditions.
  uint32_t depth_ = 0;
  bool depth_reported_ = false;
};

class DepthGuard {
 public:
  explicit DepthGuard(uint32_t& depth) : depth_(depth) { ++depth_; }
  ~DepthGuard() { --depth_; }
  DepthGuard(const DepthGuard&) = delete;
  DepthGuard& operator=(const DepthGuard&) = delete;

 private:
  uint32_t& depth_;
};

// Text of a scalar as CloudFormation would substitute it; nullopt for lists, maps,
// null and unknown values.
std::optional<std::string> scalar_text(const Value& v);

// Every CIDR block Fn::Cidr yields, or an error message.
bool cidr_subnets(std::string_view block, long count, long host_bits, std::vector<std::string>& out,
                  std::string& error);

}  // namespace cc::collect::cfn
