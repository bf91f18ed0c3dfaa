#include "collect/hcl/lexer.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>

#include "core/utf8.h"

namespace cc::hcl {
namespace {

// Character classes by table: identifiers are most of the bytes outside comments and
// strings, and a lookup is cheaper than the chain of comparisons per byte.
constexpr uint8_t kIdentStart = 1;
constexpr uint8_t kIdentContinue = 2;
constexpr uint8_t kTextSpecial = 4;  // may end a run of template text (see scan_text)

constexpr std::array<uint8_t, 256> make_classes() {
  std::array<uint8_t, 256> classes{};
  for (int c = 0; c < 256; ++c) {
    // Bytes of multi-byte UTF-8 sequences count as letters: a cheap stand-in for the
    // Unicode ID_Start / ID_Continue classes that the HCL specification names.
    const bool start = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    const bool digit = c >= '0' && c <= '9';
    const bool special = c == '\n' || c == '"' || c == '\\' || c == '$' || c == '%';
    classes[static_cast<size_t>(c)] = static_cast<uint8_t>(
        (start ? kIdentStart | kIdentContinue : 0) | (digit || c == '-' ? kIdentContinue : 0) |
        (special ? kTextSpecial : 0));
  }
  return classes;
}
constexpr std::array<uint8_t, 256> kClasses = make_classes();

bool is_ident_start(unsigned char c) { return (kClasses[c] & kIdentStart) != 0; }
bool is_ident_continue(unsigned char c) { return (kClasses[c] & kIdentContinue) != 0; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }
bool is_space(char c) { return is_blank(c) || c == '\n'; }

constexpr size_t kMaxErrors = 50;

enum class Mode : uint8_t { Expr, Quoted, Heredoc };

struct ModeFrame {
  Mode mode = Mode::Expr;
  bool in_template = false;   // Expr: opened by ${ or %{, so an unmatched } ends it
  int braces = 0;             // Expr: open { not yet closed
  std::string_view marker;    // Heredoc: closing word; empty for a template fragment
  size_t indent = 0;          // Heredoc: leading whitespace removed from every line
  bool at_line_start = true;  // Heredoc
  bool strip_next = false;    // Quoted/Heredoc: a `~}` asked to trim the next text
};

// Where a run of template text stops on the fast path, which keeps the text as a view
// of the source: at a sequence opener, a quote or line end, the end of input, or a byte
// that needs decoding (then the text is copied while it is decoded).
enum class TextStop : uint8_t { End, Quote, Newline, Opener, Decode };

class Lexer {
 public:
  Lexer(std::string_view text, uint32_t file, Diagnostics& diags)
      : text_(text), file_(file), diags_(diags) {
    modes_.push_back(ModeFrame{});
  }

  // A fragment of a larger source: positions continue from `start`, and a template
  // fragment reads as the body of a heredoc that ends with the text.
  Lexer(std::string_view text, Span start, LexStart mode, Diagnostics& diags)
      : Lexer(text, start.file, diags) {
    line_ = start.line;
    col_ = start.col;
    if (mode == LexStart::Template) {
      emit(Tok::OHeredoc, {}, start);
      ModeFrame frame;
      frame.mode = Mode::Heredoc;
      modes_.push_back(frame);
    }
  }

  TokenList run() {
    // About one token per five bytes in typical configuration.
    tokens_.reserve(text_.size() / 5 + 16);
    while (pos_ < text_.size()) {
      switch (modes_.back().mode) {
        case Mode::Expr:
          lex_expr();
          break;
        case Mode::Quoted:
          lex_quoted();
          break;
        case Mode::Heredoc:
          lex_heredoc();
          break;
      }
    }
    // Close whatever templates are still open so the parser sees balanced pieces. Only
    // the innermost one is reported: the others are open because of it.
    bool reported = false;
    while (modes_.size() > 1) {
      const ModeFrame& top = modes_.back();
      if (top.mode == Mode::Quoted) {
        if (!reported) error(here(), "unterminated string; expected '\"'");
        emit(Tok::CQuote, {}, here());
        reported = true;
      } else if (top.mode == Mode::Heredoc && top.marker.empty()) {
        emit(Tok::CHeredoc, {}, here());  // a template fragment ends with its text
      } else if (top.mode == Mode::Heredoc) {
        if (!reported) {
          error(here(), "heredoc is not closed; expected a line containing only '" +
                            std::string(top.marker) + "'");
        }
        emit(Tok::CHeredoc, {}, here());
        reported = true;
      }
      modes_.pop_back();
    }
    emit(Tok::Eof, {}, here());
    return TokenList{std::move(tokens_), std::move(decoded_)};
  }

 private:
  [[nodiscard]] Span here() const { return Span{file_, line_, col_}; }
  [[nodiscard]] char peek(size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }
  [[nodiscard]] bool starts(std::string_view s) const { return text_.substr(pos_, s.size()) == s; }
  void advance(size_t n = 1) {
    for (size_t i = 0; i < n && pos_ < text_.size(); ++i) {
      if (text_[pos_] == '\n') {
        ++line_;
        col_ = 1;
      } else {
        ++col_;
      }
      ++pos_;
    }
  }
  // Moves to `to` over bytes known to hold no line break.
  void skip_to(size_t to) {
    col_ += static_cast<uint32_t>(to - pos_);
    pos_ = to;
  }
  // Moves to `to` over any bytes, counting the line breaks among them.
  void advance_to(size_t to) {
    while (pos_ < to) {
      const void* nl = std::memchr(text_.data() + pos_, '\n', to - pos_);
      if (nl == nullptr) {
        skip_to(to);
        return;
      }
      pos_ = static_cast<size_t>(static_cast<const char*>(nl) - text_.data()) + 1;
      ++line_;
      col_ = 1;
    }
  }
  void emit(Tok kind, std::string_view text, Span span) {
    tokens_.push_back(Token{kind, text, span});
  }
  void error(Span span, std::string message) {
    // A file of garbage would otherwise produce one report per byte.
    if (++errors_ > kMaxErrors) return;
    diags_.push_back(Diagnostic{DiagLevel::Error, "hcl.syntax", std::move(message), span});
  }
  // Keeps decoded text alive for as long as the tokens that point at it.
  std::string_view keep(std::string text) { return decoded_.emplace_back(std::move(text)); }

  // Emits template text, applying a pending `~}` trim to its start.
  void emit_literal(std::string_view text, Span span) {
    ModeFrame& frame = modes_.back();
    if (frame.strip_next) {
      size_t first = 0;
      while (first < text.size() && is_space(text[first])) ++first;
      text.remove_prefix(first);
      frame.strip_next = false;
    }
    if (!text.empty()) emit(Tok::Literal, text, span);
  }

  // `${~` / `%{~` trims trailing whitespace of the text just before it.
  void strip_previous_literal() {
    if (tokens_.empty() || tokens_.back().kind != Tok::Literal) return;
    std::string_view& t = tokens_.back().text;
    while (!t.empty() && is_space(t.back())) t.remove_suffix(1);
    if (t.empty()) tokens_.pop_back();
  }

  // At `${` or `%{` inside a template: emits the opener and enters expression mode.
  void open_sequence(Tok kind) {
    const Span start = here();
    skip_to(pos_ + 2);
    if (peek() == '~') {
      skip_to(pos_ + 1);
      strip_previous_literal();
    }
    emit(kind, {}, start);
    ModeFrame frame;
    frame.in_template = true;
    modes_.push_back(frame);
  }

  void lex_expr() {
    ModeFrame& frame = modes_.back();
    if (is_blank(peek())) {
      // Spacing before a token is skipped here rather than in a call of its own.
      size_t end = pos_ + 1;
      while (end < text_.size() && is_blank(text_[end])) ++end;
      skip_to(end);
      if (pos_ >= text_.size()) return;
    }
    const char c = peek();
    const Span start = here();
    // Identifiers are the most common token, so they are tested first; the tests below
    // take disjoint sets of first bytes, so their order does not change the result.
    if (is_ident_start(static_cast<unsigned char>(c))) {
      const size_t begin = pos_;
      size_t end = pos_ + 1;
      while (end < text_.size() && is_ident_continue(static_cast<unsigned char>(text_[end]))) ++end;
      skip_to(end);
      emit(Tok::Ident, text_.substr(begin, end - begin), start);
      return;
    }
    if (c == '\n') {
      emit(Tok::Newline, {}, start);
      advance();
      return;
    }
    if (c == '#' || (c == '/' && peek(1) == '/')) {
      const size_t eol = text_.find('\n', pos_);
      skip_to(eol == std::string_view::npos ? text_.size() : eol);
      return;
    }
    if (c == '/' && peek(1) == '*') {
      const size_t close = text_.find("*/", pos_ + 2);
      if (close == std::string_view::npos) {
        advance_to(text_.size());
        error(start, "comment opened with '/*' is never closed");
      } else {
        advance_to(close + 2);
      }
      return;
    }
    if (c == '"') {
      skip_to(pos_ + 1);
      emit(Tok::OQuote, {}, start);
      ModeFrame quoted;
      quoted.mode = Mode::Quoted;
      modes_.push_back(quoted);
      return;
    }
    if (c == '<' && peek(1) == '<' && try_heredoc()) return;
    if (is_digit(c)) {
      lex_number();
      return;
    }
    if (c == '{') {
      ++frame.braces;
      skip_to(pos_ + 1);
      emit(Tok::LBrace, {}, start);
      return;
    }
    const bool strip_close = c == '~' && peek(1) == '}';
    if (c == '}' || strip_close) {
      if (frame.in_template && frame.braces == 0) {
        skip_to(pos_ + (strip_close ? 2 : 1));
        emit(Tok::TemplateEnd, {}, start);
        modes_.pop_back();
        modes_.back().strip_next = strip_close;
        return;
      }
      if (c == '}') {
        if (frame.braces > 0) --frame.braces;
        skip_to(pos_ + 1);
        emit(Tok::RBrace, {}, start);
        return;
      }
    }
    lex_punctuation(start);
  }

  void lex_punctuation(Span start) {
    const char c = peek();
    const char next = peek(1);
    Tok kind = Tok::Invalid;
    size_t len = 1;
    // Longer spellings first so that "==" is not read as "=" "=".
    auto one_or_two = [&](char second, Tok two, Tok one) {
      kind = next == second ? two : one;
      len = next == second ? 2 : 1;
    };
    switch (c) {
      case '.':
        if (next == '.' && peek(2) == '.') {
          kind = Tok::Ellipsis;
          len = 3;
        } else {
          kind = Tok::Dot;
        }
        break;
      case '=':
        if (next == '>') {
          kind = Tok::FatArrow;
          len = 2;
        } else {
          one_or_two('=', Tok::Equal, Tok::Assign);
        }
        break;
      case '!':
        one_or_two('=', Tok::NotEqual, Tok::Bang);
        break;
      case '<':
        one_or_two('=', Tok::LessEqual, Tok::Less);
        break;
      case '>':
        one_or_two('=', Tok::GreaterEqual, Tok::Greater);
        break;
      case '&':
        one_or_two('&', Tok::And, Tok::Invalid);
        break;
      case '|':
        one_or_two('|', Tok::Or, Tok::Invalid);
        break;
      case '[':
        kind = Tok::LBrack;
        break;
      case ']':
        kind = Tok::RBrack;
        break;
      case '(':
        kind = Tok::LParen;
        break;
      case ')':
        kind = Tok::RParen;
        break;
      case ',':
        kind = Tok::Comma;
        break;
      case '*':
        kind = Tok::Star;
        break;
      case '/':
        kind = Tok::Slash;
        break;
      case '%':
        kind = Tok::Percent;
        break;
      case '+':
        kind = Tok::Plus;
        break;
      case '-':
        kind = Tok::Minus;
        break;
      case '?':
        kind = Tok::Question;
        break;
      case ':':
        kind = Tok::Colon;
        break;
      default:
        break;
    }
    if (kind != Tok::Invalid) {
      skip_to(pos_ + len);
      emit(kind, {}, start);
      return;
    }
    // Keep a whole UTF-8 sequence together so the message shows a readable character.
    len = 1;
    while (len < 4 && (static_cast<unsigned char>(peek(len)) & 0xC0) == 0x80) ++len;
    emit(Tok::Invalid, text_.substr(pos_, len), start);
    advance(len);
  }

  void lex_number() {
    const Span start = here();
    const size_t begin = pos_;
    size_t end = pos_;
    auto digit_at = [&](size_t i) { return i < text_.size() && is_digit(text_[i]); };
    while (digit_at(end)) ++end;
    // After a '.', only digits: `a.0.1` is two legacy index steps, not `a` `.` `0.1`.
    const bool after_dot = !tokens_.empty() && tokens_.back().kind == Tok::Dot;
    if (!after_dot) {
      if (end < text_.size() && text_[end] == '.' && digit_at(end + 1)) {
        ++end;
        while (digit_at(end)) ++end;
      }
      if (end < text_.size() && (text_[end] == 'e' || text_[end] == 'E')) {
        size_t n = end + 1;
        if (n < text_.size() && (text_[n] == '+' || text_[n] == '-')) ++n;
        if (digit_at(n)) {
          end = n;
          while (digit_at(end)) ++end;
        }
      }
    }
    skip_to(end);
    emit(Tok::Number, text_.substr(begin, end - begin), start);
  }

  // `<<EOT` or `<<-EOT` followed directly by a line break opens a heredoc.
  bool try_heredoc() {
    size_t n = 2;
    const bool indented = peek(n) == '-';
    if (indented) ++n;
    if (!is_ident_start(static_cast<unsigned char>(peek(n)))) return false;
    size_t end = n;
    while (is_ident_continue(static_cast<unsigned char>(peek(end)))) ++end;
    size_t eol = end;
    if (peek(eol) == '\r') ++eol;
    if (peek(eol) != '\n') return false;
    const Span start = here();
    ModeFrame frame;
    frame.mode = Mode::Heredoc;
    frame.marker = text_.substr(pos_ + n, end - n);
    advance(eol + 1);
    if (indented) frame.indent = common_indent(frame.marker);
    emit(Tok::OHeredoc, frame.marker, start);
    modes_.push_back(frame);
    return true;
  }

  // The smallest leading whitespace over the non-blank lines of the heredoc starting
  // at pos_, so `<<-` can shift the whole text left while keeping relative indentation.
  [[nodiscard]] size_t common_indent(std::string_view marker) const {
    size_t best = std::string_view::npos;
    size_t at = pos_;
    while (at < text_.size()) {
      size_t eol = text_.find('\n', at);
      if (eol == std::string_view::npos) eol = text_.size();
      const std::string_view line = text_.substr(at, eol - at);
      size_t lead = 0;
      while (lead < line.size() && (line[lead] == ' ' || line[lead] == '\t')) ++lead;
      std::string_view rest = line.substr(lead);
      if (!rest.empty() && rest.back() == '\r') rest.remove_suffix(1);
      if (rest == marker) break;
      if (!rest.empty()) best = std::min(best, lead);
      at = eol + 1;
    }
    return best == std::string_view::npos ? 0 : best;
  }

  // True when the line at pos_ is the closing marker; consumes it.
  bool at_heredoc_end(const ModeFrame& frame) {
    size_t lead = 0;
    while (peek(lead) == ' ' || peek(lead) == '\t') ++lead;
    const std::string_view rest = text_.substr(pos_ + lead);
    if (rest.substr(0, frame.marker.size()) != frame.marker) return false;
    size_t end = lead + frame.marker.size();
    while (peek(end) == ' ' || peek(end) == '\t' || peek(end) == '\r') ++end;
    if (pos_ + end < text_.size() && peek(end) != '\n') return false;
    advance(lead);
    emit(Tok::CHeredoc, {}, here());
    advance(end - lead);
    return true;
  }

  // Scans template text from pos_ to where it stops (see TextStop); `quoted`: a quoted
  // string, which also stops at '"' and decodes backslash escapes.
  [[nodiscard]] TextStop scan_text(bool quoted, size_t& end) const {
    const size_t size = text_.size();
    for (end = pos_; end < size; ++end) {
      const char c = text_[end];
      // Most template text is plain: one table look-up per byte rather than five tests.
      if ((kClasses[static_cast<unsigned char>(c)] & kTextSpecial) == 0) continue;
      if (c == '\n') return TextStop::Newline;
      if (quoted && c == '"') return TextStop::Quote;
      if (quoted && c == '\\') return TextStop::Decode;
      if ((c == '$' || c == '%') && end + 1 < size) {
        const char n = text_[end + 1];
        if (n == '{') return TextStop::Opener;
        if (n == c && end + 2 < size && text_[end + 2] == '{') return TextStop::Decode;
      }
    }
    return TextStop::End;
  }

  void lex_heredoc() {
    ModeFrame& frame = modes_.back();
    if (frame.at_line_start) {
      if (!frame.marker.empty() && at_heredoc_end(frame)) {
        modes_.pop_back();
        return;
      }
      for (size_t i = 0; i < frame.indent && (peek() == ' ' || peek() == '\t'); ++i) advance();
      frame.at_line_start = false;
    }
    const Span start = here();
    size_t end = pos_;
    const TextStop stop = scan_text(false, end);
    if (stop == TextStop::Decode) {
      lex_heredoc_decoding(frame, start);
      return;
    }
    std::string_view text = text_.substr(pos_, end - pos_ + (stop == TextStop::Newline ? 1 : 0));
    if (stop == TextStop::Newline) {
      pos_ = end + 1;
      ++line_;
      col_ = 1;
      frame.at_line_start = true;
    } else {
      skip_to(end);
    }
    emit_literal(text, start);
    if (stop == TextStop::Opener)
      open_sequence(peek() == '$' ? Tok::TemplateInterp : Tok::TemplateControl);
  }

  // The rest of a heredoc line that holds `$${` or `%%{`, copied while decoded.
  void lex_heredoc_decoding(ModeFrame& frame, Span start) {
    std::string text;
    while (pos_ < text_.size()) {
      if (starts("$${") || starts("%%{")) {
        text += peek();
        text += '{';
        advance(3);
      } else if (starts("${") || starts("%{")) {
        emit_literal(keep(std::move(text)), start);
        open_sequence(peek() == '$' ? Tok::TemplateInterp : Tok::TemplateControl);
        return;
      } else if (peek() == '\n') {
        text += '\n';
        advance();
        frame.at_line_start = true;
        break;
      } else {
        text += peek();
        advance();
      }
    }
    emit_literal(keep(std::move(text)), start);
  }

  void lex_quoted() {
    const Span start = here();
    size_t end = pos_;
    const TextStop stop = scan_text(true, end);
    if (stop == TextStop::Decode) {
      lex_quoted_decoding(start);
      return;
    }
    const std::string_view text = text_.substr(pos_, end - pos_);
    skip_to(end);
    emit_literal(text, start);
    switch (stop) {
      case TextStop::Quote:
        emit(Tok::CQuote, {}, here());
        skip_to(pos_ + 1);
        modes_.pop_back();
        return;
      case TextStop::Newline:
        // Quoted strings cannot span lines; close it here and let the line go on.
        error(here(), "unterminated string; quoted strings end on the line they start");
        emit(Tok::CQuote, {}, here());
        modes_.pop_back();
        return;
      case TextStop::Opener:
        open_sequence(peek() == '$' ? Tok::TemplateInterp : Tok::TemplateControl);
        return;
      case TextStop::End:
      case TextStop::Decode:
        return;
    }
  }

  // A quoted string's text that holds escapes or `$${` / `%%{`, copied while decoded.
  void lex_quoted_decoding(Span start) {
    std::string text;
    while (pos_ < text_.size()) {
      const char c = peek();
      if (c == '"') {
        emit_literal(keep(std::move(text)), start);
        emit(Tok::CQuote, {}, here());
        advance();
        modes_.pop_back();
        return;
      }
      if (c == '\n') {
        // Quoted strings cannot span lines; close it here and let the line go on.
        emit_literal(keep(std::move(text)), start);
        error(here(), "unterminated string; quoted strings end on the line they start");
        emit(Tok::CQuote, {}, here());
        modes_.pop_back();
        return;
      }
      if (starts("$${") || starts("%%{")) {
        text += c;
        text += '{';
        advance(3);
      } else if (starts("${") || starts("%{")) {
        emit_literal(keep(std::move(text)), start);
        open_sequence(c == '$' ? Tok::TemplateInterp : Tok::TemplateControl);
        return;
      } else if (c == '\\') {
        lex_escape(text);
      } else {
        text += c;
        advance();
      }
    }
    emit_literal(keep(std::move(text)), start);
  }

  void lex_escape(std::string& out) {
    const Span start = here();
    const char e = peek(1);
    switch (e) {
      case 'n':
        out += '\n';
        advance(2);
        return;
      case 'r':
        out += '\r';
        advance(2);
        return;
      case 't':
        out += '\t';
        advance(2);
        return;
      case '"':
        out += '"';
        advance(2);
        return;
      case '\\':
        out += '\\';
        advance(2);
        return;
      case 'u':
      case 'U': {
        const size_t digits = e == 'u' ? 4 : 8;
        uint32_t cp = 0;
        for (size_t i = 0; i < digits; ++i) {
          const char h = peek(2 + i);
          uint32_t v = 0;
          if (is_digit(h)) {
            v = static_cast<uint32_t>(h - '0');
          } else if (h >= 'a' && h <= 'f') {
            v = static_cast<uint32_t>(h - 'a' + 10);
          } else if (h >= 'A' && h <= 'F') {
            v = static_cast<uint32_t>(h - 'A' + 10);
          } else {
            error(start, std::string("escape '\\") + e + "' needs " + std::to_string(digits) +
                             " hexadecimal digits");
            advance(2);
            return;
          }
          cp = cp * 16 + v;
        }
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
          error(start, "escape names no valid Unicode character");
        } else {
          cc::append_utf8(out, cp);
        }
        advance(2 + digits);
        return;
      }
      default:
        error(start, "unknown escape sequence '\\" + std::string(1, e) +
                         "'; use \\n, \\r, \\t, \\\", \\\\, \\uNNNN or \\UNNNNNNNN");
        out += '\\';
        advance();
        return;
    }
  }

  std::string_view text_;
  uint32_t file_;
  Diagnostics& diags_;
  size_t pos_ = 0;
  uint32_t line_ = 1;
  uint32_t col_ = 1;
  std::vector<ModeFrame> modes_;
  std::vector<Token> tokens_;
  std::deque<std::string> decoded_;
  size_t errors_ = 0;
};

}  // namespace

TokenList tokenize(std::string_view text, uint32_t file, Diagnostics& diags) {
  return Lexer(text, file, diags).run();
}

TokenList tokenize_fragment(std::string_view text, Span start, LexStart mode, Diagnostics& diags) {
  return Lexer(text, start, mode, diags).run();
}

namespace {

// `before` + `text` + `after`, built by appending: GCC 12 warns falsely (-Wrestrict)
// about the same concatenation written with operator+.
std::string joined(std::string_view before, std::string_view text, std::string_view after) {
  std::string out;
  out.reserve(before.size() + text.size() + after.size());
  out.append(before).append(text).append(after);
  return out;
}

}  // namespace

std::string describe(const Token& token) {
  switch (token.kind) {
    case Tok::Eof:
      return "end of file";
    case Tok::Newline:
      return "end of line";
    case Tok::Ident:
      return joined("'", token.text, "'");
    case Tok::Number:
      return joined("number ", token.text, "");
    case Tok::OQuote:
      return "a string";
    case Tok::CQuote:
      return "end of string";
    case Tok::OHeredoc:
      return "a heredoc";
    case Tok::CHeredoc:
      return "end of heredoc";
    case Tok::Literal:
      return "template text";
    case Tok::TemplateInterp:
      return "'${'";
    case Tok::TemplateControl:
      return "'%{'";
    case Tok::TemplateEnd:
      return "'}' closing a template sequence";
    case Tok::LBrace:
      return "'{'";
    case Tok::RBrace:
      return "'}'";
    case Tok::LBrack:
      return "'['";
    case Tok::RBrack:
      return "']'";
    case Tok::LParen:
      return "'('";
    case Tok::RParen:
      return "')'";
    case Tok::Comma:
      return "','";
    case Tok::Dot:
      return "'.'";
    case Tok::Ellipsis:
      return "'...'";
    case Tok::Star:
      return "'*'";
    case Tok::Slash:
      return "'/'";
    case Tok::Percent:
      return "'%'";
    case Tok::Plus:
      return "'+'";
    case Tok::Minus:
      return "'-'";
    case Tok::Assign:
      return "'='";
    case Tok::Equal:
      return "'=='";
    case Tok::NotEqual:
      return "'!='";
    case Tok::Less:
      return "'<'";
    case Tok::Greater:
      return "'>'";
    case Tok::LessEqual:
      return "'<='";
    case Tok::GreaterEqual:
      return "'>='";
    case Tok::And:
      return "'&&'";
    case Tok::Or:
      return "'||'";
    case Tok::Bang:
      return "'!'";
    case Tok::Question:
      return "'?'";
    case Tok::Colon:
      return "':'";
    case Tok::FatArrow:
      return "'=>'";
    case Tok::Invalid:
      return joined("unexpected character '", token.text, "'");
  }
  return "token";
}

}  // namespace cc::hcl
