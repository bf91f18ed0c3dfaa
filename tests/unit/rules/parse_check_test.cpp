// Lexer, parser and checker: what is rejected at load, and where the error points.
#include <gtest/gtest.h>

#include "rules/expr_lexer.h"
#include "rules/expr_parser.h"
#include "test_support.h"

namespace cc::rules {
namespace {

using namespace testing;

TEST(Lexer, ProducesTokensWithOffsets) {
  std::vector<Token> tokens;
  LexError err;
  ASSERT_TRUE(lex("a.b >= 10 && 'x' != r\"\\d\"", tokens, err));
  ASSERT_EQ(tokens.size(), 10u);
  EXPECT_EQ(tokens[0].kind, Tok::Ident);
  EXPECT_EQ(tokens[3].kind, Tok::Ge);
  EXPECT_EQ(tokens[3].offset, 4u);
  EXPECT_EQ(tokens[4].number, 10);
  EXPECT_EQ(tokens[5].kind, Tok::And);
  EXPECT_EQ(tokens[6].text, "x");
  EXPECT_EQ(tokens[8].text, "\\d");  // raw string keeps the backslash
  EXPECT_EQ(tokens[9].kind, Tok::End);
}

TEST(Lexer, DecodesEscapesAndNumbers) {
  std::vector<Token> tokens;
  LexError err;
  ASSERT_TRUE(lex(R"("a\tb\u00e9" 0x1F 1.5e2 .5)", tokens, err));
  EXPECT_EQ(tokens[0].text, "a\tb\xC3\xA9");
  EXPECT_EQ(tokens[1].number, 31);
  EXPECT_EQ(tokens[2].number, 150);
  EXPECT_EQ(tokens[3].number, 0.5);
}

TEST(Lexer, RejectsMalformedTokens) {
  std::vector<Token> tokens;
  LexError err;
  EXPECT_FALSE(lex("a = b", tokens, err));
  EXPECT_EQ(err.offset, 2u);
  EXPECT_NE(err.message.find("'=='"), std::string::npos);
  EXPECT_FALSE(lex("'open", tokens, err));
  EXPECT_NE(err.message.find("not closed"), std::string::npos);
  EXPECT_FALSE(lex("a & b", tokens, err));
  EXPECT_FALSE(lex("\"\\q\"", tokens, err));
  EXPECT_FALSE(lex("12abc", tokens, err));
  EXPECT_FALSE(lex("a # b", tokens, err));
  EXPECT_EQ(err.offset, 2u);
}

TEST(Parser, ReportsLineAndColumnInsideTheExpression) {
  ExprError e = compile_error("resource.name == 'a' &&\n  (resource.size > ", false);
  EXPECT_EQ(e.line, 2u);
  EXPECT_EQ(e.col, 20u);
  EXPECT_NE(e.message.find("expression ends"), std::string::npos);
}

TEST(Parser, RejectsTrailingTokensAndUnbalancedBrackets) {
  EXPECT_NE(compile_error("a b", false).message.find("after the end"), std::string::npos);
  ExprError e = compile_error("[1, 2", false);
  EXPECT_EQ(e.col, 6u);
  EXPECT_NE(compile_error("f(1,", false).message.find("expression ends"), std::string::npos);
  EXPECT_NE(compile_error("x.", false).message.find("after '.'"), std::string::npos);
  EXPECT_NE(compile_error("true ? 1", false).message.find("':'"), std::string::npos);
}

TEST(Parser, BoundsNestingSoHostileInputCannotOverflowTheStack) {
  std::string deep(5000, '(');
  EXPECT_NE(compile_error(deep + "1" + std::string(5000, ')'), false).message.find("nests deeper"),
            std::string::npos);
  std::string chain = "resource";
  for (int i = 0; i < 2000; ++i) chain += ".a";
  EXPECT_NE(compile_error(chain, false).message.find("too deeply nested"), std::string::npos);
  std::string nots(3000, '!');
  EXPECT_FALSE(Expr::compile(nots + "true", {}).has_value());
}

TEST(Parser, PrecedenceFollowsCel) {
  Value r = Value::map();
  EXPECT_EQ(eval_on("1 + 2 * 3", r).as_number(), 7);
  EXPECT_EQ(eval_on("(1 + 2) * 3", r).as_number(), 9);
  EXPECT_EQ(eval_on("true || false && false", r).as_bool(), true);
  EXPECT_EQ(eval_on("1 < 2 == true", r).as_bool(), true);
  EXPECT_EQ(eval_on("false ? 1 : true ? 2 : 3", r).as_number(), 2);
  EXPECT_EQ(eval_on("-2 * -3", r).as_number(), 6);
  EXPECT_EQ(eval_on("!!true", r).as_bool(), true);
}

TEST(Checker, UnknownFieldSuggestsTheClosestName) {
  ExprError e = compile_error("resource.encrytion.enabled");
  EXPECT_EQ(e.message, "unknown field 'encrytion' on test.bucket; did you mean 'encryption'?");
  EXPECT_EQ(e.col, 10u);
  ExprError nested = compile_error("resource.encryption.enabld == true");
  EXPECT_NE(nested.message.find("unknown field 'enabld'"), std::string::npos);
  EXPECT_NE(nested.message.find("did you mean 'enabled'"), std::string::npos);
  EXPECT_EQ(nested.col, 21u);
}

TEST(Checker, FieldsThroughListsMapsAndMacroVariables) {
  compile_ok("resource.tags.Owner == 'x'");
  compile_ok("resource.tags['Owner'] == 'x'");
  compile_ok("resource.ingress.exists(r, r.cidrs.exists(c, openToInternet(c)))");
  compile_ok("resource.policy.statements.all(s, s.effect == 'Deny')");
  compile_ok("resource.extra.anything.goes");
  EXPECT_NE(compile_error("resource.ingress.exists(r, r.cidr == 'x')")
                .message.find("unknown field 'cidr' on test.sg_rule"),
            std::string::npos);
  EXPECT_NE(compile_error("resource.ingress.protocol == 'tcp'").message.find("exists() or all()"),
            std::string::npos);
  EXPECT_NE(compile_error("resource.name.first").message.find("which is a string"),
            std::string::npos);
}

TEST(Checker, RawKindsAreUnchecked) {
  compile_ok("resource.Properties.BucketName.startsWith('x')", false);
  compile_ok("resource.anything.exists(x, x.y > 1)", false);
}

TEST(Checker, UnknownIdentifiersFunctionsAndMethods) {
  EXPECT_NE(compile_error("resourse.name == 'a'").message.find("did you mean 'resource'"),
            std::string::npos);
  ExprError f = compile_error("openToInternt('0.0.0.0/0')");
  EXPECT_NE(f.message.find("unknown function 'openToInternt'; did you mean 'openToInternet'?"),
            std::string::npos);
  EXPECT_NE(
      compile_error("resource.name.startswith('a')").message.find("did you mean 'startsWith'"),
      std::string::npos);
  EXPECT_NE(compile_error("resource.name.openToInternet()").message.find("is a function"),
            std::string::npos);
  EXPECT_NE(compile_error("startsWith(resource.name, 'a')").message.find("is a method"),
            std::string::npos);
}

TEST(Checker, WrongArity) {
  EXPECT_EQ(compile_error("cidrContains('10.0.0.0/8')").message,
            "cidrContains() takes 2 arguments, 1 given");
  EXPECT_NE(compile_error("size(resource.labels, 1)").message.find("takes 1 argument"),
            std::string::npos);
  EXPECT_NE(compile_error("resource.name.startsWith()").message.find("takes 1 argument"),
            std::string::npos);
  EXPECT_NE(compile_error("resource.labels.all(x)").message.find("takes 2 arguments"),
            std::string::npos);
  EXPECT_NE(compile_error("resource.labels.all('x', true)").message.find("variable name"),
            std::string::npos);
}

TEST(Checker, ObviouslyWrongTypes) {
  ExprError e = compile_error("resource.encryption.enabled == 'true'");
  EXPECT_EQ(e.message, "'==' cannot compare bool with string");
  EXPECT_EQ(e.col, 29u);
  EXPECT_NE(
      compile_error("resource.size > 'big'").message.find("cannot compare number with string"),
      std::string::npos);
  EXPECT_NE(compile_error("size(true)").message.find("size() needs"), std::string::npos);
  EXPECT_NE(compile_error("!resource.name").message.find("'!' needs a bool"), std::string::npos);
  EXPECT_NE(compile_error("resource.public && 'yes'").message.find("'&&' needs bool"),
            std::string::npos);
  EXPECT_NE(compile_error("1 + 'a'").message.find("'+' cannot combine"), std::string::npos);
  EXPECT_NE(compile_error("resource.name.startsWith(1)").message.find("expects a string"),
            std::string::npos);
  EXPECT_NE(compile_error("portRangeIncludes('a', 2, 3)").message.find("expects a number"),
            std::string::npos);
  EXPECT_NE(compile_error("resource.size.all(x, x)").message.find("needs a list or map"),
            std::string::npos);
  EXPECT_NE(compile_error("resource.labels.exists(x, x)").message.find("must be a bool"),
            std::string::npos);
  EXPECT_NE(compile_error("1 in resource.labels").message.find("cannot compare number with string"),
            std::string::npos);
  EXPECT_NE(compile_error("resource.public ? 1 : 2 ? 3 : 4").message.find("must be a bool"),
            std::string::npos);
  EXPECT_NE(compile_error("has(resource)").message.find("field selection"), std::string::npos);
  EXPECT_NE(compile_error("has(resource.nope)").message.find("unknown field 'nope'"),
            std::string::npos);
}

TEST(Checker, ConditionsMustBeBool) {
  EXPECT_NE(compile_error("resource.name", true, true).message.find("must give a bool"),
            std::string::npos);
  compile_ok("resource.encryption.enabled", true, true);
  compile_ok("resource.extra", true, true);  // any: decided at evaluation
}

TEST(Checker, InvalidLiteralRegexIsALoadError) {
  ExprError e = compile_error("resource.name.matches('a(b')");
  EXPECT_NE(e.message.find("invalid regular expression"), std::string::npos);
  EXPECT_EQ(e.col, 23u);
}

}  // namespace
}  // namespace cc::rules
