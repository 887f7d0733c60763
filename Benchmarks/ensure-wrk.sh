#!/usr/bin/env bash
# Installs wrk when it is missing and the machine lets us (root with apt), else says how.
# Usage: Benchmarks/ensure-wrk.sh NAME-OF-THE-CALLER
command -v wrk >/dev/null && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
else
  echo "${1:-this benchmark} needs wrk: sudo apt-get install wrk" >&2; exit 1
fi
