#!/usr/bin/env bash
# Reply coach and tone reader on 2,000-character texts, against one regex pass over the same text (BenchmarkDotNet,
# ShortRun). Prints mean times and the ratio to the baseline; the composer needs the coach well under 5 ms.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet run -c Release --project bench/Coaching -- --filter '*' "$@"
