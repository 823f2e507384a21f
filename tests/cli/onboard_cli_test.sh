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

# Hostile files: random bytes, random bytes spliced into a valid application, invalid UTF-8 inside its
# strings, and file names that are not UTF-8. Each must give one line of valid UTF-8 JSON (a syntax
# error's message quotes the bytes it stopped at) and exit 1, never a crash. Seeded: a failure repeats.
hostile=$(mktemp -d)
trap 'rm -rf "$hostile"' EXIT
node - "$apps/complete.json" "$hostile" 300 <<'JS'
const fs = require("fs"), path = require("path");
const [base, dir, count] = [fs.readFileSync(process.argv[2]), process.argv[3], Number(process.argv[4])];
let seed = 15;
const rand = (n) => {  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return (((t ^ (t >>> 14)) >>> 0) % n);
};
const bytes = (n) => Buffer.from(Array.from({ length: n }, () => rand(256)));
const bad = [[0x80], [0xff], [0xc0, 0xaf], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf8]];
const insideStrings = [];  // offsets just inside a string of the valid application
for (let i = 0, open = false; i < base.length; ++i) if (base[i] === 0x22) { if (!open) insideStrings.push(i + 1); open = !open; }
const splice = (buf, at, b) => Buffer.concat([buf.subarray(0, at), b, buf.subarray(at)]);
for (let i = 0; i < count; ++i) {
  let data;
  if (i % 3 === 0) data = bytes(i % 30 === 0 ? 200000 : rand(4000));
  else if (i % 3 === 1) {
    data = base;
    for (let k = 1 + rand(3); k > 0; --k) data = splice(data, rand(data.length + 1), bytes(1 + rand(16)));
  } else {
    data = base;
    for (let k = 1 + rand(3); k > 0; --k)
      data = splice(data, insideStrings[rand(insideStrings.length)], Buffer.from(bad[rand(bad.length)]));
  }
  const name = i % 50 === 0 ? Buffer.concat([Buffer.from(dir + "/" + i + "-"), Buffer.from([0xff, 0xfe])]) : path.join(dir, i + ".json");
  fs.writeFileSync(name, data);
}
JS
timeout 60 "$onboard" validate --today 2026-11-22 --policy "$src/assets/policy/documents-v1.json" "$hostile"/* \
  >"$hostile.out" 2>"$hostile.err"
check "hostile files: exit 1 (errors found), no crash" 1 $?
check "hostile files: nothing on stderr" "" "$(head -c 300 "$hostile.err")"
verdict=$(node - "$hostile.out" 300 <<'JS'
const fs = require("fs");
const raw = fs.readFileSync(process.argv[2]);
let text;
try { text = new TextDecoder("utf-8", { fatal: true }).decode(raw); } catch { console.log("output is not UTF-8"); process.exit(); }
const lines = text.split("\n").filter((l) => l !== "");
if (lines.length !== Number(process.argv[3])) { console.log(`${lines.length} lines`); process.exit(); }
for (const l of lines) {
  const r = JSON.parse(l);
  if (typeof r.file !== "string" || typeof r.valid !== "boolean" || (!r.valid && !r.problems.length)) {
    console.log("bad line " + l.slice(0, 200)); process.exit();
  }
}
const errors = lines.filter((l) => JSON.parse(l).valid === false).length;
console.log(errors >= lines.length * 0.9 ? "ok" : `only ${errors} lines report errors`);
JS
)
check "hostile files: one UTF-8 JSON line each, reporting the problem" ok "$verdict"
rm -f "$hostile.out" "$hostile.err"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
