#!/usr/bin/env bash
# The `onboard` command line as integrators use it: exit codes and the JSON lines it writes.
# Usage: onboard_cli_test.sh ONBOARD_BINARY SOURCE_DIR
set -uo pipefail
onboard="$1"
src="$2"
apps="$src/tests/data/applications"
passed=0
failed=0

check() {  # check NAME EXPECTED ACTUAL
  if [ "$2" == "$3" ]; then passed=$((passed + 1)); echo "ok - $1"
  else failed=$((failed + 1)); echo "FAIL - $1: expected [$2], got [$3]"; fi
}

validate() { "$onboard" validate --today 2026-11-22 --policy "$src/assets/policy/documents-v1.json" "$@"; }

validate "$apps/complete.json" "$apps/minimal.json" >/dev/null; check "valid applications exit 0" 0 $?
validate "$apps/complete.json" "$apps/invalid-ownership.json" >/dev/null; check "any application with errors exits 1" 1 $?
validate "$apps/does-not-exist.json" >/dev/null 2>&1; check "an unreadable file exits 2" 2 $?
validate - < "$apps/minimal.json" >/dev/null; check "- reads stdin" 0 $?

lines=$(validate "$apps/complete.json" "$apps/invalid-financials.json" | wc -l)
check "one JSON line per file" 2 "$lines"
line=$(validate "$apps/invalid-wrong-type.json")
check "a document that does not decode is reported as a problem with its path" 1 \
  "$(grep -c '"valid":false' <<<"$line")"
shape=$(validate "$apps/invalid-ownership.json" | node -e '
  const r = JSON.parse(require("fs").readFileSync(0, "utf8"));
  const ok = r.problems.length > 0 && r.problems.every((p) =>
    Object.keys(p).sort().join() === "code,message,path,severity" && p.path.startsWith("/") && p.message);
  console.log(ok && typeof r.completeness === "number" && r.valid === false ? "ok" : JSON.stringify(r));')
check "problems carry exactly path, code, severity and message" ok "$shape"

out=$(printf 'DE136695976\nDE 136 695 977\n\n' | "$onboard" check-id eu.vat)
check "check-id writes one line per input line, in order" 3 "$(wc -l <<<"$out")"
check "check-id: a valid VAT number" '{"input":"DE136695976","valid":true,"compact":"DE136695976","error":null}' \
  "$(sed -n 1p <<<"$out")"
check "check-id: a wrong check digit is a checksum failure" 1 "$(sed -n 2p <<<"$out" | grep -c '"failure":"checksum"')"
"$onboard" check-id no.such.scheme </dev/null >/dev/null 2>&1; check "check-id: an unknown scheme exits 2" 2 $?

"$onboard" schema | cmp -s - "$apps/application.schema.json"; check "schema prints the pinned JSON Schema" 0 $?

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
