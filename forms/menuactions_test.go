package forms

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// openWide opens the example in a 1280×800 window, where the side panel
// sits beside the form.
func (h *harness) openWide() (*editor, fyne.Window) {
	h.t.Helper()
	e := h.openExample()
	e.ui.win.Resize(fyne.NewSize(1280, 800))
	return e, e.ui.win
}

// menuItem finds the main menu's item labelled label in menu.
func menuItem(t *testing.T, w fyne.Window, menu, label string) *fyne.MenuItem {
	t.Helper()
	for _, m := range w.MainMenu().Items {
		for _, it := range m.Items {
			if m.Label == menu && it.Label == label {
				return it
			}
		}
	}
	t.Fatalf("no %s ▸ %s in the menus", menu, label)
	return nil
}

// A draft action used from the drafts list says what to do instead of
// doing nothing.
func TestDraftActionsFromTheListSayNoAgreementIsOpen(t *testing.T) {
	h := newHarness(t)
	w := h.ui.win
	for _, it := range []struct{ menu, label string }{
		{"Draft", "History…"}, {"File", "Export PDF…"}, {"Go", "Preview"},
	} {
		menuItem(t, w, it.menu, it.label).Action()
		if got := overlayText(w); !strings.Contains(got, "Open an agreement from the list first.") {
			t.Fatalf("%s ▸ %s from the drafts list shows:\n%s", it.menu, it.label, got)
		}
		tapOverlayButton(t, w, "OK")
	}
}

// Go ▸ Preview brings the side panel back, on the preview, which fills.
func TestGoPreviewShowsThePreview(t *testing.T) {
	h := newHarness(t)
	e, w := h.openWide()
	menuAction(t, w, shortcutSidePanel)()
	h.waitFor("the side panel put away", e.sideArea.hidden)

	menuAction(t, w, shortcutPreview)()
	if e.sideArea.hidden() || e.sideTabs.Selected() != e.previewItem {
		t.Fatalf("after Go ▸ Preview the panel is hidden=%v on %q", e.sideArea.hidden(), e.sideTabs.Selected().Text)
	}
	h.waitFor("the preview", func() bool { return strings.Contains(e.preview.Text(), "AGREEMENT") })
}
