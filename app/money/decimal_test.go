package money

import (
	"errors"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	cases := []struct {
		in   string
		want string
		err  error
	}{
		{"1250", "1250", nil},
		{"1,250.50", "1250.50", nil},
		{"  0.1 ", "0.1", nil},
		{"-3.25", "-3.25", nil},
		{"+7", "7", nil},
		{".5", "0.5", nil},
		{"", "", ErrEmpty},
		{"abc", "", ErrSyntax},
		{"1.2.3", "", ErrSyntax},
		{"12,34", "", ErrSyntax},
		{"1e5", "", ErrSyntax},
		{".", "", ErrSyntax},
		{"-", "", ErrSyntax},
		{"99999999999999999999", "", ErrTooLarge},
		{"1.1234567", "", ErrTooFine},
	}
	for _, c := range cases {
		got, err := Parse(c.in)
		if !errors.Is(err, c.err) {
			t.Errorf("Parse(%q) error = %v, want %v", c.in, err, c.err)
			continue
		}
		if err == nil && got.String() != c.want {
			t.Errorf("Parse(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}

func TestSyntaxErrorSaysWhatIsWrong(t *testing.T) {
	cases := map[string]string{
		"22.5O":  "is not a number: it has the letter O where a zero (0) belongs",
		"1l0":    "is not a number: it has the letter l where a one (1) belongs",
		"£12":    `is not a number: the sign £ cannot be part of a number`,
		"1.2.3":  "is not a number: it has more than one decimal point",
		"12,34":  "is not a number: commas may only separate thousands, like 1,250,000",
		".":      "is not a number (use digits",
		"12 000": `is not a number: a space cannot be part of a number`,
		"12t":    `is not a number: the letter t cannot be part of a number`,
	}
	for in, want := range cases {
		_, err := Parse(in)
		if err == nil || !errors.Is(err, ErrSyntax) || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("Parse(%q) error = %v, want one starting %q", in, err, want)
		}
	}
}

func TestExactArithmeticOrder(t *testing.T) {
	// 0.1 + 0.2 style traps: comparisons across scales must be exact.
	if MustParse("0.30").Cmp(MustParse("0.3")) != 0 {
		t.Error("0.30 and 0.3 should compare equal")
	}
	if MustParse("20.000001").Cmp(MustParse("20")) != 1 {
		t.Error("20.000001 should be greater than 20")
	}
	if MustParse("-1").Sign() != -1 || FromInt(0).Sign() != 0 {
		t.Error("Sign is wrong")
	}
	if !MustParse("3.00").IsWhole() || MustParse("3.5").IsWhole() {
		t.Error("IsWhole is wrong")
	}
}

func TestGrouped(t *testing.T) {
	cases := map[string]string{
		"1250":      "1,250.00",
		"5000000":   "5,000,000.00",
		"24.5":      "24.50",
		"-1234.567": "-1,234.567",
		"0":         "0.00",
		"999":       "999.00",
	}
	for in, want := range cases {
		if got := MustParse(in).Grouped(2); got != want {
			t.Errorf("Grouped(%s) = %s, want %s", in, got, want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"1", "1,000.25", "-0.5", "abc", "1e9", ".", ",,"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse(s)
		if err != nil {
			return
		}
		// Whatever parses must print back to something that parses to the same value.
		again, err := Parse(d.String())
		if err != nil || again.Cmp(d) != 0 {
			t.Fatalf("round trip of %q: %s -> %v %v", s, d, again, err)
		}
	})
}
