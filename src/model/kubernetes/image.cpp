#include "model/kubernetes/image.h"

namespace cc::model::kubernetes {

ImageRef parse_image(std::string_view image) {
  ImageRef ref;
  if (size_t at = image.find('@'); at != std::string_view::npos) {
    ref.digest = std::string(image.substr(at + 1));
    image = image.substr(0, at);
  }
  // A colon after the last slash separates the tag; one before it is a registry port.
  size_t last_slash = image.rfind('/');
  size_t colon = image.rfind(':');
  if (colon != std::string_view::npos &&
      (last_slash == std::string_view::npos || colon > last_slash)) {
    ref.tag = std::string(image.substr(colon + 1));
    image = image.substr(0, colon);
  }
  ref.repository = std::string(image);
  return ref;
}

}  // namespace cc::model::kubernetes
