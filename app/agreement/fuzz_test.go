package agreement

import (
	"bytes"
	"testing"

	"pactwright/app/check"
	"pactwright/app/draft"
	"pactwright/app/template"
)

// FuzzLoadCheckRender feeds arbitrary bytes through the whole path a draft
// file takes: load, check, render. Whatever the input, nothing may panic and
// anything that loads must render to a PDF.
func FuzzLoadCheckRender(f *testing.F) {
	tpl := template.CallCentre()
	example, _ := draft.Marshal(tpl, draft.Example(tpl))
	f.Add(example)
	f.Add([]byte(`{"format":"pactwright-draft","format_version":1,"template":"call-centre-outsourcing","template_version":1,"answers":{}}`))
	e, err := NewEngine(tpl)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := draft.Unmarshal(tpl, data)
		if err != nil {
			return
		}
		check.Check(tpl, d.Answers)
		pdf, _, err := e.RenderPDF(d)
		if err != nil {
			t.Fatalf("a loadable draft failed to render: %v", err)
		}
		if !bytes.HasPrefix(pdf, []byte("%PDF")) {
			t.Fatal("render did not produce a PDF")
		}
	})
}
