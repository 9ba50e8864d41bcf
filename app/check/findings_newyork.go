package check

import "strings"

// newYorkWithoutNewYork: New York's courts honour a choice of New York
// law by parties with no link to the state only for agreements worth at
// least US$250,000, and a choice of its courts only for agreements worth
// at least US$1 million that also choose its law (General Obligations Law
// §§ 5-1401 and 5-1402). Below those sums the choice may fail.
func newYorkWithoutNewYork(v view) []Finding {
	if !v.is("governing_law", "us_new_york") || namesNewYork(v, "customer") || namesNewYork(v, "provider") {
		return nil
	}
	courts := ""
	if v.is("final_forum", "courts") && strings.Contains(strings.ToLower(v.text("courts")), "new york") {
		courts = ", and its courts only if it is worth at least US$1 million"
	}
	return one(Medium, "governing_law", "New York law is chosen, but neither party is based in New York. New York honours that choice without such a link only if the agreement is worth at least US$250,000 over its life%s (General Obligations Law sections 5-1401 and 5-1402). If it is worth less, choose the law of a party's own state or country.", courts)
}

// namesNewYork reports whether a party's registration or address is in
// the state of New York.
func namesNewYork(v view, role string) bool {
	where := strings.ToLower(v.text(role+"_incorporated") + " " + v.text(role+"_address"))
	return strings.Contains(where, "new york") || strings.Contains(where, " ny ")
}
