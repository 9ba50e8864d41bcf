package template

func entityTypes() []Option {
	return []Option{
		opt("private_limited", "Private limited company"),
		opt("public_limited", "Public limited company"),
		opt("llc", "Limited liability company (LLC)"),
		opt("corporation", "Corporation"),
		opt("llp", "Limited liability partnership"),
		opt("partnership", "Partnership"),
		opt("sole_trader", "Sole trader"),
		opt("other", "Other organisation"),
	}
}

// GoverningLaws lists the legal systems offered; UKLaws are those under
// which staff may transfer automatically to a new provider (TUPE).
func governingLaws() []Option {
	return []Option{
		opt("england_wales", "England and Wales"),
		opt("scotland", "Scotland"),
		opt("northern_ireland", "Northern Ireland"),
		opt("ireland", "Ireland"),
		opt("us_delaware", "Delaware, USA"),
		opt("us_new_york", "New York, USA"),
		opt("us_california", "California, USA"),
		opt("us_texas", "Texas, USA"),
		opt("australia_nsw", "New South Wales, Australia"),
		opt("other", "Another legal system"),
	}
}

// UKLaws are the governing-law choices that are part of the United Kingdom.
func UKLaws() []string { return []string{"england_wales", "scotland", "northern_ireland"} }

// RegisteredEntities are the entity types on a public register, with a
// place of registration and a number; the others (sole trader, partnership,
// other) are described by their address and any trading name instead.
func RegisteredEntities() []string {
	return []string{"private_limited", "public_limited", "llc", "corporation", "llp"}
}

// partyFields builds the same set of details for the customer and the provider.
func partyFields(role, who string) []Field {
	return []Field{
		text(role+"_name", who+": legal name",
			"The full registered name, exactly as it appears on the company register, for example \"Brightside Retail Ltd\". A trading name is not enough: the contract must bind the legal entity.").required(),
		choice(role+"_entity", who+": type of business", entityTypes(),
			"What kind of legal entity this party is. It tells the other side who is actually responsible.").required().def("private_limited"),
		text(role+"_incorporated", who+": registered in",
			"Where the business is registered, for example \"England and Wales\" or \"Delaware\".").required().when(role+"_entity", RegisteredEntities()...),
		text(role+"_trading_name", who+": trading name",
			"The name the business trades under, if it is not the legal name, for example \"Brightside Calls\". Leave blank if there is none.").when(role+"_entity", "sole_trader", "partnership", "other"),
		longText(role+"_address", who+": registered address",
			"The official registered office address (for a sole trader or partnership, the main business address). Formal notices under the agreement go here unless email is used.").required(),
		text(role+"_company_number", who+": company number",
			"The registration number given by the company registry (Companies House in the UK, the state filing number in the US).").required().when(role+"_entity", RegisteredEntities()...),
		text(role+"_contact_name", who+": contact for notices",
			"The person who receives formal notices, such as a notice of breach or of termination.").required(),
		text(role+"_contact_email", who+": email for notices",
			"The address that formal notices are sent to. Use a shared mailbox that is read every working day, not a personal one.").required().email(),
	}
}

func partiesAndTerm() Group {
	fields := []Field{
		text("agreement_title", "Title of the agreement",
			"The name printed on the cover and on every page. Most businesses keep the suggested title.").required().def("Call Centre Services Agreement"),
	}
	fields = append(fields, partyFields("customer", "Customer")...)
	fields = append(fields, partyFields("provider", "Provider")...)
	fields = append(fields,
		date("effective_date", "Start date",
			"The day the Services go live. The agreement binds both sides from signing, so the provider recruits and trains the agents before this date: allow a few weeks.").required(),
		duration("initial_term", "Initial term", monthUnits(), 1, 120,
			"How long the agreement runs before it can renew or end. Three years is the most common; small providers often offer shorter terms.").required().defUnit("36", "months").market("12", "60", Provider),
		choice("renewal", "What happens at the end of the term", []Option{
			opt("automatic", "Renews automatically unless either party gives notice"),
			opt("customer_option", "Renews only if the Customer chooses"),
			opt("none", "Ends, with no renewal"),
		}, "Automatic renewal avoids a gap in service if nobody acts. Renewal at the Customer's option gives you more control.").required().def("automatic"),
		duration("renewal_period", "Length of each renewal", monthUnits(), 1, 60,
			"How long each renewal lasts. One year is common.").required().defUnit("12", "months").when("renewal", "automatic", "customer_option"),
		duration("non_renewal_notice", "Notice to stop renewal", dayUnits(), 1, 365,
			"How long before the end of a term a party must say it does not want to renew. 30 to 90 days is typical; make sure it is long enough to find another provider.").required().defUnit("90", "days").when("renewal", "automatic").market("30", "90", Provider),
		choice("precedence", "If the clauses and schedules disagree", []Option{
			opt("clauses_first", "The main clauses win over the schedules"),
			opt("schedules_first", "The schedules win over the main clauses"),
		}, "The agreement is made of main clauses plus schedules (service levels, prices, exit plan). This decides which one applies if they ever conflict.").required().def("clauses_first"),
		text("customer_manager", "Customer's relationship manager",
			"The person on your side who manages the provider day to day and attends performance reviews. A job title is fine.").required().def("Head of Customer Service"),
		text("provider_manager", "Provider's relationship manager",
			"The provider's named account manager, your first point of contact.").required().def("Account Director"),
		choice("review_frequency", "Performance review meetings", []Option{
			opt("monthly", "Monthly"), opt("quarterly", "Quarterly"),
		}, "How often the two managers meet to go through the service level report. Monthly is usual.").required().def("monthly"),
		choice("governing_law", "Law that governs the agreement", governingLaws(),
			"The legal system used to interpret the agreement. Usually the Customer's home country or state.").required().def("england_wales"),
		text("governing_law_other", "Name of the other legal system",
			"Write the country or state whose law applies, for example \"Ontario, Canada\".").required().when("governing_law", "other"),
		choice("customer_country", "Country where the Customer is established", Countries(),
			"Where your business is based. It decides the data protection law the provider's duties are written for, whether personal data leaves your country, and which taxes the charges exclude. It does not follow the governing law: a UK business may choose New York law and still be in the UK.").required().since(3),
	)
	return Group{
		ID:     "parties",
		Name:   "Parties & Term",
		Intro:  "Who is signing, when the agreement starts, how long it lasts and which law applies.",
		Fields: fields,
		Elements: []Element{
			element("customer", "Customer details", "customer_name", "customer_entity", "customer_incorporated", "customer_trading_name", "customer_address", "customer_company_number", "customer_contact_name", "customer_contact_email"),
			element("provider", "Provider details", "provider_name", "provider_entity", "provider_incorporated", "provider_trading_name", "provider_address", "provider_company_number", "provider_contact_name", "provider_contact_email"),
			element("term", "Start date and term", "agreement_title", "effective_date", "initial_term"),
			element("renewal", "Renewal", "renewal", "renewal_period", "non_renewal_notice"),
			element("structure", "Structure and order of precedence", "precedence"),
			element("governance", "Governance and reviews", "customer_manager", "provider_manager", "review_frequency"),
			element("law", "Governing law and the Customer's country", "governing_law", "governing_law_other", "customer_country"),
		},
	}
}
