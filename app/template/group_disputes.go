package template

import "pactwright/app/answers"

// SeatCountries names the country of each arbitration seat and governing law,
// so findings can spot a seat abroad.
func seatCountries() []Option {
	return []Option{
		opt("uk", "United Kingdom"), opt("ireland", "Ireland"), opt("us", "United States"),
		opt("australia", "Australia"), opt("singapore", "Singapore"), opt("france", "France"),
		opt("switzerland", "Switzerland"), opt("other", "Another country"),
	}
}

func disputes() Group {
	return Group{
		ID:    "disputes",
		Name:  "Dispute Resolution",
		Intro: "How disagreements are settled, starting with a conversation and ending, if need be, with a court or an arbitrator.",
		Fields: []Field{
			table("escalation_ladder", "Escalation steps", []Column{
				col("level", "Step", Text, 1),
				col("who", "Who meets", Text, 3),
				col("days", "Time to settle (Business Days)", Number, 1.5),
			}, "A dispute first goes to the people closest to it, then to more senior people, each with a time limit, before anyone goes to mediation or court.").required().minRows(1).defRows(
				answers.Row{"level": "1", "who": "The two relationship managers", "days": "5"},
				answers.Row{"level": "2", "who": "A director of each party (the owner, if an individual)", "days": "10"},
			),
			number("invoice_dispute_days", "Invoice disputes settled within", "business days", 1, 60,
				"Disputed invoices follow a short process of their own between the finance contacts, before the steps above.").required().def("10"),
			yesNo("mediation", "Try mediation first",
				"Optional: a neutral mediator helps both sides reach a deal. It is cheaper and quicker than court, and nothing is binding unless both agree.").defYes(),
			choice("mediation_provider", "Mediation service", []Option{
				opt("cedr", "CEDR (UK)"), opt("aaa", "American Arbitration Association"), opt("jams", "JAMS (US)"), opt("other", "Another service agreed at the time"),
			}, "The organisation that appoints the mediator and runs the process.").required().def("cedr").when("mediation", "yes"),
			choice("final_forum", "Final decision made by", []Option{
				opt("courts", "The courts"), opt("arbitration", "Arbitration"),
			}, "Courts are public and allow appeals; arbitration is private and final, but can cost more.").required().def("courts"),
			text("courts", "Which courts",
				"The courts that hear any claim, usually in the governing law's country or state.").required().def("the courts of England and Wales").when("final_forum", "courts"),
			text("process_agent", "Provider's agent to receive court papers",
				"Optional: if the Provider has no office in the country of the courts, name a person or firm there who may receive court papers for it (an agent for service of process). Without one, starting a claim against a provider abroad can take months.").when("final_forum", "courts").since(2),
			choice("arbitration_rules", "Arbitration rules", []Option{
				opt("lcia", "LCIA Rules"), opt("icc", "ICC Rules"), opt("aaa", "AAA Commercial Arbitration Rules"),
				opt("jams", "JAMS Comprehensive Rules"), opt("siac", "SIAC Rules"),
			}, "The rulebook that governs the arbitration.").required().def("lcia").when("final_forum", "arbitration"),
			text("arbitration_seat", "Seat of arbitration (city)",
				"The city whose courts supervise the arbitration, for example London or New York.").required().def("London").when("final_forum", "arbitration"),
			choice("arbitration_country", "Country of the seat", seatCountries(),
				"The country the seat is in. A seat abroad adds cost and uncertainty.").required().def("uk").when("final_forum", "arbitration"),
			choice("arbitrators", "Number of arbitrators", []Option{
				opt("one", "A sole arbitrator"), opt("three", "Three arbitrators"),
			}, "One arbitrator is cheaper and quicker; three suit very large disputes. Arbitration rules expect one or three, never two.").required().def("one").when("final_forum", "arbitration"),
			text("arbitration_language", "Language of arbitration",
				"The language of the hearing and the documents.").required().def("English").when("final_forum", "arbitration"),
			yesNo("urgent_relief", "Urgent court orders still allowed",
				"Either side may still ask a court for an urgent order (for example to stop a data leak) without waiting for the steps above.").required().defYes(),
			yesNo("keep_performing", "Keep working during a dispute",
				"Both sides keep performing the agreement while a dispute is being settled, so your customers are not affected.").required().defYes(),
		},
		Elements: []Element{
			element("ladder", "Escalation ladder", "escalation_ladder"),
			element("invoices", "Invoice disputes", "invoice_dispute_days"),
			element("mediation", "Mediation", "mediation", "mediation_provider"),
			element("forum", "Courts or arbitration", "final_forum", "courts", "arbitration_rules", "arbitration_seat", "arbitration_country", "arbitrators", "arbitration_language"),
			element("continuity", "Urgent relief and continued performance", "urgent_relief", "keep_performing"),
		},
	}
}
