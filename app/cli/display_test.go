package cli

import (
	"strings"
	"testing"
)

// TestNoDisplayIsOneLine: on Linux without DISPLAY or WAYLAND_DISPLAY the
// window is not attempted and the reason is one line; with either set, or
// on Windows and macOS, it is attempted.
func TestNoDisplayIsOneLine(t *testing.T) {
	env := func(vars map[string]string) func(string) string { return func(k string) string { return vars[k] } }
	why := NoDisplay("linux", env(nil))
	if why == "" || strings.Contains(why, "\n") || !strings.Contains(why, "DISPLAY is not set") {
		t.Errorf("no display: %q", why)
	}
	for _, c := range []struct {
		goos string
		vars map[string]string
	}{
		{"linux", map[string]string{"DISPLAY": ":0"}},
		{"linux", map[string]string{"WAYLAND_DISPLAY": "wayland-0"}},
		{"windows", nil},
		{"darwin", nil},
	} {
		if why := NoDisplay(c.goos, env(c.vars)); why != "" {
			t.Errorf("%s %v: %q", c.goos, c.vars, why)
		}
	}
	if got := WindowFailed(strings.Repeat("x", 500)); len(got) > 260 || strings.Contains(got, "\n") {
		t.Errorf("window failure message: %d characters", len(got))
	}
}
