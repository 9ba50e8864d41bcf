package jurisdiction

import "strings"

// Party is what the insolvency and corporate wording needs to know about
// one party: where it is registered (its own answer, never the governing
// law) and whether it is an individual.
type Party struct {
	Registered string // the "registered in" answer, as typed
	Individual bool   // a sole trader: the corporate insolvency rules do not reach it
	Country    string // the country option its registration or address names; "" unknown
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
	case strings.Contains(w, "new south wales"), strings.Contains(w, "australia"):
		// Not Wales: an Australian company, under Australian insolvency law.
		return regimeOther
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
// text (which returns "" for an answer that does not apply); countryOf
// finds the country option a party's registration and address name.
func FromAnswers(text func(id string) string, countryOf func(string) (string, bool)) Pack {
	party := func(role string) Party {
		country, _ := countryOf(text(role+"_incorporated") + "\n" + text(role+"_address"))
		return Party{Registered: text(role + "_incorporated"), Individual: text(role+"_entity") == "sole_trader", Country: country}
	}
	return For(text("governing_law"), text("customer_country"), text("delivery_country")).WithParties(party("customer"), party("provider"))
}

// Withholding reports whether the Customer may have to withhold tax from
// its payments: only when the Provider is established outside the
// Customer's country (a UK company paid by a UK customer suffers none,
// wherever its agents sit). A Provider whose country is unknown is taken
// to be where the agents work.
func (p Pack) Withholding() bool {
	if p.Home.ID == "" {
		return false
	}
	if p.Provider.Country != "" {
		return p.Provider.Country != p.Home.ID
	}
	return p.Abroad()
}

// TaxAccounting ends the sentence on taxes the Customer pays on top: how
// it pays them where it does not simply pay the Provider's invoice.
func (p Pack) TaxAccounting() string {
	region, home := p.Home.Region, p.Home.ID
	if home == "" {
		region = p.Law.Region
	}
	switch {
	case home == "australia" || home == "" && p.Law.ID == "australia_nsw":
		// A New Tax System (Goods and Services Tax) Act 1999: input tax
		// credits need a tax invoice.
		return ", on receiving a valid tax invoice under the A New Tax System (Goods and Services Tax) Act 1999"
	case region == US:
		return " (or self-assesses use tax where the law requires). Each party bears its own income taxes"
	}
	return " (or accounts for itself where the law requires, for example under a reverse charge)"
}

// ModernSlavery names the slavery and trafficking statutes the Provider
// promises to keep, "" where the agreement has no UK link. Each UK
// jurisdiction has its own Act; a Provider registered abroad answers to
// its local law and helps the Customer with its UK statement.
func (p Pack) ModernSlavery() string {
	if p.Law.Region != UK && p.Home.Region != UK {
		return ""
	}
	if p.Provider.Country != "" && p.Provider.Country != "uk" {
		return "the laws against slavery and human trafficking that apply to it, will give the Customer the information it reasonably asks for to prepare any statement under section 54 of the Modern Slavery Act 2015"
	}
	return "the Modern Slavery Act 2015, the Human Trafficking and Exploitation (Scotland) Act 2015 and the Human Trafficking and Exploitation (Criminal Justice and Support for Victims) Act (Northern Ireland) 2015, each where it applies"
}

// BriberyProcedures is the defence a company has against a bribe paid for
// it: "adequate procedures" (Bribery Act 2010, s.7), "all reasonable steps
// and all due diligence" (Criminal Justice (Corruption Offences) Act 2018,
// s.18).
func (p Pack) BriberyProcedures() string {
	if p.Law.ID == "ireland" || p.Home.ID == "ireland" {
		return "take all reasonable steps and exercise all due diligence"
	}
	return "keep in place adequate procedures"
}

// EmployersMinimum follows the employers' cover figure where the law sets
// its own minimum; Irish law requires no such cover, so it says nothing.
func (p Pack) EmployersMinimum() string {
	if p.Law.ID == "ireland" {
		return ""
	}
	return " (or as required by law, if more)"
}
