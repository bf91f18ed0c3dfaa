// Encoding functions: base64 (plain, of gzip, of other character encodings), CSV and
// URL query encoding. JSON and YAML live in json.cpp and yaml.cpp.
#include <fmt/format.h>
#include <openssl/evp.h>
#include <zlib.h>

#include "collect/tffunc/base64.h"
#include "collect/tffunc/internal.h"
#include "collect/tffunc/unicode.h"

namespace cc::terraform::detail {

std::string base64_encode(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(bytes.data()),
                          static_cast<int>(bytes.size()));
  out.resize(static_cast<size_t>(n));
  return out;
}

std::optional<std::string> base64_decode(std::string_view input) {
  // Line breaks are ignored (as by Go's decoder), so wrapped base64 such as the body
  // of a PEM block decodes.
  std::string text;
  text.reserve(input.size());
  for (char ch : input)
    if (ch != '\r' && ch != '\n') text += ch;
  if (text.size() % 4 != 0) return std::nullopt;
  size_t padding = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char ch = text[i];
    bool alpha = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
                 ch == '+' || ch == '/';
    if (ch == '=' && i + 2 >= text.size() && i >= text.size() - 2) {
      ++padding;
      continue;
    }
    if (!alpha || padding > 0) return std::nullopt;
  }
  if (text.empty()) return std::string();
  std::string out(text.size() / 4 * 3, '\0');
  int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(text.data()),
                          static_cast<int>(text.size()));
  if (n < 0) return std::nullopt;
  out.resize(static_cast<size_t>(n) - padding);
  return out;
}

namespace {

Outcome fn_base64encode(Call& c) {
  auto s = arg_string(c, 0);
  if (!s) return forward(s);
  return Value::string(base64_encode(*s));
}

Outcome fn_base64decode(Call& c) {
  auto s = arg_string(c, 0);
  if (!s) return forward(s);
  auto bytes = base64_decode(*s);
  if (!bytes) return fail(c, "the text is not valid base64");
  if (!valid_utf8(*bytes))
    return fail(c, "the decoded bytes are not UTF-8 text; use filebase64 for binary data");
  return Value::string(std::move(*bytes));
}

Outcome fn_base64gzip(Call& c) {
  auto s = arg_string(c, 0);
  if (!s) return forward(s);
  z_stream zs{};
  // 16 + 15 window bits asks zlib for a gzip wrapper instead of a zlib one.
  if (deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + 15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    return fail(c, "compression failed");
  std::string out(deflateBound(&zs, static_cast<uLong>(s->size())) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(s->data());
  zs.avail_in = static_cast<uInt>(s->size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&zs, Z_FINISH);
  size_t produced = zs.total_out;
  deflateEnd(&zs);
  if (rc != Z_STREAM_END) return fail(c, "compression failed");
  out.resize(produced);
  return Value::string(base64_encode(out));
}

// Go's url.QueryEscape: unreserved characters stay, space becomes '+'.
Outcome fn_urlencode(Call& c) {
  auto s = arg_string(c, 0);
  if (!s) return forward(s);
  std::string out;
  for (unsigned char ch : *s) {
    if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
        ch == '-' || ch == '_' || ch == '.' || ch == '~')
      out += static_cast<char>(ch);
    else if (ch == ' ')
      out += '+';
    else
      out += fmt::format("%{:02X}", ch);
  }
  return Value::string(std::move(out));
}

// RFC 4180 records as Go's encoding/csv reads them: quoted fields with "" escapes,
// CRLF or LF line ends, blank lines skipped, every record as wide as the first.
Checked<std::vector<std::vector<std::string>>> parse_csv(const Call& c, std::string_view s) {
  std::vector<std::vector<std::string>> rows;
  size_t pos = 0;
  size_t line = 1;
  while (pos < s.size()) {
    if (s[pos] == '\n' || (s[pos] == '\r' && pos + 1 < s.size() && s[pos + 1] == '\n')) {
      pos += s[pos] == '\r' ? 2 : 1;
      ++line;
      continue;
    }
    std::vector<std::string> row;
    while (true) {
      std::string field;
      if (pos < s.size() && s[pos] == '"') {
        ++pos;
        while (true) {
          if (pos >= s.size())
            return fail(c, fmt::format("line {}: unterminated quoted field", line));
          char ch = s[pos++];
          if (ch == '"') {
            if (pos < s.size() && s[pos] == '"') {
              field += '"';
              ++pos;
              continue;
            }
            break;
          }
          if (ch == '\r' && pos < s.size() && s[pos] == '\n') continue;
          if (ch == '\n') ++line;
          field += ch;
        }
        if (pos < s.size() && s[pos] != ',' && s[pos] != '\n' && s[pos] != '\r')
          return fail(c, fmt::format("line {}: unexpected text after a quoted field", line));
      } else {
        while (pos < s.size() && s[pos] != ',' && s[pos] != '\n' &&
               !(s[pos] == '\r' && pos + 1 < s.size() && s[pos + 1] == '\n') &&
               !(s[pos] == '\r' && pos + 1 == s.size())) {
          if (s[pos] == '"') return fail(c, fmt::format("line {}: stray quote in a field", line));
          field += s[pos++];
        }
      }
      row.push_back(std::move(field));
      if (pos < s.size() && s[pos] == ',') {
        ++pos;
        continue;
      }
      break;
    }
    if (pos < s.size()) pos += s[pos] == '\r' ? 2 : 1;
    if (!rows.empty() && row.size() != rows.front().size())
      return fail(c, fmt::format("line {}: {} fields, but the header has {}", line, row.size(),
                                 rows.front().size()));
    rows.push_back(std::move(row));
    ++line;
    if (rows.size() > kMaxElements) return fail(c, "too many rows");
  }
  return rows;
}

Outcome fn_csvdecode(Call& c) {
  auto s = arg_string(c, 0);
  if (!s) return forward(s);
  auto rows = parse_csv(c, *s);
  if (!rows) return forward(rows);
  if (rows->empty()) return fail(c, "the text has no header row");
  const auto& header = rows->front();
  List out;
  for (size_t r = 1; r < rows->size(); ++r) {
    Map row;
    for (size_t i = 0; i < header.size(); ++i)
      row.push_back(Member{header[i], Value::string(std::move((*rows)[r][i])), {}});
    out.push_back(sorted_map(std::move(row)));
  }
  return Value::list(std::move(out));
}

enum class Charset { Utf8, Utf16Le, Utf16Be, Utf16Bom, Latin1, Ascii };

std::optional<Charset> charset(std::string name) {
  for (char& ch : name) ch = static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 32 : ch);
  if (name == "UTF-8" || name == "UTF8") return Charset::Utf8;
  if (name == "UTF-16LE") return Charset::Utf16Le;
  if (name == "UTF-16BE") return Charset::Utf16Be;
  if (name == "UTF-16") return Charset::Utf16Bom;
  if (name == "ISO-8859-1" || name == "ISO_8859-1" || name == "LATIN1" || name == "L1")
    return Charset::Latin1;
  if (name == "US-ASCII" || name == "ASCII") return Charset::Ascii;
  return std::nullopt;
}

Checked<Charset> arg_charset(const Call& c, size_t i) {
  auto name = arg_string(c, i);
  if (!name) return forward(name);
  auto cs = charset(*name);
  if (!cs)
    return fail(c, fmt::format("unsupported character encoding \"{}\" (supported: UTF-8, UTF-16, "
                               "UTF-16LE, UTF-16BE, ISO-8859-1, US-ASCII)",
                               *name));
  return *cs;
}

void put16(std::string& out, unsigned v, bool little) {
  char hi = static_cast<char>(v >> 8), lo = static_cast<char>(v & 0xFF);
  out += little ? lo : hi;
  out += little ? hi : lo;
}

Outcome fn_textencodebase64(Call& c) {
  auto s = arg_string(c, 0);
  if (!s) return forward(s);
  auto cs = arg_charset(c, 1);
  if (!cs) return forward(cs);
  std::string out;
  bool little = *cs == Charset::Utf16Le;
  if (*cs == Charset::Utf16Bom) out += "\xFE\xFF";
  size_t pos = 0;
  while (pos < s->size()) {
    char32_t cp = next_code_point(*s, pos);
    switch (*cs) {
      case Charset::Utf8:
        append_utf8(out, cp);
        break;
      case Charset::Latin1:
      case Charset::Ascii:
        if (cp > (*cs == Charset::Ascii ? 0x7Fu : 0xFFu))
          return fail(c, fmt::format("U+{:04X} cannot be written in the requested encoding",
                                     static_cast<unsigned>(cp)));
        out += static_cast<char>(cp);
        break;
      default:
        if (cp >= 0x10000) {
          char32_t v = cp - 0x10000;
          put16(out, 0xD800 + static_cast<unsigned>(v >> 10), little);
          put16(out, 0xDC00 + static_cast<unsigned>(v & 0x3FF), little);
        } else {
          put16(out, static_cast<unsigned>(cp), little);
        }
    }
  }
  return Value::string(base64_encode(out));
}

Outcome fn_textdecodebase64(Call& c) {
  auto s = arg_string(c, 0);
  if (!s) return forward(s);
  auto cs = arg_charset(c, 1);
  if (!cs) return forward(cs);
  auto bytes = base64_decode(*s);
  if (!bytes) return fail(c, "the text is not valid base64");
  std::string out;
  const std::string& b = *bytes;
  switch (*cs) {
    case Charset::Utf8:
      if (!valid_utf8(b)) return fail(c, "the decoded bytes are not valid UTF-8");
      return Value::string(b);
    case Charset::Ascii:
    case Charset::Latin1:
      for (unsigned char ch : b) {
        if (*cs == Charset::Ascii && ch > 0x7F) return fail(c, "the decoded bytes are not ASCII");
        append_utf8(out, ch);
      }
      return Value::string(std::move(out));
    default: {
      if (b.size() % 2 != 0) return fail(c, "the decoded bytes are not valid UTF-16");
      bool little = *cs == Charset::Utf16Le;
      size_t i = 0;
      if (*cs == Charset::Utf16Bom && b.size() >= 2) {
        auto b0 = static_cast<unsigned char>(b[0]), b1 = static_cast<unsigned char>(b[1]);
        if (b0 == 0xFF && b1 == 0xFE)
          little = true, i = 2;
        else if (b0 == 0xFE && b1 == 0xFF)
          i = 2;
      }
      auto unit = [&](size_t at) {
        auto x = static_cast<unsigned char>(b[at]), y = static_cast<unsigned char>(b[at + 1]);
        return little ? (static_cast<unsigned>(y) << 8 | x) : (static_cast<unsigned>(x) << 8 | y);
      };
      for (; i < b.size(); i += 2) {
        unsigned u = unit(i);
        if (u >= 0xD800 && u <= 0xDBFF && i + 3 < b.size()) {
          unsigned low = unit(i + 2);
          if (low >= 0xDC00 && low <= 0xDFFF) {
            append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
            i += 2;
            continue;
          }
        }
        if (u >= 0xD800 && u <= 0xDFFF) return fail(c, "the decoded bytes are not valid UTF-16");
        append_utf8(out, u);
      }
      return Value::string(std::move(out));
    }
  }
}

constexpr FunctionSpec kFunctions[] = {
    {"base64decode", fn_base64decode, 1, 1},
    {"base64encode", fn_base64encode, 1, 1},
    {"base64gzip", fn_base64gzip, 1, 1},
    {"csvdecode", fn_csvdecode, 1, 1},
    {"textdecodebase64", fn_textdecodebase64, 2, 2},
    {"textencodebase64", fn_textencodebase64, 2, 2},
    {"urlencode", fn_urlencode, 1, 1},
};

}  // namespace

std::span<const FunctionSpec> encoding_functions() { return kFunctions; }

}  // namespace cc::terraform::detail
