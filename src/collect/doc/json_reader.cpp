#include "collect/doc/json_reader.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <cstring>
#include <optional>
#include <string>
#include <unordered_map>

namespace cc::collect {
namespace {

namespace od = simdjson::ondemand;

// Maps with more members than this look up duplicate keys through a hash index
// instead of a linear scan, so a huge object cannot make parsing quadratic.
constexpr size_t kLinearKeyScanLimit = 16;

// What a person should read for each simdjson failure.
const char* explain(simdjson::error_code code) {
  switch (code) {
    case simdjson::TAPE_ERROR:
      return "the structure is broken here (a missing comma, colon, bracket or quote?)";
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT:
      return "the text ends before every '{' or '[' is closed";
    case simdjson::STRING_ERROR:
      return "a string has an invalid escape sequence";
    case simdjson::T_ATOM_ERROR:
      return "expected 'true'";
    case simdjson::F_ATOM_ERROR:
      return "expected 'false'";
    case simdjson::N_ATOM_ERROR:
      return "expected 'null'";
    case simdjson::NUMBER_ERROR:
    case simdjson::NUMBER_OUT_OF_RANGE:
      return "this is not a valid JSON number";
    case simdjson::UTF8_ERROR:
      return "the text is not valid UTF-8";
    case simdjson::EMPTY:
      return "there is no JSON value in the file";
    case simdjson::UNESCAPED_CHARS:
      return "a string contains a raw control character (write it as \\n, \\t or \\u00XX)";
    case simdjson::UNCLOSED_STRING:
      return "a string is never closed (missing '\"')";
    case simdjson::TRAILING_CONTENT:
      return "there is more text after the end of the JSON value";
    case simdjson::INCORRECT_TYPE:
      return "this is not a JSON value (expected a string, number, object, array, true, false or "
             "null)";
    case simdjson::CAPACITY:
      return "the document is too large for the JSON parser";
    default:
      return simdjson::error_message(code);
  }
}

// Stage-one failures (bad UTF-8, an unclosed string, a raw control character) come
// without a position; these find the byte where the fault starts.
size_t locate_string_fault(std::string_view text, simdjson::error_code code) {
  bool in_string = false;
  size_t string_start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (!in_string) {
      if (c == '"') {
        in_string = true;
        string_start = i;
      }
      continue;
    }
    if (c == '\\') {
      ++i;
    } else if (c == '"') {
      in_string = false;
    } else if (code == simdjson::UNESCAPED_CHARS && static_cast<unsigned char>(c) < 0x20) {
      return i;
    }
  }
  return in_string ? string_start : text.size();
}

// The first invalid UTF-8 byte, found by bisecting with simdjson's validator. A
// prefix counts as valid when cutting it a few bytes later (finishing a multi-byte
// sequence) makes it valid, which keeps the predicate monotonic.
size_t locate_utf8_fault(std::string_view text) {
  auto valid_prefix = [&](size_t n) {
    for (size_t extra = 0; extra < 4 && n + extra <= text.size(); ++extra)
      if (simdjson::validate_utf8(text.data(), n + extra)) return true;
    return false;
  };
  size_t lo = 0, hi = text.size();  // valid_prefix(lo) holds; answer in [lo, hi]
  while (lo < hi) {
    size_t mid = lo + (hi - lo + 1) / 2;
    if (valid_prefix(mid)) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  // Step over the bytes of the last complete character so the span lands on the fault.
  while (lo < text.size() && simdjson::validate_utf8(text.data(), lo + 1)) ++lo;
  return lo;
}

// Line:column of token offsets. The builder asks in increasing offset order, so a
// cursor that counts newlines forward from the previous answer is cheaper than a
// binary search per value; an earlier offset (only in error reports) uses the index.
class ForwardPositions {
 public:
  explicit ForwardPositions(std::string_view text) : text_(text) {}

  std::pair<uint32_t, uint32_t> position(size_t offset) {
    if (offset < pos_) {
      if (!index_) index_.emplace(text_);
      return index_->position(offset);
    }
    const char* base = text_.data();
    const char* p = base + pos_;
    const char* end = base + offset;
    while (p < end) {
      const void* nl = std::memchr(p, '\n', static_cast<size_t>(end - p));
      if (!nl) break;
      p = static_cast<const char*>(nl) + 1;
      ++line_;
      line_start_ = static_cast<size_t>(p - base);
    }
    pos_ = offset;
    return {line_, static_cast<uint32_t>(offset - line_start_ + 1)};
  }

 private:
  std::string_view text_;
  std::optional<LineIndex> index_;  // built only when asked for an earlier offset
  size_t pos_ = 0;
  size_t line_start_ = 0;
  uint32_t line_ = 1;
};

class JsonBuilder {
 public:
  JsonBuilder(const simdjson::padded_string& buf, uint32_t file, const Limits& limits,
              Diagnostics& diags)
      : base_(buf.data()),
        size_(buf.size()),
        lines_(std::string_view(buf)),
        file_(file),
        limits_(limits),
        diags_(diags) {}

  bool build_document(od::document& doc, Value& out) {
    doc_ = &doc;
    od::json_type type;
    if (auto err = doc.type().get(type)) return fail(err, nullptr);
    bool scalar = false;
    if (auto err = doc.is_scalar().get(scalar)) return fail(err, nullptr);
    if (scalar) {
      if (!build_root_scalar(doc, type, out)) return false;
    } else {
      od::value root;
      if (auto err = doc.get_value().get(root)) return fail(err, nullptr);
      if (!build(root, 1, out)) return false;
    }
    // Once the root is consumed the iterator has no current location unless more
    // tokens follow.
    const char* rest = nullptr;
    if (!doc.current_location().get(rest)) {
      report_syntax(simdjson::TRAILING_CONTENT, rest);
      return false;
    }
    return true;
  }

  // Reports an error from simdjson's first stage, which has no position of its own.
  void stage_one_failure(simdjson::error_code code, std::string_view text) {
    size_t at = 0;
    if (code == simdjson::UTF8_ERROR) {
      at = locate_utf8_fault(text);
    } else if (code == simdjson::UNCLOSED_STRING || code == simdjson::UNESCAPED_CHARS) {
      at = locate_string_fault(text, code);
    }
    report_syntax(code, at < size_ ? base_ + at : nullptr);
  }

 private:
  Span span_at(const char* p) {
    if (!p || p < base_ || p > base_ + size_) return Span{file_, 1, 1};
    auto [line, col] = lines_.position(static_cast<size_t>(p - base_));
    return Span{file_, line, col};
  }

  bool count_node(const char* where) {
    if (++nodes_ <= limits_.max_nodes) return true;
    diags_.push_back(
        Diagnostic{DiagLevel::Error, "limit.nodes",
                   fmt::format("document has more than {} values (raise the node limit to read it)",
                               limits_.max_nodes),
                   span_at(where)});
    return false;
  }

  // A failure while walking the document. A fault inside one token (a bad escape, a
  // bad number) is best shown at that token; a structural one where simdjson stopped.
  bool fail(simdjson::error_code code, const char* token) {
    const char* where = nullptr;
    if (token && is_token_fault(code)) where = token;
    if (!where && doc_) {
      const char* loc = nullptr;
      if (!doc_->current_location().get(loc)) where = loc;
    }
    if (!where) where = token;
    if (code == simdjson::DEPTH_ERROR) return depth_error(where);
    report_syntax(code, where);
    return false;
  }

  static bool is_token_fault(simdjson::error_code code) {
    switch (code) {
      case simdjson::STRING_ERROR:
      case simdjson::NUMBER_ERROR:
      case simdjson::NUMBER_OUT_OF_RANGE:
      case simdjson::T_ATOM_ERROR:
      case simdjson::F_ATOM_ERROR:
      case simdjson::N_ATOM_ERROR:
      case simdjson::INCORRECT_TYPE:
        return true;
      default:
        return false;
    }
  }

  // True when the text stops in the middle of a document: some '{' or '[' is never
  // closed and nothing but the token at `p` and white space follows it.
  bool ends_inside_document(const char* p) const {
    const char* end = base_ + size_;
    if (p && p < end) {
      auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
      auto is_structural = [](char c) { return std::strchr("{}[],:", c) != nullptr; };
      if (is_structural(*p)) {
        ++p;
      } else {
        while (p < end && !is_space(*p) && !is_structural(*p)) ++p;
      }
      while (p < end && is_space(*p)) ++p;
      if (p != end) return false;
    }
    long open = 0;
    bool in_string = false;
    for (const char* c = base_; c < end; ++c) {
      if (in_string) {
        if (*c == '\\')
          ++c;
        else if (*c == '"')
          in_string = false;
      } else if (*c == '"') {
        in_string = true;
      } else if (*c == '{' || *c == '[') {
        ++open;
      } else if (*c == '}' || *c == ']') {
        --open;
      }
    }
    return open > 0;
  }

  const char* last_token() const {
    const char* p = base_ + size_;
    while (p > base_ && std::strchr(" \t\r\n", p[-1])) --p;
    return p > base_ ? p - 1 : base_;
  }

  void report_syntax(simdjson::error_code code, const char* where) {
    if (code != simdjson::EMPTY && code != simdjson::TRAILING_CONTENT &&
        code != simdjson::UNCLOSED_STRING && code != simdjson::UTF8_ERROR &&
        code != simdjson::UNESCAPED_CHARS && ends_inside_document(where)) {
      code = simdjson::INCOMPLETE_ARRAY_OR_OBJECT;
      where = last_token();
    }
    std::string near;
    if (where && where >= base_ && where < base_ + size_) {
      size_t avail = static_cast<size_t>(base_ + size_ - where);
      std::string_view snippet(where, std::min<size_t>(avail, 16));
      snippet = snippet.substr(0, snippet.find('\n'));
      std::string clean;
      for (char c : snippet) clean += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
      if (!clean.empty()) near = fmt::format(" near '{}'", clean);
    } else if (code != simdjson::EMPTY) {
      near = " at the end of the text";
    }
    // Without a position the fault is at the end of the text (an unfinished document).
    const char* at =
        where ? where : (size_ > 0 && code != simdjson::EMPTY ? base_ + size_ - 1 : base_);
    diags_.push_back(Diagnostic{DiagLevel::Error, "json.syntax",
                                fmt::format("invalid JSON{}: {}", near, explain(code)),
                                span_at(at)});
  }

  bool depth_error(const char* where) {
    diags_.push_back(
        Diagnostic{DiagLevel::Error, "limit.depth",
                   fmt::format("nesting deeper than {} levels (raise --max-depth to read it)",
                               limits_.max_depth),
                   span_at(where)});
    return false;
  }

  bool build(od::value v, uint32_t depth, Value& out) {
    const char* token = v.raw_json_token().data();
    if (!count_node(token)) return false;
    od::json_type type;
    if (auto err = v.type().get(type)) return fail(err, token);
    Span sp = span_at(token);
    switch (type) {
      case od::json_type::object:
        if (depth > limits_.max_depth) return depth_error(token);
        return build_object(v, sp, depth, out);
      case od::json_type::array:
        if (depth > limits_.max_depth) return depth_error(token);
        return build_array(v, sp, depth, out);
      case od::json_type::string: {
        std::string_view s;
        if (auto err = v.get_string().get(s)) return fail(err, token);
        out = Value::string(std::string(s), sp);
        return true;
      }
      case od::json_type::number: {
        double d = 0;
        if (auto err = v.get_double().get(d)) return fail(err, token);
        out = Value::number(d, sp);
        return true;
      }
      case od::json_type::boolean: {
        bool b = false;
        if (auto err = v.get_bool().get(b)) return fail(err, token);
        out = Value::boolean(b, sp);
        return true;
      }
      case od::json_type::null: {
        bool is_null = false;
        if (auto err = v.is_null().get(is_null)) return fail(err, token);
        if (!is_null) return fail(simdjson::N_ATOM_ERROR, token);
        out = Value::null(sp);
        return true;
      }
    }
    return fail(simdjson::TAPE_ERROR, token);
  }

  bool build_root_scalar(od::document& doc, od::json_type type, Value& out) {
    std::string_view raw;
    if (auto err = doc.raw_json_token().get(raw)) return fail(err, nullptr);
    const char* token = raw.data();
    if (!count_node(token)) return false;
    Span sp = span_at(token);
    switch (type) {
      case od::json_type::string: {
        std::string_view s;
        if (auto err = doc.get_string().get(s)) return fail(err, token);
        out = Value::string(std::string(s), sp);
        return true;
      }
      case od::json_type::number: {
        double d = 0;
        if (auto err = doc.get_double().get(d)) return fail(err, token);
        out = Value::number(d, sp);
        return true;
      }
      case od::json_type::boolean: {
        bool b = false;
        if (auto err = doc.get_bool().get(b)) return fail(err, token);
        out = Value::boolean(b, sp);
        return true;
      }
      case od::json_type::null: {
        bool is_null = false;
        if (auto err = doc.is_null().get(is_null)) return fail(err, token);
        if (!is_null) return fail(simdjson::N_ATOM_ERROR, token);
        out = Value::null(sp);
        return true;
      }
      default:
        return fail(simdjson::TAPE_ERROR, token);
    }
  }

  bool build_object(od::value& v, Span sp, uint32_t depth, Value& out) {
    od::object obj;
    if (auto err = v.get_object().get(obj)) return fail(err, nullptr);
    Map members;
    std::unordered_map<std::string, size_t> index;  // filled only for large maps
    for (auto field_result : obj) {
      od::field field;
      if (auto err = std::move(field_result).get(field)) return fail(err, nullptr);
      // The raw key points just past its opening quote.
      const char* key_token = field.key().raw() - 1;
      std::string_view key;
      if (auto err = field.unescaped_key().get(key)) return fail(err, key_token);
      Span key_span = span_at(key_token);
      Value child;
      if (!build(field.value(), depth + 1, child)) return false;

      size_t existing = find_member(members, index, key);
      if (existing != members.size()) {
        diags_.push_back(Diagnostic{
            DiagLevel::Warning, "json.duplicate_key",
            fmt::format("key '{}' appears more than once in this object (first at line {}); "
                        "the last one is used",
                        key, members[existing].key_span.line),
            key_span});
        members[existing].value = std::move(child);
        members[existing].key_span = key_span;
        continue;
      }
      members.push_back(Member{std::string(key), std::move(child), key_span});
      if (members.size() > kLinearKeyScanLimit) {
        if (index.empty())
          for (size_t i = 0; i < members.size(); ++i) index.emplace(members[i].key, i);
        else
          index.emplace(members.back().key, members.size() - 1);
      }
    }
    out = Value::map(std::move(members), sp);
    return true;
  }

  static size_t find_member(const Map& members,
                            const std::unordered_map<std::string, size_t>& index,
                            std::string_view key) {
    if (members.size() <= kLinearKeyScanLimit) {
      for (size_t i = 0; i < members.size(); ++i)
        if (members[i].key == key) return i;
      return members.size();
    }
    auto it = index.find(std::string(key));
    return it == index.end() ? members.size() : it->second;
  }

  bool build_array(od::value& v, Span sp, uint32_t depth, Value& out) {
    od::array arr;
    if (auto err = v.get_array().get(arr)) return fail(err, nullptr);
    List items;
    for (auto element : arr) {
      od::value item;
      if (auto err = std::move(element).get(item)) return fail(err, nullptr);
      Value child;
      if (!build(item, depth + 1, child)) return false;
      items.push_back(std::move(child));
    }
    out = Value::list(std::move(items), sp);
    return true;
  }

  const char* base_;
  size_t size_;
  ForwardPositions lines_;
  uint32_t file_;
  const Limits& limits_;
  Diagnostics& diags_;
  od::document* doc_ = nullptr;
  size_t nodes_ = 0;
};

}  // namespace

bool parse_json(std::string_view text, uint32_t file, const Limits& requested, Value& out,
                Diagnostics& diags) {
  Limits limits = requested;
  limits.max_depth = std::min(limits.max_depth, kMaxDepthCeiling);
  if (text.size() > limits.max_file_bytes) {
    diags.push_back(Diagnostic{
        DiagLevel::Error, "limit.size",
        fmt::format("file is {} bytes, over the {} byte limit", text.size(), limits.max_file_bytes),
        Span{file, 1, 1}});
    return false;
  }
  // One parser per thread keeps its buffers between files instead of reallocating.
  thread_local od::parser parser;
  // simdjson's own depth check must never fire before ours does.
  size_t wanted_depth = static_cast<size_t>(limits.max_depth) + 2;
  if (parser.max_depth() < wanted_depth || parser.capacity() < text.size()) {
    size_t capacity = std::max(parser.capacity(), text.size());
    if (parser.allocate(capacity, std::max(parser.max_depth(), wanted_depth)) !=
        simdjson::SUCCESS) {
      diags.push_back(Diagnostic{DiagLevel::Error, "json.memory",
                                 "not enough memory to parse this JSON file", Span{file, 1, 1}});
      return false;
    }
  }

  simdjson::padded_string buf(text);
  JsonBuilder builder(buf, file, limits, diags);
  od::document doc;
  if (auto err = parser.iterate(buf).get(doc)) {
    builder.stage_one_failure(err, text);
    return false;
  }
  return builder.build_document(doc, out);
}

}  // namespace cc::collect
