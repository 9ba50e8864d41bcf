package docxtest

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// EditInLibreOffice changes a Word file the way someone editing it in
// LibreOffice would: LibreOffice opens it into its own format (flat ODF
// XML), edit changes that, and LibreOffice saves it as Word again, writing
// the tracked changes and comments itself. LibreOffice drops the part that
// carries the draft on the way, as it does when a file goes through ODF.
func EditInLibreOffice(t testing.TB, file []byte, edit func(fodt string) string) []byte {
	t.Helper()
	Need(t, "soffice")
	dir := t.TempDir()
	profile := "-env:UserInstallation=file://" + filepath.Join(dir, "profile")
	in := filepath.Join(dir, "sent.docx")
	if err := os.WriteFile(in, file, 0o600); err != nil {
		t.Fatal(err)
	}
	convert := func(to, file, outdir string) {
		if out, err := exec.Command("soffice", profile, "--headless", "--convert-to", to, "--outdir", outdir, file).CombinedOutput(); err != nil {
			t.Fatalf("soffice --convert-to %s: %v\n%s", to, err, out)
		}
	}
	convert("fodt", in, dir)
	fodt := filepath.Join(dir, "sent.fodt")
	data, err := os.ReadFile(fodt)
	if err != nil {
		t.Fatalf("LibreOffice did not open the Word file: %v", err)
	}
	if err := os.WriteFile(fodt, []byte(edit(string(data))), 0o600); err != nil {
		t.Fatal(err)
	}
	back := filepath.Join(dir, "back")
	convert("docx:MS Word 2007 XML", fodt, back)
	out, err := os.ReadFile(filepath.Join(back, "sent.docx"))
	if err != nil {
		t.Fatalf("LibreOffice did not save the edited file as Word: %v", err)
	}
	return out
}

// odfChangeInfo is Tom Reid's change, as LibreOffice records an author
// and a date.
const odfChangeInfo = `<office:change-info><dc:creator>Tom Reid</dc:creator><dc:date>2027-01-10T10:00:00</dc:date></office:change-info>`

// ODFTrackReplace replaces the first old after before, inside the clause
// in bookmark, as a tracked deletion and insertion, and comments on the
// clause: what LibreOffice writes when that is done with Edit ▸ Track
// Changes ▸ Record on.
func ODFTrackReplace(t testing.TB, fodt, bookmark, before, old, new, comment string) string {
	t.Helper()
	// LibreOffice marks where its own pagination broke the page, which can
	// fall at the start of the clause.
	re := regexp.MustCompile(`(<text:bookmark-start text:name="` + bookmark + `"/>)((?:<text:soft-page-break/>)?[^<]*?` + regexp.QuoteMeta(before) + `)` + regexp.QuoteMeta(old))
	if !re.MatchString(fodt) {
		t.Fatalf("no %q in the clause in bookmark %s", before+old, bookmark)
	}
	fodt = re.ReplaceAllString(fodt, `$1<office:annotation><dc:creator>Tom Reid</dc:creator><dc:date>2027-01-10T10:00:00</dc:date><text:p>`+comment+`</text:p></office:annotation>`+
		`$2<text:change text:change-id="pwct1"/><text:change-start text:change-id="pwct2"/>`+new+`<text:change-end text:change-id="pwct2"/>`)
	changes := `<text:tracked-changes text:track-changes="true">` +
		`<text:changed-region xml:id="pwct1" text:id="pwct1"><text:deletion>` + odfChangeInfo + `<text:p>` + old + `</text:p></text:deletion></text:changed-region>` +
		`<text:changed-region xml:id="pwct2" text:id="pwct2"><text:insertion>` + odfChangeInfo + `</text:insertion></text:changed-region>` +
		`</text:tracked-changes>`
	at := strings.Index(fodt, "<office:text")
	end := at + strings.Index(fodt[at:], ">") + 1
	return fodt[:end] + changes + fodt[end:]
}

// ODFRewrite replaces the whole text of the clause in bookmark, untracked.
func ODFRewrite(t testing.TB, fodt, bookmark, text string) string {
	t.Helper()
	re := regexp.MustCompile(`(<text:bookmark-start text:name="` + bookmark + `"/>).*?(<text:bookmark-end text:name="` + bookmark + `"/>)`)
	if !re.MatchString(fodt) {
		t.Fatalf("no bookmark %s", bookmark)
	}
	return re.ReplaceAllString(fodt, `${1}`+text+`${2}`)
}
