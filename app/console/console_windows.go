//go:build windows

package console

import (
	"os"

	"golang.org/x/sys/windows"
)

// attachParentProcess is ATTACH_PARENT_PROCESS ((DWORD)-1).
const attachParentProcess = ^uint32(0)

var procAttachConsole = windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")

// AttachParent connects the standard streams that have nowhere to go to the
// console of the process that started this one (cmd, PowerShell). A stream
// that is already redirected (`> out.json`, a pipe) keeps its destination.
// When there is no parent console (a double-click) nothing changes.
func AttachParent() {
	if allStreamsConnected() {
		return
	}
	if r, _, _ := procAttachConsole.Call(uintptr(attachParentProcess)); r == 0 {
		return
	}
	rebind(windows.STD_OUTPUT_HANDLE, "CONOUT$", windows.GENERIC_WRITE, &os.Stdout, "/dev/stdout")
	rebind(windows.STD_ERROR_HANDLE, "CONOUT$", windows.GENERIC_WRITE, &os.Stderr, "/dev/stderr")
	rebind(windows.STD_INPUT_HANDLE, "CONIN$", windows.GENERIC_READ, &os.Stdin, "/dev/stdin")
}

func allStreamsConnected() bool {
	for _, h := range []uint32{windows.STD_INPUT_HANDLE, windows.STD_OUTPUT_HANDLE, windows.STD_ERROR_HANDLE} {
		if !connected(h) {
			return false
		}
	}
	return true
}

// connected reports whether a standard handle leads somewhere (a file, a
// pipe or a console).
func connected(std uint32) bool {
	h, err := windows.GetStdHandle(std)
	if err != nil || h == 0 || h == windows.InvalidHandle {
		return false
	}
	t, err := windows.GetFileType(h)
	return err == nil && t != windows.FILE_TYPE_UNKNOWN
}

// rebind points one unconnected standard stream at the attached console.
func rebind(std uint32, device string, access uint32, f **os.File, name string) {
	if connected(std) {
		return
	}
	h, err := windows.CreateFile(windows.StringToUTF16Ptr(device), access,
		windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE, nil, windows.OPEN_EXISTING, 0, 0)
	if err != nil {
		return
	}
	_ = windows.SetStdHandle(std, h)
	*f = os.NewFile(uintptr(h), name)
}
