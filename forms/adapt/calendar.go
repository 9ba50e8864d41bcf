package adapt

import (
	"time"

	"pactwright/app/calendar"
	"pactwright/app/draft"
	"pactwright/forms"
)

var _ forms.CalendarEngine = (*Renderer)(nil)

// Calendar implements forms.CalendarEngine.
func (r *Renderer) Calendar(d draft.Draft, opt calendar.Options, now time.Time) ([]calendar.Event, []byte, error) {
	return r.E.Calendar(d, opt, now)
}
