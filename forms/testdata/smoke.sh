#!/usr/bin/env bash
# Real-window smoke test of the desktop app under Xvfb.
#
#   forms/testdata/smoke.sh [BINARY] [ARTIFACT_DIR]
#
# Creates a temporary library holding the example draft, starts BINARY
# (default ./pactwright, build it with `go build -o pactwright .`) with
# `open ID`, types a new customer name into the first tab, waits until
# `pactwright show` finds it in the library (the autosave), and saves a
# screenshot of every clause-group tab into ARTIFACT_DIR (default
# artifacts/smoke). Prints the time to the first window and the RSS.
# On failure it keeps a screenshot, ARTIFACT_DIR/fail-STEP.png, and says so.
# Needs: Xvfb xdotool imagemagick.
#
# Nothing waits a fixed time for something to happen: every step polls for
# its result with a generous limit, so a loaded machine is slower, not flaky.
set -euo pipefail
bin=$(realpath "${1:-./pactwright}")
out=${2:-artifacts/smoke}
mkdir -p "$out"
out=$(realpath "$out")
rm -f "$out"/fail-*.png "$out"/tab-*.png "$out"/size-*.png
tmp=$(mktemp -d)
lib=$tmp/library.db
export LANG=en_US.UTF-8 HOME=$tmp   # fresh preferences: default window size
app= xvfb=
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

# fail STEP MESSAGE: say what went wrong, keep a screenshot and the app's log.
fail() {
  echo "smoke: FAIL ($1): $2" >&2
  if [ -n "${DISPLAY:-}" ] && import -window root "$out/fail-$1.png" 2>/dev/null; then
    echo "smoke: screenshot of the screen at the failure: $out/fail-$1.png" >&2
  fi
  if [ -s "$out/app.log" ]; then
    echo "smoke: the app's output ($out/app.log):" >&2
    tail -20 "$out/app.log" >&2
  fi
  exit 1
}

# poll SECONDS COMMAND...: run COMMAND every 0.1 s until it succeeds or
# SECONDS have passed.
poll() {
  local limit=$(( $(date +%s%N) + $1 * 1000000000 )); shift
  until "$@"; do
    [ "$(date +%s%N)" -lt "$limit" ] || return 1
    sleep 0.1
  done
}

# Xvfb picks a free display itself and writes its number to fd 3 once it
# accepts connections: no guessed display that may be taken, no sleep.
Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp 3>"$tmp/display" >"$tmp/xvfb.log" 2>&1 & xvfb=$!
xvfb_ready() {
  kill -0 "$xvfb" 2>/dev/null || { echo "smoke: Xvfb exited:" >&2; cat "$tmp/xvfb.log" >&2; exit 1; }
  grep -q '^[0-9][0-9]*$' "$tmp/display" 2>/dev/null
}
poll 15 xvfb_ready || fail xvfb "Xvfb did not report a display within 15 s"
export DISPLAY=:$(cat "$tmp/display")

# The command line must stay quiet on stderr under the POSIX locales that
# containers use (Fyne would otherwise complain while starting up).
noise=$(LANG=C.UTF-8 "$bin" --library "$lib" list 2>&1 >/dev/null)
[ -z "$noise" ] || fail stderr "stderr under LANG=C.UTF-8: $noise"

id=$("$bin" --library "$lib" new --example 2>/dev/null | head -1 | tr -dc '0-9')
[ -n "$id" ] || fail create "could not create a draft"

# An empty settings file, as a program killed while saving its settings
# leaves, must not make Fyne log "Preferences load error: EOF".
mkdir -p "$tmp/.config/fyne/app.pactwright.desktop"
: >"$tmp/.config/fyne/app.pactwright.desktop/preferences.json"

t0=$(date +%s%N)
"$bin" --library "$lib" open "$id" >"$out/app.log" 2>&1 & app=$!
app_alive() { kill -0 "$app" 2>/dev/null || fail app-exited "the app exited"; }
win=
find_window() {
  app_alive
  win=$(xdotool search --onlyvisible --name "^Pactwright" 2>/dev/null | head -1)
  [ -n "$win" ]
}
poll 20 find_window || fail window "no editor window within 20 s"
echo "window after $(( ($(date +%s%N) - t0) / 1000000 )) ms"

# The window is placed and drawn when its position holds and two
# screenshots a moment apart are the same and not blank.
xdotool windowmove "$win" 0 0
at_origin() { app_alive; xdotool getwindowgeometry "$win" | grep -q 'Position: 0,0'; }
poll 10 at_origin || fail move "the window did not move to 0,0"
shot() { import -window root -depth 8 rgb:- 2>/dev/null | md5sum; }
colours() { import -window root -format '%k' info: 2>/dev/null; }
prev=
settled() {
  app_alive
  local now; now=$(shot)
  [ "$now" = "$prev" ] && [ "$(colours)" -gt 64 ] && return 0
  prev=$now
  return 1
}
poll 20 settled || fail settle "the window did not finish drawing within 20 s"
if grep -q "Fyne error" "$out/app.log"; then fail start-log "Fyne logged an error while starting"; fi

# Keyboard only from here: Alt+1 puts the keyboard in the first field of
# the first clause group, Tab moves on to the customer's legal name.
xdotool key alt+1
xdotool key Tab
xdotool key ctrl+a
xdotool type --delay 20 "Smoke Test Trading Ltd"
# Autosave fires after 800 ms of quiet; poll the library for the name.
saved() { app_alive; "$bin" --library "$lib" show "$id" 2>/dev/null | grep -q "Smoke Test Trading Ltd"; }
if ! poll 15 saved; then
  "$bin" --library "$lib" show "$id" >&2 || true
  fail autosave "the typed name did not reach the library within 15 s"
fi
echo "RSS with the example open: $(awk '/VmRSS/ {print $2, $3}' "/proc/$app/status")"

# Each clause group by its key, Alt+1 to Alt+9. After the key, wait for
# the screen to change (not for the first group, which shows already)
# and then to hold still before taking the picture.
# The time from the key to the first changed screen is what the user
# waits for a group shown for the first time; the screen is read as fast
# as import can (tens of ms a read), so the figure is an upper bound.
i=0
timings=
for i in 1 2 3 4 5 6 7 8 9; do
  before=$(shot)
  t_key=$(date +%s%N)
  xdotool key "alt+$i"
  changed() { app_alive; [ "$(shot)" != "$before" ]; }
  if [ "$i" -gt 1 ]; then
    until changed; do
      [ $(( $(date +%s%N) - t_key )) -lt 10000000000 ] || fail "tab-$i" "Alt+$i changed nothing on screen within 10 s"
    done
    timings="$timings $(( ($(date +%s%N) - t_key) / 1000000 ))"
  fi
  prev=
  poll 10 settled || fail "tab-$i" "tab $i did not finish drawing within 10 s"
  import -window root "$out/tab-$i.png"
done
echo "first visit to groups 2-9, key to drawn (ms):$timings"
# The preview, opened twice (Ctrl+Shift+P, back with Ctrl+Shift+L).
timings=
for n in 1 2; do
  prev=
  poll 10 settled || fail preview "the window did not settle before the preview"
  before=$(shot)
  t_key=$(date +%s%N)
  xdotool key ctrl+shift+p
  until changed; do
    [ $(( $(date +%s%N) - t_key )) -lt 10000000000 ] || fail preview "Ctrl+Shift+P changed nothing on screen within 10 s"
  done
  timings="$timings $(( ($(date +%s%N) - t_key) / 1000000 ))"
  prev=
  poll 10 settled || fail preview "the preview did not finish drawing within 10 s"
  [ "$n" = 1 ] && import -window root "$out/preview.png"
  xdotool key ctrl+shift+l
done
echo "preview tab, key to drawn (ms):$timings"
# Ctrl+Page Down from the last group wraps round to the first.
before=$(shot)
xdotool key ctrl+Next
changed() { app_alive; [ "$(shot)" != "$before" ]; }
poll 10 changed || fail next-group "Ctrl+Page Down changed nothing on screen within 10 s"

# Every group at three window sizes, pictures of the window alone. The
# window must take each size: a window whose content needs more than it
# is given grows past it instead, and what does not fit is cut off.
# At 800x600 the side panel has folded away; each group is pictured again
# with it opened over the form (Ctrl+Shift+H), as size-800x600-side-tab-N.
#
# redrawn STEP WHAT COMMAND...: run COMMAND, which changes the screen, and
# wait for the change to show and then hold still, so no picture shows
# the screen from before.
redrawn() {
  local step=$1 what=$2; shift 2
  local before_shot; before_shot=$(shot)
  "$@"
  screen_changed() { app_alive; [ "$(shot)" != "$before_shot" ]; }
  poll 10 screen_changed || fail "$step" "$what changed nothing on screen within 10 s"
  prev=
  poll 10 settled || fail "$step" "$what did not finish drawing within 10 s"
}
# shoot_groups PREFIX: picture groups 1-9 as PREFIX-tab-N.png, coming
# from group 9 (so each key changes the group shown).
shoot_groups() {
  for i in 1 2 3 4 5 6 7 8 9; do
    redrawn "$1-$i" "Alt+$i at $size" xdotool key "alt+$i"
    import -window "$win" "$out/$1-tab-$i.png"
    # Fyne grows a window back to what its content needs: the picture
    # of the window has the size the window really took.
    got=$(identify -format '%wx%h' "$out/$1-tab-$i.png")
    [ "$got" = "$size" ] || fail "$1-$i" "asked for $size, group $i needs $got"
  done
}
xdotool key alt+9
prev=
poll 10 settled || fail size-start "group 9 did not finish drawing within 10 s"
for size in 1920x1080 1280x800 800x600; do
  redrawn "size-$size" "resizing to $size" xdotool windowsize "$win" "${size%x*}" "${size#*x}"
  shoot_groups "size-$size"
done
redrawn size-side "Ctrl+Shift+H at $size" xdotool key ctrl+shift+h
shoot_groups "size-$size-side"
xdotool key ctrl+shift+h

# Both themes, as chosen in File > Settings (stored in the preferences).
kill "$app"; wait "$app" 2>/dev/null || true; app=
for variant in light dark; do
  printf '{"theme":"%s"}' "$variant" >"$tmp/.config/fyne/app.pactwright.desktop/preferences.json"
  "$bin" --library "$lib" open "$id" >>"$out/app.log" 2>&1 & app=$!
  win=
  poll 20 find_window || fail "theme-$variant" "no window within 20 s"
  xdotool windowmove "$win" 0 0
  poll 10 at_origin || fail "theme-$variant" "the window did not move to 0,0"
  prev=
  poll 20 settled || fail "theme-$variant" "the window did not finish drawing within 20 s"
  import -window root "$out/theme-$variant.png"
  kill "$app"; wait "$app" 2>/dev/null || true; app=
done

echo "smoke: OK, autosave reached the library; screenshots of $i tabs and both themes in $out"
