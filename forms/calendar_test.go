package forms

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"pactwright/app/answers"
	"pactwright/app/calendar"
	"pactwright/app/draft"
	"pactwright/app/template"
)

func (creditsRenderer) Calendar(d draft.Draft, opt calendar.Options, now time.Time) ([]calendar.Event, []byte, error) {
	ev, err := calendar.Obligations(d.Answers, map[string]string{"parties.term.3": "clause 1.4"}, opt)
	if err != nil {
		return nil, nil, err
	}
	return ev, calendar.ICS(ev, d.Title, "PW-TEST", now), nil
}

// aftersignHarness is the usual harness with an engine that has the
// calculator and the calendar.
func aftersignHarness(t *testing.T) (*harness, *editor) {
	a := test.NewTempApp(t)
	tpl := template.CallCentre()
	h := &harness{t: t, store: NewMemStore(tpl), r: &fakeRenderer{}}
	h.ui = New(Options{App: a, Template: tpl, Store: h.store, Renderer: &creditsRenderer{}, Do: h.do,
		SaveDelay: 50 * time.Millisecond, PreviewDelay: 10 * time.Millisecond})
	e := h.openExample()
	t.Cleanup(e.stop)
	return h, e
}

// listLines is every line a list would show.
func listLines(l *widget.List) []string {
	var out []string
	for i := 0; i < l.Length(); i++ {
		item := l.CreateItem()
		l.UpdateItem(i, item)
		out = append(out, item.(*widget.Label).Text)
	}
	return out
}

func TestCalendarDialogListsTheDates(t *testing.T) {
	h, e := aftersignHarness(t)
	e.showCalendar()
	var list *widget.List
	var notice *widget.Entry
	find := func() {
		walk(h.ui.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
			switch w := o.(type) {
			case *widget.List:
				list = w
			case *widget.Entry:
				notice = w
			}
		})
	}
	h.waitFor("the dates", func() bool { find(); return list != nil && list.Length() > 0 })
	lines := strings.Join(listLines(list), "\n")
	mustHave := "Fri 05 Oct 2029  ! Last day to give notice of non-renewal (clause 1.4)"
	if !strings.Contains(lines, mustHave) {
		t.Errorf("the list lacks %q", mustHave)
	}
	test.Type(notice, "2028-03-01")
	notice.OnSubmitted(notice.Text)
	h.waitFor("the dates after notice", func() bool {
		return strings.Contains(strings.Join(listLines(list), "\n"), "Agreement ends after the notice given on 1 March 2028")
	})
	if strings.Contains(strings.Join(listLines(list), "\n"), "2029  ! Last day to give notice of non-renewal") {
		t.Error("a renewal deadline after the end is still listed")
	}
	// A date that does not exist says so and leaves nothing stale to save.
	notice.SetText("2028-02-30")
	notice.OnSubmitted(notice.Text)
	var message string
	walk(h.ui.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "does not exist") {
			message = l.Text
		}
	})
	if !strings.Contains(message, "30 February 2028 does not exist") || list.Length() != 0 {
		t.Errorf("bad notice date: message %q, %d dates still listed", message, list.Length())
	}
}

// TestCalendarOnTheSignedTerms: with the working copy's start date moved
// (an amendment not yet signed), the calendar lists the signed dates and
// says which terms it reads.
func TestCalendarOnTheSignedTerms(t *testing.T) {
	h, e := signedTermsHarness(t)
	e.d.Answers["effective_date"] = answers.Value{Text: "2030-01-07"}
	e.showCalendar()
	var list *widget.List
	var said string
	h.waitFor("the dates", func() bool {
		walk(h.ui.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
			switch w := o.(type) {
			case *widget.List:
				list = w
			case *widget.Label:
				if strings.Contains(w.Text, "dates, each with the clause") {
					said = w.Text
				}
			}
		})
		return list != nil && list.Length() > 0 && said != ""
	})
	if lines := strings.Join(listLines(list), "\n"); !strings.Contains(lines, "Mon 04 Jan 2027") || strings.Contains(lines, "2030    Agreement starts") {
		t.Errorf("the calendar does not follow the signed start date:\n%s", lines)
	}
	if !strings.HasSuffix(said, "On the signed agreement (revision 2).") {
		t.Errorf("the message does not name the terms: %q", said)
	}
}
