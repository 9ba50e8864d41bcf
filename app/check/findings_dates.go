package check

// noticeLongerThanTerm warns when a notice period is as long as the term
// it belongs to: notice to stop renewal that long must be given before the
// agreement even starts, and notice to end without a reason that long
// cannot end it before the term does.
func noticeLongerThanTerm(v view) []Finding {
	term, ok := v.days("initial_term")
	if !ok || term <= 0 {
		return nil
	}
	var out []Finding
	if n, ok := v.days("non_renewal_notice"); ok && n >= term {
		out = append(out, one(High, "non_renewal_notice",
			"The notice to stop renewal (%s) is as long as the initial term (%s) or longer: it would have to be given before the agreement starts, so the agreement could never be stopped from renewing.",
			v.display("non_renewal_notice"), v.display("initial_term"))...)
	}
	if n, ok := v.days("convenience_notice"); ok && n >= term {
		out = append(out, one(Medium, "convenience_notice",
			"The notice to end without a reason (%s) is as long as the initial term (%s) or longer: notice given at any point cannot end the agreement before the term does.",
			v.display("convenience_notice"), v.display("initial_term"))...)
	}
	return out
}

// automaticRenewal: an agreement that renews itself binds the Customer for
// another period when nobody acts in time, and small businesses routinely
// miss the last day for notice.
func automaticRenewal(v view) []Finding {
	if !v.is("renewal", "automatic") || !v.visible("non_renewal_notice") || !v.visible("renewal_period") {
		return nil
	}
	return one(Low, "non_renewal_notice",
		"The agreement renews itself for %s at a time unless a party gives notice at least %s before the end of the initial term or of a renewal: note the last day for that notice in your diary now, or you are bound for another %s.",
		v.display("renewal_period"), v.display("non_renewal_notice"), v.display("renewal_period"))
}
