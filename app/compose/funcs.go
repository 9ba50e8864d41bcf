package compose

import (
	"strings"
	"text/template"

	"pactwright/app/answers"
	tpl "pactwright/app/template"
)

// funcs are the words clause templates use. Conditions (is, yes, has, on)
// only hold for fields that are visible, so a hidden answer never leaks
// into the wording. A nil formatter gives the names alone, for parsing.
func funcs(f *formatter) template.FuncMap {
	if f == nil {
		stub := template.FuncMap{}
		for name := range funcs(&formatter{}) {
			stub[name] = func(...any) string { return "" }
		}
		return stub
	}
	return template.FuncMap{
		"v":       f.value,
		"vl":      f.valueLower,
		"vlor":    f.valueLowerOr,
		"num":     f.number,
		"count":   f.count,
		"oneline": f.oneline,
		"party":   f.party,
		"raw":     func(id string) string { return strings.TrimSpace(f.text(id)) },
		"is":      func(id, want string) bool { return f.text(id) == want },
		"yes":     func(id string) bool { return f.text(id) == answers.Yes },
		"has":     func(id string) bool { return f.visible(id) && f.a.Has(id) },
		"on":      f.visible,
		"includes": func(id, item string) bool {
			return f.visible(id) && f.a.Includes(id, item)
		},
		"nonzero": f.nonzero,
		"table":   func(id string) string { f.field(id); return tableMarker + id },
		// ask prints a field's marker when it is visible but unanswered or
		// invalid, and nothing otherwise: for yes/no switches whose wording
		// simply leaves a sentence out.
		"ask": func(id string) string {
			if !f.visible(id) {
				return ""
			}
			_, marker := f.problem(id)
			return marker
		},
		"ref": refPlaceholder,
		// place is the wording that depends on the governing law and the
		// country where the agents work (app/jurisdiction); "" is false.
		"place": func(key string) string { w, _ := f.place.Word(key); return w },
		"an":    tpl.WithArticle,
		"seat":  f.seat,
		// hourly: the Services are charged by agent time, so a staffing
		// plan, not a volume, is what the charges count.
		"hourly": func() bool {
			return f.text("pricing_model") == "per_agent_hour" || f.text("pricing_model") == "per_fte_month"
		},
		"sitecountry": f.siteCountry,
		"staffclause": f.staffClause,
		// californiaterms: the CCPA's service-provider terms are printed,
		// because California law governs, the user says Californians call,
		// or the Customer is in the US (then to the extent the law applies).
		"californiaterms": func() bool {
			w, _ := f.place.Word("ccpa")
			us, _ := f.place.Word("us_home")
			return w != "" || f.text("california_consumers") == answers.Yes || (us != "" && f.text("personal_data") == answers.Yes)
		},
		// assigned names the staff the exit terms reach: agents shared with
		// other clients are caught only if they mainly serve the Customer,
		// which is also the test of who transfers with the work.
		"assigned": func() string {
			if f.text("staffing_model") == "shared" {
				return "wholly or mainly assigned to the Services"
			}
			return "working on the Services"
		},
		"workplaces": f.workplaces,
		// period is the span over which service levels are judged.
		"period": func() string {
			if f.text("compliance_period") == "quarterly" {
				return "calendar quarter"
			}
			return "month"
		},
		"lawname":     f.lawName,
		"definitions": func() string { return definitionsMarker },
		"schedules":   f.scheduleList,
	}
}

// Markers are whole lines that the wording writes and section() replaces
// with blocks.
const (
	tableMarker       = "@@table "
	definitionsMarker = "@@definitions"
)

// seat is the arbitral seat as a place name: the city, then its country,
// unless the country is "other" or the city already names it (Singapore).
func (f formatter) seat() string {
	city := f.value("arbitration_seat")
	if !f.a.Has("arbitration_country") || f.text("arbitration_country") == "other" {
		return city
	}
	country := f.value("arbitration_country")
	if strings.Contains(strings.ToLower(city), strings.ToLower(country)) {
		return city
	}
	return city + ", " + country
}

// lawName prints a legal system the user named, without a "the law of"
// they may have typed themselves, which the clause already says.
func (f formatter) lawName(id string) string {
	name := f.value(id)
	lower := strings.ToLower(name)
	for _, lead := range []string{"the laws of ", "the law of ", "laws of ", "law of "} {
		if strings.HasPrefix(lower, lead) {
			return name[len(lead):]
		}
	}
	return name
}

// siteCountry follows the sites with their country, unless they already
// name it ("Makati City, Philippines") or no country is known.
func (f formatter) siteCountry() string {
	if !f.a.Has("delivery_country") || f.text("delivery_country") == "other" {
		return ""
	}
	name := f.place.SiteName()
	bare := strings.TrimPrefix(strings.TrimPrefix(name, "the "), "a member state of ")
	if strings.Contains(strings.ToLower(f.text("delivery_sites")), strings.ToLower(bare)) {
		return ""
	}
	return ", in " + name
}

// workplaces names where work and access to data are allowed: the agents'
// country and, when it is another, the Customer's own (a UK provider's own
// staff in Glasgow must still reach the data of work done in Manila).
func (f formatter) workplaces() string {
	site := "the country in which the Services are performed at the Start Date"
	if f.a.Has("delivery_country") && f.text("delivery_country") != "other" {
		site = f.place.SiteName()
	}
	if f.place.Abroad() && f.place.Home.Name != "" {
		return site + " and " + f.place.Home.Name
	}
	return site
}

// nonzero reports whether a shown answer holds a number other than zero.
func (f formatter) nonzero(id string) bool {
	return f.visible(id) && f.a.Has(id) && strings.Trim(f.a.Text(id), "0.%") != ""
}

// staffClause is a reference to the clause in which the Provider
// indemnifies the Customer and any new provider for its staff when the
// work moves on (TUPE's staff transfer on exit, or Australia's transfer of
// business), or "" when the agreement has none. It follows the conditions
// of those clauses in termination.tmpl.
func (f formatter) staffClause() string {
	if f.visible("tupe") {
		if f.text("tupe") == answers.Yes {
			return refPlaceholder("termination.staff_transfer_on_exit")
		}
		return ""
	}
	if w, _ := f.place.Word("home_staff_transfer"); w != "" {
		return ""
	}
	if w, _ := f.place.Word("fair_work"); w != "" {
		return refPlaceholder("termination.transfer_of_business")
	}
	return ""
}
