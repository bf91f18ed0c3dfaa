#pragma once
// Calendar dates ("2026-11-23") as whole days, for review intervals and expiry.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cc::program {

// Days since 1970-01-01; nullopt unless `text` is a valid YYYY-MM-DD date.
std::optional<int64_t> parse_date(std::string_view text);
std::string format_date(int64_t days);
// The date part of a UTC timestamp ("2026-11-23T10:00:00Z" -> "2026-11-23").
std::string date_of(std::string_view timestamp);

}  // namespace cc::program
