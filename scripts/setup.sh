#!/usr/bin/env bash
# Installs what cloudcomply needs to build and test, from Debian's packages.
# Idempotent and non-interactive; does nothing when everything is present.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config ccache git
  libyaml-dev libsimdjson-dev libre2-dev libfmt-dev libcli11-dev nlohmann-json3-dev
  libgtest-dev libgmock-dev libbenchmark-dev libjemalloc-dev libssl-dev zlib1g-dev
  libsqlite3-dev libpq-dev libzip-dev libxlsxwriter-dev libpugixml-dev libcpp-httplib-dev
)
if [[ "${CC_SETUP_TEST:-0}" == 1 ]]; then
  # The test suite also builds with clang for libFuzzer and the sanitizers.
  # The store tests also run against a PostgreSQL server they start themselves.
  # The HTML report's browser test renders it with headless Chromium.
  # The OSCAL outputs are validated against JSON Schemas with python3-jsonschema.
  # The server's end-to-end test talks to it with curl, over TLS with a certificate
  # that openssl makes.
  packages+=(clang libclang-rt-14-dev python3 postgresql chromium python3-jsonschema curl openssl)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
