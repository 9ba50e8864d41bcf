package template

// The rules below are how Schedule 1 reads a target, and the service-credit
// calculator reads the targets through the same functions, so the statement
// a customer sends can never judge a month differently from the contract.

// Bound is how Schedule 1 states a target: "at most" for a ceiling (times
// and failure rates), "at least" for a floor.
func (m Metric) Bound() string {
	if m.LowerIsBetter() {
		return "at most"
	}
	return "at least"
}

// Figure writes a service level figure with its unit as Schedule 1 prints
// it: "80% within 20 seconds" for the service level (answerTime is the
// answer time as printed), "5%" for other percentages, "30 seconds", "24 hours of operation" for a
// time counted only while the service is open.
func Figure(metricID, unit, value, answerTime string) string {
	switch {
	case value == "":
		return value
	case metricID == "service_level":
		return Percentage(value) + " within " + answerTime
	case unit == "percent":
		return Percentage(value)
	case unit == "hours":
		if m, ok := MetricByID(metricID); ok && m.OperatingHours {
			return Quantity(value, unit) + " of operation"
		}
	}
	return Quantity(value, unit)
}
