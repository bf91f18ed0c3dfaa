#!/usr/bin/env bash
# `cloudcomply serve` as a process: starts on a free port, answers its probes over HTTP
# and HTTPS, refuses bad options, and on SIGTERM finishes and exits 0.
# Usage: serve.sh PATH/TO/cloudcomply SOURCE_DIR
set -uo pipefail
bin=$1
export CLOUDCOMPLY_DATA=$2
tmp=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null; done
  rm -rf "$tmp"
}
trap cleanup EXIT
passed=0
failed=0
check() {  # check NAME COMMAND...
  local name=$1
  shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $name"; fi
}

# start LOG ARGS...: runs serve in the background; sets pid and url (empty if it did not start)
start() {
  local log=$1
  shift
  "$bin" serve --listen 127.0.0.1:0 --db "$tmp/program.db" "$@" 2>"$log" &
  pid=$!
  pids+=("$pid")
  url=""
  for _ in $(seq 1 100); do
    url=$(python3 -c "import json,sys
for l in open('$log'):
    d=json.loads(l)
    if d.get('event')=='listening': print(d['url']); break" 2>/dev/null)
    [[ -n "$url" ]] && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.05
  done
  return 1
}

# stops PID with SIGTERM and expects exit code 0 within 5 s
stops_cleanly() {
  local pid=$1
  kill -TERM "$pid"
  for _ in $(seq 1 100); do
    if ! kill -0 "$pid" 2>/dev/null; then
      wait "$pid"
      return $?
    fi
    sleep 0.05
  done
  echo "still running 5 s after SIGTERM"
  return 1
}

check "serve starts" start "$tmp/http.log"
check "healthz" bash -c "curl -sf '$url/healthz' | grep -q '\"status\":\"ok\"'"
check "readyz with the store" bash -c "curl -sf '$url/readyz' | grep -q '\"status\":\"ready\"'"
check "unknown route is a 404 problem" bash -c "curl -s -o '$tmp/404.json' -w '%{http_code} %{content_type}' '$url/nope' | grep -qx '404 application/problem+json'"
check "404 body" grep -q '"title":"Not Found"' "$tmp/404.json"
check "oversized body is 413" bash -c "head -c 20000000 /dev/zero | curl -s -o /dev/null -w '%{http_code}' -X POST --data-binary @- '$url/healthz' | grep -qx 413"
check "port in use is refused" bash -c "'$bin' serve --listen '${url#http://}' --db '$tmp/program.db' 2>'$tmp/inuse.log'; test \$? -eq 2"
check "port in use says why" grep -q 'cannot listen on 127.0.0.1:' "$tmp/inuse.log"
check "SIGTERM stops with exit 0" stops_cleanly "$pid"
check "log has a line per request" python3 -c "
import json
lines=[json.loads(l) for l in open('$tmp/http.log')]
reqs=[l for l in lines if 'method' in l]
assert [r['path'] for r in reqs][:3]==['/healthz','/readyz','/nope'], reqs
assert [l['event'] for l in lines if 'event' in l]==['listening','stopping','stopped'], lines"

# HTTPS with a certificate made here.
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$tmp/key.pem" -out "$tmp/cert.pem" -days 1 \
  -subj /CN=localhost >/dev/null 2>&1
check "serve starts with TLS" start "$tmp/tls.log" --tls-cert "$tmp/cert.pem" --tls-key "$tmp/key.pem"
check "url is https" bash -c "[[ '$url' == https://* ]]"
check "healthz over TLS" bash -c "curl -sf --cacert '$tmp/cert.pem' --resolve 'localhost:${url##*:}:127.0.0.1' 'https://localhost:${url##*:}/healthz' | grep -q ok"
check "plain HTTP to the TLS port fails" bash -c "! curl -sf 'http://${url#https://}/healthz' >/dev/null 2>&1"
check "TLS server stops" stops_cleanly "$pid"

check "bad listen address" bash -c "'$bin' serve --listen nowhere 2>'$tmp/bad.log'; test \$? -eq 2"
check "certificate without key" bash -c "'$bin' serve --listen 127.0.0.1:0 --tls-cert '$tmp/cert.pem' 2>'$tmp/nokey.log'; test \$? -eq 2"
check "unreadable certificate" bash -c "'$bin' serve --listen 127.0.0.1:0 --tls-cert '$tmp/none.pem' --tls-key '$tmp/none.pem' --db '$tmp/program.db' 2>'$tmp/nocert.log'; test \$? -eq 2"

echo "serve: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
