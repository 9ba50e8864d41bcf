package template

func generalTerms() Group {
	return Group{
		ID:    "general",
		Name:  "General Terms",
		Intro: "Liability, insurance, ownership and the standard terms every commercial agreement needs.",
		Fields: []Field{
			number("liability_cap_months", "Liability cap, in months of fees", "months of fees", 1, 60,
				"The most either party can be made to pay under the agreement, as a number of months of charges. 12 months' fees is common. In the first year the forecast charges count, so the cap is not close to nothing in the first month.").required().def("12").market("12", "24", Customer),
			moneyField("liability_cap_floor", "Liability cap: never less than",
				"A fixed amount the cap never falls below, whatever the charges have been. It protects you early on and if volumes fall.").required().defUnit("250000", "GBP").since(2),
			choice("liability_cap_basis", "The cap applies", []Option{
				opt("aggregate", "To all claims together"),
				opt("per_claim", "To each claim separately"),
			}, "A cap for all claims together is clearer and more usual; a cap per claim can add up to much more.").required().def("aggregate"),
			yesNo("exclude_indirect", "Exclude indirect losses",
				"Neither party pays for the other's lost profits or other knock-on losses. This is standard.").required().defYes(),
			number("data_breach_cap_multiple", "Separate cap for data protection and confidentiality breaches, in times the yearly fees", "× yearly fees", 1, 10,
				"Data breaches can be expensive (regulators' fines, notifying customers), so a separate, higher cap applies to them instead of the general cap, not on top of it. Three times the yearly fees is seen in practice.").required().def("2").market("2", "3", Customer),
			multiChoice("uncapped", "Never limited", []Option{
				opt("fraud", "Fraud"),
				opt("death_injury", "Death or personal injury caused by negligence"),
				opt("confidentiality", "Breach of confidentiality"),
				opt("indemnities", "Payments under the indemnities"),
			}, "Liabilities that have no cap at all. The law does not allow fraud, death or personal injury to be limited.").required().defItems("fraud", "death_injury"),
			multiChoice("indemnities", "Indemnities: the Provider protects the Customer against", []Option{
				opt("third_party", "Claims by third parties caused by the Provider"),
				opt("ip", "Claims that the Provider's tools infringe someone's rights"),
				opt("telemarketing", "Fines for breaking telemarketing rules"),
				opt("employment", "Claims by the Provider's staff"),
			}, "The provider pays your costs if these claims are made against you.").required().defItems("third_party", "ip", "telemarketing", "employment"),
			choice("indemnity_cap", "Indemnity payments count against", []Option{
				opt("breach_cap", "The separate, higher cap for data and confidentiality breaches"),
				opt("general_cap", "The general cap"),
			}, "Which limit applies to money paid under the indemnities, unless you made them unlimited above. The higher cap protects you better.").required().def("breach_cap").since(2),
			yesNo("warranties", "Provider promises skill, care and legal compliance",
				"The provider promises to do the work with reasonable skill and care, with trained staff, and in line with the law.").required().defYes(),
			moneyField("insurance_liability", "Public liability insurance",
				"Insurance against injury or damage to others; in the US it is called commercial general liability, and the Customer is named on the policy. Amounts between 1 and 10 million are common.").required().defUnit("5000000", "GBP"),
			moneyField("insurance_professional", "Professional indemnity insurance",
				"Insurance against claims that the provider's service was negligent; called errors and omissions insurance in the US.").required().defUnit("2000000", "GBP"),
			moneyField("insurance_cyber", "Cyber insurance",
				"Insurance against the costs of a data breach or cyber attack.").required().defUnit("2000000", "GBP"),
			moneyField("insurance_employers", "Employer's liability insurance",
				"Insurance for injuries to the provider's own staff; compulsory in the UK. Under US law the agreement also requires workers' compensation insurance, as each state's law sets it.").required().defUnit("5000000", "GBP"),
			multiChoice("customer_owns", "The Customer owns", []Option{
				opt("data", "Customer Data"), opt("recordings", "Call recordings"),
				opt("scripts", "Scripts and knowledge base"), opt("reports", "Reports made for the Customer"),
			}, "Everything created for you belongs to you: the provider transfers its rights in it to you as it is made. The provider keeps its own pre-existing tools and methods.").required().defItems("data", "recordings", "scripts", "reports"),
			choice("provider_tools_licence", "Your licence to the provider's tools in the deliverables", []Option{
				opt("perpetual", "For ever, for you and any later provider working for you"),
				opt("term_and_exit", "During this agreement and the exit period only"),
			}, "Reports and scripts may contain the provider's own material. A licence for ever lets you and the next provider keep using them after the handover.").required().def("perpetual").since(2),
			choice("subcontracting", "Subcontracting", []Option{
				opt("consent", "Only with the Customer's written consent"),
				opt("notice", "Allowed after notice to the Customer"),
			}, "Whether the provider may pass work to another company. The provider stays responsible, and its obligations pass down.").required().def("consent"),
			number("records_years", "Records kept for", "years", 1, 20,
				"How long the provider keeps records about the service and charges, so you can check them. 3 to 7 years is usual.").required().def("6").market("3", "7", Customer),
			number("audit_days", "Notice before an audit", "business days", 1, 60,
				"How much warning you give before checking the provider's records and compliance.").required().def("10").market("5", "20", Provider),
			number("recovery_hours", "Service restored after a site loss within", "hours", 1, 720,
				"The provider keeps a tested business continuity plan. If a site is lost (fire, power, network), service resumes from elsewhere within this time.").required().def("24").market("24", "48", Provider),
			choice("continuity_tests", "Continuity plan tested", []Option{
				opt("annually", "Once a year"), opt("twice_yearly", "Twice a year"),
			}, "How often the provider proves its continuity plan works.").required().def("annually"),
			number("force_majeure_days", "Force majeure: right to end after", "days", 7, 365,
				"Events outside anyone's control (natural disasters, war) excuse delays. If one lasts this long, either side may end the agreement. It never excuses running the continuity plan.").required().def("60"),
			multiChoice("notice_methods", "Formal notices may be sent by", []Option{
				opt("email", "Email"), opt("courier", "Courier or hand delivery"), opt("post", "Recorded post"),
			}, "The ways in which formal notices count as properly given.").required().defItems("email", "courier"),
			choice("assignment", "Transfer of the agreement", []Option{
				opt("consent", "Neither party without the other's consent"),
				opt("group", "Within a corporate group without consent, otherwise with consent"),
			}, "Whether either side can hand the agreement to another company.").required().def("consent"),
			longText("additional_terms", "Additional terms",
				"Optional: anything the parties agreed that the form does not cover, in your own words. It prints as a clause of its own near the end of the agreement.").since(2),
			choice("additional_terms_priority", "If the additional terms conflict with the rest", []Option{
				opt("prevail", "The additional terms win"),
				opt("subject", "The rest of the agreement wins"),
			}, "Whether your own additional terms override the standard clauses where the two disagree. Choose that they win only for terms you have written carefully; if left blank, the rest of the agreement wins.").def("subject").since(2),
		},
		Elements: []Element{
			element("liability", "Limitation of liability", "liability_cap_months", "liability_cap_floor", "liability_cap_basis", "exclude_indirect", "data_breach_cap_multiple", "uncapped"),
			element("indemnities", "Indemnities", "indemnities", "indemnity_cap"),
			element("warranties", "Warranties", "warranties"),
			element("insurance", "Insurance", "insurance_liability", "insurance_professional", "insurance_cyber", "insurance_employers"),
			element("ip", "Intellectual property", "customer_owns", "provider_tools_licence"),
			element("subcontracting", "Subcontracting", "subcontracting"),
			element("audit", "Audit and records", "records_years", "audit_days"),
			element("continuity", "Business continuity", "recovery_hours", "continuity_tests"),
			element("force_majeure", "Force majeure", "force_majeure_days"),
			element("boilerplate", "Notices, assignment and standard terms", "notice_methods", "assignment"),
		},
	}
}
