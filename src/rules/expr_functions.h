#pragma once
// Run-time behaviour of the built-in functions and methods. Each takes evaluated
// arguments; an unknown or error argument is passed through (the first one wins), so
// a rule never decides on a value nobody knows.
#include <re2/re2.h>

#include <string_view>

#include "rules/expr_eval.h"

namespace cc::rules {

// The first undecided argument, or nullptr when all are decided.
const Eval* first_undecided(std::initializer_list<const Eval*> args);

// The first unknown value inside `v` (itself included), or nullptr.
const Value* first_unknown(const Value& v);

Eval fn_size(const Eval& x);

enum class StringTest : uint8_t { StartsWith, EndsWith, Contains };
Eval fn_string_test(StringTest test, const Eval& s, const Eval& arg);
Eval fn_matches(const Eval& s, const RE2& re);
// For patterns known only at evaluation time; compiled patterns are cached.
Eval fn_matches_dynamic(const Eval& s, const Eval& pattern);
Eval fn_case(bool upper, const Eval& s);

Eval fn_open_to_internet(const Eval& cidr);
Eval fn_cidr_contains(const Eval& outer, const Eval& inner);
Eval fn_is_private_cidr(const Eval& cidr);
Eval fn_port_range_includes(const Eval& from, const Eval& to, const Eval& port);
Eval fn_port_ranges_overlap(const Eval& a_from, const Eval& a_to, const Eval& b_from,
                            const Eval& b_to);
Eval fn_glob_match(const Eval& pattern, const Eval& s);
Eval fn_iam_allows(const Eval& statements, const Eval& action, const Eval& resource);
Eval fn_iam_public_principal(const Eval& statements);

}  // namespace cc::rules
