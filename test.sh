#!/usr/bin/env bash
# Runs every test of Redress on a Debian 12 machine (developer box or CI):
#   1. installs the Debian packages the tests need (chromium, postgresql, fonts) if they are missing,
#   2. restores the dotnet tools and builds the solution once (Release),
#   3. runs all test projects, writing TRX files to artifacts/test-results,
#   4. ends with exactly one line "N passed, N failed, N skipped" (CI reads it).
# The exit status is non-zero if the build failed, a test failed, a test run was aborted (a hung test is killed after
# 10 minutes and counts as one failure) or no test ran at all.
set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"

readonly configuration=Release
readonly solution=Redress.slnx
readonly results_dir="$PWD/artifacts/test-results"
readonly packages=(chromium postgresql fonts-dejavu-core)

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

summary_printed=0
# Whatever happens, the last line is the summary; an early failure (packages, build) reports nothing run.
on_exit() {
    if [[ $summary_printed == 0 ]]; then
        echo "0 passed, 0 failed, 0 skipped"
    fi
}
trap on_exit EXIT

phase() { printf '\n==> %s\n' "$*"; }
fail() { printf 'error: %s\n' "$*" >&2; exit 1; }

phase "Checking Debian packages: ${packages[*]}"
missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$package")
    fi
done
if ((${#missing[@]} == 0)); then
    echo "All installed."
else
    echo "Installing: ${missing[*]}"
    if [[ $(id -u) == 0 ]]; then
        as_root=()
    elif command -v sudo >/dev/null; then
        as_root=(sudo)
    else
        fail "not root and no sudo: install ${missing[*]} first"
    fi
    # Wait for another apt/dpkg (unattended upgrades, a provisioning step) instead of failing on its lock.
    apt_options=(-o DPkg::Lock::Timeout=600)
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_options[@]}" update -q \
        || fail "apt-get update failed"
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_options[@]}" install -y -q --no-install-recommends "${missing[@]}" \
        || fail "apt-get install ${missing[*]} failed"
fi

command -v dotnet >/dev/null || fail "dotnet not found: install the .NET 10 SDK (see global.json)"

phase "Restoring dotnet tools"
dotnet tool restore || fail "dotnet tool restore failed"

phase "Building $solution ($configuration)"
dotnet build "$solution" -c "$configuration" --nologo || fail "build failed"

phase "Running tests (results in ${results_dir#"$PWD"/})"
rm -rf "$results_dir"
mkdir -p "$results_dir"
test_status=0
dotnet test "$solution" -c "$configuration" --no-build --nologo \
    --logger trx --results-directory "$results_dir" \
    --blame-hang-timeout 10m --blame-hang-dump-type none \
    || test_status=$?

phase "Summary"
# Counts every UnitTestResult in every TRX file: Passed -> passed, NotExecuted -> skipped, anything else -> failed.
# A run whose test host crashed or hung loses its results and leaves only a note saying so: that counts as one failure.
count_with_python() {
    python3 - "$results_dir" <<'PY'
import glob, os, sys
import xml.etree.ElementTree as ET

ns = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
passed = failed = skipped = 0
for path in sorted(glob.glob(os.path.join(sys.argv[1], "**", "*.trx"), recursive=True)):
    name = os.path.basename(path)
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        print(f"unreadable TRX file {name}: {e}", file=sys.stderr)
        failed += 1
        continue
    for result in root.iter(ns + "UnitTestResult"):
        outcome = result.get("outcome", "")
        if outcome in ("Passed", "PassedButRunAborted", "Warning"):
            passed += 1
        elif outcome in ("NotExecuted", "NotRunnable", "Inconclusive", "Pending"):
            skipped += 1
        else:
            failed += 1
            print(f"{outcome.upper()}: {result.get('testName')}", file=sys.stderr)
    # A crashed or hung test host loses the results it had not sent yet and leaves only a note saying so.
    summary = root.find(ns + "ResultSummary")
    notes = [(info.findtext(ns + "Text") or "").strip() for info in root.iter(ns + "RunInfo") if info.get("outcome") == "Error"]
    aborted = [n for n in notes if "test run was aborted" in n or "host process crashed" in n]
    if aborted or (summary is not None and summary.get("outcome") in ("Aborted", "Error", "Timeout")):
        failed += 1
        print(f"RUN ABORTED ({name}): {' '.join(aborted) or summary.get('outcome')}", file=sys.stderr)
print(f"{passed} {failed} {skipped}")
PY
}
# Without python3: the same counts from the attributes (the TRX writer puts each element's attributes on one line).
count_with_grep() {
    local passed=0 failed=0 skipped=0 file outcomes
    while IFS= read -r -d '' file; do
        outcomes=$(grep -o '<UnitTestResult [^>]*' "$file" | grep -o ' outcome="[^"]*"' | cut -d'"' -f2 || true)
        passed=$((passed + $(grep -cxE 'Passed|PassedButRunAborted|Warning' <<<"$outcomes" || true)))
        skipped=$((skipped + $(grep -cxE 'NotExecuted|NotRunnable|Inconclusive|Pending' <<<"$outcomes" || true)))
        failed=$((failed + $(grep -cvxE 'Passed|PassedButRunAborted|Warning|NotExecuted|NotRunnable|Inconclusive|Pending|' <<<"$outcomes" || true)))
        if grep -qE '<ResultSummary outcome="(Aborted|Error|Timeout)"|test run was aborted|host process crashed' "$file"; then
            failed=$((failed + 1))
        fi
    done < <(find "$results_dir" -name '*.trx' -print0)
    echo "$passed $failed $skipped"
}
if command -v python3 >/dev/null; then
    counts=$(count_with_python)
else
    counts=$(count_with_grep)
fi
read -r passed failed skipped <<<"$counts"

trx_count=$(find "$results_dir" -name '*.trx' | wc -l)
echo "TRX files: $trx_count; dotnet test exit code: $test_status"
status=0
if ((failed > 0)); then
    echo "error: $failed test(s) failed (see above and the TRX files)" >&2
    status=1
elif ((test_status != 0)); then
    echo "error: dotnet test failed (exit code $test_status) without a failed test in the TRX files" >&2
    status=1
fi
if ((passed + failed == 0)); then
    echo "error: no test ran" >&2
    status=1
fi

summary_printed=1
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
