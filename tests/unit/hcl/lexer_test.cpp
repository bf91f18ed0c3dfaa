// Lexer: token kinds and positions for the pieces the parser relies on.
#include "collect/hcl/lexer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cc::hcl {
namespace {

std::vector<Tok> kinds(std::string_view text) {
  Diagnostics diags;
  std::vector<Tok> out;
  for (const auto& t : tokenize(text, 1, diags)) out.push_back(t.kind);
  EXPECT_TRUE(diags.empty());
  return out;
}

TEST(HclLexer, NumbersAndLegacyIndexDigits) {
  Diagnostics diags;
  auto toks = tokenize("1 2.5 3e2 4.5E-1 a.0.1", 1, diags);
  ASSERT_EQ(toks.size(), 10u);
  EXPECT_EQ(toks[0].text, "1");
  EXPECT_EQ(toks[1].text, "2.5");
  EXPECT_EQ(toks[2].text, "3e2");
  EXPECT_EQ(toks[3].text, "4.5E-1");
  // After '.', digits stay separate index steps instead of forming "0.1".
  EXPECT_EQ(toks[6].text, "0");
  EXPECT_EQ(toks[7].kind, Tok::Dot);
  EXPECT_EQ(toks[8].text, "1");
}

TEST(HclLexer, OperatorsLongestFirst) {
  EXPECT_EQ(
      kinds("== != <= >= && || => ... = < > ! ? :"),
      (std::vector<Tok>{Tok::Equal, Tok::NotEqual, Tok::LessEqual, Tok::GreaterEqual, Tok::And,
                        Tok::Or, Tok::FatArrow, Tok::Ellipsis, Tok::Assign, Tok::Less, Tok::Greater,
                        Tok::Bang, Tok::Question, Tok::Colon, Tok::Eof}));
}

TEST(HclLexer, TemplateModesNest) {
  EXPECT_EQ(kinds("\"a${ {b = \"c\"} }d\""),
            (std::vector<Tok>{Tok::OQuote, Tok::Literal, Tok::TemplateInterp, Tok::LBrace,
                              Tok::Ident, Tok::Assign, Tok::OQuote, Tok::Literal, Tok::CQuote,
                              Tok::RBrace, Tok::TemplateEnd, Tok::Literal, Tok::CQuote, Tok::Eof}));
}

TEST(HclLexer, NewlinesAreTokensButCommentsAreNot) {
  EXPECT_EQ(kinds("a # c\n/* x\ny */ b // d\n"),
            (std::vector<Tok>{Tok::Ident, Tok::Newline, Tok::Ident, Tok::Newline, Tok::Eof}));
}

TEST(HclLexer, PositionsCountLinesAndByteColumns) {
  Diagnostics diags;
  auto toks = tokenize("x = 1\n  ü = \"v\"\n", 7, diags);
  ASSERT_GE(toks.size(), 6u);
  EXPECT_EQ(toks[4].text, "ü");
  EXPECT_EQ(toks[4].span, (Span{7, 2, 3}));
  EXPECT_EQ(toks[5].span, (Span{7, 2, 6}));  // 'ü' is two bytes
}

TEST(HclLexer, LessThanIsNotAHeredocWithoutALineBreak) {
  EXPECT_EQ(kinds("a<<b"),
            (std::vector<Tok>{Tok::Ident, Tok::Less, Tok::Less, Tok::Ident, Tok::Eof}));
}

}  // namespace
}  // namespace cc::hcl
