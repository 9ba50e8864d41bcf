package compose

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"pactwright/render"
)

// The definitions clause is built from the terms the agreement actually
// uses: assets/clauses/definitions.tmpl holds one paragraph per term,
// `"Business Day" means …`, and a definition is printed only when its term
// appears elsewhere in this draft (or in another printed definition).

var definedTerm = regexp.MustCompile(`^"([^"]+)" means`)

// Definition is one defined term and its paragraph.
type Definition struct {
	Term, Text string
}

// definitions runs the definitions wording.
func (c *Composer) definitions(f formatter) ([]Definition, error) {
	var buf bytes.Buffer
	wording, err := c.wording.group(definitionsFile, f)
	if err != nil {
		return nil, fmt.Errorf("definitions: %w", err)
	}
	t, err := wording.Clone()
	if err != nil {
		return nil, fmt.Errorf("definitions: %w", err)
	}
	if err := t.Funcs(funcs(&f)).Execute(&buf, nil); err != nil {
		return nil, fmt.Errorf("write definitions: %w", err)
	}
	var out []Definition
	for _, para := range strings.Split(buf.String(), "\n\n") {
		para = strings.TrimSpace(para)
		if para == "" {
			continue
		}
		m := definedTerm.FindStringSubmatch(para)
		if m == nil {
			return nil, fmt.Errorf("definitions: paragraph %q does not start with a quoted term and \"means\"", para)
		}
		out = append(out, Definition{Term: m[1], Text: para})
	}
	return out, nil
}

// Uses reports whether text uses a defined term, in the singular or plural,
// as a whole word.
func Uses(text, term string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], term)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(term)
		if end < len(text) && text[end] == 's' {
			end++
		}
		if (start == 0 || !isWordByte(text[start-1])) && (end == len(text) || !isWordByte(text[end])) {
			return true
		}
		i = start + 1
	}
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// defineTerms replaces the definitions marker with the definitions of the
// terms this document uses.
func (c *Composer) defineTerms(doc *render.Document, f formatter) error {
	all, err := c.definitions(f)
	if err != nil {
		return err
	}
	// A term is used by the document or by a definition already printed.
	// The definitions are searched one by one rather than appended to the
	// body: copying the whole document for each term dominated this step.
	searched := []string{strings.Join(texts(*doc), "\n")}
	usedIn := func(term string) bool {
		for _, text := range searched {
			if Uses(text, term) {
				return true
			}
		}
		return false
	}
	used := make([]bool, len(all))
	for changed := true; changed; {
		changed = false
		for i, d := range all {
			if !used[i] && usedIn(d.Term) {
				used[i], changed = true, true
				searched = append(searched, strings.TrimPrefix(d.Text, `"`+d.Term+`"`))
			}
		}
	}
	var blocks []render.Block
	for i, d := range all {
		if used[i] {
			blocks = append(blocks, render.Block{Kind: render.Paragraph, Text: d.Text})
		}
	}
	for si := range doc.Sections {
		s := &doc.Sections[si]
		for bi, b := range s.Blocks {
			if b.Text == definitionsMarker {
				s.Blocks = append(s.Blocks[:bi:bi], append(blocks, s.Blocks[bi+1:]...)...)
				return nil
			}
		}
	}
	return nil
}
