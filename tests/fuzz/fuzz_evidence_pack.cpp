// libFuzzer target: `cloudcomply verify PACK` on hostile evidence packs. An auditor
// checks packs that come from elsewhere, so every part of one is untrusted. The first
// byte chooses: odd — the rest is the ZIP file itself; even — the rest is split at the
// first NUL into manifest.json and ledger.jsonl, packed into a well-formed ZIP so that
// the pack's own parsing (manifest, ledger entries, chain, replay) is what gets fuzzed.
#include <unistd.h>
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>

#include "program/evidence_pack.h"

namespace {

const std::string& pack_path() {
  static const std::string path = "/tmp/cc-fuzz-pack-" + std::to_string(::getpid()) + ".zip";
  return path;
}

bool write_zip(std::string_view manifest, std::string_view ledger) {
  ::unlink(pack_path().c_str());
  int err = 0;
  zip_t* z = zip_open(pack_path().c_str(), ZIP_CREATE | ZIP_EXCL, &err);
  if (!z) return false;
  for (auto [name, text] :
       {std::pair{"manifest.json", manifest}, std::pair{"ledger.jsonl", ledger}}) {
    zip_source_t* src = zip_source_buffer(z, text.data(), text.size(), 0);
    if (!src || zip_file_add(z, name, src, 0) < 0) {
      if (src) zip_source_free(src);
      zip_discard(z);
      return false;
    }
  }
  static const char kFile[] = "alpha";
  zip_source_t* src = zip_source_buffer(z, kFile, 5, 0);
  // The digest of "alpha", so manifests that name it reach the file check.
  if (src &&
      zip_file_add(z, "files/8ed3f6ad685b959ead7022518e1af76cd816f8e8ec7ccdda1ed4018e8f2223f8", src,
                   0) < 0)
    zip_source_free(src);
  return zip_close(z) == 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] & 1) {
    std::ofstream(pack_path(), std::ios::binary | std::ios::trunc)
        .write(rest.data(), static_cast<std::streamsize>(rest.size()));
  } else {
    size_t cut = rest.find('\0');
    if (cut == std::string_view::npos) cut = rest.size();
    if (!write_zip(rest.substr(0, cut),
                   cut < rest.size() ? rest.substr(cut + 1) : std::string_view()))
      return 0;
  }
  cc::program::PackLimits limits;
  limits.max_index_bytes = 1 << 20;
  auto v = cc::program::verify_pack(pack_path(), limits);
  // A pack either cannot be read (an error with a message) or is judged: intact with a
  // head, or with problems.
  if (!v && v.error().message.empty()) __builtin_trap();
  if (v && v->ok() && v->entries > 0 && v->head.size() != 64) __builtin_trap();
  return 0;
}
