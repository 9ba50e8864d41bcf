package draft

import (
	"bytes"
	"strings"
	"testing"

	"pactwright/app/template"
)

const head = `{"format": "pactwright-draft", "format_version": 1, "template": "call-centre-outsourcing", "template_version": 1, "title": "T", `

// TestInputKeptExactlyOrRefused: files that Go's decoder would quietly
// change are refused, each with an error that names the problem.
func TestInputKeptExactlyOrRefused(t *testing.T) {
	tpl := template.CallCentre()
	cases := []struct {
		name, file, want string
	}{
		{"same answer twice", head + `"answers": {"customer_name": "Acme Ltd", "customer_name": "Other Ltd"}}`,
			`read draft: the key "customer_name" appears twice in "answers"`},
		{"same entry twice at the top", head + `"title": "Again", "answers": {}}`,
			`read draft: the key "title" appears twice at the top of the file`},
		{"same column twice in a table row", head + `"answers": {"sla_metrics": [{"metric": "service_level", "metric": "abandonment"}]}}`,
			`read draft: the key "metric" appears twice in "sla_metrics" (item 1)`},
		{"invalid UTF-8", head + "\"answers\": {\"customer_name\": \"Caf\xe9 Ltd\"}}",
			"read draft: the file is not valid UTF-8 text: byte 0xe9 at byte offset 161 cannot be read as a character"},
		{"byte-order mark", "\xEF\xBB\xBF" + head + `"answers": {}}`,
			"read draft: the file starts with a byte-order mark"},
		{"version as text", strings.Replace(head, `"format_version": 1`, `"format_version": "1"`, 1) + `"answers": {}}`,
			`read draft: "format_version" must be a number, not text in quotes`},
		{"answers as a list", head + `"answers": []}`,
			`read draft: "answers" must be an object {…}, not a list […]`},
		{"title as a number", strings.Replace(head, `"title": "T"`, `"title": 7`, 1) + `"answers": {}}`,
			`read draft: "title" must be text in quotes, not a number`},
		{"a list, not a draft", `[1, 2]`,
			"read draft: a draft file is a JSON object {…} with \"format\", \"answers\" and the other entries, but this file holds a list […]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Unmarshal(tpl, []byte(c.file))
			if err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("error = %v\nwant it to start %q", err, c.want)
			}
			if err != nil && strings.Contains(err.Error(), "Go ") || err != nil && strings.Contains(err.Error(), "envelope") {
				t.Errorf("error speaks Go: %v", err)
			}
		})
	}
}

// TestStrictAcceptsWhatMarshalWrites: every file Pactwright writes passes.
func TestStrictAcceptsWhatMarshalWrites(t *testing.T) {
	tpl := template.CallCentre()
	data, err := Marshal(tpl, Example(tpl))
	if err != nil {
		t.Fatal(err)
	}
	if err := checkStrict(data); err != nil {
		t.Fatal(err)
	}
}

// FuzzUnmarshal: any bytes load or are refused without a panic; what
// loads survives a write and a second load unchanged.
func FuzzUnmarshal(f *testing.F) {
	tpl := template.CallCentre()
	example, _ := Marshal(tpl, Example(tpl))
	f.Add(example)
	f.Add([]byte(head + `"answers": {"customer_name": "A", "customer_name": "B"}}`))
	f.Add([]byte("\xEF\xBB\xBF{}"))
	f.Add([]byte(head + "\"answers\": {\"customer_name\": \"\xff\"}}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Unmarshal(tpl, data)
		if err != nil {
			return
		}
		again, err := Marshal(tpl, d)
		if err != nil {
			t.Fatalf("write what loaded: %v", err)
		}
		d2, err := Unmarshal(tpl, again)
		if err != nil {
			t.Fatalf("what Pactwright wrote does not load: %v\n%s", err, again)
		}
		if third, _ := Marshal(tpl, d2); !bytes.Equal(third, again) {
			t.Fatalf("a second round trip changed the file:\n%s\n%s", again, third)
		}
	})
}
