#!/usr/bin/env bash
# Real-window smoke test of the desktop app under Xvfb.
#
#   forms/testdata/smoke.sh [BINARY] [ARTIFACT_DIR]
#
# Creates a temporary library holding the example draft, starts BINARY
# (default ./pactwright, build it with `go build -o pactwright .`) with
# `open ID`, types a new customer name into the first tab, waits for the
# autosave, checks with `pactwright show` that the library holds it, and
# saves a screenshot of every clause-group tab into ARTIFACT_DIR (default
# artifacts/smoke). Prints the time to the first window and the RSS.
# Needs: Xvfb xdotool imagemagick.
set -euo pipefail
bin=$(realpath "${1:-./pactwright}")
out=${2:-artifacts/smoke}
mkdir -p "$out"
out=$(realpath "$out")
tmp=$(mktemp -d)
lib=$tmp/library.db
export LANG=en_US.UTF-8 HOME=$tmp   # fresh preferences: default window size
disp=:$((500 + RANDOM % 400))
Xvfb $disp -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
app=
cleanup() { [ -n "$app" ] && kill $app 2>/dev/null; kill $xvfb 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
export DISPLAY=$disp
sleep 0.5

# The command line must stay quiet on stderr under the POSIX locales that
# containers use (Fyne would otherwise complain while starting up).
noise=$(LANG=C.UTF-8 "$bin" --library "$lib" list 2>&1 >/dev/null)
[ -z "$noise" ] || { echo "smoke: stderr under LANG=C.UTF-8: $noise" >&2; exit 1; }

id=$("$bin" --library "$lib" new --example 2>/dev/null | head -1 | tr -dc '0-9')
[ -n "$id" ] || { echo "smoke: could not create a draft" >&2; exit 1; }

t0=$(date +%s%N)
"$bin" --library "$lib" open "$id" >"$out/app.log" 2>&1 & app=$!
win=
for _ in $(seq 1 200); do
  win=$(xdotool search --onlyvisible --name "Pactwright" 2>/dev/null | head -1) && [ -n "$win" ] && break
  kill -0 $app 2>/dev/null || { echo "smoke: app exited" >&2; cat "$out/app.log" >&2; exit 1; }
  sleep 0.05
done
[ -n "$win" ] || { echo "smoke: no editor window" >&2; exit 1; }
echo "window after $(( ($(date +%s%N) - t0) / 1000000 )) ms"
sleep 1.5
xdotool windowmove $win 0 0; sleep 0.3

# The customer's legal name is the second field of the first tab.
xdotool mousemove 530 249 click 1; sleep 0.2
xdotool key ctrl+a; xdotool type --delay 20 "Smoke Test Trading Ltd"
sleep 2   # autosave fires after 800 ms of quiet
echo "RSS with the example open: $(awk '/VmRSS/ {print $2, $3}' /proc/$app/status)"

# Tabs run down the left edge, 39 px apart at the default theme and size.
i=0
for y in 49 88 126 166 204 244 283 322 362; do
  i=$((i+1))
  xdotool mousemove 124 $y click 1; sleep 0.6
  import -window root "$out/tab-$i.png"
done
xdotool mousemove 124 49 click 1; sleep 0.5

if "$bin" --library "$lib" show "$id" 2>/dev/null | grep -q "Smoke Test Trading Ltd"; then
  echo "smoke: OK, autosave reached the library; screenshots in $out"
else
  echo "smoke: FAIL, the typed name is not in the library" >&2
  "$bin" --library "$lib" show "$id" >&2 || true
  exit 1
fi
