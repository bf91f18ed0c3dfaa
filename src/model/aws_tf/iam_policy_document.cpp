// data "aws_iam_policy_document" -> {statements: list<iam.statement>}, so that a policy
// argument referencing its `json` reads exactly like the same policy written as JSON.
// Each statement block is respelled as the JSON statement it renders to and normalised
// by the shared IAM normaliser.
#include <string>
#include <utility>

#include "model/aws_tf/common.h"

namespace cc::model::aws_tf {
namespace {

// A block argument (a list of strings, usually) under its JSON policy name.
void add(Map& out, std::string json_key, const Value* v) {
  if (!v || v->is_null()) return;
  out.push_back(Member{std::move(json_key), *v, v->span()});
}

// principals { type = "AWS", identifiers = [...] } blocks as a JSON Principal value.
Value principal_value(const Value& blocks_value) {
  Map principals;
  for (const Value* block : tf::blocks(&blocks_value)) {
    if (block->is_unknown()) return *block;
    const Value* type = block->find("type");
    const Value* ids = block->find("identifiers");
    if (!type || !ids) continue;
    if (type->is_unknown()) return Value::unknown("a principal type is unknown", type->span());
    if (!type->is_string()) continue;
    // type "*" is how the data source spells the anonymous principal "*".
    if (type->as_string() == "*") return Value::string("*", type->span());
    principals.push_back(Member{type->as_string(), *ids, type->span()});
  }
  return Value::map(std::move(principals), blocks_value.span());
}

// condition { test, variable, values } blocks as a JSON Condition map.
Value condition_value(const Value& blocks_value) {
  Map operators;
  for (const Value* block : tf::blocks(&blocks_value)) {
    if (block->is_unknown()) return *block;
    const Value* test = block->find("test");
    const Value* variable = block->find("variable");
    const Value* values = block->find("values");
    if (!test || !variable || !test->is_string() || !variable->is_string()) {
      return Value::unknown("a condition's test or variable is unknown", block->span());
    }
    Member* op = nullptr;
    for (auto& m : operators)
      if (m.key == test->as_string()) op = &m;
    if (!op) {
      operators.push_back(Member{test->as_string(), Value::map({}, block->span()), test->span()});
      op = &operators.back();
    }
    Value v = values ? *values : Value::list({}, block->span());
    op->value.as_map().push_back(Member{variable->as_string(), std::move(v), variable->span()});
  }
  return Value::map(std::move(operators), blocks_value.span());
}

Value statement_json(const Value& block) {
  if (!block.is_map()) return block;
  Map st;
  add(st, "Sid", block.find("sid"));
  if (const Value* effect = block.find("effect"); effect && !effect->is_null())
    add(st, "Effect", effect);
  else  // the data source's default effect
    st.push_back(Member{"Effect", Value::string("Allow", block.span()), block.span()});
  add(st, "Action", block.find("actions"));
  add(st, "NotAction", block.find("not_actions"));
  add(st, "Resource", block.find("resources"));
  add(st, "NotResource", block.find("not_resources"));
  if (const Value* p = block.find("principals"); p && !p->is_null())
    st.push_back(Member{"Principal", principal_value(*p), p->span()});
  if (const Value* cond = block.find("condition"); cond && !cond->is_null())
    st.push_back(Member{"Condition", condition_value(*cond), cond->span()});
  return Value::map(std::move(st), block.span());
}

std::string_view sid_of(const Value& statement) {
  const Value* sid = statement.is_map() ? statement.find("sid") : nullptr;
  return sid && sid->is_string() ? std::string_view(sid->as_string()) : std::string_view{};
}

// Adds `more` to `into`; a statement whose sid is already there replaces it (the way
// the data source lets later documents override earlier ones).
void merge(List& into, List more) {
  for (auto& st : more) {
    const std::string_view sid = sid_of(st);
    Value* last = nullptr;  // the last statement with this sid takes `st` moved
    if (!sid.empty())
      for (auto& existing : into)
        if (sid_of(existing) == sid) {
          if (last) *last = st;
          last = &existing;
        }
    if (last)
      *last = std::move(st);
    else
      into.push_back(std::move(st));
  }
}

// The statements of each document of a list argument (source or override documents),
// merged in order; false (with `unknown` set) when one cannot be read.
bool documents(const AdaptContext& ctx, const Value* list, const Convert& c, int depth, List& into,
               Value& unknown) {
  if (!list || list->is_null()) return true;
  if (!list->is_list()) {
    unknown = Value::unknown("the policy documents are unknown", list->span());
    return false;
  }
  for (const auto& item : list->as_list()) {
    Value doc = depth >= 8 ? Value::unknown("policy documents nest too deeply", item.span())
                           : policy_document(ctx, item, c, depth);
    Value* st = doc.is_map() ? doc.find("statements") : nullptr;
    if (!st || !st->is_list()) {
      unknown = st ? *st : doc;
      return false;
    }
    merge(into, std::move(st->as_list()));
  }
  return true;
}

}  // namespace

Value policy_document_data(const AdaptContext& ctx, const Resource& data, const Convert& c,
                           int depth) {
  Value out = Value::map({}, data.span);
  List statements;
  Value unknown;
  auto fail = [&](Value u) {
    out.set("statements", std::move(u));
    return out;
  };
  if (!documents(ctx, data.attributes.find("source_policy_documents"), c, depth + 1, statements,
                 unknown))
    return fail(std::move(unknown));
  const Value* blocks_value = data.attributes.find("statement");
  if (blocks_value && blocks_value->is_unknown()) return fail(*blocks_value);
  List own;
  for (const Value* block : tf::blocks(blocks_value))
    own.push_back(aws::normalize_statement(statement_json(*block), c));
  merge(statements, std::move(own));
  if (!documents(ctx, data.attributes.find("override_policy_documents"), c, depth + 1, statements,
                 unknown))
    return fail(std::move(unknown));
  Span span = blocks_value ? blocks_value->span() : data.span;
  out.set("statements", Value::list(std::move(statements), span));
  return out;
}

}  // namespace cc::model::aws_tf
