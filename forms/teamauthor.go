package forms

import (
	"strings"

	"fyne.io/fyne/v2/widget"
)

// Who I am: the name a person sets once in File ▸ Settings… is what the
// library records as the author of their revisions, exports, signings and
// deletions, and what colleagues sharing the library see in History.
// Empty means the library's default (the operating system's user).

const prefAuthorName = "author.name"

// authorLabel heads the setting; it says where the name shows.
const authorLabel = "Your name (shown in History to your colleagues)"

// authorName is the name stored in the preferences, trimmed.
func (u *UI) authorName() string {
	return strings.TrimSpace(u.opts.App.Preferences().String(prefAuthorName))
}

// applyAuthorName passes the stored name to the library.
func (u *UI) applyAuthorName() {
	if u.opts.SetAuthor != nil {
		u.opts.SetAuthor(u.authorName())
	}
}

// authorFormItem is the Settings dialog's name field: every change is
// stored and applies to the next change recorded.
func (u *UI) authorFormItem() *widget.FormItem {
	entry := widget.NewEntry()
	entry.SetText(u.authorName())
	entry.SetPlaceHolder("e.g. Ann Owner; empty: your computer login")
	entry.OnChanged = func(s string) {
		u.opts.App.Preferences().SetString(prefAuthorName, strings.TrimSpace(s))
		u.applyAuthorName()
	}
	item := widget.NewFormItem(authorLabel, entry)
	item.HintText = "Recorded with every version, export and signing you make."
	return item
}

// authorSuffix is " · by NAME" for a revision whose author is known.
func authorSuffix(author string) string {
	if author == "" {
		return ""
	}
	return " · by " + author
}
