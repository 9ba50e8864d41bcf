package jurisdiction

import "strings"

// Party is what the insolvency and corporate wording needs to know about
// one party: where it is registered (its own answer, never the governing
// law) and whether it is an individual.
type Party struct {
	Registered string // the "registered in" answer, as typed
	Individual bool   // a sole trader: the corporate insolvency rules do not reach it
}

// Insolvency regimes a party can be registered under.
const (
	regimeGB      = "gb" // England and Wales, Scotland: the Insolvency Act 1986
	regimeNI      = "ni" // the Insolvency (Northern Ireland) Order 1989
	regimeIreland = "ireland"
	regimeOther   = "other"
)

// regime reads where a party is registered; "" when the answer is blank.
func (p Party) regime() string {
	w := " " + strings.ToLower(p.Registered) + " "
	switch {
	case strings.TrimSpace(w) == "":
		return ""
	case strings.Contains(w, "northern ireland"):
		return regimeNI
	case strings.Contains(w, "england"), strings.Contains(w, "wales"), strings.Contains(w, "scotland"),
		strings.Contains(w, "united kingdom"), strings.Contains(w, " uk "), strings.Contains(w, "great britain"):
		return regimeGB
	case strings.Contains(w, "ireland"):
		return regimeIreland
	}
	return regimeOther
}

// WithParties adds the parties' registration to the pack.
func (p Pack) WithParties(customer, provider Party) Pack {
	p.Customer, p.Provider = customer, provider
	return p
}

// customerRegime is where the Customer's insolvency would be run: its
// registration, or failing that its country (Northern Ireland when the law
// chosen is Northern Ireland's), or failing both the governing law.
func (p Pack) customerRegime() string {
	if r := p.Customer.regime(); r != "" {
		return r
	}
	switch {
	case p.Home.ID == "uk" && p.Law.ID == "northern_ireland", p.Home.ID == "" && p.Law.ID == "northern_ireland":
		return regimeNI
	case p.Home.ID == "uk", p.Home.ID == "" && p.Law.Region == UK:
		return regimeGB
	case p.Home.ID == "ireland", p.Home.ID == "" && p.Law.ID == "ireland":
		return regimeIreland
	}
	return regimeOther
}

// rescueStatute is the provision that stops a supplier ending a supply
// contract because the customer enters an insolvency procedure (added by
// the Corporate Insolvency and Governance Act 2020 in both places).
var rescueStatute = map[string]string{
	regimeGB: "section 233B of the Insolvency Act 1986",
	regimeNI: "Article 197B of the Insolvency (Northern Ireland) Order 1989",
}

// InsolvencyLimit qualifies the Provider's right to end the agreement for
// the Customer's insolvency by the statute of the place the Customer is
// registered, and the Irish examinership rule where either party is Irish.
func (p Pack) InsolvencyLimit() string {
	var limits []string
	if s := rescueStatute[p.customerRegime()]; s != "" {
		if p.Customer.Individual {
			// The sections reach companies; for an individual the
			// qualifier must not read as barring termination on bankruptcy.
			limits = append(limits, "the Provider's right to end this agreement for the Customer's insolvency is subject to "+s+" where it applies")
		} else {
			limits = append(limits, "the Provider may end this agreement for the Customer's insolvency only to the extent "+s+" allows")
		}
	}
	if p.customerRegime() == regimeIreland || p.Provider.regime() == regimeIreland {
		limits = append(limits, irishInsolvencyLimit)
	}
	return strings.Join(limits, ", and ")
}

// Insolvency is what "becomes insolvent" means: the governing law's list,
// and the UK procedures too when a party registered in the UK is under a
// law whose list does not name them.
func (p Pack) Insolvency() string {
	if p.Law.Region == UK {
		return p.Law.Insolvency
	}
	for _, r := range []string{p.customerRegime(), p.Provider.regime()} {
		if r == regimeGB || r == regimeNI {
			return p.Law.Insolvency + ", or, for a party registered in the United Kingdom, enters administration or liquidation, has a receiver or administrative receiver appointed over any of its assets, or proposes or enters into a voluntary arrangement with its creditors"
		}
	}
	return p.Law.Insolvency
}

// FromAnswers builds the pack of a draft from its answers, read through
// text (which returns "" for an answer that does not apply).
func FromAnswers(text func(id string) string) Pack {
	party := func(role string) Party {
		return Party{Registered: text(role + "_incorporated"), Individual: text(role+"_entity") == "sole_trader"}
	}
	return For(text("governing_law"), text("customer_country"), text("delivery_country")).WithParties(party("customer"), party("provider"))
}
