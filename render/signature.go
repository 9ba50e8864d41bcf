package render

// Signature block geometry. The signature box is where the empty digital
// signature field goes; printed, it is where the pen goes.
const (
	sigLabelW = 70.0
	sigBoxW   = 250.0
	sigBoxH   = 48.0
	sigRowH   = 24.0
)

var (
	sigParty = textStyle{bold, 11, 15, black}
	sigRole  = textStyle{regular, 9, 13, grey}
	sigLabel = textStyle{regular, 9.5, 14, ink}
	sigDraft = textStyle{bold, 11, 15, grey}
)

// sigPlacement records where a signature field goes: page number and the
// box in top-left page coordinates, as the layout draws it.
type sigPlacement struct {
	name       string
	page       int
	x, y, w, h float64
}

// signatures draws the signature page: the intro, then one block per
// signatory with a signature box, name, title and date lines. Each block
// is kept on one page so a signature never floats away from its party.
// A draft's boxes say it is not to be signed: a reader who prints it
// must not take the pen to terms that are still open.
func (l *layout) signatures(s Signing, fieldNames []string, draft bool) {
	l.newPage()
	l.outline("Signatures")
	l.text(marginX, l.y, pageHeading, "Signatures")
	l.y += pageHeading.lead + 6
	if s.Intro != "" {
		l.flow(marginX, contentW, bodyStyle, s.Intro)
	}
	l.y += 18

	valueX := marginX + sigLabelW
	valueW := sigBoxW
	for i, sg := range s.Signatories {
		party := l.wrap(sigParty, contentW, sg.Party)
		role := l.wrap(sigRole, contentW, sg.Role)
		name := l.wrap(bodyStyle, valueW, sg.Name)
		title := l.wrap(bodyStyle, valueW, sg.Title)
		h := float64(len(party))*sigParty.lead + float64(len(role))*sigRole.lead + 10 +
			sigBoxH + 8 + l.sigRowHeight(name) + l.sigRowHeight(title) + sigRowH
		if h <= contentBottom-contentTop {
			l.need(h)
		}

		l.flow(marginX, contentW, sigParty, sg.Party)
		l.flow(marginX, contentW, sigRole, sg.Role)
		l.y += 10

		l.need(sigBoxH)
		l.fill(valueX, l.y, sigBoxW, sigBoxH, rgb{0xf6, 0xf7, 0xf9})
		l.box(valueX, l.y, sigBoxW, sigBoxH, 0.4, rule)
		if draft {
			l.text(valueX+10, l.y+(sigBoxH-sigDraft.lead)/2, sigDraft, "DRAFT – do not sign")
		} else {
			l.line(valueX, l.y+sigBoxH, valueX+sigBoxW, l.y+sigBoxH, 0.8, ink)
		}
		l.text(marginX, l.y+sigBoxH-sigLabel.lead, sigLabel, "Signature")
		if i < len(fieldNames) {
			l.sigs = append(l.sigs, sigPlacement{
				name: fieldNames[i], page: l.page,
				x: valueX, y: l.y, w: sigBoxW, h: sigBoxH,
			})
		}
		l.y += sigBoxH + 8

		l.sigRow("Name:", sg.Name, valueX, valueW)
		l.sigRow("Title:", sg.Title, valueX, valueW)
		l.sigRow("Date:", "", valueX, valueW)
		l.y += 22
	}
}

// sigRowHeight is the height of a labelled line holding lines of text.
func (l *layout) sigRowHeight(lines []string) float64 {
	return max(sigRowH, float64(len(lines))*bodyStyle.lead+10)
}

// sigRow draws "Label:" and the value on a rule; an empty value leaves
// the rule blank to be filled in by hand.
func (l *layout) sigRow(label, value string, x, w float64) {
	if value == "" {
		l.need(sigRowH)
		top := l.y + sigRowH - 4 - sigLabel.lead
		l.text(marginX, top, sigLabel, label)
		l.line(x, l.y+sigRowH-4, x+w, l.y+sigRowH-4, 0.6, ink)
		l.y += sigRowH
		return
	}
	l.y += sigRowH - 4 - bodyStyle.lead
	l.need(bodyStyle.lead)
	l.hanging(x, w, bodyStyle, value, marginX, sigLabel, label)
	l.line(x, l.y, x+w, l.y, 0.6, ink)
	l.y += 4
}
