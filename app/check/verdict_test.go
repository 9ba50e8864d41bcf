package check

import "testing"

// TestVerdictCounts: the verdict counts and names what is left to read,
// in the singular and the plural; app/cli asserts it on real drafts.
func TestVerdictCounts(t *testing.T) {
	high := Finding{Severity: High, Field: "agents", Message: "h", Accepted: "kept"}
	med := Finding{Severity: Medium, Field: "tupe", Message: "m"}
	low := Finding{Severity: Low, Field: "renewal", Message: "l"}
	for _, c := range []struct {
		findings []Finding
		want     string
	}{
		{nil, "Ready for signature."},
		{[]Finding{med}, "Ready for signature: nothing blocks it, but read the 1 finding above (1 MEDIUM) before you sign."},
		{[]Finding{med, low, med}, "Ready for signature: nothing blocks it, but read the 3 findings above (2 MEDIUM, 1 LOW) before you sign."},
		{[]Finding{high, high}, "Ready for signature with 2 accepted HIGH risks (see above)."},
		{[]Finding{low, high}, "Ready for signature with 1 accepted HIGH risk (see above); also read the 1 other finding (1 LOW) before you sign."},
		{[]Finding{{Severity: High, Field: "agents", Message: "h"}}, "Not yet ready for signature: 1 high-risk finding is neither fixed nor accepted."},
	} {
		if got := (Report{Findings: c.findings}).Verdict(); got != c.want {
			t.Errorf("%+v:\n got %q\nwant %q", c.findings, got, c.want)
		}
	}
}
