#pragma once
// Container image references: "registry:5000/team/app:1.2@sha256:..." split into parts.
#include <string>
#include <string_view>

namespace cc::model::kubernetes {

struct ImageRef {
  std::string repository;  // everything before the tag and digest
  std::string tag;         // "" when the reference names no tag
  std::string digest;      // "sha256:..." or "" when not pinned
};

ImageRef parse_image(std::string_view image);

}  // namespace cc::model::kubernetes
