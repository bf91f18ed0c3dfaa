#pragma once
// Heuristics for credentials written in plain text into manifests (env values,
// ConfigMap data). They flag; they never copy the value anywhere.
#include <string_view>

namespace cc::model::kubernetes {

// A key or variable name that by convention holds a secret (DB_PASSWORD, apiKey,
// CLIENT_SECRET), excluding names that point at one (PASSWORD_FILE, TOKEN_PATH).
bool name_suggests_credential(std::string_view name);

// A value with the recognisable shape of a credential: cloud access key ids, private
// key blocks, well-known token prefixes, URLs with an embedded password.
bool value_looks_like_credential(std::string_view value);

// A literal value under `name` that is most likely a credential in plain text.
bool literal_credential(std::string_view name, std::string_view value);

}  // namespace cc::model::kubernetes
