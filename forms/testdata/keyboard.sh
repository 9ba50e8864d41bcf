#!/usr/bin/env bash
# Keyboard-only real-window test of the desktop app under Xvfb.
#
#   forms/testdata/keyboard.sh [BINARY] [ARTIFACT_DIR]
#
# Starts BINARY (default ./pactwright) on an EMPTY library and, with
# xdotool key and type events only (no mouse), starts a blank agreement
# from the File menu, fills in what a complete agreement needs (the
# parties through the checklist, each group's suggested values), confirms
# every clause group, and exports the PDF through the export dialog. Then
# it checks, with pdftotext and the command line, that the PDF carries the
# typed parties and is complete, and that the library has the draft.
# A screenshot of every step goes to ARTIFACT_DIR (default artifacts/keys);
# on failure ARTIFACT_DIR/fail-STEP.png shows the screen.
# Needs: Xvfb xdotool imagemagick poppler-utils python3, and xwindow.sh
# beside it.
#
# Nothing waits a fixed time for a result: every step polls for it with a
# generous limit, so a loaded machine is slower, not flaky.
set -euo pipefail
bin=$(realpath "${1:-./pactwright}")
out=${2:-artifacts/keys}
mkdir -p "$out"
out=$(realpath "$out")
rm -f "$out"/*.png "$out"/*.pdf
tmp=$(mktemp -d)
lib=$tmp/library.db
export LANG=en_US.UTF-8 HOME=$tmp   # fresh preferences: default window size
name=keys
. "$(dirname "${BASH_SOURCE[0]}")/xwindow.sh"

# pw ARGS...: the command line on the test's library.
pw() { "$bin" --library "$lib" "$@"; }

# step N NAME: wait for the window to settle, then keep a picture of it.
step() {
  prev=
  poll 20 settled || fail "$2" "the window did not settle within 20 s"
  import -window root "$out/$1-$2.png"
}

# key KEYS...: keys pressed in turn; type TEXT: characters typed.
key() { app_alive; xdotool key --delay 40 "$@"; }
type_text() { app_alive; xdotool type --delay 15 "$1"; }

# answer FIELD: the stored answer to FIELD (its text, or its value).
answer() {
  pw show --json "$id" 2>/dev/null | python3 -c '
import json, sys
a = json.load(sys.stdin)["draft"]["answers"].get(sys.argv[1], "")
print(a.get("value", a.get("amount", "")) if isinstance(a, dict) else a)' "$1"
}

# expect FIELD VALUE: wait until the library holds VALUE for FIELD (the
# autosave runs once typing pauses).
expect() {
  local field=$1 want=$2
  has() { app_alive; [ "$(answer "$field")" = "$want" ]; }
  poll 15 has || fail "$field" "the library has \"$(answer "$field")\" for $field, not \"$want\""
}

# fill_next_missing FIELD VALUE: Ctrl+Shift+L puts the keyboard on the
# checklist's first row still incomplete, Enter goes to its first missing
# field, and VALUE is typed there. FIELD says which field that must be;
# the group's check reads it back from the library.
declare -a filled=()
fill_next_missing() {
  key ctrl+shift+l Return
  type_text "$2"
  filled+=("$1=$2")
}

# choose_next_missing FIELD OPTION: as fill_next_missing, for a choice:
# Space opens its list, Down takes the first option, Enter chooses it.
choose_next_missing() {
  key ctrl+shift+l Return space Down Return
  filled+=("$1=$2")
}

# check_filled: every field filled since the last check holds its value.
check_filled() {
  local f
  for f in "${filled[@]}"; do expect "${f%%=*}" "${f#*=}"; done
  filled=()
}

# ---------------------------------------------------------------------------
# Start, on an empty library.
start_xvfb
[ -z "$(pw list --json 2>/dev/null | tr -d '[:space:][]')" ] || fail empty "the library is not empty"
: >"$out/app.log"; launch "$out/app.log" --library "$lib"
win=
find_window() { app_alive; win=$(xdotool search --onlyvisible --name "^Pactwright" 2>/dev/null | head -1); [ -n "$win" ]; }
poll 20 find_window || fail window "no window within 20 s"
xdotool windowmove "$win" 0 0
at_origin() { app_alive; grep -q 'Position: 0,0' <<<"$(xdotool getwindowgeometry "$win")"; }
poll 10 at_origin || fail move "the window did not move to 0,0"
xdotool windowactivate --sync "$win" 2>/dev/null || xdotool windowfocus --sync "$win"
step 01 welcome

# File ▸ New agreement, through the menu: Alt+F opens File, Down picks its
# first item, Enter runs it.
key alt+f
step 02 file-menu
key Down Return
id=
created() { app_alive; id=$(pw list --json 2>/dev/null | python3 -c 'import json,sys; l=json.load(sys.stdin); print(l[0]["id"] if l else "")'); [ -n "$id" ]; }
poll 15 created || fail new "File ▸ New agreement made no draft within 15 s"
editor_open() { app_alive; grep -q "New agreement" <<<"$(xdotool getwindowname "$win")"; }
poll 15 editor_open || fail new "the editor did not open the new agreement"
step 03 blank-agreement

# F10 opens the File menu from a text field too (Alt+1 puts the keyboard
# in the first one); Escape closes it again. The menu drops down over the
# clause group list at the left, which is what is compared: the text
# field's blinking cursor is elsewhere (the list, short names, ends near
# x=155, where the form and its fields start).
under_file() { import -window root -crop 140x270+0+30 +repage -depth 8 rgb:- 2>/dev/null | md5sum; }
key alt+1
prev=
poll 20 settled || fail f10 "the window did not settle"
before=$(under_file)
key F10
menu_shown() { app_alive; [ "$(under_file)" != "$before" ]; }
poll 10 menu_shown || fail f10 "F10 in a text field did not open the File menu"
step 03 f10-file-menu
key Escape
menu_gone() { app_alive; [ "$(under_file)" = "$before" ]; }
poll 10 menu_gone || fail f10 "Escape did not close the menu F10 opened"

# ---------------------------------------------------------------------------
# One function per clause group that needs answers, in the order the
# checklist asks for them.

parties() {
  fill_next_missing customer_name "Acme Retail Ltd"
  fill_next_missing customer_incorporated "England and Wales"
  fill_next_missing customer_address "1 Market Street, Leeds LS1 6AA"
  fill_next_missing customer_company_number "01234567"
  fill_next_missing customer_contact_name "Jo Buyer"
  fill_next_missing customer_contact_email "jo@acme.example"
  fill_next_missing provider_name "Helpful Calls Ltd"
  fill_next_missing provider_incorporated "Scotland"
  fill_next_missing provider_address "2 Quay Road, Glasgow G1 1AA"
  fill_next_missing provider_company_number "SC765432"
  fill_next_missing provider_contact_name "Sam Seller"
  fill_next_missing provider_contact_email "sam@helpful.example"
  fill_next_missing effective_date "2027-02-01"
  choose_next_missing customer_country uk
  check_filled
}

# The agents' site is the one answer of Scope of Services only the user knows.
scope() {
  fill_next_missing delivery_sites "2 Quay Road, Glasgow"
  check_filled
}

# accept_suggestions N FIELD VALUE: Alt+N shows clause group N, Ctrl+Shift+A
# accepts every suggested value in it; FIELD must then hold VALUE.
accept_suggestions() {
  key "alt+$1" ctrl+shift+a
  expect "$2" "$3"
}
service_levels() { accept_suggestions 3 answer_time_seconds 20; }
pricing() { accept_suggestions 4 rate 24.50; }
general_terms() { accept_suggestions 8 liability_cap_months 12; }

signatures() {
  fill_next_missing customer_signatory_name "Jo Buyer"
  fill_next_missing provider_signatory_name "Sam Seller"
  check_filled
}

# confirm_all: each clause group in turn, Alt+N then Ctrl+Shift+R; then
# wait until the library has all nine confirmations, so the app has
# handled every key before the next step looks at the screen.
confirm_all() {
  local n
  for n in 1 2 3 4 5 6 7 8 9; do key "alt+$n" ctrl+shift+r; done
  all_reviewed() {
    app_alive
    [ "$(pw show --json "$id" 2>/dev/null | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["draft"].get("reviewed") or []))')" = 9 ]
  }
  poll 30 all_reviewed || fail confirm "the library does not have all nine groups confirmed within 30 s"
}

parties;        step 04 parties
scope;          step 04 scope
service_levels; step 05 service-levels
pricing;        step 06 pricing
general_terms;  step 07 general-terms
signatures;     step 08 signatures
confirm_all;    step 09 all-confirmed

complete() { app_alive; grep -q '"percent": 100' <<<"$(pw list --json 2>/dev/null)"; }
if ! poll 15 complete; then
  pw check "$id" >&2 || true
  fail complete "the agreement is not 100% complete in the library"
fi

# ---------------------------------------------------------------------------
# Export: Ctrl+E opens the save dialog with its file name selected for
# typing; the name typed replaces it, Enter saves.
pdf=keys-agreement.pdf
prev=
poll 20 settled || fail export "the window did not settle before the export"
before=$(shot)
key ctrl+e
save_dialog() { app_alive; [ "$(shot)" != "$before" ]; }
poll 15 save_dialog || fail export "Ctrl+E showed nothing within 15 s"
step 10 save-dialog
key ctrl+a
type_text "$pdf"
key Return
exported() { app_alive; grep -q '"kind": "export"' <<<"$(pw history --json "$id" 2>/dev/null)"; }
poll 30 exported || fail export "the library records no export within 30 s"
step 11 exported
# The save dialog starts in the home folder, where the typed name puts it.
path=$HOME/$pdf
[ -s "$path" ] || fail pdf "no PDF was written to $path"
cp "$path" "$out/$pdf"

# ---------------------------------------------------------------------------
# The result, read back without the window.
text=$(pdftotext "$path" -)
for want in "Acme Retail Ltd" "Helpful Calls Ltd" "1 Market Street, Leeds LS1 6AA" "Sam Seller"; do
  grep -qF "$want" <<<"$text" || fail pdf "the PDF does not mention \"$want\""
done
if grep -q "DRAFT" <<<"$text"; then fail pdf "the PDF is marked DRAFT – NOT FOR SIGNATURE"; fi
# (grep reads a variable, not a pipe: with pipefail, grep -q closing the
# pipe early would fail the command that writes to it.)
grep -q "Acme Retail Ltd" <<<"$(pw list)" || fail list "pactwright list does not show the agreement"
grep -q "Complete: 100%" <<<"$(pw show "$id")" || fail show "pactwright show does not report it complete"

echo "keys: OK, a blank agreement completed and exported by keyboard alone: $out/$pdf"
