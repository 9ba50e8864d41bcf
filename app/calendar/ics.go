package calendar

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
)

// ICS writes the events as an RFC 5545 calendar that Outlook, Google
// Calendar and Apple Calendar import: all-day events (DATE values, so no
// time zone moves a deadline), each with its clause in the description and
// display reminders: 30 and 7 days before a deadline, 1 day before anything
// else. name titles the calendar; uidScope (the agreement's document id)
// keeps the UIDs stable across exports, so importing again updates the
// events instead of doubling them; stamp is DTSTAMP.
func ICS(events []Event, name, uidScope string, stamp time.Time) []byte {
	var b strings.Builder
	line := func(s string) { b.WriteString(fold(s)) }
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//Pactwright//Calendar of obligations//EN")
	line("CALSCALE:GREGORIAN")
	line("METHOD:PUBLISH")
	line("X-WR-CALNAME:" + escape(name))
	seen := map[string]int{}
	for _, e := range events {
		key := e.Date.Format("20060102") + "|" + e.Title
		seen[key]++
		sum := sha256.Sum256([]byte(uidScope + "|" + key + "|" + string(rune('0'+seen[key]))))
		desc := e.Clause
		if e.Detail != "" {
			desc = e.Detail + " (" + e.Clause + ")"
		}
		line("BEGIN:VEVENT")
		line("UID:" + hex.EncodeToString(sum[:12]) + "@pactwright")
		line("DTSTAMP:" + stamp.UTC().Format("20060102T150405Z"))
		line("DTSTART;VALUE=DATE:" + e.Date.Format("20060102"))
		line("DTEND;VALUE=DATE:" + e.Date.AddDate(0, 0, 1).Format("20060102"))
		line("SUMMARY:" + escape(e.Title))
		line("DESCRIPTION:" + escape(desc))
		line("CATEGORIES:" + escape(e.Kind))
		line("TRANSP:TRANSPARENT")
		triggers := []string{"-P1D"}
		if e.Deadline {
			triggers = []string{"-P30D", "-P7D"}
		}
		for _, t := range triggers {
			line("BEGIN:VALARM")
			line("ACTION:DISPLAY")
			line("DESCRIPTION:" + escape(e.Title))
			line("TRIGGER:" + t)
			line("END:VALARM")
		}
		line("END:VEVENT")
	}
	line("END:VCALENDAR")
	return []byte(b.String())
}

// escape writes TEXT values as RFC 5545 section 3.3.11 asks.
func escape(s string) string {
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`).Replace(s)
}

// fold ends a content line with CRLF, folding it so that no line is longer
// than 75 octets, without splitting a UTF-8 character (section 3.1).
func fold(s string) string {
	var b strings.Builder
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !isRuneStart(s[cut]) {
			cut--
		}
		b.WriteString(s[:cut] + "\r\n ")
		s = s[cut:]
		limit = 74 // the continuation's leading space counts
	}
	b.WriteString(s + "\r\n")
	return b.String()
}

func isRuneStart(c byte) bool { return c&0xC0 != 0x80 }
