#!/usr/bin/env bash
# Loads the hostile sample report in headless Chromium and checks that none of the payloads a tool wrote
# ran as script or became markup, and that they show as text. A control page carrying the same payloads
# unescaped must show the marker: that proves this Chromium runs such script and that the check can see it.
# Usage: check_report_page.sh RENDER_HOSTILE_REPORT OUT_DIR      Exit: 0 pass, 1 fail, 77 skipped.
set -euo pipefail

generator=$1
out=$2
chromium=${EVALPANEL_CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [[ -z $chromium ]]; then
    echo "SKIPPED: Chromium is not installed (Debian: apt-get install chromium); the browser check did not run"
    exit 77
fi

mkdir -p "$out"
"$generator" "$out"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

browse() {  # browse URL ARGS...: headless Chromium with no network side traffic and a throwaway profile
    local url=$1
    shift
    timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync --disable-extensions \
        --user-data-dir="$profile" --window-size=1400,1800 "$@" "$url" 2>>"$out/chromium.log"
}

fail() {
    echo "FAIL: $*"
    exit 1
}

# The control: the payloads of report_sample.hpp as markup, no escaping, no CSP.
cat >"$out/control.html" <<'HTML'
<!DOCTYPE html><html><head><meta charset="utf-8"><title>control</title></head><body>
<p>"><img src=x onerror="document.body.setAttribute('data-pwned','1')"></p>
<script>document.title='PWNED';</script>
</body></html>
HTML
browse "file://$out/control.html" --dump-dom >"$out/control.dom"
grep -q '<title>PWNED</title>' "$out/control.dom" ||
    fail "control page: its inline script did not run, so this check cannot tell a safe page from an unsafe one"
grep -q 'data-pwned="1"' "$out/control.dom" ||
    fail "control page: its onerror handler did not run, so this check cannot tell a safe page from an unsafe one"

browse "file://$out/report.html" --dump-dom >"$out/report.dom"
[[ -s $out/report.dom ]] || fail "Chromium dumped no DOM for report.html (see $out/chromium.log)"
grep -q '<title>OCR comparison &lt;script&gt;' "$out/report.dom" ||
    fail "the page title changed or is missing: $(grep -o '<title>[^<]*</title>' "$out/report.dom" | head -1)"
grep -q 'data-pwned="1"' "$out/report.dom" && fail "an onerror handler from a tool's output ran"
grep -qi '<script' "$out/report.dom" && fail "a <script> element from a tool's output is in the DOM"
grep -qi '<img' "$out/report.dom" && fail "an <img> element from a tool's output is in the DOM"
grep -q '<b id="pwned-style"' "$out/report.dom" && fail "markup after a </style> in a tool's output became an element"
grep -qF "&lt;script&gt;document.title='PWNED';alert(1)&lt;/script&gt;" "$out/report.dom" ||
    fail "the <script> payload is not shown as text"
grep -qF '"&gt;&lt;img src=x onerror="document.body.setAttribute' "$out/report.dom" ||
    fail "the onerror payload is not shown as text"
grep -q '<article class="card"' "$out/report.dom" || fail "the verdict cards are missing from the DOM"

rm -f "$out/report.png"
browse "file://$out/report.html" --screenshot="$out/report.png" >/dev/null
[[ -s $out/report.png ]] || fail "no screenshot was written (see $out/chromium.log)"
echo "PASS: no script ran, the payloads show as text; screenshot: $out/report.png"
