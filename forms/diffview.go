package forms

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// diffView shows what changed between two versions of a draft, grouped by
// clause group. History, Compare with… and Compare with signed all show
// their changes through it, so a change reads the same everywhere.
type diffView struct {
	text    *widget.Label
	content fyne.CanvasObject
}

// newDiffView starts with hint, which says what to do to see a diff.
func newDiffView(hint string) *diffView {
	l := widget.NewLabel(hint)
	l.Wrapping = fyne.TextWrapWord
	return &diffView{text: l, content: container.NewVScroll(l)}
}

// show puts heading above the changes, or the error if there are none to show.
func (v *diffView) show(heading string, changes []Change, err error) {
	if err != nil {
		v.text.SetText("Could not compare: " + err.Error())
		return
	}
	if heading != "" {
		heading += "\n\n"
	}
	v.text.SetText(heading + formatChanges(changes))
}

// say replaces the diff with a message.
func (v *diffView) say(msg string) { v.text.SetText(msg) }

// formatChanges groups changes by clause group as "Label: old → new".
func formatChanges(changes []Change) string {
	if len(changes) == 0 {
		return "No differences."
	}
	var b strings.Builder
	group := ""
	for _, c := range changes {
		if c.Group != group {
			if group != "" {
				b.WriteString("\n")
			}
			group = c.Group
			b.WriteString(group + "\n")
		}
		old, nw := c.Old, c.New
		if old == "" {
			old = "(blank)"
		}
		if nw == "" {
			nw = "(blank)"
		}
		fmt.Fprintf(&b, "  %s: %s → %s\n", c.Label, oneLine(old), oneLine(nw))
	}
	return b.String()
}

func oneLine(s string) string { return strings.ReplaceAll(s, "\n", ", ") }

// kindLabel says in words how a revision came about.
func kindLabel(kind string) string {
	switch kind {
	case "save":
		return "saved"
	case "export":
		return "exported"
	case "restore-undo":
		return "kept before a restore"
	}
	return kind
}

// revisionLabel is one line naming a revision: number, how, when, and its
// note cut to maxNote runes (0: whole).
func revisionLabel(r Revision, maxNote int) string {
	text := fmt.Sprintf("Version %d · %s · %s", r.Number, kindLabel(r.Kind), r.Created.Local().Format("2 Jan 2006 15:04")) + authorSuffix(r.Author)
	if note := []rune(oneLine(r.Note)); len(note) > 0 {
		if maxNote > 0 && len(note) > maxNote {
			note = append(note[:maxNote-1], '…')
		}
		text += " · " + string(note)
	}
	return text
}
