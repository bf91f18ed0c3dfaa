// The module calls of a file without parsing it: a scan needs them to tell root modules
// from called ones before it evaluates anything, and lexing is much cheaper than
// building a syntax tree that would only be thrown away.
#include "collect/hcl/lexer.h"
#include "collect/terraform/internal.h"
#include "collect/terraform/terraform.h"

namespace cc::terraform {
namespace {

int depth_change(hcl::Tok t) {
  switch (t) {
    case hcl::Tok::LBrace:
    case hcl::Tok::LBrack:
    case hcl::Tok::LParen:
    case hcl::Tok::TemplateInterp:
    case hcl::Tok::TemplateControl:
      return 1;
    case hcl::Tok::RBrace:
    case hcl::Tok::RBrack:
    case hcl::Tok::RParen:
    case hcl::Tok::TemplateEnd:
      return -1;
    default:
      return 0;
  }
}

// A quoted string with no interpolation starting at tokens[i] (OQuote): its text, and
// the index after its CQuote. nullopt when it is not such a string.
std::optional<std::pair<std::string, size_t>> plain_string(const hcl::TokenList& t, size_t i) {
  if (i >= t.size() || t[i].kind != hcl::Tok::OQuote) return std::nullopt;
  std::string text;
  size_t j = i + 1;
  for (; j < t.size() && t[j].kind == hcl::Tok::Literal; ++j) text += t[j].text;
  if (j >= t.size() || t[j].kind != hcl::Tok::CQuote) return std::nullopt;
  return std::make_pair(std::move(text), j + 1);
}

// False when no `module` keyword can start a block here. A block starts its own line,
// so "module" must come first on a line (after blanks) and be followed by blanks and a
// label. Most files call no module, and neither `path.module` nor a comment that
// mentions a module counts, so this saves lexing them.
bool may_call_modules(std::string_view text) {
  for (size_t at = text.find("module"); at != std::string_view::npos;
       at = text.find("module", at + 6)) {
    size_t start = at;
    while (start > 0 && (text[start - 1] == ' ' || text[start - 1] == '\t')) --start;
    if (start > 0 && text[start - 1] != '\n') continue;
    size_t i = at + 6;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i == at + 6 || i >= text.size()) continue;
    char c = text[i];
    if (c == '"' || c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  }
  return false;
}

}  // namespace

std::vector<ModuleCall> outline_module_calls(std::string_view text, uint32_t file, bool json,
                                             const hcl::ParseLimits& limits) {
  std::vector<ModuleCall> calls;
  Diagnostics ignored;  // syntax errors are reported when the module is parsed
  if (json) {
    hcl::Body body;
    parse_json_configuration(text, file, limits, body, ignored);
    for (const auto& b : body.blocks) {
      if (b.type != "module" || b.labels.size() != 1) continue;
      ModuleCall call{b.labels[0].value, {}, b.span};
      if (const hcl::Attribute* a = find_attribute(b.body, "source");
          a && a->expr && a->expr->kind == hcl::ExprKind::Literal &&
          a->expr->literal == hcl::LiteralKind::String)
        call.source = a->expr->text;
      calls.push_back(std::move(call));
    }
    return calls;
  }
  if (text.size() > limits.max_bytes || !may_call_modules(text)) return calls;
  const hcl::TokenList t = hcl::tokenize(text, file, ignored);
  int depth = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    if (depth == 0 && t[i].kind == hcl::Tok::Ident && t[i].text == "module" && i + 1 < t.size()) {
      // module "name" {   or   module name {
      std::string name;
      size_t j = i + 1;
      if (auto s = plain_string(t, j)) {
        name = s->first;
        j = s->second;
      } else if (t[j].kind == hcl::Tok::Ident) {
        name = t[j].text;
        ++j;
      }
      if (!name.empty() && j < t.size() && t[j].kind == hcl::Tok::LBrace) {
        ModuleCall call{name, {}, t[i].span};
        int inner = 1;
        size_t k = j + 1;
        for (; k < t.size() && inner > 0; ++k) {
          if (inner == 1 && t[k].kind == hcl::Tok::Ident && t[k].text == "source" &&
              k + 1 < t.size() && t[k + 1].kind == hcl::Tok::Assign) {
            if (auto s = plain_string(t, k + 2)) call.source = s->first;
          }
          inner += depth_change(t[k].kind);
        }
        calls.push_back(std::move(call));
        i = k - 1;
        continue;
      }
    }
    depth += depth_change(t[i].kind);
    if (depth < 0) depth = 0;
  }
  return calls;
}

}  // namespace cc::terraform
