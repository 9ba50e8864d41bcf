package template

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"pactwright/app/answers"
	"pactwright/app/money"
)

// DateLayout is how dates are stored and typed.
const DateLayout = "2006-01-02"

// Currencies returns the currency codes amounts may be stated in; a fresh
// slice each call, so no caller can change the list for another.
func Currencies() []string {
	return []string{"GBP", "USD", "EUR", "AUD", "CAD", "NZD", "ZAR", "INR", "SGD"}
}

// Validate checks one answer against the field's kind and limits. The error
// reads well after the field's label: "Initial term: <error>".
// A blank value is valid here; whether it is required is Check's business.
func (f *Field) Validate(v answers.Value) error {
	if v.IsBlank() {
		return nil
	}
	k, ok := kindOf(f.Kind)
	if !ok {
		return fmt.Errorf("has a kind the app does not know (%q)", f.Kind)
	}
	return k.validate(f, v, strings.TrimSpace(v.Text))
}

// wholeNumber parses a whole number, accepting thousands separators.
func wholeNumber(text string) (int64, error) {
	n, err := strconv.ParseInt(strings.ReplaceAll(text, ",", ""), 10, 64)
	if err != nil {
		if d, derr := money.Parse(text); derr == nil && !d.IsWhole() {
			return 0, fmt.Errorf("%q should be a whole number, without decimals", text)
		}
		return 0, fmt.Errorf("%q is not a whole number", text)
	}
	return n, nil
}

// unitsPerBase converts a duration unit to the base unit its limits are
// written in (the field's first unit): a year is 12 months. A business day
// counts as a day, which is all a sanity limit needs.
func unitsPerBase(unit string) int64 {
	if unit == "years" {
		return 12
	}
	return 1
}

// checkRange applies the field's limits to n, given in units of which
// `scale` make one base unit; the message states the limit in base units.
func (f *Field) checkRange(n, scale int64, baseUnit string) error {
	limit := func(x int64) string { return Quantity(strconv.FormatInt(x, 10), baseUnit) }
	switch {
	case f.Min != nil && n < (*f.Min+scale-1)/scale:
		return fmt.Errorf("%d is too small: it must be at least %s", n, limit(*f.Min))
	case f.Max != nil && n > *f.Max/scale:
		return fmt.Errorf("%d is too large: it can be at most %s", n, limit(*f.Max))
	}
	return nil
}

func validatePercent(text string) error {
	d, err := money.Parse(strings.TrimSuffix(text, "%"))
	if err != nil {
		return fmt.Errorf("percentage %q %w", text, err)
	}
	if d.Sign() < 0 || d.Cmp(money.FromInt(100)) > 0 {
		return fmt.Errorf("percentage %s must be between 0 and 100", text)
	}
	return nil
}

func (f *Field) validateRows(rows []answers.Row) error {
	for i, row := range rows {
		if row.IsBlank() {
			continue
		}
		for _, c := range f.Columns {
			cell := strings.TrimSpace(row[c.ID])
			if cell == "" {
				if c.Required {
					return fmt.Errorf("row %d: %s is empty", i+1, c.Label)
				}
				continue
			}
			if err := c.ValidateInRow(cell, row); err != nil {
				return fmt.Errorf("row %d: %s %w", i+1, c.Label, err)
			}
		}
		for k := range row {
			if !f.hasColumn(k) {
				return fmt.Errorf("row %d has an unknown column %q", i+1, k)
			}
		}
	}
	return nil
}

func (f *Field) hasColumn(id string) bool {
	return slices.ContainsFunc(f.Columns, func(c Column) bool { return c.ID == id })
}

// ValidateInRow checks one table cell against its column kind and against
// the unit its row gives it (a target in percent is at most 100). The
// form marks the cell with it; the table's own validation uses it too.
func (c Column) ValidateInRow(cell string, row answers.Row) error {
	if err := c.ValidateCell(cell); err != nil {
		return err
	}
	if c.UnitFrom != "" && row[c.UnitFrom] == "percent" {
		return validatePercent(cell)
	}
	return nil
}

// ValidateCell checks one table cell against its column kind.
func (c Column) ValidateCell(cell string) error {
	switch c.Kind {
	case Decimal:
		d, err := money.Parse(cell)
		if err != nil {
			return fmt.Errorf("%q %w", cell, err)
		}
		if d.Sign() < 0 {
			return fmt.Errorf("%s cannot be negative", cell)
		}
	case Number:
		n, err := strconv.ParseInt(cell, 10, 64)
		if err != nil || n < 0 {
			return fmt.Errorf("%q is not a whole number of zero or more", cell)
		}
	case Percent:
		if err := validatePercent(cell); err != nil {
			return err
		}
	case Choice:
		if !HasOption(c.Options, cell) {
			return fmt.Errorf("%q is not one of the choices offered", cell)
		}
	}
	return nil
}

// NumberValue returns a Number or Duration field's whole number, if valid.
func (f *Field) NumberValue(v answers.Value) (int64, bool) {
	if f.Kind != Number && f.Kind != Duration {
		return 0, false
	}
	n, err := wholeNumber(strings.TrimSpace(v.Text))
	return n, err == nil && f.Validate(v) == nil
}

func validCurrency(code string) bool { return slices.Contains(Currencies(), code) }

// Dates outside these bounds are typing slips, not contract dates.
var (
	earliestDate = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	latestDate   = time.Date(2200, 12, 31, 0, 0, 0, 0, time.UTC)
)

// ParseDate reads a year-month-day date and explains in plain words what is
// wrong with one that is not a real date: "30 February 2027 does not exist".
func ParseDate(text string) (time.Time, error) {
	d, err := time.Parse(DateLayout, text)
	if err != nil {
		var y, m, day int
		if n, _ := fmt.Sscanf(text, "%4d-%2d-%2d", &y, &m, &day); n == 3 && len(text) == len(DateLayout) {
			if m >= 1 && m <= 12 && day >= 1 {
				return time.Time{}, fmt.Errorf("%d %s %d does not exist", day, time.Month(m), y)
			}
			if m < 1 || m > 12 {
				return time.Time{}, fmt.Errorf("%q has no month %d: months run from 01 to 12", text, m)
			}
		}
		return time.Time{}, fmt.Errorf("%q is not a date: use year-month-day, like 2026-03-31", text)
	}
	if d.Before(earliestDate) || d.After(latestDate) {
		return time.Time{}, fmt.Errorf("%s is not a sensible date for an agreement: use a date between 1900 and 2200", d.Format("2 January 2006"))
	}
	return d, nil
}
