package check

import (
	"pactwright/app/answers"
	"pactwright/app/jurisdiction"
	"pactwright/app/template"
)

// Rules about terms that do not fit the place: the law chosen, the country
// where the agents work and where the data may go. What each place expects
// lives in app/jurisdiction; these rules only compare the answers with it.

func dataLocationFitsDelivery(v view) []Finding {
	if !v.is("personal_data", answers.Yes) || !v.visible("delivery_country") {
		return nil
	}
	p := v.place()
	site := p.Site
	switch {
	case v.is("data_location", "same_country") && p.Abroad():
		return one(High, "data_location", "Customer data must stay in your country, but the agents work in %s: they cannot serve your customers without seeing the data. Allow transfers with safeguards, or keep the work at home.", p.SiteName())
	case v.is("data_location", "uk_eea") && site.Region != jurisdiction.UK && site.Region != jurisdiction.EU:
		return one(High, "data_location", "Customer data must stay in the UK or the European Economic Area, but the agents work in %s: the two terms cannot both be kept.", p.SiteName())
	}
	return nil
}

func offshoreFitsDelivery(v view) []Finding {
	if v.is("offshore", "onshore_only") && v.visible("delivery_country") && v.place().Abroad() {
		return one(Medium, "offshore", "Work may not leave the country, but the agents work in %s: say where the work really happens, or change this term.", v.place().SiteName())
	}
	return nil
}

func currencyFitsLaw(v view) []Finding {
	law := v.place().Law
	cur := v.value("rate").Unit
	if law.Currency == "" || cur == "" || !v.visible("rate") || cur == law.Currency {
		return nil
	}
	return one(Low, "rate", "The charges are in %s but the agreement is under the law of a place that contracts in %s: fine if intended, but a court there may give judgment in its own currency, so exchange-rate moves fall on someone.", cur, law.Currency)
}

func mediatorFitsLaw(v view) []Finding {
	if !v.visible("mediation_provider") || !v.has("mediation_provider") {
		return nil
	}
	if v.place().Law.MediatorFits(v.text("mediation_provider")) {
		return nil
	}
	return one(Low, "mediation_provider", "%s is not a mediation service usually used under the law chosen: a local service is cheaper and its mediators know that law.", v.display("mediation_provider"))
}

func timeZoneFitsLaw(v view) []Finding {
	if !v.visible("time_zone") {
		return nil
	}
	// The clock of the Customer's own country says more; one finding is enough.
	if hoursInCustomersClock(v) != nil {
		return nil
	}
	law := v.place().Law
	if fits, known := law.ZoneFits(v.text("time_zone")); known && !fits {
		return one(Low, "time_zone", "The opening hours run on %q, which is not the time zone of the governing law's place (%s): check that the hours are meant in that clock, where the agents and callers are.", v.text("time_zone"), law.NoticeTime)
	}
	return nil
}

func agentForService(v view) []Finding {
	if !v.is("final_forum", "courts") || !v.visible("delivery_country") || v.has("process_agent") {
		return nil
	}
	if !v.place().Abroad() {
		return nil
	}
	// A provider registered where the claim is brought (the courts of the
	// governing law) can be served at its registered office there.
	if c, ok := template.CountryNamedIn(v.text("provider_incorporated") + " " + v.text("provider_address")); ok && (c == lawCountry(v.text("governing_law")) || c == v.text("customer_country")) {
		return nil
	}
	return one(Medium, "process_agent", "The agents work in %s but claims go to %s: name an agent there to receive court papers for the Provider, or starting a claim against it may take months.", v.place().SiteName(), v.text("courts"))
}

// transferInstrumentToSign: for agents abroad the agreement commits the
// Customer to sign the transfer instrument itself and to assess the
// transfer, and the instrument is not attached; no personal data may flow,
// so the Services cannot go live, until that is done.
func transferInstrumentToSign(v view) []Finding {
	p := v.place()
	instrument := p.TransferMechanism()
	if instrument == "" || !v.is("personal_data", answers.Yes) || !v.visible("delivery_country") {
		return nil
	}
	importer := "the Provider"
	if v.visible("site_operator") && v.text("site_operator") != "" {
		importer = "the Site Operator"
	}
	unless := ""
	if framework := p.TransferFramework(); framework != "" {
		unless = " (unless " + importer + " shows it is certified under " + framework + ")"
	}
	return one(Medium, "delivery_country", "Before any personal data goes to %s, you must sign %s with %s%s, filled in from Schedule 4, and carry out a transfer risk assessment; this agreement does not attach that document. Prepare and sign it well before the Start Date: until it is signed no personal data may be sent, so the Services cannot go live.", p.SiteName(), instrument, importer, unless)
}
