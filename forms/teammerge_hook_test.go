package forms

import (
	"reflect"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TapMergeChoice taps option ("Keep theirs" or "Take yours") in the n-th
// choice (from 0) of the topmost dialog, as a click on it would.
func TapMergeChoice(t *testing.T, w fyne.Window, n int, option string) {
	t.Helper()
	var groups []*widget.RadioGroup
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if r, ok := o.(*widget.RadioGroup); ok {
			groups = append(groups, r)
		}
	}
	if n >= len(groups) {
		t.Fatalf("the dialog has %d choices, not %d:\n%s", len(groups), n+1, overlayText(w))
	}
	// Fyne's radio items are unexported; each carries its option as Label.
	for _, o := range test.LaidOutObjects(groups[n]) {
		v := reflect.ValueOf(o)
		if tap, ok := o.(fyne.Tappable); ok && v.Kind() == reflect.Pointer && v.Elem().Kind() == reflect.Struct {
			if l := v.Elem().FieldByName("Label"); l.IsValid() && l.Kind() == reflect.String && l.String() == option {
				test.Tap(tap)
				return
			}
		}
	}
	t.Fatalf("choice %d has no option %q", n, option)
}

// MergeChoices is what each choice of the topmost dialog has selected.
func MergeChoices(w fyne.Window) []string {
	var out []string
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if r, ok := o.(*widget.RadioGroup); ok {
			out = append(out, r.Selected)
		}
	}
	return out
}
