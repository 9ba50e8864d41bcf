#!/usr/bin/env bash
# Idle cost of the window with a draft open, against a bare Fyne window of
# 60 labels and entries (forms/testdata/barewindow), in the same run and on
# the same private Xvfb.
#   forms/testdata/idle.sh BINARY BAREWINDOW [SECONDS]
# For each it starts the program, waits 20 s for the work done ahead
# (forms built, editor warmed) to end, then reads utime+stime from
# /proc/PID/stat SECONDS (default 30) apart and prints the CPU used per
# second of idling, in ms, and the RSS at the end.
set -u
bin=${1:?usage: idle.sh BINARY BAREWINDOW [SECONDS]}
bare=${2:?usage: idle.sh BINARY BAREWINDOW [SECONDS]}
secs=${3:-30}
bin=$(realpath "$bin") bare=$(realpath "$bare")
name=idle out=$(mktemp -d) tmp=$(mktemp -d)
export LANG=en_US.UTF-8 HOME=$tmp
. "$(dirname "${BASH_SOURCE[0]}")/xwindow.sh"
start_xvfb
tick=$(getconf CLK_TCK)

# cpu_ms PID: utime+stime of PID so far, in ms.
cpu_ms() { awk -v t="$tick" '{print int(($14 + $15) * 1000 / t)}' "/proc/$1/stat"; }

# measure LABEL ARGS...: start ARGS, idle, print the figures.
measure() {
  local label=$1; shift
  "$@" >"$out/$label.log" 2>&1 & app=$!
  sleep 20
  kill -0 "$app" 2>/dev/null || fail "$label" "$label exited: $(tail -3 "$out/$label.log")"
  local c0; c0=$(cpu_ms "$app")
  sleep "$secs"
  local c1; c1=$(cpu_ms "$app")
  printf '%s: %s ms of CPU a second idle (%s ms over %s s), RSS %s\n' "$label" \
    "$(awk -v d=$((c1 - c0)) -v s="$secs" 'BEGIN {printf "%.1f", d / s}')" $((c1 - c0)) "$secs" \
    "$(awk '/VmRSS/ {print $2, $3}' "/proc/$app/status")"
  kill "$app"; wait "$app" 2>/dev/null; app=
}

lib=$tmp/library.db
id=$("$bin" --library "$lib" new --example 2>/dev/null | head -1 | tr -dc '0-9')
[ -n "$id" ] || fail create "could not create a draft"
measure "bare window (60 labels and entries)" "$bare"
measure "Pactwright, the example open" "$bin" --library "$lib" open "$id"
rm -rf "$out"
