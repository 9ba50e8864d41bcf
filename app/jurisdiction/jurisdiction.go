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
	// CCPA: the California Consumer Privacy Act's service-provider terms,
	// which apply by where the consumers live, so the law only makes them
	// certain; the answers can add them under any law.
	CCPA bool
	// ThirdParties is the sentence that says who besides the parties may
	// enforce the agreement, in the words of that law's statute (or of
	// privity where there is none).
	ThirdParties string
	// Tort is the law's word for a civil wrong: delict in Scotland.
	Tort string
	// Injunction is the word for a court order to stop something: Scots law
	// says interdict where the other laws say injunction.
	Injunction string
	// Counterparts names the statute that makes signing in counterparts
	// and delivering electronically effective, where one is needed.
	Counterparts string
	// LatePayment names the statutory late-payment interest of that law.
	LatePayment string
	// CapCarveOut is what that law will not let a cap or exclusion cover
	// (beyond fraud, death and personal injury, which every law refuses).
	CapCarveOut string
	// Bribery names the anti-bribery statute a party there answers to.
	Bribery string
	// Spelling is "us" where the agreement is written in US spelling.
	Spelling string
	// NoSolicitLimited: the law voids agreements not to hire (California
	// Business and Professions Code §16600), so the clause only stops the
	// use of confidential information to poach.
	NoSolicitLimited bool
	// MediationAct names the statute mediation runs under, where there is one.
	MediationAct string
	// MediatorAppointer appoints a mediator when the parties cannot agree
	// on one, so that "a mediator agreed at the time" is not an agreement
	// to agree.
	MediatorAppointer string
	// Proportionate is the sentence that excludes proportionate liability
	// legislation, where the law lets the parties do so.
	Proportionate string
	// Courts are the courts suggested for that law: the ones that can hear
	// every claim under the agreement (in Scotland the sheriff court must
	// hear claims of £100,000 or less, so "the Scottish courts").
	Courts string
	// Conspicuous: the law enforces a jury waiver, or a release of a
	// party's own negligence, only when it is conspicuous and says so
	// expressly (Texas's fair-notice rules).
	Conspicuous bool
	// PriceIndex is the consumer price index published there, which the
	// yearly price review should name instead of the UK's.
	PriceIndex string
	// Prorogate: Scots law's word for the parties choosing a court.
	Prorogate bool
	// Assignment is how a present transfer of rights not yet created is
	// worded: Scots law transfers rights by assignation.
	Assignment string
}

// Covers names the insurance the provider holds, as the law's market calls it.
type Covers struct {
	Liability, Professional, Cyber, Employers string
	// EmployersLimit introduces the employers' cover amount: "" where
	// that cover is a statutory scheme with no limit to choose (Australian
	// workers compensation); in the US, where employer's liability comes
	// with US$1m limits, an umbrella policy makes up the amount asked.
	EmployersLimit string
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
	// HomeDataLaw is the data protection law that binds a customer
	// established there and so sets the processor terms; "" where there is
	// no general one.
	HomeDataLaw string
	// Tax names the taxes on services supplied to a business there: the
	// customer's country, not the governing law, decides them.
	Tax string
	// Telemarketing names the rules on marketing calls to people there.
	Telemarketing string
	// ProcessorTerms are what a processor for a customer established
	// there must promise beyond the general terms.
	ProcessorTerms string
	// TransferOfBusiness is the law that carries employment terms to a
	// new employer who takes on the staff, where there is no automatic
	// transfer of employment itself.
	TransferOfBusiness string
	// Privacy is how the data protection clause states the parties' roles,
	// the Customer's own duty and the help it gets, where the home law does
	// not speak of controllers and processors; nil for the GDPR's words.
	Privacy *Privacy
}

// Privacy is the wording of a data protection law without the GDPR's
// controller and processor.
type Privacy struct {
	Roles, Basis, Assist string
	// PersonalData is what "Personal Data" means under that law.
	PersonalData string
	// Transfers says on what terms Personal Data may leave the country.
	Transfers string
	// SubProcessor names whom the Provider engages to process for it:
	// a law without processors calls it simply another person.
	SubProcessor string
}

// gdprPrivacy is the wording of the UK and EU GDPR (Art. 28(3)(f)).
var gdprPrivacy = Privacy{
	Roles:        "The Customer is the controller and the Provider is the processor of the Personal Data the Provider processes for the Customer under this agreement (described in the data processing schedule); for its own staff's data the Provider is the controller.",
	Basis:        "The Customer will make sure it has a lawful basis for the processing it instructs.",
	Assist:       "the security of processing, the notification of personal data breaches to regulators and to the people affected, data protection impact assessments and prior consultation with a regulator",
	PersonalData: "any information relating to an identified or identifiable living person",
	Transfers:    "with the safeguards the Data Protection Laws require",
	SubProcessor: "another processor",
}

// privacy is the wording for the Customer's home law.
func (p Pack) privacy() Privacy {
	if p.Home.Privacy != nil {
		return *p.Home.Privacy
	}
	return gdprPrivacy
}

func ukCovers() Covers {
	return Covers{
		Liability:      "public liability insurance",
		Professional:   "professional indemnity insurance",
		Cyber:          "cyber insurance",
		Employers:      "employer's liability insurance",
		EmployersLimit: "of at least",
	}
}

func auCovers() Covers {
	return Covers{
		Liability:    "public liability insurance",
		Professional: "professional indemnity insurance",
		Cyber:        "cyber insurance",
		Employers:    "workers compensation insurance as required by the law of each state or territory where its staff work (including cover for liability at common law where it is available)",
	}
}

func usCovers() Covers {
	return Covers{
		Liability:      "commercial general liability insurance, naming the Customer as an additional insured,",
		Professional:   "errors and omissions (professional liability) insurance",
		Cyber:          "cyber and privacy liability insurance",
		Employers:      "workers' compensation insurance as required by the law of each state where its staff work, and employer's liability insurance",
		EmployersLimit: "of at least US$1,000,000 each accident and each employee for disease, with umbrella or excess liability cover above it bringing the total to at least",
	}
}

const (
	ukInsolvency = "becomes insolvent, enters administration or liquidation, has a receiver or administrative receiver appointed over any of its assets, or proposes or enters into a voluntary arrangement with its creditors"
	usInsolvency = "becomes insolvent, files a petition in bankruptcy or has an involuntary petition filed against it that is not dismissed within 60 days, makes an assignment for the benefit of its creditors, or has a receiver appointed over all or most of its assets (to the extent the law allows the agreement to end for that reason)"
	usTax        = "sales, use and similar taxes"

	presentAssignment = "by way of present assignment of future rights"

	ukThirdParties       = "A person who is not a party to this agreement has no right under the Contracts (Rights of Third Parties) Act 1999 to enforce any of its terms"
	noThirdParties       = "Nothing in this agreement gives any person who is not a party to it a right to enforce any of its terms"
	ukLatePayment        = "the Late Payment of Commercial Debts (Interest) Act 1998 (8% a year above the Bank of England base rate)"
	ukBribery            = "the Bribery Act 2010"
	usBribery            = "the US Foreign Corrupt Practices Act of 1977"
	irishInsolvencyLimit = "a party may end this agreement for the other's examinership or rescue process only to the extent the Companies Act 2014 allows"
)

// laws is the table of governing laws.
func laws() []Law {
	ukZones := []string{"uk", "gmt", "bst", "london", "british"}
	etZones := []string{"eastern", "est", "edt", "et", "new york"}
	uk := func(id string) Law {
		return Law{ID: id, Region: UK, Insolvency: ukInsolvency, Tax: "value added tax", NoticeTime: "UK time",
			Zones: ukZones, Currency: "GBP", Mediators: []string{"cedr"}, Covers: ukCovers(), MediatorAppointer: "the Centre for Effective Dispute Resolution (CEDR)",
			ThirdParties: ukThirdParties, Injunction: "an injunction", Tort: "tort", LatePayment: ukLatePayment, Bribery: ukBribery, Courts: "the courts of England and Wales",
			Assignment: presentAssignment}
	}
	us := func(id, clock string, zones []string, courts string) Law {
		return Law{ID: id, Courts: courts, Assignment: presentAssignment,
			PriceIndex: "for example the Consumer Price Index for All Urban Consumers (CPI-U) published by the Bureau of Labor Statistics", Region: US, Insolvency: usInsolvency, Tax: usTax, NoticeTime: clock, Zones: zones,
			Currency: "USD", Mediators: []string{"aaa", "jams"}, Covers: usCovers(), JuryWaiver: true, JudgmentOnAward: true,
			MediatorAppointer: "the American Arbitration Association",
			ThirdParties:      "There are no third-party beneficiaries of this agreement", Injunction: "an injunction",

			CapCarveOut: "gross negligence or willful misconduct", Bribery: usBribery, Spelling: "us"}
	}
	california := us("us_california", "US Pacific Time", []string{"pacific", "pst", "pdt", "pt", "los angeles", "san francisco"},
		"the state and federal courts located in San Francisco County, California")
	california.JuryWaiver, california.CCPA, california.NoSolicitLimited = false, true, true
	texas := us("us_texas", "US Central Time", []string{"central", "cst", "cdt", "ct", "chicago", "dallas", "houston"},
		"the state and federal courts located in Dallas County, Texas")
	// Texas lets employers opt out of workers' compensation ("non-subscribers").
	texas.Conspicuous = true
	texas.Covers.Employers = "workers' compensation insurance for all its staff, even where the law of the state where they work does not require it, and employer's liability insurance"
	// California Civil Code §1668 voids exemptions from liability for one's
	// own fraud, wilful injury or violation of law.
	california.CapCarveOut = "gross negligence or willful misconduct; any liability that California Civil Code section 1668 does not allow a party to exempt itself from, to that extent only"
	scotland := uk("scotland")
	scotland.ThirdParties = "A person who is not a party to this agreement has no right under the Contract (Third Party Rights) (Scotland) Act 2017 to enforce any of its terms"
	scotland.Injunction = "interdict"
	scotland.Tort = "delict"
	scotland.Counterparts = "the Legal Writings (Counterparts and Delivery) (Scotland) Act 2015"
	// Courts Reform (Scotland) Act 2014, s.39: the sheriff court's
	// privative jurisdiction up to £100,000 cannot be contracted out of.
	scotland.Courts, scotland.Prorogate = "the Scottish courts", true
	scotland.Assignment = "by way of assignation (and, for copyright not yet in existence, under section 91 of the Copyright, Designs and Patents Act 1988)"
	northernIreland := uk("northern_ireland")
	northernIreland.Courts = "the courts of Northern Ireland"
	return []Law{
		uk("england_wales"), scotland, northernIreland,
		{ID: "ireland", Region: EU, Tax: "value added tax", NoticeTime: "Irish time",
			Insolvency: "becomes insolvent, has an examiner, process adviser, liquidator or receiver appointed, or proposes or enters into a scheme of arrangement with its creditors",
			Zones:      []string{"irish", "ist", "dublin", "gmt"}, Currency: "EUR", Mediators: []string{"other"}, Covers: ukCovers(),
			// Ireland has no general statute giving third parties rights
			// under business contracts: privity applies.
			ThirdParties: noThirdParties, Injunction: "an injunction", Courts: "the courts of Ireland", Assignment: presentAssignment,
			PriceIndex:  "the Consumer Price Index published by the Central Statistics Office",
			LatePayment: "the European Communities (Late Payment in Commercial Transactions) Regulations 2012 (the European Central Bank's reference rate plus 8% a year)",
			Bribery:     "the Criminal Justice (Corruption Offences) Act 2018", MediationAct: "the Mediation Act 2017",
			MediatorAppointer: "the Mediators' Institute of Ireland"},
		us("us_delaware", "US Eastern Time", etZones, "the state and federal courts located in New Castle County, Delaware"),
		us("us_new_york", "US Eastern Time", etZones, "the state and federal courts located in New York County, New York"),
		california,
		texas,
		{ID: "australia_nsw", Region: Other, Tax: "goods and services tax", NoticeTime: "Sydney time",
			Insolvency: "becomes insolvent, has an administrator, liquidator, receiver or restructuring practitioner appointed, or proposes or enters into a deed of company arrangement, a restructuring plan or a scheme of arrangement with its creditors (subject to any stay on ending contracts under the Corporations Act 2001)",
			Zones:      []string{"aest", "aedt", "sydney", "australian"}, Currency: "AUD", Covers: auCovers(),
			MediatorAppointer: "the Resolution Institute",
			Proportionate:     "To the extent the law allows, Part 4 of the Civil Liability Act 2002 (NSW) (proportionate liability) does not apply to this agreement",
			ThirdParties:      noThirdParties, Injunction: "an injunction", Courts: "the courts of New South Wales",
			Assignment: presentAssignment, Bribery: "the Criminal Code Act 1995 (Cth)",
			PriceIndex: "the All Groups Consumer Price Index (weighted average of eight capital cities) published by the Australian Bureau of Statistics"},
	}
}

// otherLaw is used for "another legal system": wording that works anywhere.
func otherLaw() Law {
	return Law{ID: "other", Region: Other, Tax: "value added, sales and similar taxes",
		NoticeTime: "local time where the notice is received",
		Insolvency: "becomes insolvent or enters any insolvency, bankruptcy or similar procedure under the law that applies to it (to the extent that law allows the agreement to end for that reason)",
		Covers:     ukCovers(), ThirdParties: noThirdParties, Injunction: "an injunction", Assignment: presentAssignment,
	}
}

// sites is the table of countries: where the agents work, and where the
// Customer is established.
func sites() []Site {
	tupe := "the Transfer of Undertakings (Protection of Employment) Regulations 2006 (TUPE) (and, for staff in Northern Ireland, the Service Provision Change (Protection of Employment) Regulations (Northern Ireland) 2006)"
	ukData := "the UK GDPR and the Data Protection Act 2018"
	euData := "the General Data Protection Regulation (EU) 2016/679 (GDPR) and the national law that supplements it"
	ieData := "the General Data Protection Regulation (EU) 2016/679 (GDPR) and the Data Protection Acts 1988 to 2018"
	ukCalls := "the Privacy and Electronic Communications Regulations 2003, the rules on the Telephone Preference Service and Corporate Telephone Preference Service registers, and Ofcom's rules on persistent misuse"
	usCalls := "the Telephone Consumer Protection Act, the Telemarketing Sales Rule, the national and state do-not-call registers and the telemarketing laws of each state where the people called are located"
	return []Site{
		{ID: "uk", Name: "the United Kingdom", Region: UK, StaffTransfer: tupe, HomeDataLaw: ukData, Tax: "value added tax", Telemarketing: ukCalls},
		{ID: "ireland", Name: "Ireland", Region: EU, HomeDataLaw: ieData, Tax: "value added tax",
			StaffTransfer: "the European Communities (Protection of Employees on Transfer of Undertakings) Regulations 2003 (S.I. No. 131 of 2003)",
			Telemarketing: "the ePrivacy Regulations 2011 (S.I. No. 336 of 2011) and the National Directory Database opt-out register"},
		{ID: "eu", Name: "a member state of the European Union", Region: EU, HomeDataLaw: euData, Tax: "value added tax",
			StaffTransfer: "the national law implementing the EU Acquired Rights Directive (2001/23/EC) where the staff work",
			Telemarketing: "the national law implementing the ePrivacy Directive (2002/58/EC) and any national opt-out register"},
		{ID: "us", Name: "the United States", Region: US, Tax: usTax, Telemarketing: usCalls},
		{ID: "australia", Name: "Australia", Region: Other, HomeDataLaw: "the Privacy Act 1988 (Cth)", Tax: "goods and services tax",
			TransferOfBusiness: "Part 2-8 of the Fair Work Act 2009 (Cth)",
			// The Privacy Act 1988 knows no controller or processor: a
			// provider that handles information only for the Customer, which
			// keeps control, is a "use" by the Customer, not a disclosure.
			Privacy: &Privacy{
				Roles:        "The Provider handles the Personal Data only on the Customer's behalf and for the Customer's purposes, and the Customer keeps effective control of it, so that the Provider's handling is a use by the Customer and not a disclosure to the Provider under the Privacy Act 1988 (Cth).",
				Basis:        "The Customer will give the people concerned the notices the Australian Privacy Principles require (APP 5) about the handling it instructs.",
				Assist:       "the security of the Personal Data, privacy impact assessments, enquiries and complaints from the Office of the Australian Information Commissioner or the people concerned, and the assessment and notification of eligible data breaches",
				PersonalData: "personal information as the Privacy Act 1988 (Cth) defines it (information or an opinion about an identified individual, or an individual who is reasonably identifiable, whether true or not)",
				// APP 8.1: the Customer stays accountable for an overseas
				// recipient unless it is bound to the APPs by contract.
				Transfers:    "only with the Customer's prior written consent and only to a recipient bound by written contract to handle the Personal Data in line with the Australian Privacy Principles (APP 8.1)",
				SubProcessor: "any other person to handle the Personal Data",
			},
			ProcessorTerms: "The Provider will handle Personal Data as if it were an organisation bound by the Australian Privacy Principles, whether or not the Privacy Act 1988 (Cth) applies to it, and will help the Customer assess and notify any eligible data breach under Part IIIC of that Act.",
			Telemarketing:  "the Do Not Call Register Act 2006 and the Telecommunications (Telemarketing and Research Calls) Industry Standard 2017"},
		{ID: "philippines", Name: "the Philippines", Region: Other, DataLaw: "the Philippines Data Privacy Act of 2012", Tax: "value added tax"},
		{ID: "india", Name: "India", Region: Other, DataLaw: "India's Digital Personal Data Protection Act 2023 where it applies, and the directions of CERT-In (the Indian Computer Emergency Response Team) on reporting cyber security incidents, telling the Customer of any incident affecting Customer Data no later than it reports it to CERT-In", Tax: "goods and services tax"},
		{ID: "south_africa", Name: "South Africa", Region: Other, DataLaw: "South Africa's Protection of Personal Information Act 2013 (POPIA)", Tax: "value added tax"},
		{ID: "other", Name: "", Region: Other},
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

// Pack is the law, the Customer's country and the agents' country of one
// draft together.
type Pack struct {
	Law  Law
	Home Site // where the Customer is established
	Site Site // where the agents work
	// The parties' own registration decides the insolvency wording.
	Customer, Provider Party
}

// For builds the pack for a governing-law, customer-country and
// delivery-country answer. The Customer's country is its own answer: a
// Manchester business may choose New York law, and still be in the UK.
func For(lawID, homeID, siteID string) Pack {
	p := Pack{Law: LawFor(lawID), Site: SiteFor(siteID)}
	// An unanswered country of the Customer stays unknown, so nothing is
	// judged to cross a border until the user says where it is.
	if homeID != "" {
		p.Home = SiteFor(homeID)
	}
	return p
}

// Abroad reports whether the agents work outside the legal area where the
// Customer is established: personal data then crosses a border. Countries
// of one area (the UK, the EU, the US) count as one; two "other" answers
// are taken as different countries, so the safer wording applies.
func (p Pack) Abroad() bool {
	if p.Home.ID == "" {
		return false
	}
	if p.Home.Region == p.Site.Region && p.Home.Region != Other {
		return false
	}
	return p.Home.ID != p.Site.ID || p.Home.ID == "other"
}

// TransferMechanism is the instrument that makes sending personal data from
// the Customer's country to the agents lawful, or "" when the data does not
// leave it, an adequacy finding covers the destination, or the origin has
// no general transfer rule (the US).
func (p Pack) TransferMechanism() string {
	if !p.Abroad() {
		return ""
	}
	switch {
	case p.Home.Region == UK && p.Site.Region != EU: // UK adequacy regulations cover the EU and EEA
		return "the International Data Transfer Agreement issued by the UK Information Commissioner under section 119A of the Data Protection Act 2018"
	case p.Home.Region == EU && p.Site.Region != UK: // an EU adequacy decision covers the UK
		return "the standard contractual clauses adopted by the European Commission in Decision (EU) 2021/914 (module two: controller to processor)"
	}
	return ""
}

// TransferFramework is the certification scheme a US importer may rely on
// instead of the instrument, while it is certified: "" where none applies.
func (p Pack) TransferFramework() string {
	if !p.Abroad() || p.Site.Region != US {
		return ""
	}
	switch p.Home.Region {
	case UK:
		return "the UK Extension to the EU-US Data Privacy Framework"
	case EU:
		return "the EU-US Data Privacy Framework"
	}
	return ""
}

// HomeStaffTransfer names the staff transfer rules of the Customer's
// country when the agents work abroad where none apply: TUPE can still
// move people who did the work at home immediately before the change
// (regulation 3(3)(a)(i) looks at where the work was, not where it goes).
func (p Pack) HomeStaffTransfer() string {
	if !p.Abroad() || p.Site.StaffTransfer != "" {
		return ""
	}
	return p.Home.StaffTransfer
}

// SiteName is the agents' country as a sentence names it.
func (p Pack) SiteName() string {
	if p.Site.Name == "" {
		return "the country where the agents work"
	}
	return p.Site.Name
}

// Tax is what the charges exclude: the taxes of the Customer's country,
// where the services are supplied to it; the law's own words when that
// country is not known.
func (p Pack) Tax() string {
	if p.Home.Tax != "" {
		return p.Home.Tax
	}
	return p.Law.Tax
}

// Telemarketing names the marketing-call rules of the places called: the
// Customer's customers are taken to be where the Customer is.
func (p Pack) Telemarketing() string {
	if p.Home.Telemarketing != "" {
		return p.Home.Telemarketing
	}
	return "the laws on marketing and collection calls of each country where the people called are located, including any do-not-call register there"
}

// DataLaw is the data protection law the processor terms are written for.
func (p Pack) DataLaw() string {
	if p.Home.HomeDataLaw != "" {
		return p.Home.HomeDataLaw
	}
	return "the data protection laws that apply to the Customer"
}

// words are the keys the clause wording may ask for.
func words() map[string]func(Pack) string {
	return map[string]func(Pack) string{
		"insolvency":         func(p Pack) string { return p.Insolvency() },
		"insolvency_limit":   func(p Pack) string { return p.InsolvencyLimit() },
		"tax":                func(p Pack) string { return p.Tax() },
		"notice_time":        func(p Pack) string { return p.Law.NoticeTime },
		"cover_liability":    func(p Pack) string { return p.Law.Covers.Liability },
		"cover_professional": func(p Pack) string { return p.Law.Covers.Professional },
		"cover_cyber":        func(p Pack) string { return p.Law.Covers.Cyber },
		"cover_employers":    func(p Pack) string { return p.Law.Covers.Employers },
		"employers_limit":    func(p Pack) string { return p.Law.Covers.EmployersLimit },
		"jury_waiver":        func(p Pack) string { return flag(p.Law.JuryWaiver) },
		"judgment_on_award":  func(p Pack) string { return flag(p.Law.JudgmentOnAward) },
		"ccpa":               func(p Pack) string { return flag(p.Law.CCPA) },
		"third_parties":      func(p Pack) string { return p.Law.ThirdParties },
		"third_party_statute": func(p Pack) string {
			return flag(p.Law.ThirdParties != noThirdParties)
		},
		"injunction":         func(p Pack) string { return p.Law.Injunction },
		"tort":               func(p Pack) string { return or(p.Law.Tort, "tort") },
		"counterparts_act":   func(p Pack) string { return p.Law.Counterparts },
		"late_payment":       func(p Pack) string { return p.Law.LatePayment },
		"cap_carve_out":      func(p Pack) string { return p.Law.CapCarveOut },
		"no_solicit_limited": func(p Pack) string { return flag(p.Law.NoSolicitLimited) },
		"mediation_act":      func(p Pack) string { return p.Law.MediationAct },
		"bribery":            func(p Pack) string { return p.bribery() },
		"modern_slavery":     func(p Pack) string { return p.ModernSlavery() },
		"bribery_procedures": func(p Pack) string { return p.BriberyProcedures() },
		"employers_minimum":  func(p Pack) string { return p.EmployersMinimum() },
		"sanctions":          func(p Pack) string { return flag(p.Abroad()) },
		"data_law":           func(p Pack) string { return p.DataLaw() },
		"conspicuous":        func(p Pack) string { return flag(p.Law.Conspicuous) },
		// US usury laws cap contract interest; elsewhere the phrase means nothing.
		"usury_limit": func(p Pack) string { return flag(p.Law.Region == US) },
		// A contractual rate displaces the UK statute only if it is a
		// "substantial remedy" (Late Payment Act 1998, ss.8-9).
		"late_payment_remedy": func(p Pack) string {
			if p.Law.Region == UK {
				return "the Late Payment of Commercial Debts (Interest) Act 1998"
			}
			return ""
		},
		"fair_work":           func(p Pack) string { return p.Site.TransferOfBusiness },
		"withholding":         func(p Pack) string { return flag(p.Withholding()) },
		"tax_accounting":      func(p Pack) string { return p.TaxAccounting() },
		"data_roles":          func(p Pack) string { return p.privacy().Roles },
		"data_basis":          func(p Pack) string { return p.privacy().Basis },
		"data_assist":         func(p Pack) string { return p.privacy().Assist },
		"personal_data_means": func(p Pack) string { return p.privacy().PersonalData },
		"transfer_terms":      func(p Pack) string { return p.privacy().Transfers },
		"subprocessor":        func(p Pack) string { return p.privacy().SubProcessor },
		"telemarketing":       func(p Pack) string { return p.Telemarketing() },
		"staff_transfer":      func(p Pack) string { return p.Site.StaffTransfer },
		"home_staff_transfer": func(p Pack) string { return p.HomeStaffTransfer() },
		"site":                func(p Pack) string { return p.SiteName() },
		"home":                func(p Pack) string { return p.Home.Name },
		"site_data_law":       func(p Pack) string { return p.Site.DataLaw },
		"data_extra":          func(p Pack) string { return p.Home.ProcessorTerms },
		"transfer_mechanism":  func(p Pack) string { return p.TransferMechanism() },
		"transfer_framework":  func(p Pack) string { return p.TransferFramework() },
		"proportionate":       func(p Pack) string { return p.Law.Proportionate },
		"prorogate":           func(p Pack) string { return flag(p.Law.Prorogate) },
		"assignment":          func(p Pack) string { return p.Law.Assignment },
		"mediator_appointer":  func(p Pack) string { return p.Law.MediatorAppointer },
		"abroad":              func(p Pack) string { return flag(p.Abroad()) },
		// us_home: a customer established in the US may have Californian
		// callers whatever law governs, so the CCPA terms are included to
		// the extent that law applies.
		"us_home":     func(p Pack) string { return flag(p.Home.Region == US) },
		"us_spelling": func(p Pack) string { return flag(p.Law.Spelling == "us") },
		// provider_at_home: the Provider is established in the Customer's
		// country, so its own staff there may manage an account whose
		// agents work abroad.
		"provider_at_home": func(p Pack) string { return flag(p.Home.ID != "" && p.Provider.Country == p.Home.ID) },
	}
}

// bribery names every anti-bribery statute the parties answer to: the
// governing law's, and the UK's or the US statute for a party established
// there (the Customer by its country, the Provider by its registration),
// once each: a Scottish provider answers to the Bribery Act 2010 whatever
// law governs.
func (p Pack) bribery() string {
	var names []string
	add := func(n string) {
		if n != "" && !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	add(p.Law.Bribery)
	for _, region := range []Region{p.Home.Region, SiteFor(p.Provider.Country).Region} {
		switch region {
		case UK:
			add(ukBribery)
		case US:
			add(usBribery)
		}
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
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
	names := zoneNamer(text)
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

// or is s, or def when s is empty.
func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// lawCountry is the country option of a governing law's place.
func lawCountry(l Law) string {
	switch {
	case l.Region == UK:
		return "uk"
	case l.Region == US:
		return "us"
	case l.ID == "ireland", l.ID == "australia_nsw":
		return map[string]string{"ireland": "ireland", "australia_nsw": "australia"}[l.ID]
	}
	return ""
}

// ZoneFitsCountry reports whether a time zone the user typed is a clock of
// the country; ok is false when the text names no zone the table knows.
func ZoneFitsCountry(country, text string) (fits, ok bool) {
	names := zoneNamer(text)
	for _, l := range laws() {
		if names(l.Zones) {
			ok = true
			if lawCountry(l) == country {
				return true, true
			}
		}
	}
	return false, ok
}

// zoneNamer reports whether text names one of a list of zone words.
func zoneNamer(text string) func(zones []string) bool {
	said := map[string]bool{}
	lower := strings.ToLower(text)
	for _, w := range strings.FieldsFunc(lower, func(r rune) bool { return !(r >= 'a' && r <= 'z') }) {
		said[w] = true
	}
	return func(zones []string) bool {
		for _, z := range zones {
			if said[z] || (strings.Contains(z, " ") && strings.Contains(lower, z)) {
				return true
			}
		}
		return false
	}
}
