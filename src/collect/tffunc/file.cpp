// Filesystem functions. Every path is resolved against FunctionContext::base_dir and,
// after symbolic links are followed, must stay inside confine_dir: a configuration
// under scan must not be able to read the rest of the machine.
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <system_error>

#include "collect/tffunc/base64.h"
#include "collect/tffunc/digest.h"
#include "collect/tffunc/glob.h"
#include "collect/tffunc/internal.h"
#include "collect/tffunc/unicode.h"

namespace cc::terraform::detail {
namespace {

namespace fs = std::filesystem;

// Directory entries fileset() visits before giving up.
constexpr size_t kMaxWalkEntries = 200'000;

bool inside(const fs::path& path, const fs::path& root) {
  auto rel = path.lexically_relative(root);
  if (rel.empty()) return false;
  auto first = rel.begin();
  return first == rel.end() || *first != "..";
}

// The absolute, symlink-free form of `given`, or an error when it leaves the confine.
Checked<fs::path> resolve(const Call& c, const std::string& given) {
  const fs::path& confine_dir = c.ctx.confine_dir.empty() ? c.ctx.base_dir : c.ctx.confine_dir;
  if (confine_dir.empty()) return fail(c, "file access is not available here");
  std::error_code ec;
  fs::path root = fs::weakly_canonical(fs::absolute(confine_dir, ec), ec);
  if (ec) return fail(c, "the scanned directory cannot be resolved");
  fs::path p = given;
  if (p.is_relative()) p = c.ctx.base_dir / p;
  fs::path resolved = fs::weakly_canonical(fs::absolute(p, ec), ec);
  if (ec) return fail(c, fmt::format("cannot resolve \"{}\": {}", given, ec.message()));
  resolved = resolved.lexically_normal();
  if (resolved != root && !inside(resolved, root))
    return fail(c, fmt::format("\"{}\" is outside the scanned directory", given));
  return resolved;
}

// Reads a regular file within the size limit.
Checked<std::string> read_file(const Call& c, const std::string& given) {
  auto path = resolve(c, given);
  if (!path) return forward(path);
  std::error_code ec;
  auto status = fs::status(*path, ec);
  if (ec || !fs::exists(status)) return fail(c, fmt::format("no file exists at \"{}\"", given));
  if (!fs::is_regular_file(status))
    return fail(c, fmt::format("\"{}\" is not a regular file", given));
  auto size = fs::file_size(*path, ec);
  if (ec) return fail(c, fmt::format("cannot read \"{}\": {}", given, ec.message()));
  if (size > c.ctx.max_file_bytes)
    return fail(
        c, fmt::format("\"{}\" is larger than the {} byte limit", given, c.ctx.max_file_bytes));
  std::ifstream in(*path, std::ios::binary);
  if (!in) return fail(c, fmt::format("cannot open \"{}\"", given));
  std::string data(static_cast<size_t>(size), '\0');
  in.read(data.data(), static_cast<std::streamsize>(data.size()));
  data.resize(static_cast<size_t>(in.gcount()));
  return data;
}

Outcome fn_file(Call& c) {
  auto given = arg_string(c, 0);
  if (!given) return forward(given);
  auto data = read_file(c, *given);
  if (!data) return forward(data);
  if (!valid_utf8(*data))
    return fail(c,
                fmt::format("\"{}\" is not UTF-8 text; use filebase64 for binary files", *given));
  return Value::string(std::move(*data));
}

Outcome fn_filebase64(Call& c) {
  auto given = arg_string(c, 0);
  if (!given) return forward(given);
  auto data = read_file(c, *given);
  if (!data) return forward(data);
  return Value::string(base64_encode(*data));
}

template <Digest D, bool Base64>
Outcome file_hash(Call& c) {
  auto given = arg_string(c, 0);
  if (!given) return forward(given);
  auto data = read_file(c, *given);
  if (!data) return forward(data);
  std::string raw = digest_bytes(D, *data);
  return Value::string(Base64 ? base64_encode(raw) : hex(raw));
}

Outcome fn_fileexists(Call& c) {
  auto given = arg_string(c, 0);
  if (!given) return forward(given);
  auto path = resolve(c, *given);
  if (!path) return forward(path);
  std::error_code ec;
  auto status = fs::status(*path, ec);
  if (!fs::exists(status)) return Value::boolean(false);
  if (!fs::is_regular_file(status))
    return fail(c, fmt::format("\"{}\" exists but is not a regular file", *given));
  return Value::boolean(true);
}

Outcome fn_fileset(Call& c) {
  auto dir_given = arg_string(c, 0);
  auto pattern = arg_string(c, 1);
  if (!dir_given) return forward(dir_given);
  if (!pattern) return forward(pattern);
  auto dir = resolve(c, *dir_given);
  if (!dir) return forward(dir);
  if (!glob_valid(*pattern)) return fail(c, fmt::format("invalid pattern \"{}\"", *pattern));
  std::error_code ec;
  if (!fs::is_directory(*dir, ec)) return Value::list();
  const fs::path& confine_dir = c.ctx.confine_dir.empty() ? c.ctx.base_dir : c.ctx.confine_dir;
  fs::path root = fs::weakly_canonical(fs::absolute(confine_dir, ec), ec);
  std::vector<std::string> found;
  size_t visited = 0;
  fs::recursive_directory_iterator it(*dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (++visited > kMaxWalkEntries) return fail(c, "the directory tree is too large to search");
    std::error_code sec;
    if (!it->is_regular_file(sec)) continue;
    // A linked file counts only when its target is inside the scanned directory too.
    fs::path target = fs::weakly_canonical(it->path(), sec);
    if (sec || !inside(target, root)) continue;
    std::string rel = it->path().lexically_relative(*dir).generic_string();
    auto m = glob_match(*pattern, rel);
    if (!m) return fail(c, fmt::format("the pattern \"{}\" is too complex", *pattern));
    if (*m) found.push_back(std::move(rel));
  }
  std::sort(found.begin(), found.end());
  List out;
  for (auto& f : found) out.push_back(Value::string(std::move(f)));
  return Value::list(std::move(out));
}

Outcome fn_templatefile(Call& c) {
  if (c.args[0].contains_unknown()) return unknown_result(c);
  auto given = arg_string(c, 0);
  if (!given) return forward(given);
  if (!c.args[1].is_map() && !c.args[1].is_unknown())
    return fail(c, "the template variables must be a map or object");
  auto data = read_file(c, *given);
  if (!data) return forward(data);
  if (!valid_utf8(*data)) return fail(c, fmt::format("\"{}\" is not UTF-8 text", *given));
  if (!c.ctx.render_template)
    return Value::unknown("templatefile() needs the configuration evaluator to render");
  auto path = resolve(c, *given);
  return c.ctx.render_template(*data, path ? path->generic_string() : *given, c.args[1]);
}

// templatestring(): like templatefile() with the template text given directly.
Outcome fn_templatestring(Call& c) {
  if (c.args[0].contains_unknown()) return unknown_result(c);
  auto text = arg_string(c, 0);
  if (!text) return forward(text);
  if (!c.args[1].is_map() && !c.args[1].is_unknown())
    return fail(c, "the template variables must be a map or object");
  if (!c.ctx.render_template)
    return Value::unknown("templatestring() needs the configuration evaluator to render");
  return c.ctx.render_template(*text, std::string(), c.args[1]);
}

// Go's filepath.Clean on '/'-separated paths.
std::string clean(std::string_view p) {
  if (p.empty()) return ".";
  bool rooted = p[0] == '/';
  std::vector<std::string_view> parts;
  size_t pos = 0;
  while (pos <= p.size()) {
    size_t slash = p.find('/', pos);
    std::string_view part =
        p.substr(pos, slash == std::string_view::npos ? std::string_view::npos : slash - pos);
    if (part == "..") {
      if (!parts.empty() && parts.back() != "..")
        parts.pop_back();
      else if (!rooted)
        parts.push_back(part);
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    if (slash == std::string_view::npos) break;
    pos = slash + 1;
  }
  std::string out = rooted ? "/" : "";
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += '/';
    out += parts[i];
  }
  return out.empty() ? "." : out;
}

Outcome fn_basename(Call& c) {
  auto p = arg_string(c, 0);
  if (!p) return forward(p);
  std::string s = *p;
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  if (s.empty()) return Value::string(".");
  if (s == "/") return Value::string("/");
  size_t slash = s.rfind('/');
  return Value::string(slash == std::string::npos ? s : s.substr(slash + 1));
}

Outcome fn_dirname(Call& c) {
  auto p = arg_string(c, 0);
  if (!p) return forward(p);
  size_t slash = p->rfind('/');
  return Value::string(clean(slash == std::string::npos ? "" : p->substr(0, slash + 1)));
}

Outcome fn_abspath(Call& c) {
  auto p = arg_string(c, 0);
  if (!p) return forward(p);
  if (!p->empty() && (*p)[0] == '/') return Value::string(clean(*p));
  std::error_code ec;
  fs::path base = fs::absolute(c.ctx.base_dir.empty() ? fs::path(".") : c.ctx.base_dir, ec);
  return Value::string(clean(base.generic_string() + "/" + *p));
}

Outcome fn_pathexpand(Call& c) {
  auto p = arg_string(c, 0);
  if (!p) return forward(p);
  if (p->starts_with("~"))
    return Value::unknown(
        "pathexpand() depends on the home directory of the machine running Terraform");
  return Value::string(std::move(*p));
}

constexpr FunctionSpec kFunctions[] = {
    {"abspath", fn_abspath, 1, 1},
    {"basename", fn_basename, 1, 1},
    {"dirname", fn_dirname, 1, 1},
    {"file", fn_file, 1, 1},
    {"filebase64", fn_filebase64, 1, 1},
    {"filebase64sha256", file_hash<Digest::Sha256, true>, 1, 1},
    {"filebase64sha512", file_hash<Digest::Sha512, true>, 1, 1},
    {"fileexists", fn_fileexists, 1, 1},
    {"filemd5", file_hash<Digest::Md5, false>, 1, 1},
    {"fileset", fn_fileset, 2, 2},
    {"filesha1", file_hash<Digest::Sha1, false>, 1, 1},
    {"filesha256", file_hash<Digest::Sha256, false>, 1, 1},
    {"filesha512", file_hash<Digest::Sha512, false>, 1, 1},
    {"pathexpand", fn_pathexpand, 1, 1},
    {"templatefile", fn_templatefile, 2, 2, UnknownArgs::Handle},
    {"templatestring", fn_templatestring, 2, 2, UnknownArgs::Handle},
};

}  // namespace

std::span<const FunctionSpec> file_functions() { return kFunctions; }

}  // namespace cc::terraform::detail
