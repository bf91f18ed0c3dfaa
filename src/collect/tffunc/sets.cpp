// Set functions. A set is a list without duplicates (see make_set), so these accept
// lists and sets alike and return sets.
#include <fmt/format.h>

#include <unordered_set>

#include "collect/tffunc/internal.h"

namespace cc::terraform::detail {
namespace {

Checked<std::vector<const List*>> all_lists(const Call& c) {
  std::vector<const List*> lists;
  for (size_t i = 0; i < c.args.size(); ++i) {
    auto l = arg_list(c, i);
    if (!l) return forward(l);
    lists.push_back(*l);
  }
  return lists;
}

std::unordered_set<std::string> keys_of(const List& l) {
  std::unordered_set<std::string> keys;
  for (const auto& v : l) keys.insert(identity_key(v));
  return keys;
}

Outcome fn_setunion(Call& c) {
  auto lists = all_lists(c);
  if (!lists) return forward(lists);
  List all;
  for (const List* l : *lists) {
    if (all.size() + l->size() > kMaxElements) return fail(c, "result has too many elements");
    all.insert(all.end(), l->begin(), l->end());
  }
  return make_set(std::move(all));
}

Outcome fn_setintersection(Call& c) {
  auto lists = all_lists(c);
  if (!lists) return forward(lists);
  List out;
  std::vector<std::unordered_set<std::string>> others;
  for (size_t i = 1; i < lists->size(); ++i) others.push_back(keys_of(*(*lists)[i]));
  for (const auto& v : *(*lists)[0]) {
    std::string key = identity_key(v);
    bool everywhere = true;
    for (const auto& o : others) everywhere = everywhere && o.count(key) != 0;
    if (everywhere) out.push_back(v);
  }
  return make_set(std::move(out));
}

Outcome fn_setsubtract(Call& c) {
  auto lists = all_lists(c);
  if (!lists) return forward(lists);
  auto remove = keys_of(*(*lists)[1]);
  List out;
  for (const auto& v : *(*lists)[0])
    if (remove.count(identity_key(v)) == 0) out.push_back(v);
  return make_set(std::move(out));
}

Outcome fn_setproduct(Call& c) {
  auto lists = all_lists(c);
  if (!lists) return forward(lists);
  size_t total = 1;
  for (const List* l : *lists) {
    if (l->empty()) return Value::list();
    if (total > kMaxElements / l->size()) return fail(c, "result has too many elements");
    total *= l->size();
  }
  // Every row holds one value per argument: count those too.
  if (total > kMaxElements / lists->size()) return fail(c, "result has too many elements");
  List out;
  out.reserve(total);
  std::vector<size_t> pos(lists->size(), 0);
  for (size_t n = 0; n < total; ++n) {
    List row;
    for (size_t i = 0; i < lists->size(); ++i) row.push_back((*(*lists)[i])[pos[i]]);
    out.push_back(Value::list(std::move(row)));
    // The last argument varies fastest, as in Terraform's output.
    for (size_t i = lists->size(); i-- > 0;) {
      if (++pos[i] < (*lists)[i]->size()) break;
      pos[i] = 0;
    }
  }
  return Value::list(std::move(out));
}

constexpr FunctionSpec kFunctions[] = {
    {"setintersection", fn_setintersection, 1, kVariadic},
    {"setproduct", fn_setproduct, 1, kVariadic},
    {"setsubtract", fn_setsubtract, 2, 2},
    {"setunion", fn_setunion, 1, kVariadic},
};

}  // namespace

std::span<const FunctionSpec> set_functions() { return kFunctions; }

}  // namespace cc::terraform::detail
