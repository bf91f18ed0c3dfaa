#include "catalog/json_file.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace cc::catalog {

std::optional<JsonFile> JsonFile::open(const std::filesystem::path& path, SourceTable& sources,
                                       Diagnostics& diags) {
  return open(path, sources.add(path.string()), diags);
}

std::string read_prefix(const std::filesystem::path& path, size_t limit) {
  std::ifstream in(path, std::ios::binary);
  std::string text(limit, '\0');
  in.read(text.data(), static_cast<std::streamsize>(limit));
  text.resize(in ? limit : static_cast<size_t>(std::max<std::streamsize>(in.gcount(), 0)));
  return text;
}

std::optional<JsonFile> JsonFile::open(const std::filesystem::path& path, uint32_t file,
                                       Diagnostics& diags) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  if (in) buffer << in.rdbuf();
  if (!in) {
    diags.push_back({DiagLevel::Error, "catalog.io", "cannot read catalog file", Span{file, 1, 1}});
    return std::nullopt;
  }
  JsonFile json(path.string(), std::move(buffer).str(), file);
  // Parse errors are the only exceptions nlohmann raises here; a malformed data file is
  // rare and never on a hot path, and the exception carries the byte position we need.
  try {
    json.root_ = nlohmann::json::parse(json.text_);
  } catch (const nlohmann::json::parse_error& e) {
    size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    auto [line, col] = LineIndex(json.text_).position(std::min(offset, json.text_.size()));
    std::string message = e.what();
    // nlohmann prefixes "[json.exception.parse_error.101] parse error at line 1, column 2: ";
    // the position is in the span already, so keep only the reason.
    if (auto colon = message.find(": "); colon != std::string::npos) message.erase(0, colon + 2);
    diags.push_back({DiagLevel::Error, "catalog.json-syntax", "invalid JSON: " + message,
                     Span{file, line, col}});
    return std::nullopt;
  }
  return json;
}

Span JsonFile::locate(std::string_view needle) const {
  std::string quoted = fmt::format("\"{}\"", needle);
  size_t at = needle.empty() ? std::string::npos : text_.find(quoted);
  if (at == std::string::npos) return Span{file_, 1, 1};
  auto [line, col] = LineIndex(text_).position(at);
  return Span{file_, line, col};
}

void JsonFile::report(Diagnostics& diags, DiagLevel level, std::string code, std::string message,
                      std::string_view near) const {
  diags.push_back({level, std::move(code), std::move(message), locate(near)});
}

const nlohmann::json* member(const nlohmann::json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

std::string_view string_member(const nlohmann::json& object, std::string_view key) {
  const nlohmann::json* value = member(object, key);
  if (value == nullptr || !value->is_string()) return {};
  return value->get_ref<const std::string&>();
}

}  // namespace cc::catalog
