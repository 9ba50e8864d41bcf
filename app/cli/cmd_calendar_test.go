package cli

import (
	"os"
	"strings"
	"testing"
)

func TestCalendarCommand(t *testing.T) {
	h := newHarness(t)
	id := firstLine(h.ok("new", "--example"))
	// The example starts on 4 January 2027 for 36 months with 90 days'
	// notice to stop renewal: the term ends on 3 January 2030.
	list := h.ok("calendar", id)
	mustContain(t, "calendar", list, "Mon 04 Jan 2027    Agreement starts (clause 1.",
		"Fri 05 Oct 2029 !  Last day to give notice of non-renewal (clause 1.",
		"Thu 03 Jan 2030    Initial term ends")
	ics := h.path("obligations.ics")
	out := h.ok("calendar", id, "-o", ics)
	if !strings.HasPrefix(out, "wrote ") {
		t.Errorf("stdout %q", out)
	}
	data, err := os.ReadFile(ics)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), "BEGIN:VCALENDAR\r\n") || !strings.Contains(string(data), "DTSTART;VALUE=DATE:20291005\r\n") {
		t.Errorf("the .ics lacks the notice deadline:\n%.400s", data)
	}
	ended := h.ok("calendar", id, "--notice-given", "2028-03-01")
	mustContain(t, "calendar after notice", ended, "Agreement ends after the notice given on 1 March 2028", "Hand-back due at the latest: Call recordings")
	if strings.Contains(ended, "non-renewal") && strings.Contains(ended, "2029") {
		t.Errorf("dates after the end are still listed:\n%s", ended)
	}
	if _, errs, code := h.run("calendar", id, "--notice-given", "1/3/2028"); code != exitUsage || !strings.Contains(errs, "YYYY-MM-DD") {
		t.Errorf("a bad date: exit %d, %q", code, errs)
	}
}
