package template

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/mail"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"pactwright/app/answers"
	"pactwright/app/money"
)

// kind is everything a field kind means in the core, in one place: how an
// answer is validated, how it reads, and its JSON shape. The form's widget
// for each kind lives in forms (which alone may import Fyne), keyed by the
// same Kind; FieldKinds lets each side's tests prove no kind lacks a part,
// so an unhandled kind can never fall back to plain text unnoticed.
type kind struct {
	validate func(f *Field, v answers.Value, text string) error
	display  func(f *Field, v answers.Value, text string, lower bool, last string) string
	encode   func(v answers.Value) any
	decode   func(f *Field, raw json.RawMessage) (answers.Value, error)
}

// FieldKinds lists every kind a field may have (Decimal is for table
// columns only).
func FieldKinds() []Kind {
	return []Kind{Text, LongText, Number, Percent, Money, Duration, Date, Choice, MultiChoice, YesNo, Table}
}

func kindOf(k Kind) (kind, bool) {
	switch k {
	case Text, LongText:
		return textKind, true
	case Number:
		return numberKind, true
	case Percent:
		return percentKind, true
	case Money:
		return moneyKind, true
	case Duration:
		return durationKind, true
	case Date:
		return dateKind, true
	case Choice:
		return choiceKind, true
	case MultiChoice:
		return multiChoiceKind, true
	case YesNo:
		return yesNoKind, true
	case Table:
		return tableKind, true
	}
	return kind{}, false
}

// HasBehaviour reports whether k has every part (validate, display, JSON).
func HasBehaviour(k Kind) bool {
	b, ok := kindOf(k)
	return ok && b.validate != nil && b.display != nil && b.encode != nil && b.decode != nil
}

func plainText(_ *Field, _ answers.Value, text string, _ bool, _ string) string { return text }
func encodeText(v answers.Value) any                                            { return v.Text }

func decodeText(_ *Field, raw json.RawMessage) (answers.Value, error) {
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return answers.Value{}, errors.New("expected text in quotes")
	}
	return answers.Value{Text: s}, nil
}

func decodeNumber(_ *Field, raw json.RawMessage) (answers.Value, error) {
	s, err := scalar(raw, "a number")
	return answers.Value{Text: s}, err
}

var textKind = kind{
	validate: func(f *Field, _ answers.Value, text string) error {
		if err := f.checkLimit(text); err != nil {
			return err
		}
		if f.Format == "email" {
			if _, err := mail.ParseAddress(text); err != nil || !strings.Contains(text, "@") || strings.ContainsAny(text, "<> ") {
				return fmt.Errorf("%q is not an email address (it should look like name@example.com)", text)
			}
		}
		return checkClockTimes(text)
	},
	display: plainText, encode: encodeText, decode: decodeText,
}

// clockRange is a span of clock times as people type one: "08:00 to
// 20:00", "8:30-17:30".
var clockRange = regexp.MustCompile(`\b(\d{1,2}:\d{2})\s*(?:to|until|till|-|–)\s*(\d{1,2}:\d{2})\b`)

// checkClockTimes refuses a text holding a span of times of day that do
// not exist ("25:00 to 99:99" as opening hours): a slip the agreement
// would print as it stands. Only spans are read, so a ratio ("50:50")
// stays text; 24:00, midnight at the end of a day, is a time.
func checkClockTimes(text string) error {
	for _, m := range clockRange.FindAllStringSubmatch(text, -1) {
		for _, hm := range m[1:] {
			h, _ := strconv.Atoi(hm[:strings.IndexByte(hm, ':')])
			min, _ := strconv.Atoi(hm[strings.IndexByte(hm, ':')+1:])
			if h > 24 || min > 59 || (h == 24 && min > 0) {
				return fmt.Errorf("%s is not a time of day: times run from 00:00 to 24:00", hm)
			}
		}
	}
	return nil
}

var numberKind = kind{
	validate: func(f *Field, _ answers.Value, text string) error {
		n, err := wholeNumber(text)
		if err != nil {
			return err
		}
		return f.checkRange(n, 1, f.Unit)
	},
	display: func(f *Field, _ answers.Value, text string, _ bool, _ string) string { return Quantity(text, f.Unit) },
	encode:  encodeText, decode: decodeNumber,
}

var percentKind = kind{
	validate: func(_ *Field, _ answers.Value, text string) error { return validatePercent(text) },
	display:  func(_ *Field, _ answers.Value, text string, _ bool, _ string) string { return Percentage(text) },
	encode:   encodeText, decode: decodeNumber,
}

var moneyKind = kind{
	validate: func(_ *Field, v answers.Value, text string) error {
		d, err := money.Parse(text)
		if err != nil {
			return fmt.Errorf("amount %q %w", text, err)
		}
		if d.Sign() < 0 {
			return fmt.Errorf("amount %s cannot be negative", text)
		}
		if !d.IsWhole() && len(strings.SplitN(d.String(), ".", 2)[1]) > 2 {
			return fmt.Errorf("amount %s has more than two decimal places", text)
		}
		switch {
		case strings.TrimSpace(v.Unit) == "":
			return fmt.Errorf("needs a currency: choose one of %s", strings.Join(Currencies(), ", "))
		case !validCurrency(v.Unit):
			return fmt.Errorf("cannot be in %s, which is not a currency offered: choose one of %s", v.Unit, strings.Join(Currencies(), ", "))
		}
		return nil
	},
	display: func(_ *Field, v answers.Value, text string, _ bool, _ string) string { return Amount(text, v.Unit) },
	encode:  func(v answers.Value) any { return map[string]string{"amount": v.Text, "currency": v.Unit} },
	decode: func(_ *Field, raw json.RawMessage) (answers.Value, error) {
		return decodePair(raw, "amount", "currency", `an object like {"amount": "1250.00", "currency": "GBP"}`)
	},
}

var durationKind = kind{
	validate: func(f *Field, v answers.Value, text string) error {
		n, err := wholeNumber(text)
		if err != nil {
			return err
		}
		if !slices.Contains(f.Units, v.Unit) {
			return fmt.Errorf("unit %q should be one of %s", v.Unit, strings.Join(f.Units, ", "))
		}
		return f.checkRange(n, unitsPerBase(v.Unit), f.Units[0])
	},
	display: func(_ *Field, v answers.Value, text string, _ bool, _ string) string { return Quantity(text, v.Unit) },
	encode:  func(v answers.Value) any { return map[string]string{"value": v.Text, "unit": v.Unit} },
	decode: func(_ *Field, raw json.RawMessage) (answers.Value, error) {
		return decodePair(raw, "value", "unit", `an object like {"value": "30", "unit": "days"}`)
	},
}

var dateKind = kind{
	validate: func(_ *Field, _ answers.Value, text string) error { _, err := ParseDate(text); return err },
	display: func(_ *Field, _ answers.Value, text string, _ bool, _ string) string {
		if d, err := ParseDate(text); err == nil {
			return d.Format("2 January 2006")
		}
		return text
	},
	encode: encodeText, decode: decodeText,
}

var choiceKind = kind{
	validate: func(f *Field, _ answers.Value, text string) error {
		if !HasOption(f.Options, text) {
			return fmt.Errorf("%q is not one of the choices offered", text)
		}
		return nil
	},
	display: func(f *Field, _ answers.Value, text string, lower bool, _ string) string {
		return caseOf(OptionLabel(f.Options, text), lower)
	},
	encode: encodeText, decode: decodeText,
}

var multiChoiceKind = kind{
	validate: func(f *Field, v answers.Value, _ string) error {
		for _, item := range v.Items {
			if !HasOption(f.Options, item) {
				return fmt.Errorf("%q is not one of the choices offered", item)
			}
		}
		return nil
	},
	display: func(f *Field, v answers.Value, _ string, lower bool, last string) string {
		labels := make([]string, 0, len(v.Items))
		for _, item := range v.Items {
			labels = append(labels, caseOf(OptionLabel(f.Options, item), lower))
		}
		return joinWith(labels, last)
	},
	encode: func(v answers.Value) any {
		if v.Items == nil {
			return []string{}
		}
		return v.Items
	},
	decode: func(_ *Field, raw json.RawMessage) (answers.Value, error) {
		var items []string
		if err := json.Unmarshal(raw, &items); err != nil {
			return answers.Value{}, errors.New("expected a list of choices, like [\"email\", \"chat\"]")
		}
		return answers.Value{Items: items}, nil
	},
}

var yesNoKind = kind{
	validate: func(_ *Field, _ answers.Value, text string) error {
		if text != answers.Yes && text != answers.No {
			return fmt.Errorf("%q should be yes or no", text)
		}
		return nil
	},
	display: func(_ *Field, _ answers.Value, text string, _ bool, _ string) string {
		switch text {
		case answers.Yes:
			return "Yes"
		case answers.No:
			return "No"
		}
		return text
	},
	encode: func(v answers.Value) any {
		if v.Text == answers.Yes || v.Text == answers.No {
			return v.Text == answers.Yes
		}
		return v.Text
	},
	decode: func(_ *Field, raw json.RawMessage) (answers.Value, error) {
		var b bool
		if err := json.Unmarshal(raw, &b); err != nil {
			return answers.Value{}, errors.New("expected true or false")
		}
		if b {
			return answers.Value{Text: answers.Yes}, nil
		}
		return answers.Value{Text: answers.No}, nil
	},
}

var tableKind = kind{
	validate: func(f *Field, v answers.Value, _ string) error { return f.validateRows(v.Rows) },
	display: func(f *Field, v answers.Value, _ string, _ bool, _ string) string {
		rows := make([]string, 0, len(v.Rows))
		for _, r := range v.Rows {
			if !r.IsBlank() {
				rows = append(rows, f.DisplayRow(r))
			}
		}
		return strings.Join(rows, "; ")
	},
	encode: func(v answers.Value) any {
		if v.Rows == nil {
			return []answers.Row{}
		}
		return v.Rows
	},
	decode: decodeRows,
}

// EncodeJSON is the answer's value in the JSON draft format.
func (f *Field) EncodeJSON(v answers.Value) any {
	if k, ok := kindOf(f.Kind); ok {
		return k.encode(v)
	}
	return v.Text
}

// DecodeJSON reads the answer from the JSON draft format, refusing a value
// of the wrong JSON shape for the field's kind.
func (f *Field) DecodeJSON(raw json.RawMessage) (answers.Value, error) {
	k, ok := kindOf(f.Kind)
	if !ok {
		return answers.Value{}, fmt.Errorf("field kind %q is not known", f.Kind)
	}
	return k.decode(f, raw)
}
