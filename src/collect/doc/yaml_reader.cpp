#include "collect/doc/yaml_reader.h"

#include <yaml.h>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "collect/doc/yaml_scalar.h"

namespace cc::collect {
namespace {

constexpr std::string_view kStdTagPrefix = "tag:yaml.org,2002:";

// Owns a libyaml parser and an event, releasing both on every path.
struct Parser {
  yaml_parser_t p{};
  Parser() { yaml_parser_initialize(&p); }
  ~Parser() { yaml_parser_delete(&p); }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
};
struct Event {
  yaml_event_t e{};
  bool live = false;
  ~Event() { reset(); }
  void reset() {
    if (live) yaml_event_delete(&e);
    live = false;
  }
};

std::string_view sv(const yaml_char_t* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view{};
}

// One open collection while building a document.
struct Frame {
  Value value;
  bool is_map = false;
  bool has_key = false;       // a key was read and waits for its value
  bool key_is_merge = false;  // that key is the merge key "<<"
  bool skip_value = false;    // the key was a collection; drop its value
  std::string pending_key;
  Span pending_key_span;
  std::string anchor;
  std::string local_tag;      // "!Ref" etc.: the finished node is wrapped in {tag: node}
  size_t nodes_at_start = 0;
};

// Counts of nodes per anchor, so an alias adds what it expands to.
struct Anchored {
  Value value;
  size_t nodes = 0;
};

class Builder {
 public:
  Builder(uint32_t file, const Limits& limits, Diagnostics& diags)
      : file_(file), limits_(limits), diags_(diags) {}

  Span span(const yaml_mark_t& m) const {
    return Span{file_, static_cast<uint32_t>(m.line + 1), static_cast<uint32_t>(m.column + 1)};
  }

  void error(std::string code, std::string message, Span s) {
    diags_.push_back(Diagnostic{DiagLevel::Error, std::move(code), std::move(message), s});
  }

  // Returns false when a limit stops the document.
  bool on_event(const yaml_event_t& e, std::vector<Value>& docs) {
    switch (e.type) {
      case YAML_DOCUMENT_START_EVENT:
        root_.reset();
        anchors_.clear();
        nodes_ = 0;
        return true;
      case YAML_DOCUMENT_END_EVENT:
        docs.push_back(root_ ? std::move(*root_) : Value::null(span(e.start_mark)));
        root_.reset();
        return true;
      case YAML_SCALAR_EVENT:
        return on_scalar(e);
      case YAML_SEQUENCE_START_EVENT:
      case YAML_MAPPING_START_EVENT: {
        if (stack_.size() >= limits_.max_depth) {
          error("limit.depth",
                fmt::format("nesting deeper than {} levels (raise --max-depth to read it)",
                            limits_.max_depth),
                span(e.start_mark));
          return false;
        }
        bool is_map = e.type == YAML_MAPPING_START_EVENT;
        const yaml_char_t* anchor = is_map ? e.data.mapping_start.anchor : e.data.sequence_start.anchor;
        const yaml_char_t* tag = is_map ? e.data.mapping_start.tag : e.data.sequence_start.tag;
        Frame f;
        f.is_map = is_map;
        f.value = is_map ? Value::map({}, span(e.start_mark)) : Value::list({}, span(e.start_mark));
        f.anchor = std::string(sv(anchor));
        f.nodes_at_start = nodes_;
        f.local_tag = std::string(local_tag(sv(tag)));
        stack_.push_back(std::move(f));
        return true;
      }
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT: {
        Frame f = std::move(stack_.back());
        stack_.pop_back();
        return complete(std::move(f.value), f.anchor, f.nodes_at_start, f.local_tag);
      }
      case YAML_ALIAS_EVENT: {
        auto it = anchors_.find(std::string(sv(e.data.alias.anchor)));
        if (it == anchors_.end()) {
          error("yaml.alias", fmt::format("alias *{} names no anchor", sv(e.data.alias.anchor)),
                span(e.start_mark));
          return false;
        }
        nodes_ += it->second.nodes;
        if (nodes_ > limits_.max_nodes) return node_limit(e);
        return place(Value(it->second.value));
      }
      default:
        return true;
    }
  }

 private:
  static std::string_view local_tag(std::string_view tag) {
    // "!" alone is the non-specific tag: the node keeps its ordinary type.
    if (tag.size() > 1 && tag[0] == '!' && tag.substr(0, 2) != "!!") return tag;
    return {};
  }

  bool node_limit(const yaml_event_t& e) {
    error("limit.nodes",
          fmt::format("document expands to more than {} nodes (alias expansion included)",
                      limits_.max_nodes),
          span(e.start_mark));
    return false;
  }

  bool on_scalar(const yaml_event_t& e) {
    ++nodes_;
    if (nodes_ > limits_.max_nodes) return node_limit(e);
    const auto& s = e.data.scalar;
    std::string_view text(reinterpret_cast<const char*>(s.value), s.length);
    Span sp = span(e.start_mark);
    // A scalar in key position is the key's text, untyped.
    if (!stack_.empty() && stack_.back().is_map && !stack_.back().has_key) {
      auto& f = stack_.back();
      f.pending_key = std::string(text);
      f.pending_key_span = sp;
      f.has_key = true;
      f.key_is_merge = text == "<<" && s.style == YAML_PLAIN_SCALAR_STYLE;
      return true;
    }
    std::string_view tag = sv(s.tag);
    Value v;
    if (!tag.empty() && tag.substr(0, kStdTagPrefix.size()) == kStdTagPrefix) {
      if (!resolve_tagged_scalar(tag, text, sp, v)) {
        diags_.push_back(Diagnostic{DiagLevel::Warning, "yaml.tag",
                                    fmt::format("'{}' is not a valid {}", text, tag), sp});
        v = Value::string(std::string(text), sp);
      }
    } else if (s.style == YAML_PLAIN_SCALAR_STYLE && (tag.empty() || tag == "!")) {
      v = tag == "!" ? Value::string(std::string(text), sp) : resolve_plain_scalar(text, sp);
    } else {
      v = Value::string(std::string(text), sp);
    }
    std::string_view lt = local_tag(tag);
    if (!lt.empty()) v = wrap(lt, std::move(v), sp);
    std::string anchor(sv(s.anchor));
    if (!anchor.empty()) anchors_[anchor] = Anchored{v, 1};
    return place(std::move(v));
  }

  static Value wrap(std::string_view tag, Value v, Span sp) {
    Map m;
    m.push_back(Member{std::string(tag), std::move(v), sp});
    return Value::map(std::move(m), sp);
  }

  bool complete(Value v, const std::string& anchor, size_t nodes_at_start, const std::string& tag) {
    ++nodes_;
    if (nodes_ > limits_.max_nodes) {
      error("limit.nodes", fmt::format("document has more than {} nodes", limits_.max_nodes),
            v.span());
      return false;
    }
    Span sp = v.span();
    if (!tag.empty()) v = wrap(tag, std::move(v), sp);
    if (!anchor.empty()) anchors_[anchor] = Anchored{v, nodes_ - nodes_at_start};
    return place(std::move(v));
  }

  // Puts a finished node into its parent (or makes it the document root).
  bool place(Value v) {
    if (stack_.empty()) {
      root_ = std::move(v);
      return true;
    }
    Frame& f = stack_.back();
    if (!f.is_map) {
      f.value.as_list().push_back(std::move(v));
      return true;
    }
    if (!f.has_key) {
      // A collection used as a mapping key: YAML allows it, our inputs never need it.
      diags_.push_back(Diagnostic{DiagLevel::Warning, "yaml.complex-key",
                                  "a collection used as a mapping key is ignored", v.span()});
      f.has_key = true;
      f.skip_value = true;
      return true;
    }
    f.has_key = false;
    if (f.skip_value) {
      f.skip_value = false;
      return true;
    }
    if (f.key_is_merge && (v.is_map() || v.is_list())) {
      merge(f.value, v);
      return true;
    }
    Map& m = f.value.as_map();
    for (auto& member : m) {
      if (member.key == f.pending_key) {
        diags_.push_back(Diagnostic{DiagLevel::Warning, "yaml.duplicate-key",
                                    fmt::format("duplicate key '{}': the last value is used",
                                                f.pending_key),
                                    f.pending_key_span});
        member.value = std::move(v);
        member.key_span = f.pending_key_span;
        return true;
      }
    }
    m.push_back(Member{std::move(f.pending_key), std::move(v), f.pending_key_span});
    return true;
  }

  // "<<: *base" and "<<: [*a, *b]": keys already present win, earlier sources win.
  static void merge(Value& target, const Value& source) {
    if (source.is_list()) {
      for (const auto& item : source.as_list()) merge(target, item);
      return;
    }
    if (!source.is_map()) return;
    for (const auto& member : source.as_map()) {
      if (!target.find(member.key)) target.as_map().push_back(member);
    }
  }

  uint32_t file_;
  const Limits& limits_;
  Diagnostics& diags_;
  std::vector<Frame> stack_;
  std::optional<Value> root_;
  std::map<std::string, Anchored> anchors_;
  size_t nodes_ = 0;
};

}  // namespace

bool parse_yaml(std::string_view text, uint32_t file, const Limits& requested,
                std::vector<Value>& docs, Diagnostics& diags) {
  Limits limits = requested;
  limits.max_depth = std::min(limits.max_depth, kMaxDepthCeiling);
  if (text.size() > limits.max_file_bytes) {
    diags.push_back(Diagnostic{DiagLevel::Error, "limit.size",
                               fmt::format("file is {} bytes, over the {} byte limit", text.size(),
                                           limits.max_file_bytes),
                               Span{file, 1, 1}});
    return false;
  }
  Parser parser;
  yaml_parser_set_input_string(&parser.p, reinterpret_cast<const unsigned char*>(text.data()),
                               text.size());
  Builder builder(file, limits, diags);
  Event event;
  for (;;) {
    event.reset();
    if (!yaml_parser_parse(&parser.p, &event.e)) {
      const auto& p = parser.p;
      std::string message = p.problem ? p.problem : "malformed YAML";
      if (p.context) message = fmt::format("{} {}", p.context, message);
      yaml_mark_t mark = p.problem_mark;
      diags.push_back(Diagnostic{DiagLevel::Error, "yaml.syntax", "YAML syntax error: " + message,
                                 Span{file, static_cast<uint32_t>(mark.line + 1),
                                      static_cast<uint32_t>(mark.column + 1)}});
      return false;
    }
    event.live = true;
    if (event.e.type == YAML_STREAM_END_EVENT) return true;
    if (!builder.on_event(event.e, docs)) return false;
  }
}

}  // namespace cc::collect
