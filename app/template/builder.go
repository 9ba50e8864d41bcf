package template

import "pactwright/app/answers"

// The helpers below keep the definition readable: each field reads as one
// sentence of what it is, its default and when it applies.

func newField(kind Kind, id, label, help string) Field {
	return Field{ID: id, Label: label, Help: help, Kind: kind}
}

func text(id, label, help string) Field     { return newField(Text, id, label, help) }
func longText(id, label, help string) Field { return newField(LongText, id, label, help) }
func date(id, label, help string) Field     { return newField(Date, id, label, help) }
func yesNo(id, label, help string) Field    { return newField(YesNo, id, label, help) }

func number(id, label, unit string, lo, hi int64, help string) Field {
	f := newField(Number, id, label, help)
	f.Unit, f.Min, f.Max = unit, &lo, &hi
	return f
}

func percent(id, label, help string) Field {
	f := newField(Percent, id, label, help)
	f.Unit = "%"
	return f
}

func moneyField(id, label, help string) Field { return newField(Money, id, label, help) }

func duration(id, label string, units []string, lo, hi int64, help string) Field {
	f := newField(Duration, id, label, help)
	f.Units, f.Min, f.Max = units, &lo, &hi
	return f
}

func choice(id, label string, opts []Option, help string) Field {
	f := newField(Choice, id, label, help)
	f.Options = opts
	return f
}

func multiChoice(id, label string, opts []Option, help string) Field {
	f := newField(MultiChoice, id, label, help)
	f.Options = opts
	return f
}

func table(id, label string, cols []Column, help string) Field {
	f := newField(Table, id, label, help)
	f.Columns = cols
	return f
}

func (f Field) required() Field { f.Required = true; return f }

func (f Field) email() Field { f.Format = "email"; return f }

func (f Field) def(text string) Field { f.Default = answers.Value{Text: text}; return f }

func (f Field) defYes() Field { return f.def(answers.Yes) }

func (f Field) defNo() Field { return f.def(answers.No) }

func (f Field) defUnit(amount, unit string) Field {
	f.Default = answers.Value{Text: amount, Unit: unit}
	return f
}

func (f Field) defItems(items ...string) Field { f.Default = answers.Value{Items: items}; return f }

func (f Field) defRows(rows ...answers.Row) Field {
	f.Default = answers.Value{Rows: rows}
	return f
}

// since marks a field added in template version v: drafts saved before it
// existed get its default when they are migrated.
func (f Field) since(v int) Field { f.Since = v; return f }

func (f Field) minRows(n int) Field { f.MinRows = n; return f }

func (f Field) when(field string, anyOf ...string) Field {
	f.When = &Condition{Field: field, AnyOf: anyOf}
	return f
}

func element(id, name string, fields ...string) Element {
	return Element{ID: id, Name: name, Fields: fields}
}

func (e Element) when(field string, anyOf ...string) Element {
	e.When = &Condition{Field: field, AnyOf: anyOf}
	return e
}

func opt(id, label string) Option { return Option{ID: id, Label: label} }

func col(id, label string, kind Kind, width float64) Column {
	return Column{ID: id, Label: label, Kind: kind, Width: width, Required: true}
}

func (c Column) optional() Column { c.Required = false; return c }

func (c Column) help(text string) Column { c.Help = text; return c }

func (c Column) choices(opts []Option) Column { c.Options = opts; return c }

// unitFrom names the column that holds this value's unit, so that a value
// whose row says "percent" is held to 0–100 like any percentage.
func (c Column) unitFrom(id string) Column { c.UnitFrom = id; return c }

// dayUnits and monthUnits are the units offered for short and long periods.
func dayUnits() []string   { return []string{"days", "business days"} }
func monthUnits() []string { return []string{"months", "years"} }
