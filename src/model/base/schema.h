#pragma once
// The schema of each canonical kind, loaded from schemas/*.yaml: field names, types,
// documented defaults and one line of documentation each. Adapters fill resources to
// it, apply_defaults() fills what the source left unset, and the rule checker rejects
// field paths a kind does not have.
//
// Schema file format (YAML):
//   kind: aws.s3.bucket              # or omit `kind` for a file holding only `types`
//   provider: aws
//   doc: One line about the kind.
//   types:                           # named object types, global across files
//     iam.statement: {fields: {...}}
//   fields:
//     name: {type: string, doc: ...}
//     encryption:
//       type: object
//       doc: ...
//       fields:
//         enabled: {type: bool, default: false, doc: ...}
//     tags: {type: map<string>, doc: ...}
//     statements: {type: list<iam.statement>, doc: ...}
// Type expressions: any, bool, number, string, object (with `fields`), list<T>,
// map<T> (string keys), or the name of a type declared under `types`.
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/value.h"

namespace cc::model {

struct Type;

struct Field {
  std::string name;
  std::shared_ptr<const Type> type;
  std::optional<Value> default_value;  // the platform's documented default, if any
  std::string doc;
};

struct Type {
  enum class Kind : uint8_t { Any, Bool, Number, String, List, Map, Object };
  Kind kind = Kind::Any;
  std::string name;                       // named object types and for messages
  std::shared_ptr<const Type> element;    // List and Map element type
  std::vector<Field> fields;              // Object fields, in schema order
  [[nodiscard]] const Field* field(std::string_view n) const;
  // "list<iam.statement>", "bool", ...
  [[nodiscard]] std::string describe() const;
};

struct KindSchema {
  std::string kind;
  std::string provider;
  std::string doc;
  std::shared_ptr<const Type> type;  // an Object type
};

class SchemaRegistry {
 public:
  // Loads every *.yaml under `dir`. Errors (bad type names, duplicate kinds) are
  // diagnostics; returns false if any error occurred.
  bool load_dir(const std::filesystem::path& dir, SourceTable& sources, Diagnostics& diags);
  // Loads one schema file from text (used by tests).
  bool load_text(std::string_view text, uint32_t file, Diagnostics& diags);
  // Resolves named types referenced before their declaration; call after loading.
  bool finish(Diagnostics& diags);

  [[nodiscard]] const KindSchema* find(std::string_view kind) const;
  [[nodiscard]] std::vector<const KindSchema*> all() const;

 private:
  std::map<std::string, KindSchema, std::less<>> kinds_;
  std::map<std::string, std::shared_ptr<Type>, std::less<>> named_;
  std::vector<std::pair<std::shared_ptr<const Type>*, std::string>> pending_;  // unresolved names
  std::vector<std::shared_ptr<Type>> dropped_;  // rejected duplicate declarations
  friend struct SchemaParser;
};

// Fills fields the adapter left absent with their documented defaults, marked
// Provenance::Default, recursing into objects (and objects inside lists).
void apply_defaults(const Type& type, Value& v);

// True for kinds that name a source type directly ("cfn:AWS::S3::Bucket",
// "k8s:apps/v1/Deployment"); they have no schema and any field path is allowed.
bool is_raw_kind(std::string_view kind);

}  // namespace cc::model
