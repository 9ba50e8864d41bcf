package forms

import (
	"image/color"

	"fyne.io/fyne/v2"
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
				u.opts.App.Preferences().SetString(prefTheme, c.value)
				u.applyTheme(c.value)
			}
		}
	})
	radio.Required = true
	radio.SetSelected(selected)
	d := dialog.NewCustom("Settings", "Close", widget.NewForm(widget.NewFormItem("Appearance", radio), u.authorFormItem()), u.win)
	d.Show()
}
