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
	"strings"

	"pactwright/app/answers"
	"pactwright/app/template"
)

// Format identifies the file type; FormatVersion is bumped when the envelope changes.
const (
	Format        = "pactwright-draft"
	FormatVersion = 1
)

// Draft is the content of one agreement: what the JSON file holds.
type Draft struct {
	Title   string
	Answers answers.Answers
}

// New returns a draft holding the template's defaults.
func New(t *template.Template) Draft {
	return Draft{Title: t.Title, Answers: t.Defaults()}
}

// FieldError says which field of a draft file is wrong and why.
type FieldError struct {
	Field  string
	Label  string
	Reason string
}

func (e *FieldError) Error() string {
	if e.Label == "" {
		return fmt.Sprintf("field %q: %s", e.Field, e.Reason)
	}
	return fmt.Sprintf("field %q (%s): %s", e.Field, e.Label, e.Reason)
}

type envelope struct {
	Format          string                     `json:"format"`
	FormatVersion   int                        `json:"format_version"`
	Template        string                     `json:"template"`
	TemplateVersion int                        `json:"template_version"`
	Title           string                     `json:"title"`
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
		return Draft{}, fmt.Errorf("read draft: \"format\" is %q, expected %q: this is not a Pactwright draft", env.Format, Format)
	case env.FormatVersion != FormatVersion:
		return Draft{}, fmt.Errorf("read draft: format version %d is not supported (this version of Pactwright reads version %d)", env.FormatVersion, FormatVersion)
	case env.Template != t.ID:
		return Draft{}, fmt.Errorf("read draft: template %q is unknown (expected %q)", env.Template, t.ID)
	case env.TemplateVersion != t.Version:
		return Draft{}, fmt.Errorf("read draft: template version %d is not supported (this version of Pactwright uses version %d)", env.TemplateVersion, t.Version)
	}
	d := Draft{Title: answers.CleanText(env.Title, false), Answers: answers.Answers{}}
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
		v, err := decodeValue(f, raw)
		if err != nil {
			return Draft{}, &FieldError{Field: id, Label: f.Label, Reason: err.Error()}
		}
		d.Answers[id] = v.Clean(f.Kind == template.LongText)
	}
	return d, nil
}

// Marshal writes the draft as indented JSON, fields in template order so
// that a person editing the file finds them where the app shows them.
func Marshal(t *template.Template, d Draft) ([]byte, error) {
	var b bytes.Buffer
	head := struct {
		Format          string `json:"format"`
		FormatVersion   int    `json:"format_version"`
		Template        string `json:"template"`
		TemplateVersion int    `json:"template_version"`
		Title           string `json:"title"`
	}{Format, FormatVersion, t.ID, t.Version, d.Title}
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
			enc, err := json.Marshal(encodeValue(&f, v))
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

func encodeValue(f *template.Field, v answers.Value) any {
	switch f.Kind {
	case template.YesNo:
		if v.Text == answers.Yes || v.Text == answers.No {
			return v.Text == answers.Yes
		}
		return v.Text
	case template.Money:
		return map[string]string{"amount": v.Text, "currency": v.Unit}
	case template.Duration:
		return map[string]string{"value": v.Text, "unit": v.Unit}
	case template.MultiChoice:
		if v.Items == nil {
			return []string{}
		}
		return v.Items
	case template.Table:
		if v.Rows == nil {
			return []answers.Row{}
		}
		return v.Rows
	}
	return v.Text
}

// scalar accepts a JSON string or number: people editing the file by hand
// write 36 as often as "36". Numbers are kept as written, never as floats.
func scalar(raw json.RawMessage, what string) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) > 0 && (raw[0] == '-' || (raw[0] >= '0' && raw[0] <= '9')) {
		var n json.Number
		if err := json.Unmarshal(raw, &n); err != nil {
			return "", fmt.Errorf("expected %s", what)
		}
		return n.String(), nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", fmt.Errorf("expected %s", what)
	}
	return s, nil
}

func decodeValue(f *template.Field, raw json.RawMessage) (answers.Value, error) {
	switch f.Kind {
	case template.Number, template.Percent:
		s, err := scalar(raw, "a number")
		return answers.Value{Text: s}, err
	case template.YesNo:
		var b bool
		if err := json.Unmarshal(raw, &b); err != nil {
			return answers.Value{}, errors.New("expected true or false")
		}
		if b {
			return answers.Value{Text: answers.Yes}, nil
		}
		return answers.Value{Text: answers.No}, nil
	case template.Money:
		return decodePair(raw, "amount", "currency", `an object like {"amount": "1250.00", "currency": "GBP"}`)
	case template.Duration:
		return decodePair(raw, "value", "unit", `an object like {"value": "30", "unit": "days"}`)
	case template.MultiChoice:
		var items []string
		if err := json.Unmarshal(raw, &items); err != nil {
			return answers.Value{}, errors.New("expected a list of choices, like [\"email\", \"chat\"]")
		}
		return answers.Value{Items: items}, nil
	case template.Table:
		return decodeRows(f, raw)
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return answers.Value{}, errors.New("expected text in quotes")
	}
	return answers.Value{Text: s}, nil
}

func decodePair(raw json.RawMessage, amountKey, unitKey, shape string) (answers.Value, error) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil || obj == nil {
		return answers.Value{}, errors.New("expected " + shape)
	}
	for k := range obj {
		if k != amountKey && k != unitKey {
			return answers.Value{}, fmt.Errorf("unknown key %q: expected %s", k, shape)
		}
	}
	var v answers.Value
	var err error
	if a, ok := obj[amountKey]; ok {
		if v.Text, err = scalar(a, fmt.Sprintf("%q to be a number", amountKey)); err != nil {
			return v, err
		}
	}
	if u, ok := obj[unitKey]; ok {
		if err := json.Unmarshal(u, &v.Unit); err != nil {
			return v, fmt.Errorf("expected %q to be text", unitKey)
		}
	}
	return v, nil
}

func decodeRows(f *template.Field, raw json.RawMessage) (answers.Value, error) {
	var rows []map[string]json.RawMessage
	if err := json.Unmarshal(raw, &rows); err != nil {
		return answers.Value{}, errors.New("expected a list of rows, each an object of column values")
	}
	cols := map[string]template.Column{}
	var names []string
	for _, c := range f.Columns {
		cols[c.ID] = c
		names = append(names, c.ID)
	}
	out := answers.Value{Rows: make([]answers.Row, 0, len(rows))}
	for i, r := range rows {
		row := answers.Row{}
		for k, cell := range r {
			c, ok := cols[k]
			if !ok {
				return answers.Value{}, fmt.Errorf("row %d: unknown column %q (columns are %s)", i+1, k, strings.Join(names, ", "))
			}
			s, err := scalar(cell, "text or a number")
			if err != nil {
				return answers.Value{}, fmt.Errorf("row %d, column %q (%s): %w", i+1, k, c.Label, err)
			}
			row[k] = s
		}
		out.Rows = append(out.Rows, row)
	}
	return out, nil
}
