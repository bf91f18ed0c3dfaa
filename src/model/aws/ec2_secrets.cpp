// A deliberately simple look for credentials written into user data. It errs towards
// silence: only literal values count, not references to variables or parameters.
#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "model/aws/ec2_parts.h"

namespace cc::model::aws::ec2 {
namespace {

bool is_upper_alnum(char ch) {
  return std::isupper(static_cast<unsigned char>(ch)) ||
         std::isdigit(static_cast<unsigned char>(ch));
}

// "AKIA" / "ASIA" followed by 16 upper-case letters or digits: an access key id.
bool has_access_key_id(std::string_view text) {
  for (std::string_view prefix : {"AKIA", "ASIA"}) {
    for (size_t pos = text.find(prefix); pos != std::string_view::npos;
         pos = text.find(prefix, pos + 1)) {
      if (pos + 20 > text.size()) break;
      std::string_view rest = text.substr(pos + 4, 16);
      bool before_ok = pos == 0 || !is_upper_alnum(text[pos - 1]);
      if (before_ok && std::all_of(rest.begin(), rest.end(), is_upper_alnum)) return true;
    }
  }
  return false;
}

bool has_private_key(std::string_view text) {
  size_t begin = text.find("-----BEGIN ");
  return begin != std::string_view::npos &&
         text.find("PRIVATE KEY-----", begin) != std::string_view::npos;
}

// password=..., DB_SECRET: "...", api_key = ... with a literal value of 4+ characters.
bool has_literal_assignment(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  static constexpr std::array<std::string_view, 7> kWords = {
      "password", "passwd", "secret", "token", "api_key", "apikey", "access_key"};
  auto ident = [](char ch) {
    return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '-';
  };
  for (std::string_view word : kWords) {
    for (size_t pos = lower.find(word); pos != std::string::npos; pos = lower.find(word, pos + 1)) {
      size_t i = pos + word.size();
      while (i < lower.size() && ident(lower[i])) ++i;  // DB_PASSWORD_FILE, secret_key...
      while (i < lower.size() && (lower[i] == ' ' || lower[i] == '"' || lower[i] == '\'')) ++i;
      if (i >= lower.size() || (lower[i] != '=' && lower[i] != ':')) continue;
      ++i;
      while (i < lower.size() && (lower[i] == ' ' || lower[i] == '"' || lower[i] == '\'')) ++i;
      size_t start = i;
      while (i < lower.size() && !std::isspace(static_cast<unsigned char>(lower[i])) &&
             lower[i] != '"' && lower[i] != '\'')
        ++i;
      std::string_view value(text.data() + start, i - start);
      if (value.size() < 4) continue;
      // $VAR, ${VAR}, $(cmd), {{template}}, <placeholder>, %VAR% are not literals.
      if (std::string_view("$<{%(").find(value.front()) != std::string_view::npos) continue;
      return true;
    }
  }
  return false;
}

}  // namespace

bool looks_like_secret(std::string_view text) {
  return has_access_key_id(text) || has_private_key(text) || has_literal_assignment(text);
}

}  // namespace cc::model::aws::ec2
