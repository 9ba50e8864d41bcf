package draft_test

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"

	"pactwright/app/draft"
	"pactwright/app/template"
)

// A draft saved before negotiated wording existed (format version 1) loads
// exactly as it did, and one without negotiated wording is still written as
// version 1, byte for byte: its document id and older readers are unchanged.
func TestFormatVersion1LoadsUnchanged(t *testing.T) {
	data, old := readV1(t)
	tpl := template.CallCentre()
	if !strings.Contains(string(data), `"format_version": 1`) {
		t.Fatal("the kept version 1 file is not format version 1")
	}
	if old.Negotiated != nil {
		t.Errorf("a version 1 draft gained negotiated wording: %+v", old.Negotiated)
	}
	out, err := draft.Marshal(tpl, old)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), `"format_version": 1,`) || strings.Contains(string(out), "negotiated") {
		t.Errorf("a draft without negotiated wording is written differently:\n%s", out[:200])
	}
	again, err := draft.Unmarshal(tpl, out)
	if err != nil || !reflect.DeepEqual(again, old) {
		t.Errorf("written and read again, the draft changed: %v", err)
	}
	// The example as every earlier release wrote it.
	ex, err := draft.Marshal(tpl, draft.Example(tpl))
	if err != nil || !bytes.HasPrefix(ex, []byte("{\n  \"format\": \"pactwright-draft\",\n  \"format_version\": 1,")) {
		t.Errorf("the example is no longer written as format version 1: %s", ex[:80])
	}
}

// Negotiated wording is written as format version 2 and read back whole;
// a file that claims version 1 but holds it, or has an empty clause, is
// refused with a reason.
func TestNegotiatedWordingRoundTrip(t *testing.T) {
	tpl := template.CallCentre()
	d := draft.Example(tpl)
	at := time.Date(2027, 1, 11, 9, 30, 15, 0, time.FixedZone("CET", 3600))
	if err := d.KeepWording("general.subcontracting", draft.Negotiated{Text: "No subcontracting.\r\n", Number: "8.9", By: "Tom Reid", From: "back.docx, document PW-1234-5678", At: at}); err != nil {
		t.Fatal(err)
	}
	if err := d.KeepWording("general.subcontracting", draft.Negotiated{Text: "  "}); err == nil {
		t.Error("empty negotiated wording was kept")
	}
	data, err := draft.Marshal(tpl, d)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"format_version": 2,`) || !strings.Contains(string(data), `"kept_at": "2027-01-11T08:30:15Z"`) {
		t.Errorf("written as:\n%s", data[:600])
	}
	got, err := draft.Unmarshal(tpl, data)
	if err != nil {
		t.Fatal(err)
	}
	n := got.Negotiated["general.subcontracting"]
	if n.Text != "No subcontracting." || n.Number != "8.9" || n.By != "Tom Reid" || n.From != "back.docx, document PW-1234-5678" || !n.At.Equal(at) {
		t.Errorf("read back: %+v", n)
	}
	clone := got.Clone()
	clone.DropWording("general.subcontracting")
	if len(got.Negotiated) != 1 || clone.Negotiated != nil {
		t.Errorf("Clone shares negotiated wording: %v / %v", got.Negotiated, clone.Negotiated)
	}

	bad := map[string]string{
		"version 1 with negotiated wording": strings.Replace(string(data), `"format_version": 2`, `"format_version": 1`, 1),
		"a later format":                    strings.Replace(string(data), `"format_version": 2`, `"format_version": 3`, 1),
		"empty wording":                     strings.Replace(string(data), `"text": "No subcontracting."`, `"text": ""`, 1),
		"unknown entry":                     strings.Replace(string(data), `"by": "Tom Reid"`, `"who": "Tom Reid"`, 1),
	}
	want := map[string]string{
		"version 1 with negotiated wording": `"negotiated_wording" needs format version 2`,
		"a later format":                    "format version 3 is not supported (this version of Pactwright reads versions 1 to 2)",
		"empty wording":                     "the negotiated wording for clause general.subcontracting is empty",
		"unknown entry":                     `unknown field "who"`,
	}
	for name, in := range bad {
		if _, err := draft.Unmarshal(tpl, []byte(in)); err == nil || !strings.Contains(err.Error(), want[name]) {
			t.Errorf("%s: %v, want %q", name, err, want[name])
		}
	}
}
