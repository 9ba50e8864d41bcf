package money

import "testing"

func TestPercentOf(t *testing.T) {
	cases := []struct{ p, amount, want string }{
		{"5", "42000.00", "2100.00"},
		{"2.5", "1000", "25.00"},
		{"10", "333.33", "33.33"},
		{"1", "0.50", "0.01"}, // 0.005 rounds up
		{"1", "0.49", "0.00"}, // 0.0049 rounds down
		{"0", "1000", "0.00"},
		{"12.5", "999999999.99", "125000000.00"},
	}
	for _, c := range cases {
		got := MustParse(c.p).PercentOf(MustParse(c.amount), 2)
		if got.String() != c.want {
			t.Errorf("%s%% of %s = %s, want %s", c.p, c.amount, got, c.want)
		}
	}
	if got := MustParse("100.50").Sub(MustParse("0.75")).String(); got != "99.75" {
		t.Errorf("Sub = %s", got)
	}
	if got := Min(MustParse("3"), MustParse("2.5")).String(); got != "2.5" {
		t.Errorf("Min = %s", got)
	}
}
