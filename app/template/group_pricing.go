package template

import "pactwright/app/answers"

func pricingAndPayment() Group {
	return Group{
		ID:    "pricing",
		Name:  "Pricing & Payment",
		Intro: "What you pay, for what, when the invoice is due and what happens if it is late.",
		Fields: []Field{
			choice("pricing_model", "How the service is charged", []Option{
				opt("per_agent_hour", "Per agent hour worked"),
				opt("per_fte_month", "Per full-time agent per month"),
				opt("per_minute", "Per minute of handling time"),
				opt("per_contact", "Per call or contact handled"),
				opt("fixed_monthly", "Fixed monthly fee"),
				opt("hybrid", "A fixed fee plus a rate per contact"),
			}, "Per agent hour is the most common. Per contact suits uneven volumes; a fixed fee suits steady, predictable work.").required().def("per_agent_hour"),
			moneyField("fixed_fee", "Fixed monthly fee",
				"The fixed part of a hybrid price: what you pay each month whatever the volume, excluding tax. The main rate below is then charged per contact on top of it.").required().defUnit("8000.00", "GBP").when("pricing_model", "hybrid").since(3),
			moneyField("rate", "Main rate",
				"The price for one unit of the charging model above, excluding tax, for example 24.50 per agent hour. For a fixed monthly fee, the fee itself; for a hybrid price, the rate per contact.").required().defUnit("24.50", "GBP"),
			moneyField("setup_fee", "One-off set-up fee",
				"Charged once for recruiting, building the systems link and launching. Enter 0 if there is none.").required().defUnit("5000.00", "GBP"),
			moneyField("training_fee", "Training fee per new agent",
				"What each newly trained agent costs, if you pay for training. Enter 0 if training is included.").required().defUnit("450.00", "GBP"),
			moneyField("overage_rate", "Rate above the forecast volume",
				"The price for work above the agreed forecast, often a little higher because it needs overtime.").required().defUnit("28.00", "GBP"),
			percent("minimum_commitment", "Minimum charge, as % of forecast",
				"If volumes fall short, you still pay for this share of the forecast, because the provider hired staff for it. 90% is common; 0 means no minimum.").required().def("90").market("80", "90", Provider),
			table("additional_services", "Price list for additional services", []Column{
				col("service", "Service", Text, 3),
				col("price", "Price", Decimal, 1),
				col("basis", "Charged", Text, 2),
			}, "Optional extras with their prices, in the same currency as the main rate, so nobody argues about them later.").defRows(
				answers.Row{"service": "Cover outside the hours of operation", "price": "32.00", "basis": "per agent hour, instead of other Charges for that time"},
				answers.Row{"service": "Each additional language", "price": "3.50", "basis": "per agent hour in that language, on top of other Charges"},
				answers.Row{"service": "Custom report", "price": "250.00", "basis": "per report"},
			),
			choice("invoicing", "When invoices are sent", []Option{
				opt("monthly_arrears", "Monthly, after the month's work, with the volume figures"),
				opt("monthly_advance", "Monthly, in advance"),
			}, "Invoicing after the month, with the supporting volume data, lets you check the bill against the service report.").required().def("monthly_arrears"),
			number("payment_days", "Days to pay an invoice", "days", 0, 180,
				"How long you have to pay after receiving an invoice. 30 days is the most common.").required().def("30").market("30", "45", Customer),
			choice("late_interest_basis", "Interest on late payment", []Option{
				opt("monthly_rate", "A monthly rate"),
				opt("statutory", "The statutory rate (UK: 8% a year above the Bank of England base rate)"),
				opt("none", "No interest"),
			}, "What the provider may charge on overdue invoices.").required().def("monthly_rate"),
			percent("late_interest_rate", "Monthly interest rate",
				"Interest per month on overdue amounts, capped at the highest rate the law allows. 1% to 1.5% a month is common.").required().def("1").when("late_interest_basis", "monthly_rate").market("1", "1.5", Provider),
			number("suspension_days", "Services may be suspended after", "days overdue", 14, 365,
				"How long an undisputed invoice must be overdue, after a written warning, before the provider may suspend the services.").required().def("60"),
			number("dispute_notice_days", "Time to dispute an invoice", "days", 5, 120,
				"How long you have to tell the provider in writing that you dispute part of an invoice. You still pay the undisputed part on time.").required().def("30").market("14", "30", Customer),
			yesNo("price_review", "Yearly price review",
				"Optional: lets prices rise each year with inflation, up to a cap.").defYes(),
			text("price_index", "Inflation index used",
				"The published index that price increases follow.").required().def("Consumer Prices Index (CPI) published by the Office for National Statistics").when("price_review", "yes"),
			percent("price_cap", "Largest yearly increase",
				"Prices never rise by more than this in one year, whatever inflation does.").required().def("5").when("price_review", "yes"),
			yesNo("prices_exclude_tax", "Prices exclude VAT or sales tax",
				"Contract prices are normally stated without tax; tax is added to invoices at the rate in force.").required().defYes(),
		},
		Elements: []Element{
			element("model", "Pricing model and rates", "pricing_model", "fixed_fee", "rate", "setup_fee", "training_fee", "overage_rate", "minimum_commitment"),
			element("extras", "Additional services price list", "additional_services"),
			element("invoicing", "Invoicing and payment terms", "invoicing", "payment_days"),
			element("late", "Late payment", "late_interest_basis", "late_interest_rate", "suspension_days"),
			element("disputed", "Disputed invoices", "dispute_notice_days"),
			element("review", "Price review", "price_review", "price_index", "price_cap"),
			element("tax", "Taxes", "prices_exclude_tax"),
		},
	}
}
