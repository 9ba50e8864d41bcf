package library

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"pactwright/render/pdfupdate/pdfupdatetest"
)

// TestVerifyAndMarkSignedRefuseForgedUpdates: a recorded export with a
// hybrid-reference shadow update, a new field with a script, or a
// signature value that is not a signature is not "signed": verify says it
// was changed after export, naming what, and mark-signed refuses it.
func TestVerifyAndMarkSignedRefuseForgedUpdates(t *testing.T) {
	eachBackend(t, func(t *testing.T, be backend) {
		l, _ := openOn(t, be)
		id, err := l.Create(example(t))
		if err != nil {
			t.Fatal(err)
		}
		pdf := pdfupdatetest.Export(t, "Call Centre Services Agreement")
		if _, err := l.RecordExport(id, "agreement.pdf", pdf); err != nil {
			t.Fatal(err)
		}
		withScript, _ := pdfupdatetest.FieldWithScript(t, pdf)
		cases := map[string]struct {
			file []byte
			want string
		}{
			"hybrid shadow update": {pdfupdatetest.Sign(t, pdfupdatetest.ShadowHybrid(t, pdf, 2, "price GBP 999999.00 per hour"), 0),
				"page 2 content replaced after export"},
			"field with a script": {pdfupdatetest.Sign(t, withScript, 0), `a new form field "total"`},
			"malformed signature": {pdfupdatetest.SignWith(t, pdf, 0, "zz"),
				"signature field customer_signature holds a malformed signature: its /Contents is not hexadecimal"},
		}
		for name, c := range cases {
			t.Run(name, func(t *testing.T) {
				res, err := l.Verify(c.file)
				if err != nil {
					t.Fatal(err)
				}
				if res.Match != MatchAltered || !slices.ContainsFunc(res.Changes, func(s string) bool { return strings.HasPrefix(s, c.want) }) {
					t.Errorf("verify: %s", res)
				}
				if !strings.Contains(res.String(), c.want) {
					t.Errorf("verify message %q does not name %q", res, c.want)
				}
				_, _, err = l.MarkSignedPDF(id, c.file)
				if !errors.Is(err, ErrChangedAfterExport) || !strings.Contains(err.Error(), c.want) {
					t.Errorf("mark signed: %v, want ErrChangedAfterExport naming %q", err, c.want)
				}
			})
		}
		if s := mustGet(t, l, id).Status; s == StatusSigned {
			t.Errorf("status %s after refused files", s)
		}
	})
}
