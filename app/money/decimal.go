// Package money holds exact decimal numbers for amounts and percentages.
//
// Contract amounts must never pass through float64: 0.1 + 0.2 is not 0.3 in
// binary floating point, and a payment schedule that is off by a penny is a
// dispute. A Decimal is an integer count of 10^-scale units.
package money

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
)

// MaxScale is the most decimal places a Decimal keeps. Contract figures
// never need more; limiting it keeps arithmetic in int64.
const MaxScale = 6

// maxUnits bounds the integer part so that rescaling to MaxScale cannot
// overflow int64 (10^12 * 10^6 < 9.2 * 10^18).
const maxUnits = 1_000_000_000_000

// Decimal is an exact decimal number: Units / 10^Scale.
type Decimal struct {
	units int64
	scale int
}

// Errors returned by Parse, worded for a non-lawyer reading them beside a field.
var (
	ErrEmpty    = errors.New("is empty")
	ErrSyntax   = errors.New("is not a number")
	ErrTooLarge = errors.New("is too large to be a realistic figure")
	ErrTooFine  = fmt.Errorf("has more than %d decimal places", MaxScale)
)

// Parse reads a plain decimal such as "1250", "-3.5" or "1,250.00".
// Thousands separators (commas) are accepted because people type them.
func Parse(s string) (Decimal, error) {
	s = strings.TrimSpace(s)
	text := s
	if s == "" {
		return Decimal{}, ErrEmpty
	}
	neg := false
	switch s[0] {
	case '-':
		neg, s = true, s[1:]
	case '+':
		s = s[1:]
	}
	intPart, fracPart, hasPoint := strings.Cut(s, ".")
	if hasPoint && fracPart == "" && intPart == "" {
		return Decimal{}, syntaxError(text)
	}
	intPart, ok := stripThousands(intPart)
	if !ok || (intPart == "" && fracPart == "") {
		return Decimal{}, syntaxError(text)
	}
	if len(fracPart) > MaxScale {
		return Decimal{}, ErrTooFine
	}
	var units int64
	for _, r := range intPart {
		if r < '0' || r > '9' {
			return Decimal{}, syntaxError(text)
		}
		units = units*10 + int64(r-'0')
		if units >= maxUnits {
			return Decimal{}, ErrTooLarge
		}
	}
	for _, r := range fracPart {
		if r < '0' || r > '9' {
			return Decimal{}, syntaxError(text)
		}
		units = units*10 + int64(r-'0')
	}
	if neg {
		units = -units
	}
	return Decimal{units: units, scale: len(fracPart)}, nil
}

// syntaxError says what keeps text from being a number, in the words
// someone who typed it needs: "22.5O" has the letter O for a zero.
func syntaxError(text string) error {
	const how = "use digits, with an optional decimal point, like 1250.50"
	why := ""
	for _, r := range text {
		switch {
		case r == 'O' || r == 'o':
			why = "it has the letter O where a zero (0) belongs"
		case r == 'l' || r == 'I':
			why = fmt.Sprintf("it has the letter %c where a one (1) belongs", r)
		case (r < '0' || r > '9') && !strings.ContainsRune(".,+-", r):
			why = characterName(r) + " cannot be part of a number"
		}
		if why != "" {
			break
		}
	}
	switch {
	case why != "":
	case strings.Count(text, ".") > 1:
		why = "it has more than one decimal point"
	case strings.Contains(text, ","):
		why = "commas may only separate thousands, like 1,250,000"
	default:
		return fmt.Errorf("%w (%s)", ErrSyntax, how)
	}
	return fmt.Errorf("%w: %s (%s)", ErrSyntax, why, how)
}

// characterName names r in words, for someone who typed it: "the letter
// t", "a space", "the sign £", rather than Go's quoted rune ('t').
func characterName(r rune) string {
	switch {
	case unicode.IsLetter(r):
		return fmt.Sprintf("the letter %c", r)
	case unicode.IsSpace(r):
		return "a space"
	case unicode.IsDigit(r):
		return fmt.Sprintf("the digit %c", r)
	case unicode.IsPrint(r):
		return fmt.Sprintf("the sign %c", r)
	}
	return fmt.Sprintf("an invisible character (U+%04X)", r)
}

// stripThousands removes commas that sit every three digits ("1,250,000").
// Commas anywhere else mean the text is not a number.
func stripThousands(s string) (string, bool) {
	if !strings.Contains(s, ",") {
		return s, true
	}
	groups := strings.Split(s, ",")
	if len(groups[0]) == 0 || len(groups[0]) > 3 {
		return "", false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return "", false
		}
	}
	return strings.Join(groups, ""), true
}

// MustParse is for literals in tests and defaults only.
func MustParse(s string) Decimal {
	d, err := Parse(s)
	if err != nil {
		panic(fmt.Sprintf("money.MustParse(%q): %v", s, err))
	}
	return d
}

// FromInt makes a whole-number Decimal.
func FromInt(n int64) Decimal { return Decimal{units: n} }

// rescale returns the units at a larger scale.
func (d Decimal) rescale(scale int) int64 {
	u := d.units
	for s := d.scale; s < scale; s++ {
		u *= 10
	}
	return u
}

// Cmp compares d and e: -1, 0 or +1.
func (d Decimal) Cmp(e Decimal) int {
	scale := max(d.scale, e.scale)
	a, b := d.rescale(scale), e.rescale(scale)
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// MulInt multiplies by a whole number, exactly.
func (d Decimal) MulInt(n int64) Decimal { return Decimal{units: d.units * n, scale: d.scale} }

// Add returns d + e, exactly.
func (d Decimal) Add(e Decimal) Decimal {
	scale := max(d.scale, e.scale)
	return Decimal{units: d.rescale(scale) + e.rescale(scale), scale: scale}
}

// Sign is -1, 0 or +1.
func (d Decimal) Sign() int { return d.Cmp(Decimal{}) }

// IsWhole reports whether d has no fractional part.
func (d Decimal) IsWhole() bool {
	p := int64(1)
	for range d.scale {
		p *= 10
	}
	return d.units%p == 0
}

// String gives the canonical plain form, keeping the scale: "1250.50".
func (d Decimal) String() string {
	neg := d.units < 0
	u := d.units
	if neg {
		u = -u
	}
	digits := fmt.Sprintf("%0*d", d.scale+1, u)
	cut := len(digits) - d.scale
	out := digits[:cut]
	if d.scale > 0 {
		out += "." + digits[cut:]
	}
	if neg {
		out = "-" + out
	}
	return out
}

// Grouped formats with thousands separators and at least minScale decimal
// places, as amounts are printed in a contract: "1,250.00".
func (d Decimal) Grouped(minScale int) string {
	if d.scale < minScale && minScale <= MaxScale {
		d = Decimal{units: d.rescale(minScale), scale: minScale}
	}
	s := d.String()
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if hasFrac {
		b.WriteString("." + frac)
	}
	return sign + b.String()
}

// MarshalText keeps JSON exact: amounts travel as strings.
func (d Decimal) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText parses the canonical form.
func (d *Decimal) UnmarshalText(b []byte) error {
	v, err := Parse(string(b))
	if err != nil {
		return fmt.Errorf("decimal %q %w", b, err)
	}
	*d = v
	return nil
}
