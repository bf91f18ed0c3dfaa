// yamlencode() and yamldecode(). Encoding drives libyaml's emitter with the styles
// Terraform's encoder uses: block collections, every string double-quoted (keys too),
// numbers, bools and null plain, keys sorted.
#include <fmt/format.h>
#include <yaml.h>

#include <algorithm>

#include "collect/doc/yaml_reader.h"
#include "collect/tffunc/internal.h"

namespace cc::terraform::detail {
namespace {

// Owns a libyaml emitter; not movable because libyaml keeps pointers into it.
class Emitter {
 public:
  Emitter() {
    initialized_ = yaml_emitter_initialize(&emitter_) != 0;
    ok_ = initialized_;
    if (!ok_) return;
    yaml_emitter_set_output(&emitter_, &Emitter::write, &out_);
    yaml_emitter_set_unicode(&emitter_, 1);
  }
  ~Emitter() {
    if (initialized_) yaml_emitter_delete(&emitter_);
  }
  Emitter(const Emitter&) = delete;
  Emitter& operator=(const Emitter&) = delete;

  bool value(const Value& v, int depth) {
    if (!ok_ || depth > kMaxDepth) return false;
    yaml_event_t ev;
    switch (v.type()) {
      case Value::Type::Null:
        return plain("null");
      case Value::Type::Bool:
        return plain(v.as_bool() ? "true" : "false");
      case Value::Type::Number:
        return plain(format_number(v.as_number()));
      case Value::Type::String:
        return quoted(v.as_string());
      case Value::Type::List:
        yaml_sequence_start_event_initialize(
            &ev, nullptr, nullptr, 1,
            v.as_list().empty() ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE);
        if (!emit(ev)) return false;
        for (const auto& e : v.as_list())
          if (!value(e, depth + 1)) return false;
        yaml_sequence_end_event_initialize(&ev);
        return emit(ev);
      case Value::Type::Map: {
        yaml_mapping_start_event_initialize(
            &ev, nullptr, nullptr, 1,
            v.as_map().empty() ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE);
        if (!emit(ev)) return false;
        std::vector<const Member*> members;
        for (const auto& m : v.as_map()) members.push_back(&m);
        std::sort(members.begin(), members.end(),
                  [](const Member* a, const Member* b) { return a->key < b->key; });
        for (const Member* m : members)
          if (!quoted(m->key) || !value(m->value, depth + 1)) return false;
        yaml_mapping_end_event_initialize(&ev);
        return emit(ev);
      }
      case Value::Type::Unknown:
        return false;
    }
    return false;
  }

  std::optional<std::string> document(const Value& v) {
    yaml_event_t ev;
    yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
    if (!emit(ev)) return std::nullopt;
    yaml_document_start_event_initialize(&ev, nullptr, nullptr, nullptr, 1);
    if (!emit(ev) || !value(v, 0)) return std::nullopt;
    yaml_document_end_event_initialize(&ev, 1);
    if (!emit(ev)) return std::nullopt;
    yaml_stream_end_event_initialize(&ev);
    if (!emit(ev) || yaml_emitter_flush(&emitter_) == 0) return std::nullopt;
    // Terraform's emitter closes a document whose whole content is one plain scalar
    // with an explicit end marker; the C emitter does not, so it is added here.
    if (v.is_null() || v.is_bool() || v.is_number()) out_ += "...\n";
    return std::move(out_);
  }

 private:
  static int write(void* data, unsigned char* buffer, size_t size) {
    auto* out = static_cast<std::string*>(data);
    if (out->size() + size > kMaxStringBytes) return 0;
    out->append(reinterpret_cast<const char*>(buffer), size);
    return 1;
  }

  bool emit(yaml_event_t& ev) {
    ok_ = ok_ && yaml_emitter_emit(&emitter_, &ev) != 0;
    return ok_;
  }

  bool scalar(std::string_view text, bool is_plain, yaml_scalar_style_t style) {
    yaml_event_t ev;
    yaml_scalar_event_initialize(&ev, nullptr, nullptr,
                                 reinterpret_cast<const yaml_char_t*>(text.data()),
                                 static_cast<int>(text.size()), is_plain, !is_plain, style);
    return emit(ev);
  }
  bool plain(std::string_view text) { return scalar(text, true, YAML_PLAIN_SCALAR_STYLE); }
  bool quoted(std::string_view text) {
    // Multi-line text reads best as a literal block, as Terraform writes it.
    bool multiline = text.find('\n') != std::string_view::npos;
    return scalar(text, false,
                  multiline ? YAML_LITERAL_SCALAR_STYLE : YAML_DOUBLE_QUOTED_SCALAR_STYLE);
  }

  yaml_emitter_t emitter_{};
  std::string out_;
  bool ok_ = false;
  bool initialized_ = false;
};

Outcome fn_yamlencode(Call& c) {
  Emitter e;
  auto text = e.document(c.args[0]);
  if (!text) return fail(c, "the value cannot be encoded (too large or nested too deeply)");
  return Value::string(std::move(*text));
}

Outcome fn_yamldecode(Call& c) {
  auto text = arg_string(c, 0);
  if (!text) return forward(text);
  std::vector<Value> docs;
  Diagnostics diags;
  collect::Limits limits;
  limits.max_file_bytes = kMaxStringBytes;
  limits.max_nodes = kMaxElements;
  if (!collect::parse_yaml(*text, 0, limits, docs, diags)) {
    std::string why = diags.empty() ? "invalid YAML" : diags.front().message;
    return fail(c, fmt::format("invalid YAML: {}", why));
  }
  if (docs.size() > 1) return fail(c, "the text holds more than one YAML document");
  if (docs.empty()) return Value::null();
  set_spans(docs[0], c.args[0].span());
  return std::move(docs[0]);
}

constexpr FunctionSpec kFunctions[] = {
    {"yamldecode", fn_yamldecode, 1, 1},
    {"yamlencode", fn_yamlencode, 1, 1},
};

}  // namespace

std::span<const FunctionSpec> yaml_functions() { return kFunctions; }

}  // namespace cc::terraform::detail
