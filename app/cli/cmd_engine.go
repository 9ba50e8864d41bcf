package cli

import (
	"encoding/json"
	"fmt"
	"strings"

	"pactwright/app/agreement"
	"pactwright/app/check"
	"pactwright/app/draft"
	"pactwright/app/template"
	"pactwright/app/usecase"
)

func cmdExample(e *env, args []string) error {
	fs := e.flags("example")
	out := fs.String("o", "", "write to FILE instead of stdout")
	if _, err := parse(fs, args, 0, 0); err != nil {
		return err
	}
	b, err := draft.Marshal(e.t, draft.Example(e.t))
	if err != nil {
		return err
	}
	if *out != "" {
		return writeFile(*out, b)
	}
	_, err = e.stdout.Write(b)
	return err
}

// schemaField is a template field with its default in the draft JSON shape,
// so a script can copy a default straight into a draft file.
type schemaField struct {
	template.Field
	Default json.RawMessage `json:"default,omitempty"`
}

type schemaGroup struct {
	ID       string             `json:"id"`
	Name     string             `json:"name"`
	Intro    string             `json:"intro"`
	Fields   []schemaField      `json:"fields"`
	Elements []template.Element `json:"elements"`
}

type schemaDoc struct {
	Format          string        `json:"format"`
	FormatVersion   int           `json:"format_version"`
	Template        string        `json:"template"`
	TemplateVersion int           `json:"template_version"`
	Title           string        `json:"title"`
	Currencies      []string      `json:"currencies"`
	Groups          []schemaGroup `json:"groups"`
}

func cmdSchema(e *env, args []string) error {
	fs := e.flags("schema")
	if _, err := parse(fs, args, 0, 0); err != nil {
		return err
	}
	// The draft package owns the JSON shape of a value: marshal a draft of
	// the defaults and lift each answer out, rather than re-encoding here.
	b, err := draft.Marshal(e.t, draft.Draft{Answers: e.t.Defaults()})
	if err != nil {
		return err
	}
	var file struct {
		Answers map[string]json.RawMessage `json:"answers"`
	}
	if err := json.Unmarshal(b, &file); err != nil {
		return fmt.Errorf("read defaults: %w", err)
	}
	doc := schemaDoc{
		Format: draft.Format, FormatVersion: draft.FormatVersion,
		Template: e.t.ID, TemplateVersion: e.t.Version, Title: e.t.Title,
		Currencies: template.Currencies(),
	}
	for _, g := range e.t.Groups {
		sg := schemaGroup{ID: g.ID, Name: g.Name, Intro: g.Intro, Elements: g.Elements}
		for _, f := range g.Fields {
			sg.Fields = append(sg.Fields, schemaField{Field: f, Default: file.Answers[f.ID]})
		}
		doc.Groups = append(doc.Groups, sg)
	}
	return e.printJSON(doc)
}

func cmdCheck(e *env, args []string) error {
	fs := e.flags("check")
	strict := fs.Bool("strict", false, "exit 1 unless the draft can be exported for signature: complete, every group confirmed, no HIGH finding left unaccepted")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	pos, err := parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	d, err := e.loadDraft(pos[0])
	if err != nil {
		return err
	}
	r := check.ForDraft(e.t, d)
	if *asJSON {
		out := struct {
			check.Report
			Percent  int      `json:"percent"`
			Complete bool     `json:"complete"`
			Signable bool     `json:"signable"`
			Blockers []string `json:"blockers,omitempty"`
			Verdict  string   `json:"verdict"`
		}{r, r.Percent(), r.Complete(), r.Signable(), r.Blockers(), r.Verdict()}
		if err := e.printJSON(out); err != nil {
			return err
		}
	} else {
		printReport(e, d, r)
	}
	if *strict && !r.Signable() {
		return exitCode(exitError)
	}
	return nil
}

func printReport(e *env, d draft.Draft, r check.Report) {
	w := e.stdout
	fmt.Fprintf(w, "%s\nCompleteness: %d%% (%d of %d elements complete)\n\n", d.Title, r.Percent(), r.Done, r.Applicable)
	for _, g := range r.Groups {
		status := string(g.Status)
		if g.Missing > 0 {
			status = fmt.Sprintf("%s (%d missing)", status, g.Missing)
		}
		fmt.Fprintf(w, "%-36s %s\n", g.Name, status)
		for _, el := range g.Elements {
			if el.Upgraded {
				fmt.Fprintf(w, "  ? %s: added by an upgrade of Pactwright, not yet confirmed\n", el.Name)
			}
			if el.Status != check.Incomplete {
				continue
			}
			fmt.Fprintf(w, "  ✗ %s\n", el.Name)
			for _, p := range el.Problems {
				fmt.Fprintf(w, "      %s\n", p)
			}
		}
	}
	fmt.Fprintf(w, "\nFindings: %d\n", len(r.Findings))
	for i, f := range r.Findings {
		where := ""
		if fld, ok := e.t.Field(f.Field); ok {
			where = " (" + fld.Label + ")"
		}
		fmt.Fprintf(w, "  %d. [%s] %s%s\n", i+1, strings.ToUpper(string(f.Severity)), f.Message, where)
		if f.Accepted != "" {
			fmt.Fprintf(w, "     Accepted as a risk: %s\n", f.Accepted)
		}
	}
	fmt.Fprintf(w, "\n%s\n", r.Verdict())
	if len(r.OpenRisks()) > 0 {
		fmt.Fprintf(w, "Fix each HIGH finding, or keep it with `pactwright accept-risk ID N --reason \"…\"`.\n")
	}
}

func cmdRender(e *env, args []string) error {
	fs := e.flags("render")
	out := fs.String("o", "", "the PDF file to write")
	pos, err := parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	if *out == "" {
		return usagef("-o OUT.pdf is required")
	}
	d, err := e.loadDraft(pos[0])
	if err != nil {
		return err
	}
	if usecase.FormatOf(*out) == usecase.Word {
		return e.renderWord(d, *out)
	}
	pdf, err := e.renderPDF(d)
	if err != nil {
		return err
	}
	if err := writeFile(*out, pdf); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote %s (%d bytes)\n", *out, len(pdf))
	return nil
}

// renderWord writes d as a Word file to out.
func (e *env) renderWord(d draft.Draft, out string) error {
	eng, err := agreement.NewEngine(e.t)
	if err != nil {
		return err
	}
	doc, err := eng.Document(d)
	if err != nil {
		return err
	}
	b, err := eng.RenderWord(doc)
	if err != nil {
		return err
	}
	if err := writeFile(out, b); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote %s (%d bytes)\n", out, len(b))
	if doc.Draft {
		fmt.Fprintln(e.stdout, "It is a DRAFT: answers are missing (see `pactwright check`), so every page says DRAFT – NOT FOR SIGNATURE.")
	}
	return nil
}

// renderPDF renders and reports the renderer's warnings (for example
// characters the font cannot show) on stderr without failing.
func (e *env) renderPDF(d draft.Draft) ([]byte, error) {
	pdf, warnings, err := agreement.RenderPDF(e.t, d)
	if err != nil {
		return nil, fmt.Errorf("render PDF: %w", err)
	}
	for _, w := range warnings {
		fmt.Fprintf(e.stderr, "warning: %s\n", w)
	}
	if b := check.ForDraft(e.t, d).Blockers(); len(b) > 0 {
		fmt.Fprintf(e.stdout, "This PDF is a DRAFT – NOT FOR SIGNATURE: %s (see `pactwright check`), so every page is marked DRAFT and there are no signature fields.\n",
			strings.Join(b, "; "))
	}
	return pdf, nil
}
