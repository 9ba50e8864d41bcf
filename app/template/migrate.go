package template

import (
	"fmt"
	"strings"

	"pactwright/app/answers"
)

// migration brings answers saved under template version from to from+1.
//
// Nothing is invented: a field added in from+1 stays blank, even where a
// new agreement would start from a default, because the old agreement
// never agreed it (a default cap on indemnities, a licence for ever, a new
// trigger for chronic failure all shift risk). step may propose a value
// from the old draft's own words (sites that name their country). Every
// new field is then "to confirm": Migrate reports it, the group is
// incomplete (so the export is a DRAFT) until the user answers, and the
// draft takes the group out of the reviewed ones.
type migration struct {
	from int
	// step returns the answers it kept but the user must look at again:
	// old words that now read differently.
	step func(a answers.Answers) []string
}

// migrations lists every step, oldest first. A step is changed only to stop
// it inventing facts: a draft saved years ago must still arrive where it
// would have, except that it now asks where it used to guess.
func migrations() []migration {
	return []migration{
		{from: 1, step: migrateV1},
		{from: 2, step: migrateV2},
	}
}

// Upgrade is what a migration could not settle: the fields the user must
// confirm (new, or given a proposed value), in template order.
type Upgrade struct {
	ToConfirm []string
}

// Migrate brings answers saved under an older version of this template up
// to t.Version, step by step, and returns them with the fields to confirm.
// Nothing the user answered is dropped or changed.
func (t *Template) Migrate(a answers.Answers, from int) (answers.Answers, Upgrade, error) {
	if from < 1 || from > t.Version {
		return nil, Upgrade{}, fmt.Errorf("template version %d is not supported (this version of Pactwright reads versions 1 to %d)", from, t.Version)
	}
	out := a.Clone()
	added := map[string]bool{}
	flagged := map[string]bool{}
	for _, m := range migrations() {
		if m.from < from {
			continue
		}
		for _, g := range t.Groups {
			for _, f := range g.Fields {
				if f.Since != m.from+1 || !out[f.ID].IsBlank() {
					continue
				}
				added[f.ID] = true
			}
		}
		for _, id := range m.step(out) {
			flagged[id] = true
		}
	}
	// Data kept "in the Customer's country" while the agents work abroad
	// was version 2's guess of where they were: the two cannot both hold,
	// so the answer is kept but asked again (and the check says why).
	if out.Text("data_location") == "same_country" && agentsAbroad(out.Text("customer_country"), out.Text("delivery_country")) {
		flagged["data_location"] = true
	}
	var up Upgrade
	for _, g := range t.Groups {
		for _, f := range g.Fields {
			if (added[f.ID] || flagged[f.ID]) && t.Visible(f.ID, out) {
				up.ToConfirm = append(up.ToConfirm, f.ID)
			}
		}
	}
	return out, up, nil
}

// migrateV1: version 2 added the jurisdiction and location fields, critical
// service levels (a severe-miss level) and the liability floor.
func migrateV1(a answers.Answers) []string {
	// Version 1 had no country for the agents. Its sites may name one
	// ("Makati City, Philippines"): propose that; otherwise leave it for
	// the user. (Until this was fixed, the country of the governing law
	// was taken, which put Makati in the United Kingdom.)
	if c, ok := CountryNamedIn(a.Text("delivery_sites")); ok {
		a["delivery_country"] = answers.Value{Text: c}
	}

	// Each service level row gained the optional "critical: severe miss"
	// column. It stays empty: a severe-miss level is a new right to end
	// the agreement, which nobody agreed in version 1.

	// Version 1's default made "Accurate forecasts" a duty of the
	// Customer, which excuses the Provider for any forecast error; the
	// forecasts clause now calls them good-faith estimates. The words are
	// the user's, so they stay, to be looked at again.
	if strings.Contains(strings.ToLower(a.Text("customer_responsibilities")), "accurate forecasts") {
		return []string{"customer_responsibilities"}
	}
	return nil
}

// migrateV2: version 3 asks where the Customer is established, which
// version 2 took from the governing law. The Customer's own address may say.
func migrateV2(a answers.Answers) []string {
	// Only when the place of registration, if given, does not say otherwise.
	if c, ok := CountryNamedIn(a.Text("customer_incorporated") + "\n" + a.Text("customer_address")); ok {
		a["customer_country"] = answers.Value{Text: c}
	}
	// Callers in California matter to a US business; a business
	// established elsewhere is proposed "no" (still to confirm), so that
	// an unanswered question is not printed into its agreement.
	if c := a.Text("customer_country"); c != "" && c != "us" && a["california_consumers"].IsBlank() {
		a["california_consumers"] = answers.Value{Text: answers.No}
	}
	return nil
}

// countryWords are the words that name a country in an address or a site
// description, for each country option.
func countryWords() map[string][]string {
	return map[string][]string{
		"uk": {"united kingdom", "england", "scotland", "wales", "northern ireland", "great britain", "uk"},
		// A US state of registration names the US only where it is spelt out
		// with the country; "New York" alone could be a street name.
		"ireland":      {"ireland", "éire", "dublin", "cork"},
		"us":           {"united states", "usa", "u.s.a."},
		"australia":    {"australia"},
		"philippines":  {"philippines", "manila", "makati", "cebu", "quezon city", "taguig"},
		"india":        {"india", "bengaluru", "bangalore", "mumbai", "pune", "hyderabad", "chennai", "gurugram", "noida"},
		"south_africa": {"south africa", "cape town", "johannesburg", "durban"},
	}
}

// CountryNamedIn returns the country option that text plainly names, and
// false when it names none or more than one.
func CountryNamedIn(text string) (string, bool) {
	lower := " " + strings.ToLower(text) + " "
	// "Northern Ireland" names the UK, not Ireland.
	lower = strings.ReplaceAll(lower, "northern ireland", "northern-ireland united kingdom")
	found := ""
	for id, words := range countryWords() {
		for _, w := range words {
			if namesWord(lower, w) {
				if found != "" && found != id {
					return "", false
				}
				found = id
				break
			}
		}
	}
	return found, found != ""
}

// namesWord reports whether w appears in s as a whole word.
func namesWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		at, end := i+j, i+j+len(w)
		if (at == 0 || !isLetter(s[at-1])) && (end == len(s) || !isLetter(s[end])) {
			return true
		}
		i = at + 1
	}
}

// agentsAbroad reports whether the agents' country is known and outside
// the Customer's legal area (Ireland is in the EU's); an unknown
// Customer's country counts as the United Kingdom, version 1's only home.
func agentsAbroad(home, site string) bool {
	area := func(c string) string {
		if c == "ireland" {
			return "eu"
		}
		return c
	}
	if home == "" {
		home = "uk"
	}
	return site != "" && (area(site) != area(home) || site == "other")
}
