package cli

import "fmt"

// NoDisplay says, in one line, why the window cannot open on this machine
// (on Linux and the BSDs: neither DISPLAY nor WAYLAND_DISPLAY is set), or
// "" when it can try. main checks it before Fyne starts, because Fyne's
// answer to a missing display is a thirty-line Go panic.
func NoDisplay(goos string, getenv func(string) string) string {
	switch goos {
	case "windows", "darwin", "android", "ios", "js":
		return ""
	}
	if getenv("DISPLAY") != "" || getenv("WAYLAND_DISPLAY") != "" {
		return ""
	}
	return "pactwright: there is no display to open the window on (DISPLAY is not set): run it in a desktop session, or use a command instead (pactwright help lists them)"
}

// WindowFailed is the one line main prints when the window could not be
// started after all (a display that is set but cannot be reached).
func WindowFailed(cause any) string {
	return "pactwright: the window could not be opened: " + clipText(cause, 200)
}

// clipText writes v in at most n characters.
func clipText(v any, n int) string {
	s := []rune(fmt.Sprint(v))
	if len(s) > n {
		return string(s[:n]) + "…"
	}
	return string(s)
}
