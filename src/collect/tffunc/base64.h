#pragma once
// Standard base64 (with padding) on OpenSSL, as strict about its input as Terraform.
#include <optional>
#include <string>
#include <string_view>

namespace cc::terraform::detail {

std::string base64_encode(std::string_view bytes);
// nullopt when `input` is not padded base64 (line breaks in it are ignored).
std::optional<std::string> base64_decode(std::string_view input);

}  // namespace cc::terraform::detail
