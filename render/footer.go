package render

import (
	"fmt"
	"strconv"

	"github.com/signintech/gopdf"
)

// totalPagesKey names gopdf's placeholder for the page count, which is only
// known after the last page is laid out.
const totalPagesKey = "pactwright-total-pages"

// Footer geometry: the initials box sits in the bottom right corner of
// every page, so each page can be initialled when the contract is printed.
const (
	initialsW = 74.0
	initialsH = 30.0
)

// draftMark is printed at the top of every page of a document with
// anything still to be completed: such a document must not be signed, and
// it has no signature fields.
const draftMark = "DRAFT – NOT FOR SIGNATURE"

var draftMarkStyle = textStyle{bold, 11, 14, warnRed}

// footerText is what every footer repeats.
type footerText struct {
	title string
	id    string
	draft bool   // print draftMark on every page
	line  string // title and ID fitted to the footer, computed once
}

// drawFooter draws the footer of the current page: a rule, the document
// title and ID, "Page X of Y" and the initials box.
func (l *layout) drawFooter() {
	if l.err != nil {
		return
	}
	st := smallStyle
	l.line(marginX, footerTop, pageW-marginX, footerTop, 0.5, rule)

	if l.footer.line == "" {
		l.footer.line = l.footerLine()
	}
	top := footerTop + 7
	l.text(marginX, top, st, l.footer.line)

	prefix := fmt.Sprintf("Page %d of ", l.page)
	top += st.lead + 2
	l.text(marginX, top, st, prefix)
	if l.err == nil {
		l.gp.SetXY(marginX+l.width(st, prefix), st.baseline(top))
		if err := l.gp.PlaceHolderText(totalPagesKey, 30); err != nil {
			l.fail(fmt.Errorf("page count placeholder: %w", err))
		}
	}

	x := pageW - marginX - initialsW
	y := footerTop + 6
	l.box(x, y, initialsW, initialsH, 0.6, rule)
	l.text(x+3, y+1.5, labelStyle, "Initials")

	if l.footer.draft {
		// Above the content area, centred, so it shows on every page
		// whatever the page holds.
		l.text((pageW-l.width(draftMarkStyle, draftMark))/2, contentTop-draftMarkStyle.lead-12, draftMarkStyle, draftMark)
	}
}

// footerLine fits "Title · Doc ID X" left of the initials box.
func (l *layout) footerLine() string {
	st := smallStyle
	textW := contentW - initialsW - 12
	id := ""
	if l.footer.id != "" {
		id = "Doc ID " + l.footer.id
	}
	sep := ""
	if l.footer.title != "" && id != "" {
		sep = "   ·   "
	}
	id = l.fit(st, textW/2, id)
	title := l.fit(st, textW-l.width(st, sep+id), l.footer.title)
	return title + sep + id
}

// fillPageCount writes the final page count into every footer.
func (l *layout) fillPageCount() {
	if l.err != nil {
		return
	}
	// FillInPlaceHoldText measures with the current font: select the
	// footer's so its arithmetic matches the placeholder's.
	l.setText(smallStyle)
	if err := l.gp.FillInPlaceHoldText(totalPagesKey, strconv.Itoa(l.page), gopdf.Left); err != nil {
		l.fail(fmt.Errorf("fill page count: %w", err))
	}
}
