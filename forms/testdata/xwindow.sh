# shellcheck shell=bash
# What the real-window tests share: a private Xvfb, polling, failing with
# a screenshot, and waiting for the window to settle. Source it after
# setting name (the script's name in its messages), out (the artifact
# folder), tmp (a scratch folder it deletes at exit) and app= (the app's
# process id, once started). smoke.sh and keyboard.sh source it.

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
  echo "$name: FAIL ($1): $2" >&2
  if [ -n "${DISPLAY:-}" ] && import -window root "$out/fail-$1.png" 2>/dev/null; then
    echo "$name: screenshot of the screen at the failure: $out/fail-$1.png" >&2
  fi
  if [ -s "$out/app.log" ]; then
    echo "$name: the app's output ($out/app.log):" >&2
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

# start_xvfb: Xvfb picks a free display itself and writes its number to
# fd 3 once it accepts connections: no guessed display that may be
# taken, no sleep. Then a real client must connect before anything else
# starts. -noreset: by default the server resets when its last client
# leaves (the probe, or the app between two runs), and a client that
# connects during a reset is refused. Exports DISPLAY.
start_xvfb() {
  Xvfb -displayfd 3 -noreset -screen 0 1920x1080x24 -nolisten tcp 3>"$tmp/display" >"$tmp/xvfb.log" 2>&1 & xvfb=$!
  xvfb_ready() {
    kill -0 "$xvfb" 2>/dev/null || { echo "$name: Xvfb exited:" >&2; cat "$tmp/xvfb.log" >&2; exit 1; }
    grep -q '^[0-9][0-9]*$' "$tmp/display" 2>/dev/null
  }
  poll 15 xvfb_ready || fail xvfb "Xvfb did not report a display within 15 s"
  export DISPLAY=:$(tr -dc '0-9' <"$tmp/display")
  poll 15 xdotool getdisplaygeometry >/dev/null 2>&1 || fail xvfb "no X client could connect to $DISPLAY within 15 s"
}

# launch LOG ARGS...: start the app with ARGS in the background, its
# output appended to LOG; sets app.
launch() {
  local log=$1; shift
  launch_log=$log launch_args=("$@")
  "$bin" "$@" >>"$log" 2>&1 & app=$!
}

# app_alive fails the test once the app has exited. The one exception is
# a display that refused the app's connection, which is the X server's
# doing, not the app's (seen once on a loaded CI machine, the server
# answering other clients a moment later): the app is started once more,
# and says so in the log.
launch_retried=
app_alive() {
  kill -0 "$app" 2>/dev/null && return 0
  if [ -z "$launch_retried" ] && [ -n "${launch_log:-}" ] && grep -q 'Failed to open display' "$launch_log"; then
    launch_retried=1
    echo "$name: the X server refused the app's connection; starting it once more" | tee -a "$launch_log" >&2
    sleep 0.5
    launch "$launch_log" "${launch_args[@]}"
    return 0
  fi
  fail app-exited "the app exited"
}

# The screen has settled when two screenshots a moment apart are the same.
shot() { import -window root -depth 8 rgb:- 2>/dev/null | md5sum; }
prev=
settled() {
  app_alive
  local now; now=$(shot)
  [ "$now" = "$prev" ] && return 0
  prev=$now
  return 1
}
