package forms

import (
	"fmt"
	"net/url"
	"os/exec"
	"runtime"
	"strings"
)

// openWithSystem opens path (a file or folder) in the program the desktop
// chooses for it. It blocks, so callers run it off the UI goroutine.
//
// On Linux and the BSDs it waits for xdg-open's answer: Fyne's OpenURL
// only starts xdg-open, so a desktop with no PDF viewer would fail in
// silence. Elsewhere the system's opener (Fyne's OpenURL) reports itself.
func (u *UI) openWithSystem(path string) error {
	switch runtime.GOOS {
	case "windows", "darwin", "ios", "android", "js":
		return u.opts.App.OpenURL(&url.URL{Scheme: "file", Path: path})
	}
	out, err := exec.Command("xdg-open", path).CombinedOutput()
	if err != nil {
		if msg := strings.TrimSpace(string(out)); msg != "" {
			return fmt.Errorf("%w: %s", err, msg)
		}
		return err
	}
	return nil
}

// openInBackground opens path with openPath off the UI goroutine and
// explains, if nothing could open it, where the file is and what to do.
func (u *UI) openInBackground(path, what string) {
	open, do := u.openPath, u.opts.Do
	go func() {
		err := open(path)
		if err == nil {
			return
		}
		advice := "Open it from your file manager."
		if what == "PDF" {
			advice = "The file is saved there: open it from your file manager, or install a PDF viewer " +
				"(for example Evince, Okular or Adobe Acrobat Reader) and try again."
		}
		do(func() {
			u.inform("Nothing opened the "+what, fmt.Sprintf("No program on this computer opened\n%s\n\n%s\n\nDetails: %v", path, advice, err))
		})
	}()
}
