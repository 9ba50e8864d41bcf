package credits

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode"

	"pactwright/app/money"
	"pactwright/app/template"
)

// Month is one month's measured performance, as the provider reports it.
type Month struct {
	Period  string                   // "2027-03"; "" when only one month is given
	Charges money.Decimal            // the month's charges, the base of every credit
	Figures map[string]money.Decimal // measured figure by metric id; a metric left out was not reported
	charged bool                     // the charges row was read (charges may be zero)
}

// ChargesKey is the row of a month's CSV that holds the month's charges.
const ChargesKey = "charges"

// ReadCSV reads months from CSV with a header naming the columns "metric"
// and "value", and optionally "month" (YYYY-MM) for several months. A metric
// is named by its id ("abandonment") or its label in the agreement
// ("Abandoned calls"); the row "charges" gives the month's charges. Values
// may carry a "%" sign, a unit word or thousands separators, as a
// provider's report pasted into a spreadsheet does. Months come back in
// calendar order.
func ReadCSV(r io.Reader) ([]Month, error) {
	cr := csv.NewReader(&sizeLimit{r: r, left: MaxCSVBytes})
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err == io.EOF {
		return nil, errors.New("the figures file is empty: it needs a header line with the columns metric and value")
	}
	if err != nil {
		return nil, fmt.Errorf("figures file: %w", err)
	}
	header = slices.Clone(header)
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF")))] = i
	}
	metricCol, okM := col["metric"]
	valueCol, okV := col["value"]
	monthCol, hasMonth := col["month"]
	if !okM || !okV {
		return nil, fmt.Errorf("figures file, line 1: the header must name the columns metric and value (found %s)", clipQuote(strings.Join(header, ",")))
	}
	byPeriod := map[string]*Month{}
	var order []string
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("figures file: %w", err)
		}
		if line-1 > MaxCSVRows {
			return nil, fmt.Errorf("figures file: more than %d rows of figures; a statement needs a row per measure for each month, so split the file", MaxCSVRows)
		}
		if err := checkRecord(rec, len(header), valueCol); err != nil {
			return nil, fmt.Errorf("figures file, line %d: %w", line, err)
		}
		cell := func(i int) string {
			if i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		name, value := cell(metricCol), cell(valueCol)
		if name == "" && value == "" {
			continue
		}
		period := ""
		if hasMonth {
			if period, err = parsePeriod(cell(monthCol)); err != nil {
				return nil, fmt.Errorf("figures file, line %d, month: %w", line, err)
			}
		}
		m := byPeriod[period]
		if m == nil {
			m = &Month{Period: period, Figures: map[string]money.Decimal{}}
			byPeriod[period] = m
			order = append(order, period)
		}
		if err := m.set(name, value); err != nil {
			return nil, fmt.Errorf("figures file, line %d: %w", line, err)
		}
	}
	if len(order) == 0 {
		return nil, errors.New("the figures file has a header but no figures")
	}
	slices.Sort(order)
	var months []Month
	for _, p := range order {
		m := *byPeriod[p]
		if !m.charged {
			return nil, fmt.Errorf("figures file: %s has no charges row: add a line %q with the month's invoiced charges, the base of every credit", m.name(), ChargesKey+",42000.00")
		}
		months = append(months, m)
	}
	return months, nil
}

func (m *Month) name() string { return monthName(m.Period) }

// set records one figure, refusing a metric given twice.
func (m *Month) set(name, value string) error {
	id, ok := metricID(name)
	if !ok {
		return fmt.Errorf("%s is not a measure: use %s or one of %s", clipQuote(name), ChargesKey, strings.Join(metricIDs(), ", "))
	}
	num, err := ParseFigure(value)
	if err != nil {
		return fmt.Errorf("%s: %s %v", name, clipQuote(value), err)
	}
	if num.Sign() < 0 {
		return fmt.Errorf("%s: %s is negative; a measured figure or charge cannot be", name, clipQuote(value))
	}
	if id == ChargesKey && num.Scale() > pennies {
		return fmt.Errorf("%s: %s has more than %d decimal places; charges are money, to the penny", name, clipQuote(value), pennies)
	}
	if id == ChargesKey {
		if err := checkCharges(m.Period, num); err != nil {
			return err
		}
		if m.charged {
			return fmt.Errorf("%s gives the charges twice", m.name())
		}
		m.Charges, m.charged = num, true
		return nil
	}
	if _, dup := m.Figures[id]; dup {
		return fmt.Errorf("%s gives %s twice", m.name(), name)
	}
	m.Figures[id] = num
	return nil
}

// ParseFigure reads a figure as a provider's report or a person writes it:
// "76", "76%", "76 %", "32 seconds", "£42,000.00", "42 000.00". Spaces
// between digits are thousands separators; only a trailing word of letters
// (a unit) is dropped, and anything else left over is an error, so
// "42 000.00" can never be read as 42. The window and the CSV reader both
// use it, so a figure that works in one works in the other.
func ParseFigure(s string) (money.Decimal, error) {
	s = strings.TrimSpace(s)
	s = strings.TrimLeft(s, "£$€")
	if i := strings.LastIndexByte(s, ' '); i > 0 && isWord(s[i+1:]) {
		s = strings.TrimSpace(s[:i]) // a unit word after the number
	}
	s = strings.TrimSpace(strings.TrimSuffix(s, "%"))
	s = strings.ReplaceAll(s, " ", "")
	return money.Parse(s)
}

// isWord reports whether w is letters only, like "seconds" or "hours".
func isWord(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

func parsePeriod(s string) (string, error) {
	t, err := time.Parse("2006-01", s)
	if err != nil {
		return "", fmt.Errorf("%q is not a month written YYYY-MM, like 2027-03", s)
	}
	return t.Format("2006-01"), nil
}

func metricID(name string) (string, bool) {
	n := strings.ToLower(strings.TrimSpace(name))
	if n == ChargesKey {
		return ChargesKey, true
	}
	for _, m := range template.Metrics() {
		if n == m.ID || n == strings.ToLower(m.Label) {
			return m.ID, true
		}
	}
	return "", false
}

func metricIDs() []string {
	var ids []string
	for _, m := range template.Metrics() {
		ids = append(ids, m.ID)
	}
	return ids
}

// index numbers a period by calendar month so windows can be counted. A
// single month may go without a period (it is position i); several months
// each need theirs, or the window could not be told.
func (m Month) index(i, of int) (int, error) {
	if m.Period == "" && of == 1 {
		return i, nil
	}
	t, err := time.Parse("2006-01", m.Period)
	if err != nil {
		if m.Period == "" {
			return 0, errors.New("with several months, each needs its month (YYYY-MM) so the chronic-failure window can be counted")
		}
		return 0, fmt.Errorf("month %q is not written YYYY-MM, like 2027-03", m.Period)
	}
	return t.Year()*12 + int(t.Month()) - 1, nil
}
