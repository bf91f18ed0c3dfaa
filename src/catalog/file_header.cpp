#include "catalog/file_header.h"

#include <nlohmann/json.hpp>
#include <vector>

namespace cc::catalog {
namespace {

using nlohmann::json;

// A SAX reader that keeps track of where it is (the keys from the root) and stops as soon
// as the header it looks for is complete, so the body of a file is never parsed here.
class HeaderSax : public nlohmann::json_sax<json> {
 public:
  bool null() override { return true; }
  bool boolean(bool /*value*/) override { return true; }
  bool number_integer(number_integer_t /*value*/) override { return true; }
  bool number_unsigned(number_unsigned_t /*value*/) override { return true; }
  bool number_float(number_float_t /*value*/, const string_t& /*text*/) override { return true; }
  bool binary(binary_t& /*value*/) override { return true; }
  bool string(string_t& value) override { return on_string(value); }
  bool start_object(std::size_t /*size*/) override {
    push(false);
    return true;
  }
  bool end_object() override {
    bool go_on = on_end_object();
    stack_.pop_back();
    return go_on;
  }
  bool start_array(std::size_t /*size*/) override {
    push(true);
    return true;
  }
  bool end_array() override {
    stack_.pop_back();
    return true;
  }
  bool key(string_t& value) override {
    key_ = value;
    return on_key();
  }
  bool parse_error(std::size_t /*position*/, const std::string& /*token*/,
                   const nlohmann::detail::exception& /*error*/) override {
    return false;
  }

  HeaderSax() = default;
  HeaderSax(const HeaderSax&) = delete;
  HeaderSax& operator=(const HeaderSax&) = delete;
  HeaderSax(HeaderSax&&) = delete;
  HeaderSax& operator=(HeaderSax&&) = delete;
  ~HeaderSax() override = default;

 protected:
  // True when the containers entered so far are exactly `keys` below the root object;
  // "[]" stands for an element of an array.
  [[nodiscard]] bool inside(std::initializer_list<std::string_view> keys) const {
    if (stack_.size() != keys.size() + 1) return false;
    size_t i = 1;
    for (std::string_view k : keys) {
      if (stack_[i++].key != k) return false;
    }
    return true;
  }
  [[nodiscard]] const std::string& current_key() const { return key_; }

  virtual bool on_string(const std::string& /*value*/) { return true; }
  virtual bool on_key() { return true; }
  virtual bool on_end_object() { return true; }
  virtual void on_start_object() {}

 private:
  struct Frame {
    bool array;
    std::string key;  // the key this container sits under, "[]" inside an array
  };
  void push(bool array) {
    bool in_array = !stack_.empty() && stack_.back().array;
    stack_.push_back(Frame{array, in_array ? std::string("[]") : key_});
    key_.clear();
    if (!array) on_start_object();
  }

  std::vector<Frame> stack_;
  std::string key_;
};

class CatalogHeaderSax final : public HeaderSax {
 public:
  CatalogHeader header;
  bool complete = false;

 private:
  bool on_string(const std::string& value) override {
    if (inside({"catalog", "metadata"})) {
      if (current_key() == "title") header.title = value;
      if (current_key() == "version") header.version = value;
    } else if (inside({"catalog", "metadata", "props", "[]"})) {
      if (current_key() == "name") prop_name_ = value;
      if (current_key() == "value") prop_value_ = value;
    }
    return true;
  }
  void on_start_object() override {
    prop_name_.clear();
    prop_value_.clear();
  }
  bool on_end_object() override {
    if (inside({"catalog", "metadata", "props", "[]"}) && prop_name_ == "framework-id") {
      header.framework_id = prop_value_;
    }
    if (inside({"catalog", "metadata"})) {
      complete = true;
      return false;  // the rest of the file is the body
    }
    return true;
  }

  std::string prop_name_;
  std::string prop_value_;
};

class MappingHeaderSax final : public HeaderSax {
 public:
  MappingHeader header;
  bool complete = false;

 private:
  bool on_string(const std::string& value) override {
    if (inside({"mapping-collection"})) {
      if (current_key() == "from-framework") header.from_framework = value;
      if (current_key() == "to-framework") header.to_framework = value;
    }
    return true;
  }
  bool on_key() override {
    if (inside({"mapping-collection"}) && current_key() == "links") {
      complete = true;
      return false;  // the links are the body
    }
    return true;
  }
};

template <class Sax>
bool run(std::string_view text, Sax& sax) {
  // sax_parse reports a stop requested by the handler as false, like a syntax error;
  // `complete` tells the two apart.
  json::sax_parse(text.begin(), text.end(), &sax, json::input_format_t::json, false);
  return sax.complete;
}

}  // namespace

std::optional<CatalogHeader> read_catalog_header(std::string_view text) {
  CatalogHeaderSax sax;
  if (!run(text, sax) || sax.header.framework_id.empty()) return std::nullopt;
  return std::move(sax.header);
}

std::optional<MappingHeader> read_mapping_header(std::string_view text) {
  MappingHeaderSax sax;
  if (!run(text, sax) || sax.header.from_framework.empty() || sax.header.to_framework.empty()) {
    return std::nullopt;
  }
  return std::move(sax.header);
}

}  // namespace cc::catalog
