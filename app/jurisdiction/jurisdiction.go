// Package jurisdiction holds, in one table, what changes with the law that
// governs the agreement and with the country where the agents work: the
// insolvency and tax words, the names of the insurance covers, the staff
// transfer rules, the lawful route for personal data, the extra terms US and
// California law expect, and the clock that notices run on.
//
// The wording asks for these by key (`{{place "insolvency"}}`) and the
// findings compare answers against them, so supporting another place means
// one more row here, never another condition scattered through the clauses.
package jurisdiction

import (
	"slices"
	"sort"
	"strings"
)

// Region is a legal area that matters for data and staff rules.
type Region string

// Regions.
const (
	UK    Region = "uk"
	EU    Region = "eu"
	US    Region = "us"
	Other Region = "other"
)

// Law is one governing-law choice (the option id of the governing_law field).
type Law struct {
	ID         string
	Region     Region
	Insolvency string   // what "becomes insolvent" means there, as a verb phrase
	Tax        string   // the taxes that charges exclude
	NoticeTime string   // the clock a notice deadline runs on
	Zones      []string // words that name its time zones, to check the opening-hours clock
	Currency   string   // the currency its businesses usually contract in
	Mediators  []string // mediation_provider options at home there
	Covers     Covers
	// JuryWaiver: US courts try contract claims with a jury unless waived;
	// California refuses pre-dispute waivers, so it is off there.
	JuryWaiver bool
	// JudgmentOnAward: US arbitration clauses say a court may enter
	// judgment on the award, which the Federal Arbitration Act expects.
	JudgmentOnAward bool
	// CCPA: the California Consumer Privacy Act's service-provider terms.
	CCPA bool
}

// Covers names the insurance the provider holds, as the law's market calls it.
type Covers struct {
	Liability, Professional, Cyber, Employers string
}

// Site is where the agents work (the option id of the delivery_country field).
type Site struct {
	ID     string
	Name   string
	Region Region
	// StaffTransfer is the law that moves staff with the work when a
	// service changes hands there; "" where no such rule applies.
	StaffTransfer string
	// DataLaw is the local data protection law the provider must also meet.
	DataLaw string
}

func ukCovers() Covers {
	return Covers{
		Liability:    "public liability insurance",
		Professional: "professional indemnity insurance",
		Cyber:        "cyber insurance",
		Employers:    "employer's liability insurance",
	}
}

func usCovers() Covers {
	return Covers{
		Liability:    "commercial general liability insurance, naming the Customer as an additional insured,",
		Professional: "errors and omissions (professional liability) insurance",
		Cyber:        "cyber and privacy liability insurance",
		Employers:    "workers' compensation insurance as required by the law of each state where its staff work, and employer's liability insurance",
	}
}

const (
	ukInsolvency = "becomes insolvent, enters administration or liquidation, has a receiver or administrative receiver appointed over any of its assets, or proposes or enters into a voluntary arrangement with its creditors"
	usInsolvency = "becomes insolvent, files a petition in bankruptcy or has an involuntary petition filed against it that is not dismissed within 60 days, makes an assignment for the benefit of its creditors, or has a receiver appointed over all or most of its assets (to the extent the law allows the agreement to end for that reason)"
	usTax        = "sales, use and similar taxes"
)

// laws is the table of governing laws.
func laws() []Law {
	ukZones := []string{"uk", "gmt", "bst", "london", "british"}
	etZones := []string{"eastern", "est", "edt", "et", "new york"}
	uk := func(id string) Law {
		return Law{ID: id, Region: UK, Insolvency: ukInsolvency, Tax: "value added tax", NoticeTime: "UK time",
			Zones: ukZones, Currency: "GBP", Mediators: []string{"cedr"}, Covers: ukCovers()}
	}
	us := func(id, clock string, zones []string) Law {
		return Law{ID: id, Region: US, Insolvency: usInsolvency, Tax: usTax, NoticeTime: clock, Zones: zones,
			Currency: "USD", Mediators: []string{"aaa", "jams"}, Covers: usCovers(), JuryWaiver: true, JudgmentOnAward: true}
	}
	california := us("us_california", "US Pacific Time", []string{"pacific", "pst", "pdt", "pt", "los angeles", "san francisco"})
	california.JuryWaiver, california.CCPA = false, true
	return []Law{
		uk("england_wales"), uk("scotland"), uk("northern_ireland"),
		{ID: "ireland", Region: EU, Tax: "value added tax", NoticeTime: "Irish time",
			Insolvency: "becomes insolvent, has an examiner, liquidator or receiver appointed, or proposes or enters into a scheme of arrangement with its creditors",
			Zones:      []string{"irish", "ist", "dublin", "gmt"}, Currency: "EUR", Mediators: []string{"cedr"}, Covers: ukCovers()},
		us("us_delaware", "US Eastern Time", etZones),
		us("us_new_york", "US Eastern Time", etZones),
		california,
		us("us_texas", "US Central Time", []string{"central", "cst", "cdt", "ct", "chicago", "dallas", "houston"}),
		{ID: "australia_nsw", Region: Other, Tax: "goods and services tax", NoticeTime: "Sydney time",
			Insolvency: "becomes insolvent, has an administrator, liquidator or receiver appointed, or enters into a deed of company arrangement",
			Zones:      []string{"aest", "aedt", "sydney", "australian"}, Currency: "AUD", Covers: ukCovers()},
	}
}

// otherLaw is used for "another legal system": wording that works anywhere.
func otherLaw() Law {
	return Law{ID: "other", Region: Other, Tax: "value added, sales and similar taxes",
		NoticeTime: "local time where the notice is received",
		Insolvency: "becomes insolvent or enters any insolvency, bankruptcy or similar procedure under the law that applies to it",
		Covers:     ukCovers()}
}

// sites is the table of countries where agents work.
func sites() []Site {
	tupe := "the Transfer of Undertakings (Protection of Employment) Regulations 2006 (TUPE)"
	return []Site{
		{ID: "uk", Name: "the United Kingdom", Region: UK, StaffTransfer: tupe},
		{ID: "eu", Name: "the European Union", Region: EU, StaffTransfer: "the national law implementing the EU Acquired Rights Directive (2001/23/EC) where the staff work"},
		{ID: "us", Name: "the United States", Region: US},
		{ID: "philippines", Name: "the Philippines", Region: Other, DataLaw: "the Philippines Data Privacy Act of 2012"},
		{ID: "india", Name: "India", Region: Other, DataLaw: "India's Digital Personal Data Protection Act 2023"},
		{ID: "south_africa", Name: "South Africa", Region: Other, DataLaw: "South Africa's Protection of Personal Information Act 2013 (POPIA)"},
		{ID: "other", Name: "the country where the agents work", Region: Other},
	}
}

// LawFor returns the row for a governing-law option; an unknown or blank
// answer gets wording that works anywhere.
func LawFor(id string) Law {
	for _, l := range laws() {
		if l.ID == id {
			return l
		}
	}
	return otherLaw()
}

// SiteFor returns the row for a delivery country; unknown gives "other".
func SiteFor(id string) Site {
	all := sites()
	for _, s := range all {
		if s.ID == id {
			return s
		}
	}
	return all[len(all)-1]
}

// LawIDs and SiteIDs list the rows, for the template's options and the tests.
func LawIDs() []string {
	var ids []string
	for _, l := range laws() {
		ids = append(ids, l.ID)
	}
	return ids
}

// SiteIDs lists the delivery countries in table order.
func SiteIDs() []string {
	var ids []string
	for _, s := range sites() {
		ids = append(ids, s.ID)
	}
	return ids
}

// Pack is the law and the site of one draft together.
type Pack struct {
	Law  Law
	Site Site
}

// For builds the pack for a governing-law and delivery-country answer.
func For(lawID, siteID string) Pack { return Pack{Law: LawFor(lawID), Site: SiteFor(siteID)} }

// Abroad reports whether the agents work outside the legal area of the
// governing law, which is taken as where the Customer and its data are.
func (p Pack) Abroad() bool {
	return p.Law.Region == Other || p.Site.Region != p.Law.Region
}

// TransferMechanism is the contract that makes sending personal data from
// the Customer's region to the agents lawful, or "" when the data does not
// leave it or the origin has no general transfer rule (the US). The wording
// adds that it is not needed where the law finds the country adequate.
func (p Pack) TransferMechanism() string {
	if !p.Abroad() {
		return ""
	}
	switch p.Law.Region {
	case UK:
		if p.Site.Region == EU {
			return "" // UK adequacy regulations cover the EU
		}
		return "the International Data Transfer Agreement issued by the UK Information Commissioner or the UK Addendum to the EU standard contractual clauses"
	case EU:
		if p.Site.Region == UK {
			return "" // an EU adequacy decision covers the UK
		}
		return "the standard contractual clauses adopted by the European Commission in 2021 (module two: controller to processor)"
	}
	return ""
}

// words are the keys the clause wording may ask for.
func words() map[string]func(Pack) string {
	return map[string]func(Pack) string{
		"insolvency":         func(p Pack) string { return p.Law.Insolvency },
		"tax":                func(p Pack) string { return p.Law.Tax },
		"notice_time":        func(p Pack) string { return p.Law.NoticeTime },
		"cover_liability":    func(p Pack) string { return p.Law.Covers.Liability },
		"cover_professional": func(p Pack) string { return p.Law.Covers.Professional },
		"cover_cyber":        func(p Pack) string { return p.Law.Covers.Cyber },
		"cover_employers":    func(p Pack) string { return p.Law.Covers.Employers },
		"jury_waiver":        func(p Pack) string { return flag(p.Law.JuryWaiver) },
		"judgment_on_award":  func(p Pack) string { return flag(p.Law.JudgmentOnAward) },
		"ccpa":               func(p Pack) string { return flag(p.Law.CCPA) },
		"staff_transfer":     func(p Pack) string { return p.Site.StaffTransfer },
		"site":               func(p Pack) string { return p.Site.Name },
		"site_data_law":      func(p Pack) string { return p.Site.DataLaw },
		"transfer_mechanism": func(p Pack) string { return p.TransferMechanism() },
		"abroad":             func(p Pack) string { return flag(p.Abroad()) },
	}
}

func flag(b bool) string {
	if b {
		return "yes"
	}
	return ""
}

// Word returns the wording for key; ok is false for a key that does not
// exist (the engine refuses such a key when it is built).
func (p Pack) Word(key string) (string, bool) {
	w, ok := words()[key]
	if !ok {
		return "", false
	}
	return w(p), true
}

// Keys lists every key Word knows, sorted.
func Keys() []string {
	var keys []string
	for k := range words() {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// ZoneFits reports whether a time zone the user typed belongs to the law's
// place. ok is false when the text names no zone the table knows, so a
// zone written in some other way never raises a false alarm.
func (l Law) ZoneFits(text string) (fits, ok bool) {
	said := map[string]bool{}
	lower := strings.ToLower(text)
	for _, w := range strings.FieldsFunc(lower, func(r rune) bool { return !(r >= 'a' && r <= 'z') }) {
		said[w] = true
	}
	names := func(zones []string) bool {
		for _, z := range zones {
			if said[z] || (strings.Contains(z, " ") && strings.Contains(lower, z)) {
				return true
			}
		}
		return false
	}
	if names(l.Zones) {
		return true, true
	}
	for _, other := range laws() {
		if other.ID != l.ID && names(other.Zones) {
			return false, true
		}
	}
	return false, false
}

// MediatorFits reports whether a mediation body is at home under the law;
// "other" (agreed at the time) always fits, and so does any body under a
// law the table has no preference for.
func (l Law) MediatorFits(provider string) bool {
	return provider == "other" || len(l.Mediators) == 0 || slices.Contains(l.Mediators, provider)
}
