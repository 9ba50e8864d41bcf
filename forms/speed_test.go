package forms

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"pactwright/app/draft"
	"pactwright/app/template"
)

// speedUI is a window at 1280x800 holding the example, for benchmarks.
func speedUI(b *testing.B) (*UI, int64) {
	a := test.NewTempApp(b)
	tpl := template.CallCentre()
	st := NewMemStore(tpl)
	u := New(Options{App: a, Template: tpl, Store: st, Renderer: &fakeRenderer{}, Do: func(f func()) { f() },
		PreviewDelay: time.Hour, SaveDelay: time.Hour})
	u.win.Resize(fyne.NewSize(1280, 800))
	id, _ := st.Create(draft.Example(tpl))
	return u, id
}

// BenchmarkOpenDraft is the drafts list to an open draft, laid out (not
// painted: the real window's figure is the smoke test's).
func BenchmarkOpenDraft(b *testing.B) {
	u, id := speedUI(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := u.OpenDraft(id); err != nil {
			b.Fatal(err)
		}
		u.win.Content().Resize(u.win.Canvas().Size())
		b.StopTimer()
		u.ShowBrowser()
		b.StartTimer()
	}
}
