// Package console lets the Windows build, a GUI-subsystem program so that a
// double-click opens only the window, still print to the cmd or PowerShell
// window a CLI subcommand was typed in. Only main calls it, and only for
// subcommands: the window never touches a console.
package console
