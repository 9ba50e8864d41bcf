package template

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"pactwright/app/answers"
)

// JSON helpers shared by the kinds' decoders (see kinds.go).

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

func decodeRows(f *Field, raw json.RawMessage) (answers.Value, error) {
	var rows []map[string]json.RawMessage
	if err := json.Unmarshal(raw, &rows); err != nil {
		return answers.Value{}, errors.New("expected a list of rows, each an object of column values")
	}
	cols := map[string]Column{}
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
