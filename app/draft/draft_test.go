package draft

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"pactwright/app/answers"
	"pactwright/app/template"
)

func TestRoundTripKeepsEveryAnswer(t *testing.T) {
	tpl := template.CallCentre()
	d := Example(tpl)
	d.Answers["services_description"] = answers.Value{Text: "Line one\nLine two"}
	data, err := Marshal(tpl, d)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Unmarshal(tpl, data)
	if err != nil {
		t.Fatalf("reading our own output: %v\n%s", err, data)
	}
	if back.Title != d.Title || len(back.Answers) != len(d.Answers) {
		t.Fatalf("title %q answers %d, want %q and %d", back.Title, len(back.Answers), d.Title, len(d.Answers))
	}
	for id, v := range d.Answers {
		if !back.Answers[id].Equal(v) {
			t.Errorf("%s: got %+v, want %+v", id, back.Answers[id], v)
		}
	}
	again, _ := Marshal(tpl, back)
	if !bytes.Equal(again, data) {
		t.Error("marshal → unmarshal → marshal changed the bytes")
	}
}

func TestJSONShape(t *testing.T) {
	tpl := template.CallCentre()
	data, _ := Marshal(tpl, Example(tpl))
	for _, want := range []string{
		`"format": "pactwright-draft"`,
		`"template": "call-centre-outsourcing"`,
		`"initial_term": {"unit":"months","value":"36"}`,
		`"rate": {"amount":"24.50","currency":"GBP"}`,
		`"card_payments": false`,
		`"channels": ["inbound_voice","email","chat"]`,
	} {
		if !strings.Contains(string(data), want) {
			t.Errorf("draft JSON lacks %s", want)
		}
	}
	// Fields appear in template order, so the file reads like the app.
	if strings.Index(string(data), `"customer_name"`) > strings.Index(string(data), `"sla_metrics"`) {
		t.Error("fields are not in template order")
	}
}

func TestLoadingRejectsWhatItCannotKeep(t *testing.T) {
	tpl := template.CallCentre()
	head := `{"format":"pactwright-draft","format_version":1,"template":"call-centre-outsourcing","template_version":1,"title":"x","answers":`
	cases := []struct {
		name, json, want string
	}{
		{"unknown field", head + `{"colour":"blue"}}`, `field "colour": is not a field of this agreement`},
		{"text as number", head + `{"customer_name": 42}}`, `field "customer_name" (Customer: legal name): expected text in quotes`},
		{"yes/no as text", head + `{"card_payments": "maybe"}}`, `(Agents take card payments): expected true or false`},
		{"money as number", head + `{"rate": 24.5}}`, `(Main rate): expected an object like`},
		{"duration extra key", head + `{"initial_term": {"value": 3, "units": "years"}}}`, `unknown key "units"`},
		{"table unknown column", head + `{"sla_metrics": [{"metric":"asa","colour":"red"}]}}`, `row 1: unknown column "colour"`},
		{"multichoice not a list", head + `{"channels": "email"}}`, `expected a list of choices`},
		{"wrong template", `{"format":"pactwright-draft","format_version":1,"template":"lease","template_version":1,"answers":{}}`, `template "lease" is unknown`},
		{"newer template", `{"format":"pactwright-draft","format_version":1,"template":"call-centre-outsourcing","template_version":9,"answers":{}}`, `template version 9 is not supported`},
		{"not a draft", `{"hello":"world"}`, `not a valid draft file`},
		{"wrong format", `{"format":"other","format_version":1}`, `not a Pactwright draft`},
		{"trailing junk", head + `{}} {}`, `unexpected data after the draft`},
		{"not JSON", `PK\x03\x04`, `not a valid draft file`},
	}
	for _, c := range cases {
		_, err := Unmarshal(tpl, []byte(c.json))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %q", c.name, err, c.want)
		}
	}
	_, err := Unmarshal(tpl, []byte(head+`{"agents": {"x":1}}}`))
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Field != "agents" {
		t.Errorf("want a FieldError naming agents, got %v", err)
	}
}

func TestNullMeansNotAnswered(t *testing.T) {
	tpl := template.CallCentre()
	in := `{"format":"pactwright-draft","format_version":1,"template":"call-centre-outsourcing","template_version":1,"title":"t",
	"answers":{"pci_dss":null,"customer_name":null,"rate":null,"channels":null}}`
	d, err := Unmarshal(tpl, []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"pci_dss", "customer_name", "rate", "channels"} {
		if _, ok := d.Answers[id]; ok {
			t.Errorf("%s: null must mean not answered, got %+v", id, d.Answers[id])
		}
	}
}

func TestLoadingKeepsMalformedNumbersForCheckToReport(t *testing.T) {
	tpl := template.CallCentre()
	in := `{"format":"pactwright-draft","format_version":1,"template":"call-centre-outsourcing","template_version":1,"title":"T\u0007itle",
	"answers":{"agents":"lots","initial_term":{"value":-5,"unit":"months"},"customer_name":"Acme\u0000 Ltd","services_description":"a\r\nb\u0001"}}`
	d, err := Unmarshal(tpl, []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if d.Answers["agents"].Text != "lots" || d.Answers["initial_term"].Text != "-5" {
		t.Errorf("malformed numbers must be kept as typed: %+v", d.Answers)
	}
	if d.Answers["customer_name"].Text != "Acme Ltd" || d.Title != "Title" {
		t.Errorf("control characters must be stripped: %q %q", d.Answers["customer_name"].Text, d.Title)
	}
	if d.Answers["services_description"].Text != "a\nb" {
		t.Errorf("long text keeps newlines only: %q", d.Answers["services_description"].Text)
	}
}

func TestReviewedGroupsRoundTrip(t *testing.T) {
	tpl := template.CallCentre()
	d := Example(tpl)
	d.Reviewed = []string{"pricing", "parties", "pricing"}
	b, err := Marshal(tpl, d)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"reviewed": [`) {
		t.Fatalf("the file does not hold the reviewed groups:\n%.400s", b)
	}
	back, err := Unmarshal(tpl, b)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"parties", "pricing"}; !slices.Equal(back.Reviewed, want) {
		t.Fatalf("reviewed after a round trip = %q, want %q", back.Reviewed, want)
	}
	bad := strings.Replace(string(b), `"parties"`, `"partys"`, 1)
	if _, err := Unmarshal(tpl, []byte(bad)); err == nil || !strings.Contains(err.Error(), `"partys", which is not a clause group`) {
		t.Fatalf("an unknown reviewed group gives %v", err)
	}
}

func TestBlankDraftLeavesCommercialTermsEmpty(t *testing.T) {
	tpl := template.CallCentre()
	d := New(tpl)
	for _, id := range []string{"rate", "setup_fee", "sla_metrics", "insurance_cyber", "credit_cap"} {
		if d.Answers.Has(id) {
			t.Errorf("a blank draft has %s = %+v, not empty", id, d.Answers[id])
		}
		if f, _ := tpl.Field(id); !f.Suggested || f.Default.IsBlank() {
			t.Errorf("%s offers no suggestion", id)
		}
	}
	if !d.Answers.Has("payment_days") {
		t.Error("a blank draft lost a non-commercial default (payment_days)")
	}
}

func TestExampleIsMarkedUntilThePartiesChange(t *testing.T) {
	d := Example(template.CallCentre())
	if !IsExample(d.Answers) {
		t.Fatal("the example is not recognised as the example")
	}
	d.Answers["customer_name"] = answers.Value{Text: "Acme Retail Ltd"}
	if !IsExample(d.Answers) {
		t.Fatal("with the example's provider still named, it is still the example")
	}
	d.Answers["provider_name"] = answers.Value{Text: "Helpful Calls Ltd"}
	if IsExample(d.Answers) {
		t.Fatal("a draft naming its own parties is still called the example")
	}
}
