package template

// Channels lists the ways customers reach the call centre.
func channels() []Option {
	return []Option{
		opt("inbound_voice", "Inbound phone calls"),
		opt("outbound_voice", "Outbound phone calls"),
		opt("email", "Email"),
		opt("chat", "Web chat"),
		opt("sms", "Text messages (SMS)"),
		opt("social", "Social media messages"),
	}
}

func whoOptions() []Option {
	return []Option{opt("customer", "The Customer"), opt("provider", "The Provider"), opt("shared", "Shared equally")}
}

func scopeOfServices() Group {
	return Group{
		ID:    "scope",
		Name:  "Scope of Services",
		Intro: "What the provider does for you, when, with how many people and with whose tools.",
		Fields: []Field{
			multiChoice("channels", "Contact channels", channels(),
				"Every way your customers will reach the provider's agents. Outbound calling brings extra legal rules, covered below.").required().defItems("inbound_voice", "email"),
			longText("services_description", "What the agents do",
				"Describe the work in everyday words: who calls, why, and what the agent should achieve. This becomes the core description of the service.").required().
				def("Answering enquiries from the Customer's customers about orders, deliveries, returns, refunds and accounts; updating records in the Customer's systems; and passing on anything the agents cannot resolve."),
			longText("call_types", "Types of contact handled",
				"List the main reasons people contact you. Anything not listed is outside the agreement unless added through change control.").required().
				def("Order status; delivery problems; returns and refunds; product questions; account and password help; complaints."),
			text("languages", "Languages",
				"Languages the agents must speak fluently. Each extra language usually costs more.").required().def("English"),
			text("hours_days", "Days of operation",
				"Which days the service is open.").required().def("Monday to Friday"),
			text("hours_times", "Opening hours",
				"Opening and closing times on those days, for example \"08:00 to 20:00\".").required().def("08:00 to 20:00"),
			text("time_zone", "Time zone",
				"The clock that opening hours and service level measurements use.").required().def("UK time (GMT/BST)"),
			yesNo("holiday_cover", "Open on public holidays",
				"Say yes if the service must stay open on public holidays. Providers often charge more for these days.").required().defNo(),
			duration("hours_change_notice", "Notice to change opening hours", dayUnits(), 1, 180,
				"How much warning you must give to change the opening hours, so the provider can adjust rotas.").required().defUnit("30", "days"),
			choice("staffing_model", "Dedicated or shared agents", []Option{
				opt("dedicated", "Dedicated: agents work only for the Customer"),
				opt("shared", "Shared: agents also serve other clients"),
			}, "Dedicated agents know your business better; shared agents are cheaper for low or uneven volumes.").required().def("dedicated"),
			number("agents", "Number of agents", "full-time agents", 1, 100000,
				"How many full-time equivalent agents the provider will staff at the start. It can change later with your forecasts.").required().def("10"),
			text("delivery_sites", "Where the work is done",
				"The provider's site or sites, by town and address, for example \"Clyde Gateway, Glasgow\". Moving the work elsewhere should need your consent.").required(),
			choice("delivery_country", "Country where the agents work", DeliveryCountries(),
				"Where the agents, and so your customers' data, will be. It decides the staff transfer rules, the legal route for sending personal data there and the local data law the provider must meet.").required().def("uk").since(2),
			text("site_operator", "Company employing the agents, if not the Provider",
				"Optional: the company that runs the site and employs the agents when it is not the Provider itself, often the provider's local subsidiary abroad. Give its legal name, where it is registered and its address. It then becomes a party to the data terms through the Provider. Leave blank if the Provider employs the agents itself: the agreement then forbids handing the work to another company without your consent.").since(3),
			choice("offshore", "Work outside the country", []Option{
				opt("onshore_only", "Not allowed: all work stays in the country"),
				opt("with_consent", "Allowed only with the Customer's written consent"),
				opt("allowed", "Allowed"),
			}, "Whether agents or data may be located abroad. This matters for data protection and for your customers' experience.").required().def("with_consent"),
			duration("forecast_horizon", "Forecast period", monthUnits(), 1, 24,
				"How far ahead you tell the provider how many contacts to expect. Three rolling months is usual.").required().defUnit("3", "months"),
			choice("forecast_frequency", "How often forecasts are updated", []Option{
				opt("weekly", "Weekly"), opt("monthly", "Monthly"),
			}, "The provider plans staff rotas from your forecast, so a stale forecast means long queues.").required().def("monthly"),
			number("training_days", "Initial training per agent", "days", 0, 90,
				"Days of training each new agent receives before taking live contacts.").required().def("5"),
			choice("training_paid_by", "Who pays for training", whoOptions(),
				"Who bears the cost of initial and ongoing training. Customers often pay for the initial launch; the provider pays to replace staff who leave.").required().def("customer"),
			choice("scripts_by", "Who writes scripts and the knowledge base", []Option{
				opt("customer", "The Customer"), opt("provider", "The Provider, for the Customer's approval"), opt("jointly", "Both, working together"),
			}, "Scripts and knowledge articles tell agents what to say. Whoever writes them, the Customer owns them (see General Terms).").required().def("jointly"),
			choice("technology", "Whose phone and customer systems", []Option{
				opt("provider_platform", "The Provider's telephony, with access to the Customer's systems"),
				opt("customer_platform", "The Customer's telephony and systems"),
				opt("mixed", "A mix, as described below"),
			}, "Who supplies the phone platform and the systems agents use. If your own systems go down, the provider is not blamed for the missed targets.").required().def("provider_platform"),
			text("systems", "Systems the agents use",
				"Name the customer-relationship, order or ticketing systems the agents need.").required().def("the Customer's order management and customer records systems"),
			number("change_response_days", "Time to answer a change request", "business days", 1, 60,
				"When either party asks to change the services, the other replies with the effect on price and service within this time. Nothing changes until both sign.").required().def("10"),
			longText("customer_responsibilities", "What the Customer must provide",
				"Everything the provider needs from you to do the job. If you fail to provide it, the provider is excused from the targets it affects.").required().
				def("Volume forecasts as this agreement provides; access to the Customer's systems; product information and policy updates in good time; a named contact for escalations."),
			yesNo("urgent_escalation", "Urgent calls passed to the Customer",
				"Some calls (threats, safety issues, press enquiries) must reach you quickly. Say yes to set a time limit for passing them on.").required().defYes(),
			number("urgent_escalation_minutes", "Time to pass on an urgent call", "minutes", 1, 1440,
				"The longest the provider may take to pass an urgent matter to the Customer's contact.").required().def("3").when("urgent_escalation", "yes"),
			longText("complaint_handling", "How complaints are handled",
				"Optional: how agents log complaints and when they are handed to the Customer.").
				def("Agents log every complaint the same day and pass any they cannot resolve to the Customer within one Business Day."),
			yesNo("outbound_compliance", "Provider follows telemarketing rules",
				"For outbound calls, the provider must follow the rules on marketing calls (in the US, the TCPA and the Telemarketing Sales Rule; in the UK, Ofcom and PECR rules) and screen every number against do-not-call lists.").required().defYes().when("channels", "outbound_voice"),
			text("outbound_hours", "Permitted calling hours",
				"The hours in which outbound calls may be made, in the called person's local time. The law sets outer limits (in the US, 8am to 9pm).").required().def("09:00 to 20:00 on weekdays, 10:00 to 17:00 on Saturdays").when("channels", "outbound_voice"),
		},
		Elements: []Element{
			element("services", "Channels and services", "channels", "services_description", "call_types", "languages"),
			element("hours", "Hours of operation", "hours_days", "hours_times", "time_zone", "holiday_cover", "hours_change_notice"),
			element("staffing", "Staffing and sites", "staffing_model", "agents", "delivery_sites", "delivery_country", "site_operator", "offshore"),
			element("forecasting", "Forecasting", "forecast_horizon", "forecast_frequency"),
			element("training", "Training, scripts and technology", "training_days", "training_paid_by", "scripts_by", "technology", "systems"),
			element("change", "Change control", "change_response_days"),
			element("dependencies", "Customer responsibilities", "customer_responsibilities"),
			element("escalation", "Complaints and urgent escalation", "urgent_escalation", "urgent_escalation_minutes", "complaint_handling"),
			element("outbound", "Outbound calling compliance", "outbound_compliance", "outbound_hours").when("channels", "outbound_voice"),
		},
	}
}

// DeliveryCountries are the places the wording has rules for; each has a
// row in app/jurisdiction (a test there checks it).
func DeliveryCountries() []Option { return Countries() }

// Countries are the places the jurisdiction table knows, for where the
// Customer is established and where the agents work.
func Countries() []Option {
	return []Option{
		opt("uk", "United Kingdom"), opt("ireland", "Ireland"), opt("eu", "Another EU or EEA country"), opt("us", "United States"),
		opt("australia", "Australia"), opt("philippines", "Philippines"), opt("india", "India"), opt("south_africa", "South Africa"),
		opt("other", "Another country"),
	}
}
