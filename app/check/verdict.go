package check

import (
	"fmt"
	"strings"
)

// Verdict is the one line that sums up a report for someone about to
// sign, written to follow the list of findings. "Ready for signature."
// alone is kept for a draft with nothing left to read: a reviewer takes it
// to mean "nothing to worry about", so open MEDIUM and LOW findings, and
// HIGH risks kept with a reason, are counted in the line itself.
func (r Report) Verdict() string {
	if b := r.Blockers(); len(b) > 0 {
		return "Not yet ready for signature: " + strings.Join(b, "; ") + "."
	}
	accepted, others := 0, map[Severity]int{}
	for _, f := range r.Findings {
		switch {
		case f.Severity == High && f.Accepted != "":
			accepted++
		case f.Severity != High:
			others[f.Severity]++
		}
	}
	open := others[Medium] + others[Low]
	switch {
	case accepted == 0 && open == 0:
		return "Ready for signature."
	case accepted == 0:
		return fmt.Sprintf("Ready for signature: nothing blocks it, but read the %d %s above (%s) before you sign.",
			open, plural(open, "finding", "findings"), severityCounts(others))
	case open == 0:
		return fmt.Sprintf("Ready for signature with %d accepted HIGH %s (see above).", accepted, plural(accepted, "risk", "risks"))
	}
	return fmt.Sprintf("Ready for signature with %d accepted HIGH %s (see above); also read the %d other %s (%s) before you sign.",
		accepted, plural(accepted, "risk", "risks"), open, plural(open, "finding", "findings"), severityCounts(others))
}

// severityCounts reads "2 MEDIUM, 1 LOW", most serious first.
func severityCounts(n map[Severity]int) string {
	var parts []string
	for _, s := range []Severity{Medium, Low} {
		if n[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n[s], strings.ToUpper(string(s))))
		}
	}
	return strings.Join(parts, ", ")
}
