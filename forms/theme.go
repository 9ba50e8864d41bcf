package forms

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Appearance: light or dark, following the system unless the user chose
// one in File ▸ Settings…; the choice is kept in the window's preferences.

const prefTheme = "theme"

// themeOption is one option of the settings dialog.
type themeOption struct{ value, label string }

// themeOptions are the settings dialog's options, by preference value.
func themeOptions() []themeOption {
	return []themeOption{{"system", "Follow the system"}, {"light", "Light"}, {"dark", "Dark"}}
}

// fixedVariant is Fyne's theme in one variant, whatever the system says.
type fixedVariant struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (t fixedVariant) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

// applyTheme sets the appearance for choice ("system", "light" or "dark").
func (u *UI) applyTheme(choice string) {
	var th fyne.Theme = theme.DefaultTheme()
	switch choice {
	case "light":
		th = fixedVariant{th, theme.VariantLight}
	case "dark":
		th = fixedVariant{th, theme.VariantDark}
	}
	u.opts.App.Settings().SetTheme(th)
	// Fyne recolours what its canvas walks: the tab shown, not the forms
	// and side tabs behind it, which then kept the old colours until the
	// next start (dark boxes with unreadable labels on light grey).
	for _, e := range []*editor{u.editor, u.kept} {
		if e != nil {
			recolour(e.tabs)
			recolour(e.sideTabs)
		}
	}
}

// recolour refreshes o and everything it holds, shown or not, so that
// each widget takes the colours of the theme now set.
func recolour(o fyne.CanvasObject) {
	switch o := o.(type) {
	case *fyne.Container:
		for _, c := range o.Objects {
			recolour(c)
		}
	case *container.Scroll:
		recolour(o.Content)
	case *container.AppTabs:
		for _, it := range o.Items {
			recolour(it.Content)
		}
	case *quietTab:
		recolour(o.content)
	}
	o.Refresh()
}

// setTheme keeps the appearance chosen and applies it at once.
func (u *UI) setTheme(choice string) {
	u.opts.App.Preferences().SetString(prefTheme, choice)
	u.applyTheme(choice)
}

// themeChoice is the stored appearance, "system" unless chosen.
func (u *UI) themeChoice() string {
	return u.opts.App.Preferences().StringWithFallback(prefTheme, "system")
}

// showSettings lets the user choose the appearance; it applies at once.
func (u *UI) showSettings() {
	options := themeOptions()
	labels := make([]string, len(options))
	selected := ""
	for i, c := range options {
		labels[i] = c.label
		if c.value == u.themeChoice() {
			selected = c.label
		}
	}
	radio := widget.NewRadioGroup(labels, func(label string) {
		for _, c := range options {
			if c.label == label {
				u.setTheme(c.value)
			}
		}
	})
	radio.Required = true
	radio.SetSelected(selected)
	d := dialog.NewCustom("Settings", "Close", widget.NewForm(widget.NewFormItem("Appearance", radio), u.authorFormItem()), u.win)
	d.Show()
}
