#pragma once
// What compiled expressions pass around while evaluating. Most intermediate results
// point at a value that already exists (in the resource, in a constant of the
// expression) so that field access, comparison and logic never allocate; only values
// that have to be built (filter/map results, concatenations) are owned.
#include <array>
#include <cstdint>
#include <functional>
#include <string>

#include "core/value.h"
#include "rules/expr_checker.h"
#include "rules/tri.h"

namespace cc::rules {

// The deepest attribute of the resource, with a known source position, read while
// evaluating: a finding points there.
struct Trace {
  Span span;
  uint32_t depth = 0;
};

class Eval {
 public:
  enum class State : uint8_t { Ref, Own, Error };

  Eval() = default;
  // A value that outlives the evaluation step; `depth` > 0 when it is part of the
  // resource (its path length from `resource`).
  static Eval ref(const Value* v, uint32_t depth = 0) {
    Eval e;
    e.state_ = State::Ref;
    e.ref_ = v;
    e.depth_ = depth;
    return e;
  }
  static Eval own(Value v) {
    Eval e;
    e.own_ = std::move(v);
    return e;
  }
  static Eval boolean(bool b) { return own(Value::boolean(b)); }
  static Eval number(double d) { return own(Value::number(d)); }
  static Eval error(std::string reason) {
    Eval e;
    e.state_ = State::Error;
    e.error_ = std::move(reason);
    return e;
  }

  [[nodiscard]] const Value& value() const { return state_ == State::Ref ? *ref_ : own_; }
  [[nodiscard]] bool is_error() const { return state_ == State::Error; }
  [[nodiscard]] bool is_unknown() const { return !is_error() && value().is_unknown(); }
  // Unknown or error: neither true nor false.
  [[nodiscard]] bool undecided() const { return is_error() || value().is_unknown(); }
  [[nodiscard]] bool owned() const { return state_ == State::Own; }
  [[nodiscard]] uint32_t depth() const { return depth_; }
  [[nodiscard]] const std::string& error_reason() const { return error_; }
  // Why the result is undecided, for messages.
  [[nodiscard]] std::string reason() const {
    if (is_error()) return error_;
    if (value().is_unknown()) return value().as_unknown().reason;
    return {};
  }
  // A copy that no longer points into temporaries of the producer.
  [[nodiscard]] Eval detached() const {
    if (state_ != State::Ref) return *this;
    return own(*ref_);
  }

 private:
  State state_ = State::Own;
  uint32_t depth_ = 0;
  const Value* ref_ = nullptr;
  Value own_;
  std::string error_;
};

struct Binding {
  const Value* value = nullptr;
  uint32_t depth = 0;
};

struct Ctx {
  const Value* resource = nullptr;
  std::array<Binding, kMaxMacroVars> vars{};
  Trace* trace = nullptr;

  // Remembers `v` when it is the deepest positioned attribute read so far; ties go
  // to the later read, which in a short-circuiting macro is the deciding element.
  void note(const Value& v, uint32_t depth) {
    if (trace && depth > 0 && v.span().known() && depth >= trace->depth) {
      trace->span = v.span();
      trace->depth = depth;
    }
  }
};

using Fn = std::function<Eval(Ctx&)>;

// Truth of a logic operand: bool values are decided, unknown and errors are not;
// anything else is a type error, reported by `as_logic`.
inline Tri truth(const Eval& e) {
  if (e.is_error()) return Tri::Unknown;
  const Value& v = e.value();
  if (v.is_bool()) return tri(v.as_bool());
  return Tri::Unknown;
}

}  // namespace cc::rules
