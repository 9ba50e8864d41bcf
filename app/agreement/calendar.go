package agreement

import (
	"fmt"
	"time"

	"pactwright/app/calendar"
	"pactwright/app/draft"
)

// Calendar lists the draft's dated obligations with the clause numbers the
// agreement prints, and writes them as an .ics file stamped at now.
func (e *Engine) Calendar(d draft.Draft, opt calendar.Options, now time.Time) ([]calendar.Event, []byte, error) {
	c, err := e.composer.Compose(d)
	if err != nil {
		return nil, nil, fmt.Errorf("compose agreement: %w", err)
	}
	events, err := calendar.Obligations(d.Answers, c.Numbers, opt)
	if err != nil {
		return nil, nil, err
	}
	name := c.Document.Title + ": " + c.Document.Subtitle
	return events, calendar.ICS(events, name, c.Document.ID, now), nil
}
