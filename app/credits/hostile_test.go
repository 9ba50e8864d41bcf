package credits

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"pactwright/app/money"
)

// TestFiguresFileLimits: a file too large, too many rows, or a cell too
// long is refused with a short message naming the limit.
func TestFiguresFileLimits(t *testing.T) {
	blank := "," + strings.Repeat(" ", 120) + "," + strings.Repeat(" ", 120) + "\n"
	for name, c := range map[string]struct{ csv, want string }{
		"a million rows": {millionRows(), "more than 20000 rows"},
		"5 MB of blanks": {"metric,value\n" + strings.Repeat(blank, 20_000), "larger than 4 MB"},
		"a 1 MB cell":    {"metric,value\ncharges," + strings.Repeat("9", 1<<20) + "\n", "more than the 200 a name or figure needs"},
		"a long name":    {"metric,value\n" + strings.Repeat("x", 150) + ",1\n", "(cut; 150 characters in all)"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := ReadCSV(strings.NewReader(c.csv))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want %q", clipQuote(fmt.Sprint(err)), c.want)
			}
			if n := len(err.Error()); n > 400 {
				t.Errorf("the message is %d characters long", n)
			}
		})
	}
}

// TestThousandsSeparatorsReadWholeOrRefused: an unquoted 42,000.00 is
// refused, never read as 42; quoted, it is read whole.
func TestThousandsSeparatorsReadWholeOrRefused(t *testing.T) {
	_, err := ReadCSV(strings.NewReader("metric,value\ncharges,42,000.00\n"))
	if err == nil || !strings.Contains(err.Error(), "line 2: the value has a comma that splits it into cells") {
		t.Errorf("unquoted: %v", err)
	}
	months, err := ReadCSV(strings.NewReader("metric,value\ncharges,\"42,000.00\"\n"))
	if err != nil || months[0].Charges.String() != "42000.00" {
		t.Errorf("quoted: %v, %v", months, err)
	}
}

// TestImpossibleFiguresRefused: a percentage over 100 and charges that
// would overflow a window's total are refused; a negative time already is.
func TestImpossibleFiguresRefused(t *testing.T) {
	r := rules(t, nil)
	_, err := Calculate(r, []Month{with(allMet("2027-01"), map[string]string{"service_level": "182"})})
	if err == nil || !strings.Contains(err.Error(), "Calls answered within the answer time is 182%, but a percentage cannot be over 100") {
		t.Errorf("182%%: %v", err)
	}
	var year []Month
	for m := 1; m <= 12; m++ {
		absurd := allMet(fmt.Sprintf("2027-%02d", m))
		absurd.Charges = money.MustParse("999999999999.99")
		year = append(year, absurd)
	}
	res, err := Calculate(r, year)
	if err == nil || !strings.Contains(err.Error(), "beyond any real agreement") {
		t.Errorf("absurd charges: %v (chronic failure %q)", err, lastChronic(res))
	}
	_, err = ReadCSV(strings.NewReader("metric,value\ncharges,100\nasa,-5 seconds\n"))
	if err == nil || !strings.Contains(err.Error(), "is negative") {
		t.Errorf("negative time: %v", err)
	}
}

func lastChronic(r Result) []string {
	if len(r.Months) == 0 {
		return nil
	}
	return r.Last().ChronicFailure
}

// TestMeasureNotInAgreementReported: a figure for a measure the agreement
// does not have is named in the month's summary, not dropped in silence.
func TestMeasureNotInAgreementReported(t *testing.T) {
	r := rules(t, nil)
	if slices.ContainsFunc(r.Measures, func(m Measure) bool { return m.ID == "availability" }) {
		t.Fatal("the default agreement measures availability; pick another measure for this test")
	}
	res, err := Calculate(r, []Month{with(allMet("2027-01"), map[string]string{"availability": "97"})})
	if err != nil {
		t.Fatal(err)
	}
	want := "Not used: the figures give Platform availability, which this agreement does not measure."
	if got := r.Summary(res.Last()); !slices.Contains(got, want) {
		t.Errorf("summary = %q, want %q", got, want)
	}
}

// millionRows is a figures file of a million rows, each a different
// measure or month, so nothing but its size is wrong.
func millionRows() string {
	var b strings.Builder
	b.WriteString("month,metric,value\n")
	ids := append([]string{ChargesKey}, metricIDs()...)
	for i := range 1_000_000 {
		fmt.Fprintf(&b, "%04d-%02d,%s,1\n", 1900+i/len(ids)/12, i/len(ids)%12+1, ids[i%len(ids)])
	}
	return b.String()
}

// BenchmarkRefuseMillionRows: a million-row figures file is refused after
// reading its first 20,000 rows.
func BenchmarkRefuseMillionRows(b *testing.B) {
	data := millionRows()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadCSV(strings.NewReader(data)); err == nil {
			b.Fatal("accepted")
		}
	}
}
