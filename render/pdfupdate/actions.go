package pdfupdate

import (
	"slices"
	"strconv"
	"strings"
)

// A signer has no reason to add an action: anything that runs when the
// file opens, a field changes or a page shows can change what a reader
// sees (or do worse), whatever the pages' content says.

// actionKeys are dictionary entries that hold actions or scripts.
var actionKeys = []string{"/A", "/AA", "/JS", "/OpenAction", "/CO"}

// actionTypes are the action types (/S values) that run code, fetch or
// send something, or replace the document.
var actionTypes = []string{"/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/ResetForm", "/GoToR", "/GoToE", "/Rendition", "/RichMediaExecute"}

// actionIn returns the first action key or action type found in a
// value's source text, names compared after undoing #xx escapes (so /J#53
// is /JS), or "" when there is none.
func actionIn(v string, depth int) string {
	v = strings.TrimSpace(v)
	if depth > maxNesting {
		return "values nested too deep to read"
	}
	switch {
	case strings.HasPrefix(v, "<<"):
		d, err := ParseDict(v)
		if err != nil {
			return ""
		}
		for _, e := range d.entries {
			if k := decodeName(e.key); slices.Contains(actionKeys, k) {
				return k
			}
			if what := actionIn(e.value, depth+1); what != "" {
				return what
			}
		}
	case strings.HasPrefix(v, "["):
		for i := skipSpace(v, 1); i < len(v) && v[i] != ']'; i = skipSpace(v, i) {
			end, err := skipValue(v, i)
			if err != nil {
				return ""
			}
			if what := actionIn(v[i:end], depth+1); what != "" {
				return what
			}
			i = end
		}
	case strings.HasPrefix(v, "/"):
		if n := decodeName(v); slices.Contains(actionTypes, n) {
			return n
		}
	}
	return ""
}

// decodeName undoes the #xx escapes of a PDF name.
func decodeName(name string) string {
	if !strings.Contains(name, "#") {
		return name
	}
	var b strings.Builder
	for i := 0; i < len(name); i++ {
		if name[i] == '#' && i+2 < len(name) {
			if c, err := strconv.ParseUint(name[i+1:i+3], 16, 8); err == nil {
				b.WriteByte(byte(c))
				i += 2
				continue
			}
		}
		b.WriteByte(name[i])
	}
	return b.String()
}
