package forms

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"pactwright/app/calendar"
	"pactwright/app/draft"
	"pactwright/app/template"
)

// CalendarEngine is the part of the agreement engine the calendar needs:
// the dated obligations with the clause numbers the agreement prints, and
// the same as an .ics file. adapt.Renderer has it.
type CalendarEngine interface {
	Calendar(d draft.Draft, opt calendar.Options, now time.Time) ([]calendar.Event, []byte, error)
}

// calendarPanel shows the dated list and keeps the .ics that matches it.
type calendarPanel struct {
	events  []calendar.Event
	ics     []byte
	list    *widget.List
	notice  *widget.Entry // the day notice to end was given, if it has been
	message *widget.Label
	content fyne.CanvasObject
}

// calendarDialog is the calendar of obligations for one draft.
type calendarDialog struct {
	win    fyne.Window
	engine CalendarEngine
	draft  draftTasks
	// saveFile asks where to save a file and writes it (UI.saveFile).
	saveFile func(name, what string, data []byte)
	// snap is the draft when the dialog opened: its dates, and its
	// customer for the calendar file's name.
	snap draft.Draft
	now  func() time.Time
	// terms, when the build has them, give the terms in force on the
	// day (today, or the day notice was given) instead of snap's.
	terms TermsSource
	id    int64
}

// showCalendar opens the calendar, if this build has it.
func (e *editor) showCalendar() {
	ce, ok := e.ui.opts.Renderer.(CalendarEngine)
	if !ok {
		e.ui.showError(errors.New("the calendar of obligations is not available in this build"))
		return
	}
	d := &calendarDialog{win: e.ui.win, engine: ce, draft: e.shown(), saveFile: e.ui.saveFile, snap: e.snapshot(), now: e.ui.now, id: e.id}
	d.terms, _ = e.ui.opts.Documents.(TermsSource)
	d.open()
}

// open works the calendar out off the UI goroutine and shows it;
// entering the day notice to end was given works it out again.
func (d *calendarDialog) open() {
	p := &calendarPanel{notice: widget.NewEntry(), message: widget.NewLabel("Working out the dates…")}
	p.message.Wrapping = fyne.TextWrapWord
	p.list = widget.NewList(func() int { return len(p.events) },
		func() fyne.CanvasObject {
			return widget.NewLabel("Wed 30 Sep 2099 ! Service level report for September 2099 due (clause 3.3)")
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(eventLine(p.events[i])) })
	// Each refresh is numbered and only the newest one's result is shown,
	// so a slow earlier calculation can never land on top of a newer one.
	asked := 0
	refresh := func() {
		asked++
		request := asked
		opt := calendar.Options{Renewals: calendar.DefaultRenewals}
		if s := strings.TrimSpace(p.notice.Text); s != "" {
			t, err := template.ParseDate(s)
			if err != nil {
				p.events, p.ics = nil, nil // nothing stale to save
				p.list.Refresh()
				p.message.SetText("Notice to end given on: " + err.Error() + ".")
				return
			}
			opt.NoticeGiven = t
		}
		now := d.now()
		go func() {
			terms, basis, err := d.snap, "", error(nil)
			if d.terms != nil {
				day := now
				if !opt.NoticeGiven.IsZero() {
					day = opt.NoticeGiven
				}
				terms, basis, err = d.terms.TermsInForce(d.id, day)
			}
			var events []calendar.Event
			var ics []byte
			if err == nil {
				events, ics, err = d.engine.Calendar(terms, opt, now)
			}
			d.draft.later(func() {
				if request == asked {
					p.show(events, ics, basis, err)
				}
			})
		}()
	}
	p.notice.SetPlaceHolder("YYYY-MM-DD, only once notice to end has been given")
	p.notice.OnSubmitted = func(string) { refresh() }
	save := widget.NewButton("Save as calendar file (.ics)…", func() { d.saveICS(p.ics) })
	top := container.NewVBox(widget.NewForm(widget.NewFormItem("Notice to end given on", container.NewBorder(nil, nil, nil, widget.NewButton("Update", refresh), p.notice))), p.message)
	p.content = container.NewBorder(top, save, nil, nil, p.list)
	dlg := dialog.NewCustom("Calendar of obligations", "Close", p.content, d.win)
	dlg.Resize(fyne.NewSize(820, 640))
	dlg.Show()
	refresh()
}

// show puts a calculation on screen.
func (p *calendarPanel) show(events []calendar.Event, ics []byte, basis string, err error) {
	if err != nil {
		p.events, p.ics = nil, nil
		p.list.Refresh()
		p.message.SetText(err.Error())
		return
	}
	p.events, p.ics = events, ics
	text := fmt.Sprintf("%d dates, each with the clause it comes from; ! marks a deadline (the calendar file reminds you 30 and 7 days before). Business days are Monday to Friday; public holidays are not counted.", len(events))
	if basis != "" {
		text += " On " + basis + "."
	}
	p.message.SetText(text)
	p.list.Refresh()
}

func eventLine(ev calendar.Event) string {
	mark := "  "
	if ev.Deadline {
		mark = "! "
	}
	return ev.Date.Format("Mon 02 Jan 2006") + "  " + mark + ev.Title + " (" + ev.Clause + ")"
}

// saveICS asks where to save the calendar file.
func (d *calendarDialog) saveICS(ics []byte) {
	if len(ics) > 0 {
		d.saveFile(fileName(d.snap.Answers, "obligations.ics"), "save the calendar", ics)
	}
}
