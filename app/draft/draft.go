// Package draft reads and writes the JSON draft format: a versioned file
// holding the template id and version, a title and the answers.
//
// Loading is strict. An unknown template, version or field, or a value of the
// wrong JSON type, is an error naming the field: silently dropping part of
// someone's agreement is worse than refusing the file.
package draft

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"pactwright/app/answers"
	"pactwright/app/template"
)

// Format identifies the file type; FormatVersion is bumped when the envelope changes.
// Version 2 added negotiated wording. A draft without any is still written
// as version 1, exactly as before: its document id does not change, and an
// older Pactwright can still read it.
const (
	Format        = "pactwright-draft"
	FormatVersion = 2
)

// Draft is the content of one agreement: what the JSON file holds.
type Draft struct {
	Title   string
	Answers answers.Answers
	// Reviewed are the clause groups (by id, in template order) the user
	// has looked at and confirmed in the window; the checklist calls the
	// others "to review" (check.Report.Review). Absent in older files.
	Reviewed []string
	// Accepted are the risks (HIGH findings) the user chose to keep, each
	// with the reason they gave. They let a signable export through, are
	// kept in the history with the draft, and are never printed in the PDF.
	Accepted []AcceptedRisk
	// ToConfirm are fields an upgrade of the template added or proposed a
	// value for: the checklist says so until their group is confirmed.
	ToConfirm []string
	// Negotiated is wording agreed with the other side, by clause key: the
	// agreement prints it instead of the clause Pactwright writes. Absent
	// before format version 2.
	Negotiated map[string]Negotiated
}

// Negotiated is a clause's wording as the other side wrote it, kept in
// place of what the answers produce.
type Negotiated struct {
	Text string `json:"text"`
	// Number is the clause's number when the wording was kept, for naming
	// it in the findings without composing the agreement.
	Number string    `json:"number"`
	By     string    `json:"by,omitempty"` // who wrote it (the tracked changes' authors), when the file says
	From   string    `json:"from"`         // the returned file it came from, and that file's document id
	At     time.Time `json:"kept_at"`
}

// MaxNegotiatedLength bounds one clause of negotiated wording.
const MaxNegotiatedLength = 20000

// KeepWording stores text as the negotiated wording of clause key.
func (d *Draft) KeepWording(key string, n Negotiated) error {
	n.Text = strings.TrimSpace(answers.CleanText(n.Text, true))
	switch {
	case strings.TrimSpace(key) == "":
		return errors.New("negotiated wording needs the clause key it replaces")
	case n.Text == "":
		return fmt.Errorf("the negotiated wording for clause %s is empty: to take a clause out, change the answers instead", key)
	case utf8.RuneCountInString(n.Text) > MaxNegotiatedLength:
		return fmt.Errorf("the negotiated wording for clause %s is %d characters long; keep one clause to %d", key, utf8.RuneCountInString(n.Text), MaxNegotiatedLength)
	}
	n.At = n.At.UTC().Truncate(time.Second)
	if d.Negotiated == nil {
		d.Negotiated = map[string]Negotiated{}
	}
	d.Negotiated[key] = n
	return nil
}

// DropWording goes back to the wording the answers produce for clause key;
// it reports whether the clause had negotiated wording.
func (d *Draft) DropWording(key string) bool {
	_, had := d.Negotiated[key]
	delete(d.Negotiated, key)
	if len(d.Negotiated) == 0 {
		d.Negotiated = nil
	}
	return had
}

// NegotiatedKeys are the clause keys with negotiated wording, sorted.
func (d Draft) NegotiatedKeys() []string {
	return slices.Sorted(maps.Keys(d.Negotiated))
}

// AcceptedRisk is a finding the user accepted. It matches a finding by its
// field and its exact words: if the term changes, so does the message, and
// the acceptance no longer applies.
type AcceptedRisk struct {
	Field   string    `json:"field"`
	Finding string    `json:"finding"`
	Reason  string    `json:"reason"`
	At      time.Time `json:"accepted_at"`
}

// MaxReasonLength bounds the reason for accepting a risk.
const MaxReasonLength = 500

// AcceptRisk records that the user accepts the finding on field with the
// given words, for the reason given. A reason is required: an accepted
// risk is a decision someone will ask about later.
func (d *Draft) AcceptRisk(field, finding, reason string, at time.Time) error {
	reason = answers.CleanText(reason, false)
	switch {
	case reason == "":
		return errors.New("accepting a risk needs a reason: say in a few words why this term is acceptable to you")
	case utf8.RuneCountInString(reason) > MaxReasonLength:
		return fmt.Errorf("the reason for accepting a risk is %d characters long; keep it to %d", utf8.RuneCountInString(reason), MaxReasonLength)
	}
	d.Accepted = slices.DeleteFunc(d.Accepted, func(r AcceptedRisk) bool { return r.Field == field && r.Finding == finding })
	d.Accepted = append(d.Accepted, AcceptedRisk{Field: field, Finding: finding, Reason: reason, At: at.UTC().Truncate(time.Second)})
	return nil
}

// WithdrawRisk forgets an accepted risk, so the finding blocks again.
func (d *Draft) WithdrawRisk(field, finding string) {
	d.Accepted = slices.DeleteFunc(d.Accepted, func(r AcceptedRisk) bool { return r.Field == field && r.Finding == finding })
}

// New returns a blank draft: the template's defaults, but the commercial
// terms left for the user to choose (template.BlankAnswers).
func New(t *template.Template) Draft {
	return Draft{Title: t.Title, Answers: t.BlankAnswers()}
}

// FieldError says which field of a draft file is wrong and why.
type FieldError struct {
	Field  string
	Label  string
	Reason string
}

func (e *FieldError) Error() string {
	if e.Label == "" {
		return fmt.Sprintf("field %s: %s", quoted(e.Field), e.Reason)
	}
	return fmt.Sprintf("field %s (%s): %s", quoted(e.Field), e.Label, e.Reason)
}

type envelope struct {
	Format          string                     `json:"format"`
	FormatVersion   int                        `json:"format_version"`
	Template        string                     `json:"template"`
	TemplateVersion int                        `json:"template_version"`
	Title           string                     `json:"title"`
	Reviewed        []string                   `json:"reviewed"`
	Accepted        []AcceptedRisk             `json:"accepted_risks"`
	ToConfirm       []string                   `json:"to_confirm"`
	Negotiated      map[string]Negotiated      `json:"negotiated_wording"`
	Answers         map[string]json.RawMessage `json:"answers"`
}

// Unmarshal parses a draft file for template t.
func Unmarshal(t *template.Template, data []byte) (Draft, error) {
	if err := checkStrict(data); err != nil {
		return Draft{}, err
	}
	var env envelope
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&env); err != nil {
		return Draft{}, fmt.Errorf("read draft: not a valid draft file: %w", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return Draft{}, errors.New("read draft: unexpected data after the draft")
	}
	switch {
	case env.Format != Format:
		return Draft{}, fmt.Errorf("read draft: \"format\" is %s, expected %q: this is not a Pactwright draft", quoted(env.Format), Format)
	case env.FormatVersion < 1 || env.FormatVersion > FormatVersion:
		return Draft{}, fmt.Errorf("read draft: format version %d is not supported (this version of Pactwright reads versions 1 to %d)", env.FormatVersion, FormatVersion)
	case env.FormatVersion < 2 && env.Negotiated != nil:
		return Draft{}, fmt.Errorf("read draft: \"negotiated_wording\" needs format version 2, but the file says %d", env.FormatVersion)
	case env.Template != t.ID:
		return Draft{}, fmt.Errorf("read draft: template %s is unknown (expected %q)", quoted(env.Template), t.ID)
	case env.TemplateVersion < 1 || env.TemplateVersion > t.Version:
		return Draft{}, fmt.Errorf("read draft: template version %d is not supported (this version of Pactwright reads versions 1 to %d)", env.TemplateVersion, t.Version)
	}
	d := Draft{Title: answers.CleanText(env.Title, false), Answers: answers.Answers{}}
	for _, id := range env.Reviewed {
		if _, ok := t.Group(id); !ok {
			return Draft{}, fmt.Errorf("read draft: \"reviewed\" names %s, which is not a clause group of this agreement", quoted(id))
		}
	}
	d.Reviewed = ReviewedInOrder(t, env.Reviewed)
	for i, r := range env.Accepted {
		if strings.TrimSpace(r.Reason) == "" || r.Finding == "" {
			return Draft{}, fmt.Errorf("read draft: accepted risk %d has no finding or no reason", i+1)
		}
		d.Accepted = append(d.Accepted, AcceptedRisk{Field: r.Field, Finding: r.Finding, Reason: answers.CleanText(r.Reason, false), At: r.At.UTC()})
	}
	for key, n := range env.Negotiated {
		if err := d.KeepWording(key, n); err != nil {
			return Draft{}, fmt.Errorf("read draft: %w", err)
		}
	}
	for id, raw := range env.Answers {
		f, ok := t.Field(id)
		if !ok {
			return Draft{}, &FieldError{Field: id, Reason: "is not a field of this agreement"}
		}
		// null is "not answered", exactly like leaving the key out. Decoding
		// it would turn a yes/no into "no" and a text into "".
		if bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
			continue
		}
		v, err := f.DecodeJSON(raw)
		if err != nil {
			return Draft{}, &FieldError{Field: id, Label: f.Label, Reason: err.Error()}
		}
		d.Answers[id] = v.Clean(f.Kind == template.LongText)
	}
	for _, id := range env.ToConfirm {
		if _, ok := t.Field(id); !ok {
			return Draft{}, fmt.Errorf("read draft: \"to_confirm\" names %q, which is not a field of this agreement", id)
		}
	}
	// A draft saved by an older version is brought up to date here, so
	// files and the library (which stores this format) both migrate.
	if env.TemplateVersion < t.Version {
		migrated, up, err := t.Migrate(d.Answers, env.TemplateVersion)
		if err != nil {
			return Draft{}, fmt.Errorf("read draft: %w", err)
		}
		d.Answers = migrated
		d.Reviewed = unconfirm(t, d.Reviewed, up.ToConfirm)
		env.ToConfirm = append(env.ToConfirm, up.ToConfirm...)
	}
	d.ToConfirm = fieldsInOrder(t, env.ToConfirm)
	return d, nil
}

// Marshal writes the draft as indented JSON, fields in template order so
// that a person editing the file finds them where the app shows them.
func Marshal(t *template.Template, d Draft) ([]byte, error) {
	var b bytes.Buffer
	head := struct {
		Format          string         `json:"format"`
		FormatVersion   int            `json:"format_version"`
		Template        string         `json:"template"`
		TemplateVersion int            `json:"template_version"`
		Title           string         `json:"title"`
		Reviewed        []string       `json:"reviewed,omitempty"`
		Accepted        []AcceptedRisk `json:"accepted_risks,omitempty"`
		ToConfirm       []string       `json:"to_confirm,omitempty"`
		// A map: encoding/json sorts its keys, so the file is stable.
		Negotiated map[string]Negotiated `json:"negotiated_wording,omitempty"`
	}{Format, 1, t.ID, t.Version, d.Title, ReviewedInOrder(t, d.Reviewed), d.Accepted, fieldsInOrder(t, d.ToConfirm), d.Negotiated}
	if len(d.Negotiated) > 0 {
		head.FormatVersion = FormatVersion
	}
	hb, err := json.MarshalIndent(head, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("write draft: %w", err)
	}
	b.Write(hb[:len(hb)-2]) // drop "\n}" to append the answers
	b.WriteString(",\n  \"answers\": {")
	first := true
	for _, g := range t.Groups {
		for _, f := range g.Fields {
			v, ok := d.Answers[f.ID]
			if !ok {
				continue
			}
			enc, err := json.Marshal(f.EncodeJSON(v))
			if err != nil {
				return nil, fmt.Errorf("write draft field %s: %w", f.ID, err)
			}
			if !first {
				b.WriteByte(',')
			}
			first = false
			key, _ := json.Marshal(f.ID)
			fmt.Fprintf(&b, "\n    %s: %s", key, enc)
		}
	}
	if !first {
		b.WriteString("\n  ")
	}
	b.WriteString("}\n}\n")
	return b.Bytes(), nil
}

// ReviewedInOrder returns the group ids of reviewed that t knows, once
// each, in template order: the stored form of Draft.Reviewed.
func ReviewedInOrder(t *template.Template, reviewed []string) []string {
	var out []string
	for _, g := range t.Groups {
		if slices.Contains(reviewed, g.ID) {
			out = append(out, g.ID)
		}
	}
	return out
}

// unconfirm takes out of reviewed every group holding a field the
// migration left for the user to confirm: a group is reviewed only when
// someone has looked at what it now says.
func unconfirm(t *template.Template, reviewed, fields []string) []string {
	var out []string
	for _, id := range reviewed {
		g, _ := t.Group(id)
		if !slices.ContainsFunc(g.Fields, func(f template.Field) bool { return slices.Contains(fields, f.ID) }) {
			out = append(out, id)
		}
	}
	return out
}

// Confirm marks clause groups as reviewed, every group when none is named:
// what each tab's Confirm button and `pactwright confirm` do.
func (d *Draft) Confirm(t *template.Template, groups ...string) {
	if len(groups) == 0 {
		for _, g := range t.Groups {
			groups = append(groups, g.ID)
		}
	}
	d.Reviewed = ReviewedInOrder(t, append(slices.Clone(d.Reviewed), groups...))
	d.ToConfirm = slices.DeleteFunc(slices.Clone(d.ToConfirm), func(id string) bool {
		return slices.ContainsFunc(groups, func(g string) bool {
			tg, _ := t.Group(g)
			return slices.ContainsFunc(tg.Fields, func(f template.Field) bool { return f.ID == id })
		})
	})
}

// fieldsInOrder returns the field ids of ids that t knows, once each, in
// template order.
func fieldsInOrder(t *template.Template, ids []string) []string {
	var out []string
	for _, g := range t.Groups {
		for _, f := range g.Fields {
			if slices.Contains(ids, f.ID) {
				out = append(out, f.ID)
			}
		}
	}
	return out
}

// Clone is a deep copy: answers, confirmations, accepted risks and
// negotiated wording.
func (d Draft) Clone() Draft {
	return Draft{Title: d.Title, Answers: d.Answers.Clone(), Reviewed: slices.Clone(d.Reviewed), Accepted: slices.Clone(d.Accepted), ToConfirm: slices.Clone(d.ToConfirm), Negotiated: maps.Clone(d.Negotiated)}
}
