package forms

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pactwright/app/check"
	"pactwright/app/template"
)

// tapLabel is a wrapping label that reacts to a click: checklist rows and
// findings are long sentences, which buttons would clip.
type tapLabel struct {
	widget.Label
	onTap     func()
	onFocus   func()            // a checklist row scrolls itself into view (and out of culling)
	unfocused widget.Importance // the colour to return to when the focus leaves
}

func newTapLabel(text string, onTap func()) *tapLabel {
	l := &tapLabel{onTap: onTap}
	l.ExtendBaseWidget(l)
	l.Text = text
	l.Wrapping = fyne.TextWrapWord
	return l
}

// Tapped implements fyne.Tappable.
func (l *tapLabel) Tapped(*fyne.PointEvent) {
	if l.onTap != nil {
		l.onTap()
	}
}

// FocusGained shows the keyboard is on this row: Enter or Space opens it.
// The row turns the accent colour while it has the focus.
func (l *tapLabel) FocusGained() {
	if l.onFocus != nil {
		l.onFocus()
	}
	l.unfocused = l.Importance
	l.Importance = widget.HighImportance
	l.Refresh()
}

// FocusLost gives the row its own colour back.
func (l *tapLabel) FocusLost() {
	l.Importance = l.unfocused
	l.Refresh()
}

// TypedRune ignores typing: the row is not editable.
func (l *tapLabel) TypedRune(rune) {}

// TypedKey opens the row on Enter or Space, as a click does.
func (l *tapLabel) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		l.Tapped(nil)
	}
}

// Cursor shows a hand so the row reads as clickable.
func (l *tapLabel) Cursor() desktop.Cursor { return desktop.PointerCursor }

type elementRow struct {
	icon     *widget.Icon
	label    *tapLabel
	problems *widget.Label
	status   check.Status
}

type groupRow struct {
	icon  *widget.Icon
	label *widget.Label
}

// sidePanel shows the live checklist and the findings. Its structure is
// built once from the template; each recompute only updates texts and icons.
type sidePanel struct {
	jump func(field string) // switch to the field's tab and focus it

	groups   []groupRow
	elements [][]elementRow
	rows     *culler // the checklist's rows, culled outside its view
	t        *template.Template

	findingsBox *fyne.Container
	// accept asks the user for a reason to keep a HIGH finding;
	// withdraw forgets an accepted one (risk.go).
	accept, withdraw func(check.Finding)
	findingsTitle    *widget.Label
	lastFindings     []check.Finding
	summary          *widget.Label
	lastReport       *check.Report

	content fyne.CanvasObject
}

func statusIcon(s check.Status) fyne.Resource {
	switch s {
	case check.Complete:
		return theme.ConfirmIcon()
	case check.Incomplete:
		return theme.CancelIcon()
	case check.ToReview:
		return theme.QuestionIcon()
	}
	return theme.ContentRemoveIcon()
}

func severityIcon(s check.Severity) fyne.Resource {
	switch s {
	case check.High:
		return theme.ErrorIcon()
	case check.Medium:
		return theme.WarningIcon()
	}
	return theme.InfoIcon()
}

func newSidePanel(t *template.Template, jump func(string)) *sidePanel {
	p := &sidePanel{t: t, jump: jump}
	// The checklist's rows are culled outside its view (cull.go): opening
	// a draft paints the rows at the top, not all of them.
	scroll := container.NewVScroll(container.NewVBox())
	list := newCuller(scroll)
	for _, g := range t.Groups {
		gr := groupRow{icon: widget.NewIcon(theme.ContentRemoveIcon()), label: widget.NewLabelWithStyle(g.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
		list.add(container.NewBorder(nil, nil, gr.icon, nil, gr.label))
		var rows []elementRow
		for _, e := range g.Elements {
			first := ""
			if len(e.Fields) > 0 {
				first = e.Fields[0]
			}
			er := elementRow{icon: widget.NewIcon(theme.ContentRemoveIcon())}
			er.label = newTapLabel(e.Name, nil)
			er.problems = widget.NewLabel("")
			er.problems.Wrapping = fyne.TextWrapWord
			er.problems.SizeName = theme.SizeNameCaptionText
			er.problems.Importance = widget.DangerImportance
			er.problems.Hide()
			idx := len(rows)
			gi := len(p.elements)
			er.label.onTap = func() {
				// Jump to the first problem if there is one, else the element's first field.
				target := first
				if r := p.lastReport; r != nil && len(r.Groups[gi].Elements[idx].Problems) > 0 {
					target = r.Groups[gi].Elements[idx].Problems[0].Field
				}
				p.jump(target)
			}
			row := list.add(container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel(""), er.icon), nil, container.NewVBox(er.label, er.problems)))
			// Tab skips culled rows, so the focused row must come into view
			// for the rows after it to be kept.
			er.label.onFocus = func() { list.scrollIntoView(row) }
			rows = append(rows, er)
		}
		p.groups = append(p.groups, gr)
		p.elements = append(p.elements, rows)
	}
	p.summary = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.findingsTitle = widget.NewLabelWithStyle("Findings", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.findingsBox = container.NewVBox()
	scroll.Content = list.box
	p.rows = list
	checklist := container.NewBorder(p.summary, nil, nil, nil, container.NewStack(scroll, list.watch()))
	findings := container.NewBorder(p.findingsTitle, nil, nil, nil, container.NewVScroll(p.findingsBox))
	split := container.NewVSplit(checklist, findings)
	split.Offset = 0.6
	p.content = split
	return p
}

// update shows a new report. It runs on every keystroke, so it touches
// only what changed.
func (p *sidePanel) update(r *check.Report) {
	p.lastReport = r
	p.summary.SetText(fmt.Sprintf("Checklist: %d%% complete (%d of %d elements)", r.Percent(), r.Done, r.Applicable))
	for gi, g := range r.Groups {
		p.groups[gi].icon.SetResource(statusIcon(g.Status))
		for ei, e := range g.Elements {
			row := &p.elements[gi][ei]
			if row.status != e.Status {
				row.status = e.Status
				row.icon.SetResource(statusIcon(e.Status))
				if e.Status == check.NotApplicable {
					row.label.Importance = widget.LowImportance
				} else {
					row.label.Importance = widget.MediumImportance
				}
				row.label.Refresh()
			}
			var msgs []string
			for _, pr := range e.Problems {
				msgs = append(msgs, pr.String())
			}
			text := strings.Join(msgs, "\n")
			row.problems.Importance = widget.DangerImportance
			if text == "" && e.Status == check.ToReview {
				text = "Suggested value, not yet reviewed"
				row.problems.Importance = widget.WarningImportance
			}
			if text == "" {
				row.problems.Hide()
			} else {
				if row.problems.Text != text {
					row.problems.SetText(text)
				}
				row.problems.Show()
			}
		}
	}
	if slices.Equal(p.lastFindings, r.Findings) && p.findingsBox.Objects != nil {
		return
	}
	p.lastFindings = slices.Clone(r.Findings)
	p.findingsTitle.SetText(fmt.Sprintf("Findings (%d)", len(r.Findings)))
	objs := make([]fyne.CanvasObject, 0, len(r.Findings)+1)
	for _, f := range r.Findings {
		objs = append(objs, container.NewBorder(nil, nil, widget.NewIcon(severityIcon(f.Severity)), nil,
			newTapLabel(f.Message, func() { p.jump(f.Field) })))
		if row := p.riskRow(f); row != nil {
			objs = append(objs, row)
		}
	}
	if len(objs) == 0 {
		objs = append(objs, widget.NewLabel("No risky or inconsistent terms found."))
	}
	p.findingsBox.Objects = objs
	p.findingsBox.Refresh()
}
