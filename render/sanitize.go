package render

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// mapText returns a copy of doc with fn applied to every string a reader
// sees. The copy shares nothing mutable with doc, so callers' documents are
// never changed by rendering.
func mapText(doc Document, fn func(string) string) Document {
	out := doc
	out.Title = fn(doc.Title)
	out.Subtitle = fn(doc.Subtitle)
	out.ID = fn(doc.ID)
	out.Creator = fn(doc.Creator)
	out.Parties = mapStrings(doc.Parties, fn)

	out.Cover.Note = fn(doc.Cover.Note)
	out.Cover.Parties = make([]CoverParty, len(doc.Cover.Parties))
	for i, p := range doc.Cover.Parties {
		out.Cover.Parties[i] = CoverParty{Role: fn(p.Role), Name: fn(p.Name), Details: fn(p.Details)}
	}
	out.Cover.KeyTerms = make([]KeyTerm, len(doc.Cover.KeyTerms))
	for i, k := range doc.Cover.KeyTerms {
		out.Cover.KeyTerms[i] = KeyTerm{Label: fn(k.Label), Value: fn(k.Value)}
	}

	out.Sections = make([]Section, len(doc.Sections))
	for i, s := range doc.Sections {
		ns := s
		ns.Number = fn(s.Number)
		ns.Heading = fn(s.Heading)
		ns.Blocks = make([]Block, len(s.Blocks))
		for j, b := range s.Blocks {
			nb := b
			nb.Number = fn(b.Number)
			nb.Text = fn(b.Text)
			if b.Runs != nil {
				nb.Runs = make([]Run, len(b.Runs))
				for k, r := range b.Runs {
					nb.Runs[k] = Run{Kind: r.Kind, Text: fn(r.Text)}
				}
			}
			if b.Table != nil {
				t := &Table{
					Columns: mapStrings(b.Table.Columns, fn),
					Widths:  slices.Clone(b.Table.Widths),
					Rows:    make([][]string, len(b.Table.Rows)),
				}
				for k, row := range b.Table.Rows {
					t.Rows[k] = mapStrings(row, fn)
				}
				nb.Table = t
			}
			ns.Blocks[j] = nb
		}
		out.Sections[i] = ns
	}

	out.Checklist.Intro = fn(doc.Checklist.Intro)
	out.Checklist.Groups = make([]ChecklistGroup, len(doc.Checklist.Groups))
	for i, g := range doc.Checklist.Groups {
		ng := ChecklistGroup{Name: fn(g.Name), Elements: make([]ChecklistElement, len(g.Elements))}
		for j, e := range g.Elements {
			ng.Elements[j] = ChecklistElement{Name: fn(e.Name), Status: fn(e.Status), Done: e.Done}
		}
		out.Checklist.Groups[i] = ng
	}

	out.Signing.Intro = fn(doc.Signing.Intro)
	out.Signing.Signatories = make([]Signatory, len(doc.Signing.Signatories))
	for i, s := range doc.Signing.Signatories {
		out.Signing.Signatories[i] = Signatory{
			Party: fn(s.Party), Role: fn(s.Role), Name: fn(s.Name), Title: fn(s.Title),
			FieldName: s.FieldName,
		}
	}
	return out
}

func mapStrings(in []string, fn func(string) string) []string {
	if in == nil {
		return nil
	}
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = fn(s)
	}
	return out
}

// stripControls drops control characters that would otherwise reach the
// content stream as garbage: everything in Unicode's Cc category except
// "\n", with "\t" turned into a space. Invisible formatting marks that
// fonts rarely carry (byte order mark, zero-width spaces) are dropped too,
// and Unicode line/paragraph separators become "\n". Invalid UTF-8 becomes
// U+FFFD so that it is reported rather than lost.
func stripControls(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || (c < 0x20 && c != '\n') || c == 0x7F {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteRune(r)
		case r == '\t':
			b.WriteByte(' ')
		case r == '\u2028' || r == '\u2029':
			b.WriteByte('\n')
		case r == '\uFEFF' || (r >= '\u200B' && r <= '\u200D') || r == '\u2060':
		case unicode.IsControl(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// metadataText prepares a string for the PDF Info dictionary and outline
// titles: one line, no controls, and only runes gopdf can encode there (it
// writes UTF-16 by printing each rune as hex, which breaks beyond U+FFFF).
func metadataText(s string) string {
	s = stripControls(s)
	s = strings.Join(strings.Fields(s), " ")
	return strings.Map(func(r rune) rune {
		if r > 0xFFFF {
			return '\uFFFD'
		}
		return r
	}, s)
}

// fontFilter replaces runes the embedded fonts cannot draw with "?" and
// remembers them, so the user is told instead of finding blanks in a
// signed contract.
type fontFilter struct {
	fonts   *fontSet
	missing map[rune]bool
}

func newFontFilter(fs *fontSet) *fontFilter {
	return &fontFilter{fonts: fs, missing: map[rune]bool{}}
}

// clean strips controls and replaces unsupported runes.
func (f *fontFilter) clean(s string) string {
	s = stripControls(s)
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii { // printable ASCII is checked once in loadFonts
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	changed := false
	for _, r := range s {
		if r == '\n' || f.fonts.supported(r) {
			b.WriteRune(r)
			continue
		}
		f.missing[r] = true
		b.WriteByte('?')
		changed = true
	}
	if !changed {
		return s
	}
	return b.String()
}

// runes lists the unsupported runes seen so far, sorted.
func (f *fontFilter) runes() []rune {
	out := make([]rune, 0, len(f.missing))
	for r := range f.missing {
		out = append(out, r)
	}
	slices.Sort(out)
	return out
}

// missingWarning words the report about unsupported runes; it names each
// one (up to a limit) so the user can find and replace them.
func missingWarning(rs []rune) string {
	const limit = 20
	parts := make([]string, 0, min(len(rs), limit))
	for i, r := range rs {
		if i == limit {
			break
		}
		parts = append(parts, fmt.Sprintf("%q (U+%04X)", string(r), r))
	}
	msg := "text contains characters the PDF font cannot show: " + strings.Join(parts, ", ")
	if len(rs) > limit {
		msg += fmt.Sprintf(" and %d more", len(rs)-limit)
	}
	return msg + `; they are printed as "?"`
}

// fieldNames makes every signatory's FieldName usable as a PDF field name:
// letters, digits and underscores only, non-empty and unique. It returns
// the names in signatory order and a warning for each one it had to change,
// because a silently renamed field would confuse whoever scripts signing.
func fieldNames(sigs []Signatory) ([]string, []string) {
	names := make([]string, len(sigs))
	var warnings []string
	used := map[string]bool{}
	for i, s := range sigs {
		name := strings.Map(func(r rune) rune {
			if r < utf8.RuneSelf && (r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
				return r
			}
			return '_'
		}, s.FieldName)
		if len(name) > 100 {
			name = name[:100]
		}
		if strings.Trim(name, "_") == "" {
			name = fmt.Sprintf("Signature%d", i+1)
		}
		base := name
		for n := 2; used[name]; n++ {
			name = fmt.Sprintf("%s_%d", base, n)
		}
		used[name] = true
		names[i] = name
		if name != s.FieldName {
			warnings = append(warnings, fmt.Sprintf("signature field name %q is not usable in a PDF; using %q", s.FieldName, name))
		}
	}
	return names, warnings
}
