#pragma once
// The attribute tree every collector produces and every rule reads. Each node keeps
// the span it came from and its provenance: set in the source, filled from the
// platform's documented default, or unknown (unresolvable at scan time).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/span.h"

namespace cc {

enum class Provenance : uint8_t { Set, Default };

class Value;
struct Member;
using List = std::vector<Value>;
using Map = std::vector<Member>;  // keeps source order; maps here are small

// Why a value is unknown and, when it stands for another resource's attribute,
// which one ("MyBucket" or "MyBucket.Arn"), so adapters can still join resources.
// `shape` is set for a composed string whose unknown parts are only deployment facts
// (pseudo parameters, other resources' ids): "arn:${AWS::Partition}:iam::${AWS::AccountId}:root".
// Such a string names something specific and can never be a wildcard, which is often
// all a rule needs to know.
struct Unknown {
  std::string reason;
  std::string ref;
  std::string shape;
};

class Value {
 public:
  enum class Type : uint8_t { Null, Bool, Number, String, List, Map, Unknown };

  Value() = default;
  // Factories are defined below struct Member: clang needs Member complete before
  // anything that may destroy a Value is instantiated.
  static Value null(Span s = {});
  static Value boolean(bool b, Span s = {});
  static Value number(double d, Span s = {});
  static Value string(std::string str, Span s = {});
  static Value list();
  static Value list(List items, Span s = {});
  static Value map();
  static Value map(Map members, Span s = {});
  static Value unknown(std::string reason, Span s = {}, std::string ref = {},
                       std::string shape = {});

  [[nodiscard]] Type type() const { return static_cast<Type>(data_.index()); }
  [[nodiscard]] bool is_null() const { return type() == Type::Null; }
  [[nodiscard]] bool is_bool() const { return type() == Type::Bool; }
  [[nodiscard]] bool is_number() const { return type() == Type::Number; }
  [[nodiscard]] bool is_string() const { return type() == Type::String; }
  [[nodiscard]] bool is_list() const { return type() == Type::List; }
  [[nodiscard]] bool is_map() const { return type() == Type::Map; }
  [[nodiscard]] bool is_unknown() const { return type() == Type::Unknown; }
  // True if this value or anything inside it is unknown.
  [[nodiscard]] bool contains_unknown() const;

  [[nodiscard]] bool as_bool() const { return std::get<bool>(data_); }
  [[nodiscard]] double as_number() const { return std::get<double>(data_); }
  [[nodiscard]] const std::string& as_string() const { return std::get<std::string>(data_); }
  [[nodiscard]] const List& as_list() const { return std::get<List>(data_); }
  [[nodiscard]] List& as_list() { return std::get<List>(data_); }
  [[nodiscard]] const Map& as_map() const { return std::get<Map>(data_); }
  [[nodiscard]] Map& as_map() { return std::get<Map>(data_); }
  [[nodiscard]] const Unknown& as_unknown() const { return *std::get<std::shared_ptr<const Unknown>>(data_); }

  // Map member lookup; nullptr when this is not a map or the key is absent.
  [[nodiscard]] const Value* find(std::string_view key) const;
  [[nodiscard]] Value* find(std::string_view key);
  // Dotted path lookup ("encryption.enabled"); list elements by decimal index.
  [[nodiscard]] const Value* at_path(std::string_view dotted) const;
  // Sets (replacing) a member of a map; turns a null value into an empty map first.
  Value& set(std::string key, Value v);
  // Sets a dotted path, creating intermediate maps.
  Value& set_path(std::string_view dotted, Value v);
  bool erase(std::string_view key);

  [[nodiscard]] const Span& span() const { return span_; }
  void set_span(Span s) { span_ = s; }
  [[nodiscard]] Provenance provenance() const { return provenance_; }
  void set_provenance(Provenance p) { provenance_ = p; }

  // Truthiness used by adapters reading loosely typed sources ("true", "True", 1).
  [[nodiscard]] std::optional<bool> loose_bool() const;
  // Human-readable type name for diagnostics.
  [[nodiscard]] static const char* type_name(Type t);

  friend bool operator==(const Value& a, const Value& b);

 private:
  // An unknown is shared, never changed after it is made: it keeps Value small (its
  // three strings would otherwise more than double the size of every value).
  using Data = std::variant<std::monostate, bool, double, std::string, List, Map,
                            std::shared_ptr<const Unknown>>;
  template <class T>
  Value(T&& v, Span s) : data_(std::forward<T>(v)), span_(s) {}

  Data data_;
  Span span_;
  Provenance provenance_ = Provenance::Set;
};

struct Member {
  std::string key;
  Value value;
  Span key_span;
};

inline Value Value::null(Span s) { return Value(std::monostate{}, s); }
inline Value Value::boolean(bool b, Span s) { return Value(b, s); }
inline Value Value::number(double d, Span s) { return Value(d, s); }
inline Value Value::string(std::string str, Span s) { return Value(std::move(str), s); }
inline Value Value::list() { return Value(List{}, Span{}); }
inline Value Value::list(List items, Span s) { return Value(std::move(items), s); }
inline Value Value::map() { return Value(Map{}, Span{}); }
inline Value Value::map(Map members, Span s) { return Value(std::move(members), s); }
inline Value Value::unknown(std::string reason, Span s, std::string ref, std::string shape) {
  return Value(std::make_shared<const Unknown>(Unknown{std::move(reason), std::move(ref), std::move(shape)}), s);
}

}  // namespace cc
