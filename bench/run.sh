#!/usr/bin/env bash
# Intake throughput: Redress's real POST /api/v1/complaints against a bare ASP.NET Core + SQLite insert,
# measured in the same run, at 8 and 32 connections. Prints both and the ratio (redress / baseline).
# Everything binds to 127.0.0.1; every load run is bounded by BENCH_SECONDS.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

SECONDS_PER_RUN="${BENCH_SECONDS:-10}"
WARMUP_SECONDS="${BENCH_WARMUP_SECONDS:-5}"
CONNECTIONS="${BENCH_CONNECTIONS:-8 32}"
REDRESS_PORT="${BENCH_REDRESS_PORT:-5181}"
BASELINE_PORT="${BENCH_BASELINE_PORT:-5182}"
TOKEN="rd_bench_$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"

if ! command -v wrk >/dev/null; then
  echo "wrk is missing: apt-get install -y wrk" >&2
  exit 1
fi

work="$(mktemp -d /tmp/redress-bench.XXXXXX)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "==> Building Redress and the baseline (Release)"
dotnet publish src/Redress.Web -c Release -o "$work/redress" --nologo -v quiet >/dev/null
dotnet publish bench/Baseline -c Release -o "$work/baseline" --nologo -v quiet >/dev/null

start() { # name dll port
  local name="$1" dll="$2" port="$3"
  mkdir -p "$work/$name-data"
  env ASPNETCORE_URLS="http://127.0.0.1:$port" \
      Redress__DataDirectory="$work/$name-data" \
      Database__Provider=Sqlite \
      Redress__SeedDemo=false \
      Redress__Bootstrap__AdminEmail=bench@example.com \
      Redress__Bootstrap__AdminPassword='Bench-Passw0rd!' \
      Redress__Bootstrap__ApiToken="$TOKEN" \
      Logging__LogLevel__Default=Warning \
      dotnet "$dll" >"$work/$name.log" 2>&1 &
  pids+=("$!")
  for _ in $(seq 1 120); do
    if curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "$name did not become ready on port $port; its log:" >&2
  cat "$work/$name.log" >&2
  exit 1
}

echo "==> Starting both servers on 127.0.0.1"
start baseline "$work/baseline/Redress.Bench.Baseline.dll" "$BASELINE_PORT"
start redress "$work/redress/Redress.Web.dll" "$REDRESS_PORT"

load() { # port connections seconds -> "requests_per_second non2xx socket_errors"
  local out
  out="$(BENCH_TOKEN="$TOKEN" wrk -t2 -c"$2" -d"$3"s --timeout 5s -s bench/intake.lua "http://127.0.0.1:$1")"
  local rps non2xx sockets
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  non2xx="$(awk -F': ' '/^non2xx/ {print $2}' <<<"$out")"
  sockets="$(awk '/Socket errors/ {gsub(",", ""); print $4+$6+$8+$10}' <<<"$out")"
  echo "$rps ${non2xx:-0} ${sockets:-0}"
}

echo "==> Warming up (${WARMUP_SECONDS}s each)"
load "$BASELINE_PORT" 8 "$WARMUP_SECONDS" >/dev/null
load "$REDRESS_PORT" 8 "$WARMUP_SECONDS" >/dev/null

echo "==> Measuring (${SECONDS_PER_RUN}s per run, baseline then Redress at each level)"
failed=0
printf '\n%-12s %14s %14s %8s %10s\n' connections baseline_rps redress_rps ratio errors
for c in $CONNECTIONS; do
  read -r base_rps base_non2xx base_sock <<<"$(load "$BASELINE_PORT" "$c" "$SECONDS_PER_RUN")"
  read -r red_rps red_non2xx red_sock <<<"$(load "$REDRESS_PORT" "$c" "$SECONDS_PER_RUN")"
  ratio="$(awk -v r="$red_rps" -v b="$base_rps" 'BEGIN { printf "%.2f", (b > 0 ? r / b : 0) }')"
  errors=$((base_non2xx + base_sock + red_non2xx + red_sock))
  printf '%-12s %14s %14s %8s %10s\n' "$c" "$base_rps" "$red_rps" "$ratio" "$errors"
  # A fast error page is not throughput: a run with failed requests does not count.
  if [ "$errors" -gt 0 ]; then failed=1; fi
done
echo
if [ "$failed" -ne 0 ]; then
  echo "Some requests failed (non-2xx answers or socket errors); the figures above are not valid. Logs: $work" >&2
  trap - EXIT
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  exit 1
fi
