package agreement

import (
	"fmt"
	"strings"
	"testing"

	"pactwright/app/answers"
	"pactwright/app/credits"
	"pactwright/app/draft"
	"pactwright/app/money"
	"pactwright/app/template"
	"pactwright/render"
)

// scheduleRow is the one row of Schedule 1 as the composed agreement prints
// it, by column heading.
func scheduleRow(t *testing.T, e *Engine, d draft.Draft) map[string]string {
	t.Helper()
	doc, err := e.Document(d)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range doc.Sections {
		if s.Key != credits.KeySchedule {
			continue
		}
		for _, b := range s.Blocks {
			if b.Kind == render.TableBlock && len(b.Table.Rows) == 1 {
				row := map[string]string{}
				for i, c := range b.Table.Columns {
					row[c] = b.Table.Rows[0][i]
				}
				return row
			}
		}
	}
	t.Fatal("Schedule 1 has no one-row table of service levels")
	return nil
}

// TestCalculatorAgreesWithSchedule1 composes an agreement for every measure
// in every unit, reads the target as Schedule 1 prints it ("at most …" or
// "at least …"), and checks that the calculator judges figures on either
// side of the target the way those printed words say, with the printed
// credit, and calls a month a material breach exactly beyond the printed
// severe-miss level.
func TestCalculatorAgreesWithSchedule1(t *testing.T) {
	e := engine(t)
	tpl := e.Template()
	field, _ := tpl.Field("sla_metrics")
	var units []string
	for _, c := range field.Columns {
		if c.ID == "unit" {
			for _, o := range c.Options {
				units = append(units, o.ID)
			}
		}
	}
	charges := money.MustParse("10000.00")
	for _, m := range template.Metrics() {
		for _, unit := range units {
			t.Run(m.ID+"/"+unit, func(t *testing.T) {
				d := draft.Example(tpl)
				d.Answers["sla_metrics"] = answers.Value{Rows: []answers.Row{{"metric": m.ID, "target": "40", "unit": unit, "window": "monthly", "credit": "3", "severe": "20"}}}
				if m.LowerIsBetter() {
					d.Answers["sla_metrics"].Rows[0]["severe"] = "60"
				}
				printed := scheduleRow(t, e, d)
				rules, _, err := e.CreditRules(d)
				if err != nil {
					t.Fatal(err)
				}
				ms := rules.Measures[0]
				target := printed["Target"]
				if target != ms.TargetText {
					t.Errorf("Schedule 1 prints the target %q, the calculator applies %q", target, ms.TargetText)
				}
				if severe := printed["Critical: severe miss (material breach)"]; severe != ms.SevereText {
					t.Errorf("Schedule 1 prints the severe-miss level %q, the calculator applies %q", severe, ms.SevereText)
				}
				if credit := printed["Credit if missed (% of the month's Charges)"]; credit != "3%" {
					t.Errorf("Schedule 1 prints the credit %q", credit)
				}
				// What the printed words promise, worked out from the words alone.
				ceiling := strings.HasPrefix(target, "at most ")
				if !ceiling && !strings.HasPrefix(target, "at least ") {
					t.Fatalf("Schedule 1's target %q says neither at most nor at least", target)
				}
				cases := []struct {
					figure       string
					met, breach  bool
					creditAmount string
				}{
					{"40", true, false, "0.00"},
					{"39", ceiling, false, map[bool]string{true: "0.00", false: "300.00"}[ceiling]},
					{"41", !ceiling, false, map[bool]string{true: "300.00", false: "0.00"}[ceiling]},
					{"19", ceiling, !ceiling, map[bool]string{true: "0.00", false: "300.00"}[ceiling]},
					{"61", !ceiling, ceiling, map[bool]string{true: "300.00", false: "0.00"}[ceiling]},
				}
				for _, c := range cases {
					month := credits.Month{Charges: charges, Figures: map[string]money.Decimal{m.ID: money.MustParse(c.figure)}}
					res, err := credits.Calculate(rules, []credits.Month{month})
					if err != nil {
						t.Fatal(err)
					}
					l := res.Last().Lines[0]
					if l.Met != c.met || l.SevereMiss != c.breach || l.Credit.String() != c.creditAmount {
						t.Errorf("figure %s against %q (severe %q): met %v, material breach %v, credit %s; the schedule's words give %v, %v, %s",
							c.figure, target, ms.SevereText, l.Met, l.SevereMiss, l.Credit, c.met, c.breach, c.creditAmount)
					}
				}
			})
		}
	}
}

// TestCreditStatementPDF renders the statement for a month with misses and
// reads it back: the amounts, the cap and the clause numbers the agreement
// itself prints.
func TestCreditStatementPDF(t *testing.T) {
	e := engine(t)
	d := draft.Example(e.Template())
	months, err := credits.ReadCSV(strings.NewReader("metric,value\ncharges,42000.00\nservice_level,76%\nabandonment,6%\nasa,70\nfcr,80\nresolution_time,30\nqa_score,90\ncsat,90\nemail_response,12\n"))
	if err != nil {
		t.Fatal(err)
	}
	res, p, err := e.Credits(d, months)
	if err != nil {
		t.Fatal(err)
	}
	composed, err := e.composer.Compose(d)
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := e.CreditStatementPDF(res, p)
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, pdf)
	for _, want := range []string{
		"Service credit statement", "Brightside Home Goods Ltd", "Northpoint Contact Solutions Ltd",
		"at least 80% within 20 seconds", "76%", "2,100.00 (5%)", "1,680.00 (4%)", "840.00 (2%)",
		"Credits for the missed service levels: £4,620.00",
		fmt.Sprintf("%s caps the credits in a month at 10%% of that month's Charges, £4,200.00, so £4,200.00 is due", template.Capitalise(composed.Numbers[credits.KeyServiceCredits])),
		"So deduct £4,200.00 from the next invoice.",
		"judged against the service levels in " + composed.Numbers[credits.KeySchedule],
		"No chronic failure under " + composed.Numbers[credits.KeyChronic],
		"In the 1 month of figures given within the last 6",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("statement lacks %q:\n%s", want, text)
		}
	}
	if n := strings.Count(pageText(t, pdf), "\f"); n != 1 {
		t.Errorf("statement has %d pages; want one", n)
	}
}
