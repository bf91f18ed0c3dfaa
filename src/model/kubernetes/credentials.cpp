#include "model/kubernetes/credentials.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace cc::model::kubernetes {
namespace {

// Lower case with separators removed, so DB_PASSWORD, db-password and dbPassword agree.
std::string squash(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c)))
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

bool upper_alnum(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::isupper(static_cast<unsigned char>(c)) ||
           std::isdigit(static_cast<unsigned char>(c));
  });
}

// AWS access key ids: a four-letter prefix and 16 upper-case letters or digits.
bool aws_access_key_id(std::string_view v) {
  return v.size() == 20 && (v.starts_with("AKIA") || v.starts_with("ASIA")) && upper_alnum(v);
}

// scheme://user:password@host
bool url_with_password(std::string_view v) {
  size_t scheme = v.find("://");
  if (scheme == std::string_view::npos) return false;
  std::string_view rest = v.substr(scheme + 3);
  size_t end = rest.find('/');
  std::string_view authority = rest.substr(0, end);
  size_t at = authority.rfind('@');
  if (at == std::string_view::npos) return false;
  size_t colon = authority.substr(0, at).find(':');
  return colon != std::string_view::npos && colon + 1 < at;
}

bool boolean_word(std::string_view v) {
  std::string s = squash(v);
  return s == "true" || s == "false" || s == "yes" || s == "no" || s == "on" || s == "off";
}

}  // namespace

bool name_suggests_credential(std::string_view name) {
  std::string n = squash(name);
  if (n == "pwd") return false;  // the shell's working directory
  static constexpr std::array<std::string_view, 11> kPointers = {
      "file", "path", "dir", "name", "ref", "url", "ttl", "expiry", "length", "enabled", "type"};
  for (auto suffix : kPointers)
    if (n.ends_with(suffix)) return false;
  static constexpr std::array<std::string_view, 13> kSecretWords = {
      "password",   "passwd",           "pwd",        "secret",     "token",
      "apikey",     "accesskey",        "privatekey", "credential", "authkey",
      "passphrase", "connectionstring", "signingkey"};
  for (auto word : kSecretWords)
    if (n.find(word) != std::string::npos) return true;
  return false;
}

bool value_looks_like_credential(std::string_view value) {
  if (aws_access_key_id(value)) return true;
  if (value.find("-----BEGIN") != std::string_view::npos &&
      value.find("PRIVATE KEY") != std::string_view::npos)
    return true;
  static constexpr std::array<std::string_view, 9> kTokenPrefixes = {
      "ghp_", "gho_", "ghs_", "github_pat_", "glpat-", "xoxb-", "xoxp-", "sk_live_", "AIza"};
  for (auto prefix : kTokenPrefixes)
    if (value.starts_with(prefix) && value.size() >= prefix.size() + 16) return true;
  return url_with_password(value);
}

bool literal_credential(std::string_view name, std::string_view value) {
  if (value.empty()) return false;
  if (value_looks_like_credential(value)) return true;
  if (!name_suggests_credential(name)) return false;
  // $(VAR) and ${VAR} point at other variables; booleans are feature switches.
  if (value.starts_with("$(") || value.starts_with("${")) return false;
  return !boolean_word(value);
}

}  // namespace cc::model::kubernetes
