#include "model/base/terraform.h"

#include <charconv>

namespace cc::model::tf {

std::string kind(std::string_view type) { return "tf:" + std::string(type); }
std::string data_kind(std::string_view type) { return "tf:data." + std::string(type); }

bool is_type(const Resource& raw, std::string_view type) {
  return raw.kind.size() == type.size() + 3 && raw.kind.compare(0, 3, "tf:") == 0 &&
         raw.kind.compare(3, std::string::npos, type) == 0;
}

bool is_data(const Resource& raw, std::string_view type) {
  return raw.kind.size() == type.size() + 8 && raw.kind.compare(0, 8, "tf:data.") == 0 &&
         raw.kind.compare(8, std::string::npos, type) == 0;
}

const std::vector<const Resource*>& resources_of_type(const AdaptContext& ctx,
                                                      std::string_view type) {
  return ctx.of_kind(kind(type));
}

namespace {

const Value* step(const Value* v, std::string_view name) {
  // A block is a list of maps: a named step through a list reads its first element.
  while (v && v->is_list()) v = v->as_list().empty() ? nullptr : &v->as_list().front();
  if (!v || v->is_unknown()) return v;
  if (v->is_map()) return v->find(name);
  return nullptr;
}

}  // namespace

const Value* attr(const Resource& raw, std::string_view dotted) {
  const Value* v = &raw.attributes;
  while (!dotted.empty()) {
    size_t dot = dotted.find('.');
    std::string_view part = dotted.substr(0, dot);
    dotted = dot == std::string_view::npos ? std::string_view{} : dotted.substr(dot + 1);
    if (v->is_unknown()) return v;
    size_t index = 0;
    auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), index);
    if (v->is_list() && ec == std::errc{} && end == part.data() + part.size()) {
      v = index < v->as_list().size() ? &v->as_list()[index] : nullptr;
    } else {
      v = step(v, part);
    }
    if (!v) return nullptr;
  }
  return v;
}

std::vector<const Value*> blocks(const Value* v) {
  std::vector<const Value*> out;
  if (!v || v->is_null()) return out;
  if (v->is_list()) {
    for (const auto& e : v->as_list())
      if (!e.is_null()) out.push_back(&e);
  } else {
    out.push_back(v);
  }
  return out;
}

std::vector<const Value*> blocks(const Resource& raw, std::string_view name) {
  return blocks(raw.attributes.find(name));
}

const Value* first_block(const Resource& raw, std::string_view name) {
  auto all = blocks(raw, name);
  return all.empty() ? nullptr : all.front();
}

std::string_view ref_of(const Value& v) {
  return v.is_unknown() ? std::string_view(v.as_unknown().ref) : std::string_view{};
}

namespace {

// Positions of the '.' separators of a reference, skipping those inside brackets and
// quotes (`aws_s3_bucket.b["a.b"].arn` has two).
std::vector<size_t> top_level_dots(std::string_view ref) {
  std::vector<size_t> dots;
  bool quoted = false;
  int depth = 0;
  for (size_t i = 0; i < ref.size(); ++i) {
    char c = ref[i];
    if (quoted) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        quoted = false;
    } else if (c == '"') {
      quoted = true;
    } else if (c == '[') {
      ++depth;
    } else if (c == ']') {
      --depth;
    } else if (c == '.' && depth == 0) {
      dots.push_back(i);
    }
  }
  return dots;
}

// Position of the '.' that starts the attribute part.
size_t attribute_dot(std::string_view ref) {
  std::vector<size_t> dots = top_level_dots(ref);
  return dots.empty() ? std::string_view::npos : dots.back();
}

// End of the resource address at the start of a reference:
// [module.NAME[KEY].]*[data.]TYPE.NAME[KEY]
size_t address_end(std::string_view ref) {
  std::vector<size_t> dots = top_level_dots(ref);
  dots.push_back(ref.size());
  size_t part = 0;
  auto part_text = [&](size_t k) {
    size_t b = k == 0 ? 0 : dots[k - 1] + 1;
    std::string_view t = ref.substr(b, dots[k] - b);
    size_t br = t.find('[');
    return br == std::string_view::npos ? t : t.substr(0, br);
  };
  while (part + 1 < dots.size() && part_text(part) == "module") part += 2;
  if (part < dots.size() && part_text(part) == "data") ++part;
  part += 2;  // TYPE.NAME
  if (part > dots.size()) return std::string_view::npos;
  return dots[part - 1];
}

}  // namespace

std::string_view ref_address(std::string_view ref) {
  size_t end = address_end(ref);
  if (end == std::string_view::npos) {
    size_t dot = attribute_dot(ref);
    return dot == std::string_view::npos ? ref : ref.substr(0, dot);
  }
  return ref.substr(0, end);
}

std::string_view ref_attribute(std::string_view ref) {
  std::string_view address = ref_address(ref);
  if (address.size() + 1 >= ref.size()) return {};
  return ref.substr(address.size() + 1);
}

bool refers_to(const Value& v, const Resource& target, std::string_view known_name) {
  if (v.is_unknown()) {
    std::string_view ref = v.as_unknown().ref;
    // ref_address gives a prefix of the reference; most references fail the cheap test.
    return !ref.empty() && ref.starts_with(target.address) && ref_address(ref) == target.address;
  }
  return !known_name.empty() && v.is_string() && v.as_string() == known_name;
}

const Resource* referenced(const AdaptContext& ctx, const Value& v, std::string_view type) {
  std::string_view ref = ref_of(v);
  if (ref.empty()) return nullptr;
  std::string_view address = ref_address(ref);
  for (const auto& r : ctx.doc.resources)
    if (r.address == address && (type.empty() || is_type(r, type) || is_data(r, type))) return &r;
  return nullptr;
}

Resource make_canonical(const Resource& raw, std::string kind, std::string_view name_attr) {
  Resource out;
  out.kind = std::move(kind);
  out.address = raw.address;
  out.name = raw.address;
  if (!name_attr.empty()) {
    const Value* n = raw.attributes.find(name_attr);
    if (n && n->is_string() && !n->as_string().empty()) out.name = n->as_string();
  }
  out.provider = raw.provider;
  out.format = std::string(kFormat);
  out.attributes = Value::map();
  out.attributes.set_span(raw.span);
  out.span = raw.span;
  out.end_line = raw.end_line;
  return out;
}

}  // namespace cc::model::tf
