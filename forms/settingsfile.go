package forms

import (
	"os"
	"path/filepath"
	"runtime"
)

// DropEmptySettings removes the window settings file Fyne keeps for
// appID (window size, theme) when it is empty. Fyne truncates the file
// before writing it, so a program stopped at that moment leaves zero
// bytes, and every later start would log "Preferences load error: EOF"
// and lose nothing but a remembered size. Call it before the app is made.
func DropEmptySettings(appID string) {
	path := settingsPath(appID)
	if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() && fi.Size() == 0 {
		os.Remove(path) // a file that cannot be removed only costs the log line
	}
}

// settingsPath is where Fyne 2.7 keeps appID's preferences on a desktop
// (fyne.io/fyne/v2/internal/app's rootConfigDir).
func settingsPath(appID string) string {
	var root string
	switch runtime.GOOS {
	case "windows":
		home, _ := os.UserHomeDir()
		root = filepath.Join(home, "AppData", "Roaming")
	case "darwin":
		home, _ := os.UserHomeDir()
		root = filepath.Join(home, "Library", "Preferences")
	default:
		root, _ = os.UserConfigDir()
	}
	return filepath.Join(root, "fyne", appID, "preferences.json")
}
