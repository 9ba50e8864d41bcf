package compose

import (
	"bytes"
	"fmt"
	"strings"

	tpl "pactwright/app/template"
	"pactwright/render"
)

// listEndMarker ends a list whose items each end in "; ", when the wording
// cannot know which item comes last: the last item's "; " becomes a full
// stop.
const listEndMarker = "@@endlist"

// endLists replaces each list-end marker, with the "; " (and any spacing)
// before it, by a full stop. It is a plain scan rather than a regular
// expression: a leading `\s*` made the regexp try every position of every
// clause group, a third of the time spent composing.
func endLists(text string) string {
	if !strings.Contains(text, listEndMarker) {
		return text
	}
	var out strings.Builder
	out.Grow(len(text))
	for {
		i := strings.Index(text, listEndMarker)
		if i < 0 {
			out.WriteString(text)
			return out.String()
		}
		before := strings.TrimRight(text[:i], " \t\r\n")
		before = strings.TrimSuffix(before, ";")
		out.WriteString(before)
		out.WriteString(".")
		text = text[i+len(listEndMarker):]
	}
}

// section runs one group's wording and turns the text into blocks: "## "
// lines become subheadings, "> " paragraphs stay unnumbered, marker lines
// become tables or the definitions, and every other paragraph is a
// numbered clause with a stable key (see refs.go).
func (c *Composer) section(number string, group *tpl.Group, f formatter) (render.Section, error) {
	var buf bytes.Buffer
	wording, err := c.wording.group(group.ID, f)
	if err != nil {
		return render.Section{}, fmt.Errorf("clause group %s: %w", group.Name, err)
	}
	t, err := wording.Clone()
	if err != nil {
		return render.Section{}, fmt.Errorf("clause group %s: %w", group.Name, err)
	}
	if err := t.Funcs(funcs(&f)).Execute(&buf, nil); err != nil {
		return render.Section{}, fmt.Errorf("write clause group %s: %w", group.Name, err)
	}
	sec := render.Section{Key: group.ID, Number: number, Heading: group.Name}
	clause, sub, inSub := 0, "", 0
	text := endLists(buf.String())
	for _, para := range strings.Split(text, "\n\n") {
		para = strings.TrimSpace(para)
		for para != "" {
			line, rest, _ := strings.Cut(para, "\n")
			switch {
			case strings.HasPrefix(line, "## "):
				heading := strings.TrimPrefix(line, "## ")
				sec.Blocks = append(sec.Blocks, render.Block{Kind: render.Subheading, Text: heading})
				sub, inSub = slug(heading), 0
				para = strings.TrimSpace(rest)
				continue
			case strings.HasPrefix(line, tableMarker):
				sec.Blocks = append(sec.Blocks, render.Block{Kind: render.TableBlock, Table: tableOf(f, strings.TrimPrefix(line, tableMarker))})
				para = strings.TrimSpace(rest)
				continue
			case line == definitionsMarker:
				sec.Blocks = append(sec.Blocks, render.Block{Kind: render.Paragraph, Text: definitionsMarker})
				para = strings.TrimSpace(rest)
				continue
			case strings.HasPrefix(para, "> "):
				sec.Blocks = append(sec.Blocks, render.Block{Kind: render.Paragraph, Text: strings.TrimPrefix(para, "> ")})
			default:
				clause++
				inSub++
				sec.Blocks = append(sec.Blocks, render.Block{
					Kind: render.Clause, Key: clauseKey(group.ID, sub, inSub),
					Number: fmt.Sprintf("%s.%d", number, clause), Text: para,
				})
			}
			para = ""
		}
	}
	return sec, nil
}

// clauseKey names the n-th clause under a subheading: "termination.exit_assistance",
// then "termination.exit_assistance.2".
func clauseKey(group, sub string, n int) string {
	key := group
	if sub != "" {
		key += "." + sub
	}
	if n > 1 || sub == "" {
		key += fmt.Sprintf(".%d", n)
	}
	return key
}

// tableOf lays out a table field with its column labels, option labels in
// place of ids, and a marker row when the table is empty.
func tableOf(f formatter, id string) *render.Table {
	field, marker := f.problem(id)
	if field == nil {
		return &render.Table{Columns: []string{"Missing table"}, Widths: []float64{1}, Rows: [][]string{{marker}}}
	}
	t := &render.Table{}
	for _, c := range field.Columns {
		t.Columns = append(t.Columns, c.Label)
		t.Widths = append(t.Widths, c.Width)
	}
	for _, row := range f.a[id].Rows {
		if row.IsBlank() {
			continue
		}
		cells := make([]string, len(field.Columns))
		for i, c := range field.Columns {
			cells[i] = cellText(c, row[c.ID])
		}
		t.Rows = append(t.Rows, cells)
	}
	if len(t.Rows) == 0 {
		marker := make([]string, len(field.Columns))
		marker[0] = Marker(field.Label, "")
		t.Rows = append(t.Rows, marker)
	}
	return t
}

func cellText(c tpl.Column, cell string) string {
	cell = strings.TrimSpace(cell)
	if cell == "" {
		if c.Required {
			return Marker(c.Label, "")
		}
		return ""
	}
	if err := c.ValidateCell(cell); err != nil {
		return Marker(c.Label, err.Error())
	}
	return c.Display(cell)
}
