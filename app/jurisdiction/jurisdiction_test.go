package jurisdiction

import (
	"slices"
	"strings"
	"testing"

	"pactwright/app/template"
)

// Every place the form offers has its row, so no choice falls back to the
// catch-all wording by accident.
func TestEveryOfferedPlaceHasARow(t *testing.T) {
	tpl := template.CallCentre()
	law, _ := tpl.Field("governing_law")
	for _, o := range law.Options {
		if o.ID != "other" && !slices.Contains(LawIDs(), o.ID) {
			t.Errorf("governing law %q (%s) has no row", o.ID, o.Label)
		}
	}
	site, _ := tpl.Field("delivery_country")
	for _, o := range site.Options {
		if !slices.Contains(SiteIDs(), o.ID) {
			t.Errorf("delivery country %q (%s) has no row", o.ID, o.Label)
		}
	}
	for _, l := range append(laws(), otherLaw()) {
		if l.Insolvency == "" || l.Tax == "" || l.NoticeTime == "" || l.Covers.Liability == "" {
			t.Errorf("law %s lacks wording: %+v", l.ID, l)
		}
	}
}

// The transfer route follows where the Customer is established, not the
// governing law: a UK customer under New York law still exports from the UK.
func TestDataTransferRoute(t *testing.T) {
	cases := []struct{ law, home, site, want string }{
		{"england_wales", "uk", "philippines", "International Data Transfer Agreement"},
		{"scotland", "uk", "india", "section 119A of the Data Protection Act 2018"},
		{"england_wales", "uk", "uk", ""},
		{"england_wales", "uk", "eu", ""}, // UK adequacy regulations cover the EU
		{"england_wales", "uk", "us", "International Data Transfer Agreement"},
		{"us_new_york", "uk", "us", "International Data Transfer Agreement"},
		{"ireland", "ireland", "south_africa", "Decision (EU) 2021/914 (module two"},
		{"ireland", "ireland", "eu", ""},
		{"ireland", "ireland", "uk", ""},
		{"us_new_york", "us", "philippines", ""}, // no general US transfer rule
		{"us_new_york", "us", "us", ""},
	}
	for _, c := range cases {
		got := For(c.law, c.home, c.site).TransferMechanism()
		if (c.want == "") != (got == "") || !strings.Contains(got, c.want) {
			t.Errorf("%s, customer in %s → %s: %q, want %q", c.law, c.home, c.site, got, c.want)
		}
	}
}

// A US importer may rely on the Data Privacy Framework while certified;
// the instrument remains the fallback.
func TestTransferFramework(t *testing.T) {
	if got := For("us_new_york", "uk", "us").TransferFramework(); got != "the UK Extension to the EU-US Data Privacy Framework" {
		t.Errorf("UK customer, US agents: framework %q", got)
	}
	if got := For("england_wales", "uk", "india").TransferFramework(); got != "" {
		t.Errorf("UK customer, Indian agents: framework %q", got)
	}
}

// Taxes follow the Customer's country: a Manchester business under New
// York law is charged VAT, not US sales tax.
func TestTaxFollowsTheCustomersCountry(t *testing.T) {
	if got := For("us_new_york", "uk", "us").Tax(); got != "value added tax" {
		t.Errorf("UK customer under New York law: charges exclude %q", got)
	}
	if got := For("england_wales", "us", "us").Tax(); !strings.Contains(got, "sales") {
		t.Errorf("US customer under English law: charges exclude %q", got)
	}
}

// Countries of one legal area are not "abroad" for each other; an
// unnamed country always is, so the safer wording applies.
func TestAbroad(t *testing.T) {
	cases := []struct {
		home, site string
		want       bool
	}{
		{"uk", "uk", false}, {"ireland", "eu", false}, {"uk", "philippines", true},
		{"india", "india", false}, {"other", "other", true}, {"us", "uk", true},
	}
	for _, c := range cases {
		if got := For("england_wales", c.home, c.site).Abroad(); got != c.want {
			t.Errorf("customer in %s, agents in %s: abroad %v, want %v", c.home, c.site, got, c.want)
		}
	}
}

func TestZoneFits(t *testing.T) {
	cases := []struct {
		law, zone   string
		fits, known bool
	}{
		{"england_wales", "UK time (GMT/BST)", true, true},
		{"us_new_york", "UK time (GMT/BST)", false, true},
		{"us_new_york", "US Eastern Time (ET)", true, true},
		{"us_texas", "Central Time", true, true},
		{"us_california", "Eastern", false, true},
		{"us_texas", "Manila time", false, false}, // unknown zone: no alarm
		{"england_wales", "settlement", false, false},
	}
	for _, c := range cases {
		fits, known := LawFor(c.law).ZoneFits(c.zone)
		if fits != c.fits || known != c.known {
			t.Errorf("%s with %q: fits %v known %v, want %v %v", c.law, c.zone, fits, known, c.fits, c.known)
		}
	}
}

func TestUnknownKeyIsRefused(t *testing.T) {
	if _, ok := For("england_wales", "uk", "uk").Word("insolvencey"); ok {
		t.Error("a misspelt key was accepted")
	}
	if w, ok := For("us_california", "us", "us").Word("jury_waiver"); !ok || w != "" {
		t.Errorf("California jury waiver = %q, %v; California refuses pre-dispute waivers", w, ok)
	}
}

// ZoneFits reads whatever the user typed as a time zone: it must never
// panic, and text naming no known zone is never called a misfit.
func FuzzZoneFits(f *testing.F) {
	for _, s := range []string{"UK time (GMT/BST)", "", "ET", "new york", "Eastern/Pacific", "ünïcode zone", "\x00"} {
		f.Add("us_new_york", s)
	}
	f.Fuzz(func(t *testing.T, law, zone string) {
		fits, known := LawFor(law).ZoneFits(zone)
		if fits && !known {
			t.Errorf("%q under %q: fits without being a known zone", zone, law)
		}
	})
}
