#!/usr/bin/env bash
# `npm run test:db:at -- <instant> [vitest args]`: the database tests with the whole stack's clock (Node,
# Auth, REST and PostgreSQL's now()) moved to <instant> and running on from there, e.g.
#   npm run test:db:at -- 2026-12-31T23:59:30Z
# runs them across midnight UTC and into New Year. libfaketime (Debian package `faketime`) shifts the
# clock of every process started from here by the same offset.
set -euo pipefail
cd "$(dirname "$0")/.."
at="${1:?usage: npm run test:db:at -- <instant, e.g. 2026-12-31T23:59:30Z> [vitest args]}"
shift
lib="$(dpkg -L libfaketime 2>/dev/null | grep -m1 '/libfaketime.so.1$' || true)"
if [ -z "$lib" ]; then
  echo "libfaketime is not installed: apt-get install faketime" >&2
  exit 2
fi
offset=$(($(date -u -d "$at" +%s) - $(date -u +%s)))
echo "test:db:at: clock moved by ${offset} s to ${at}"
# FAKETIME_NO_CACHE: every clock read sees the offset (no per-process caching of the start time).
LD_PRELOAD="$lib" FAKETIME="$(printf '%+d' "$offset")" FAKETIME_NO_CACHE=1 \
  exec node_modules/.bin/vitest run --project db "$@"
