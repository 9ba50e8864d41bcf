package agreement

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestLayersReadTopDown keeps the layers one-way: render turns a Document
// into bytes and knows nothing of the template, answers or wording; the
// core under app/ never touches Fyne.
func TestLayersReadTopDown(t *testing.T) {
	rules := []struct {
		dir       string
		forbidden []string
	}{
		{"../../render", []string{"pactwright/app", "fyne.io/"}},
		{"..", []string{"fyne.io/"}},
	}
	for _, r := range rules {
		err := filepath.WalkDir(r.dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
				return err
			}
			f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
			if err != nil {
				return err
			}
			for _, imp := range f.Imports {
				p, _ := strconv.Unquote(imp.Path.Value)
				for _, bad := range r.forbidden {
					if strings.HasPrefix(p, bad) {
						t.Errorf("%s imports %s", path, p)
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
