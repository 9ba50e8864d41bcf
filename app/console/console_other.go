//go:build !windows

package console

// AttachParent does nothing outside Windows: there every program already
// writes to the terminal it was started from.
func AttachParent() {}
