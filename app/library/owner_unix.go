//go:build unix

package library

import (
	"os"
	"syscall"
)

// ownedByUser reports whether the file belongs to the user running us.
func ownedByUser(st os.FileInfo) bool {
	sys, ok := st.Sys().(*syscall.Stat_t)
	return ok && int(sys.Uid) == os.Getuid()
}
