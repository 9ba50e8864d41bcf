package render

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/signintech/gopdf"
)

// need skips the test when an external checker is not installed: the
// assertions are about what poppler and qpdf see, nothing else will do.
func need(t testing.TB, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed", tool)
		}
	}
}

// run runs a tool and returns stdout, failing the test on a non-zero exit.
func run(t testing.TB, name string, args ...string) string {
	t.Helper()
	out, stderr, err := runRaw(name, args...)
	if err != nil {
		t.Fatalf("%s %s: %v\nstdout:\n%s\nstderr:\n%s", name, strings.Join(args, " "), err, out, stderr)
	}
	return out
}

func runRaw(name string, args ...string) (string, string, error) {
	cmd := exec.Command(name, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	return stdout.String(), stderr.String(), err
}

// renderTo renders doc with a fixed clock into a temporary file.
func renderTo(t testing.TB, doc Document) (path string, pdf []byte, warnings []string) {
	t.Helper()
	r, err := NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	r.Now = fixedNow
	pdf, warnings, err = r.PDF(doc)
	if err != nil {
		t.Fatalf("PDF: %v", err)
	}
	path = filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	return path, pdf, warnings
}

// pageCount asks pdfinfo how many pages the PDF has.
func pageCount(t testing.TB, path string) int {
	t.Helper()
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(run(t, "pdfinfo", path))
	if m == nil {
		t.Fatal("pdfinfo printed no page count")
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// pageTexts extracts each page's text with pdftotext -layout.
func pageTexts(t testing.TB, path string) []string {
	t.Helper()
	pages := strings.Split(run(t, "pdftotext", "-layout", path, "-"), "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}

// squeeze collapses runs of white space, since -layout pads columns.
func squeeze(s string) string { return strings.Join(strings.Fields(s), " ") }

// newTestGoPdf starts a gopdf document with the renderer's fonts.
func newTestGoPdf(t testing.TB, r *Renderer) *gopdf.GoPdf {
	t.Helper()
	gp := &gopdf.GoPdf{}
	gp.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	for _, src := range fontSources {
		if err := gp.AddTTFFontFromFontContainer(src.family, r.fonts.container); err != nil {
			t.Fatal(err)
		}
	}
	gp.AddPage()
	return gp
}
