#pragma once
// Where a value came from: an index into the scan's SourceTable plus a 1-based
// line and column. line == 0 means "no position" (computed or defaulted values).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cc {

struct Span {
  uint32_t file = 0;
  uint32_t line = 0;
  uint32_t col = 0;
  [[nodiscard]] bool known() const { return line != 0; }
  friend bool operator==(const Span&, const Span&) = default;
};

// Paths of every file a scan read. Index 0 is reserved for "no file" so that a
// default-constructed Span never points at a real file by accident.
class SourceTable {
 public:
  SourceTable() { paths_.emplace_back(""); }
  uint32_t add(std::string path) {
    paths_.push_back(std::move(path));
    return static_cast<uint32_t>(paths_.size() - 1);
  }
  [[nodiscard]] const std::string& path(uint32_t id) const {
    return id < paths_.size() ? paths_[id] : paths_[0];
  }
  [[nodiscard]] size_t size() const { return paths_.size(); }

 private:
  std::vector<std::string> paths_;
};

// Maps byte offsets of one buffer to line:column, for parsers that report offsets.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  // 1-based line and column (column counts bytes) of a byte offset.
  [[nodiscard]] std::pair<uint32_t, uint32_t> position(size_t offset) const;

 private:
  std::vector<size_t> starts_;
};

}  // namespace cc
