package render

import (
	"fmt"

	"github.com/signintech/gopdf"
	"github.com/signintech/gopdf/fontmaker/core"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
)

// fontStyle picks one of the embedded faces.
type fontStyle int

const (
	regular fontStyle = iota
	bold
	italic
	styleCount
)

// fontSource names a Go font and its TTF bytes. The family names carry a
// six-letter subset tag ("PWGORG+") because gopdf writes the family verbatim
// as /BaseFont: with the tag, readers and pdffonts recognise the embedded
// font as the subset it is.
var fontSources = [styleCount]struct {
	family string
	ttf    func() []byte
}{
	regular: {"PWGORG+Go-Regular", func() []byte { return goregular.TTF }},
	bold:    {"PWGOBD+Go-Bold", func() []byte { return gobold.TTF }},
	italic:  {"PWGOIT+Go-Italic", func() []byte { return goitalic.TTF }},
}

// face holds the metrics of one parsed font. It is read-only after
// parseFace, so one Renderer can lay out many documents at once.
//
// We measure text ourselves (instead of gopdf.MeasureTextWidth) because
// gopdf's measuring adds every measured rune to the document's subset and
// costs an allocation per call; wrapping a long paragraph measures each
// rune, and only runes that are really drawn belong in the subset.
type face struct {
	family      string
	unitsPerEm  uint
	numHMetrics uint
	widths      []uint
	chars       map[int]uint
	groups      []core.CmapFormat12GroupingTable
}

// parseFace reads the metrics and character map of one TTF.
func parseFace(family string, ttf []byte) (*face, error) {
	var p core.TTFParser
	if err := p.ParseFontData(ttf); err != nil {
		return nil, fmt.Errorf("parse font %s: %w", family, err)
	}
	f := &face{
		family:      family,
		unitsPerEm:  p.UnitsPerEm(),
		numHMetrics: p.NumberOfHMetrics(),
		widths:      p.Widths(),
		chars:       p.Chars(),
		groups:      p.GroupingTables(),
	}
	if f.unitsPerEm == 0 || f.numHMetrics == 0 || len(f.widths) == 0 {
		return nil, fmt.Errorf("parse font %s: missing metrics", family)
	}
	return f, nil
}

// glyph returns the glyph index of r, or false when the font has no glyph
// for it (gopdf would silently draw a space instead).
func (f *face) glyph(r rune) (uint, bool) {
	if r < 0 {
		return 0, false
	}
	if r <= 0xFFFF {
		g, ok := f.chars[int(r)]
		return g, ok && g != 0
	}
	v := uint(r)
	for _, g := range f.groups {
		if v >= g.StartCharCode && v <= g.EndCharCode {
			id := v - g.StartCharCode + g.GlyphID
			return id, id != 0
		}
	}
	return 0, false
}

// advance is the width of r in thousandths of the font size, rounded the
// way gopdf rounds it so that our line widths match what gopdf draws.
func (f *face) advance(r rune) int {
	g, ok := f.glyph(r)
	if !ok {
		return 0
	}
	if g >= f.numHMetrics {
		g = f.numHMetrics - 1
	}
	if int(g) >= len(f.widths) {
		return 0
	}
	w := f.widths[g]
	if f.unitsPerEm == 1000 {
		return int(w)
	}
	return int(w * 1000 / f.unitsPerEm)
}

// width measures s at size points.
func (f *face) width(s string, size float64) float64 {
	units := 0
	for _, r := range s {
		units += f.advance(r)
	}
	return float64(units) * size / 1000
}

// fontSet is the parsed fonts a Renderer shares between documents: gopdf's
// container (so each PDF embeds fonts without parsing them again) and our
// own metrics.
type fontSet struct {
	container *gopdf.FontContainer
	faces     [styleCount]*face
}

func loadFonts() (*fontSet, error) {
	fs := &fontSet{container: &gopdf.FontContainer{}}
	for st, src := range fontSources {
		data := src.ttf()
		opt := gopdf.TtfOption{
			Style: gopdf.Regular, // each face is its own family
			// Text is filtered before it reaches gopdf; this only keeps a
			// stray rune visible as "?" rather than a silent space.
			OnGlyphNotFoundSubstitute: func(rune) rune { return '?' },
		}
		if err := fs.container.AddTTFFontDataWithOption(src.family, data, opt); err != nil {
			return nil, fmt.Errorf("load font %s: %w", src.family, err)
		}
		f, err := parseFace(src.family, data)
		if err != nil {
			return nil, err
		}
		fs.faces[st] = f
	}
	return fs, nil
}

// supported reports whether every face can draw r, so a rune never shows
// in one style and vanishes in another.
func (fs *fontSet) supported(r rune) bool {
	for _, f := range fs.faces {
		if _, ok := f.glyph(r); !ok {
			return false
		}
	}
	return true
}
