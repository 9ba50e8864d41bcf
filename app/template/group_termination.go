package template

import "pactwright/app/answers"

func termination() Group {
	return Group{
		ID:    "termination",
		Name:  "Termination & Transition",
		Intro: "How the agreement can end, and how the work moves smoothly to you or a new provider.",
		Fields: []Field{
			number("breach_cure_days", "Time to put right a serious breach", "days", 1, 120,
				"Before ending the agreement for a serious breach, the other side gets this long to fix it after written notice. 30 days is common.").required().def("30").market("30", "30", Provider),
			multiChoice("termination_rights", "Other reasons to end the agreement", []Option{
				opt("insolvency", "The other party becomes insolvent"),
				opt("chronic_failure", "Chronic service level failure (Customer)"),
				opt("change_of_control", "The Provider is taken over by another company (Customer)"),
				opt("prolonged_force_majeure", "Force majeure lasting too long (either party)"),
			}, "Events that let a party end the agreement straight away by notice.").required().defItems("insolvency", "chronic_failure", "change_of_control", "prolonged_force_majeure"),
			choice("convenience", "Ending without a reason", []Option{
				opt("customer_only", "The Customer may end it on notice"),
				opt("either", "Either party may end it on notice"),
				opt("none", "Neither party may"),
			}, "Lets you leave even if nothing has gone wrong, for example if your business changes. Providers usually ask for a long notice period or a fee.").required().def("customer_only"),
			duration("convenience_notice", "Notice to end without a reason", dayUnits(), 1, 730,
				"How much notice must be given. 90 to 180 days is typical. It should be at least as long as the exit assistance period, so the handover can finish.").required().defUnit("180", "days").when("convenience", "customer_only", "either").market("90", "180", Provider),
			choice("convenience_fee", "Fee for ending without a reason", []Option{
				opt("none", "No fee"),
				opt("reasonable_costs", "Only the Provider's reasonable, proven costs"),
			}, "Proven costs are, for example, redundancy pay for staff who worked on your account. Limiting any fee to them avoids paying for profit the provider would have made.").required().def("reasonable_costs").when("convenience", "customer_only", "either"),
			duration("exit_period", "Exit assistance period", monthUnits(), 1, 24,
				"How long the provider keeps helping after notice is given, while the work moves to you or a new provider. 3 to 12 months is usual; keep it no longer than your notice periods, so the handover can finish before the service stops.").required().defUnit("3", "months").market("3", "12", Customer),
			choice("exit_charges", "Charges for exit assistance", []Option{
				opt("current_rates", "At the rates in this agreement"),
				opt("included", "Included at no extra charge"),
			}, "Service continues at the same levels during exit; this says how the extra handover work is paid for.").required().def("current_rates"),
			number("exit_plan_days", "Exit plan agreed within", "days of the start date", 1, 365,
				"A written plan for handing the work back, agreed early while relations are good.").required().def("90"),
			table("exit_items", "What is handed back at exit", []Column{
				col("item", "Item", Text, 3),
				col("format", "Form", Text, 2),
				col("days", "Within (days)", Number, 1),
			}, "Everything the provider must hand back, in what form and how quickly after the end.").required().minRows(1).defRows(
				answers.Row{"item": "Customer Data and contact history", "format": "CSV with field notes: full copy before, update on the day", "days": "0"},
				answers.Row{"item": "Call recordings", "format": "Standard audio files with an index", "days": "30"},
				answers.Row{"item": "Scripts and knowledge base", "format": "Editable documents", "days": "0"},
				answers.Row{"item": "Telephone numbers, call routing and menu set-up, chat and email accounts", "format": "Ported by the Customer's date, settings documented", "days": "0"},
				answers.Row{"item": "Equipment owned by the Customer", "format": "Returned in working order", "days": "30"},
				answers.Row{"item": "Knowledge transfer to the new provider", "format": "Workshops and shadowing, done by then", "days": "0"},
			),
			yesNo("tupe", "Staff transfer rules (TUPE) addressed",
				"Where the agents work in the UK (or under the EU equivalent, in an EU country), agents who mainly work on your account may transfer automatically to you or a new provider when the work moves, whatever law governs the agreement. Say yes to include terms that share the resulting costs fairly.").required().defYes().when("delivery_country", StaffTransferCountries()...),
			yesNo("non_solicit", "No poaching of staff",
				"Optional: neither side hires the other's key staff during the agreement and for a while after. General job adverts are allowed.").defYes(),
			number("non_solicit_months", "No poaching after the end for", "months", 1, 60,
				"12 months is common; courts may not enforce more than 24.").required().def("12").when("non_solicit", "yes").market("6", "12", Provider),
		},
		Elements: []Element{
			element("breach", "Termination for breach", "breach_cure_days"),
			element("other_rights", "Insolvency, chronic failure and change of control", "termination_rights"),
			element("convenience", "Termination without a reason", "convenience", "convenience_notice", "convenience_fee"),
			element("exit", "Exit assistance", "exit_period", "exit_charges", "exit_plan_days"),
			element("handback", "Hand-back at exit", "exit_items"),
			element("tupe", "Transfer of staff", "tupe").when("delivery_country", StaffTransferCountries()...),
			element("non_solicit", "Non-solicitation of staff", "non_solicit", "non_solicit_months"),
		},
	}
}

// StaffTransferCountries are the delivery countries whose law moves staff
// with the work when a service changes hands (TUPE, the Acquired Rights
// Directive). It follows where staff work, not the governing law.
func StaffTransferCountries() []string { return []string{"uk", "ireland", "eu"} }
