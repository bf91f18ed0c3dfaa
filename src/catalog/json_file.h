#pragma once
// One catalog data file: its text, its parsed JSON, and a way to give diagnostics a
// file:line:col. nlohmann::json keeps no positions, so a problem found after parsing is
// placed at the first occurrence of a quoted string that names the faulty entry.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.h"
#include "core/span.h"

namespace cc::catalog {

class JsonFile {
 public:
  // Reads and parses `path`; on failure adds a diagnostic and returns nullopt.
  static std::optional<JsonFile> open(const std::filesystem::path& path, SourceTable& sources,
                                      Diagnostics& diags);
  // The same for a path already registered as `file`.
  static std::optional<JsonFile> open(const std::filesystem::path& path, uint32_t file,
                                      Diagnostics& diags);

  [[nodiscard]] const nlohmann::json& root() const { return root_; }
  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] uint32_t file() const { return file_; }

  // Position of the first `"needle"` in the text; the file's first line when absent.
  [[nodiscard]] Span locate(std::string_view needle) const;

  void report(Diagnostics& diags, DiagLevel level, std::string code, std::string message,
              std::string_view near) const;

 private:
  JsonFile(std::string path, std::string text, uint32_t file)
      : path_(std::move(path)), text_(std::move(text)), file_(file) {}

  std::string path_;
  std::string text_;
  uint32_t file_ = 0;
  nlohmann::json root_;
};

// Up to `limit` bytes from the start of `path`; empty when it cannot be read.
std::string read_prefix(const std::filesystem::path& path, size_t limit);

// Small accessors that never throw on a wrong type: they return nullptr or an empty view.
const nlohmann::json* member(const nlohmann::json& object, std::string_view key);
std::string_view string_member(const nlohmann::json& object, std::string_view key);

}  // namespace cc::catalog
