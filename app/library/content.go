package library

import (
	"bytes"
	"compress/flate"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"pactwright/app/draft"
	"pactwright/app/template"
)

// timeLayout stores times in UTC with a fixed width, so that text order is
// time order and the file stays readable in the sqlite3 shell.
const timeLayout = "2006-01-02T15:04:05.000000000Z"

func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(timeLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("bad time %q in library: %w", s, err)
	}
	return t.UTC(), nil
}

// encodeDraft stores content in the JSON draft format, the same bytes an
// exported file holds, compacted: the library never invents a second format.
func encodeDraft(t *template.Template, d draft.Draft) ([]byte, error) {
	b, err := draft.Marshal(t, d)
	if err != nil {
		return nil, err
	}
	var c bytes.Buffer
	c.Grow(len(b))
	if err := json.Compact(&c, b); err != nil {
		return nil, fmt.Errorf("compact draft: %w", err)
	}
	return c.Bytes(), nil
}

func decodeDraft(t *template.Template, b []byte) (draft.Draft, error) {
	return draft.Unmarshal(t, b)
}

// compress is used for revisions only: they are immutable and read rarely,
// and compression makes them about a third of the size. The working copy
// stays plain so autosave costs no more than it must.
func compress(b []byte) ([]byte, error) {
	var z bytes.Buffer
	w, err := flate.NewWriter(&z, flate.DefaultCompression)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return z.Bytes(), nil
}

func decompress(b []byte) ([]byte, error) {
	out, err := io.ReadAll(flate.NewReader(bytes.NewReader(b)))
	if err != nil {
		return nil, fmt.Errorf("decompress revision: %w", err)
	}
	return out, nil
}

// partyNames are the summary columns the drafts browser shows and searches.
func partyNames(d draft.Draft) (customer, provider string) {
	return d.Answers.Text("customer_name"), d.Answers.Text("provider_name")
}

// searchKey is what a query is matched against: title and party names,
// case-folded in Go because SQLite's LIKE folds ASCII letters only.
func searchKey(title, customer, provider string) string {
	return strings.ToLower(title + "\n" + customer + "\n" + provider)
}

// likePattern turns a user's query into a LIKE pattern that matches it
// literally anywhere in the search key.
func likePattern(query string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(strings.ToLower(strings.TrimSpace(query))) + "%"
}
