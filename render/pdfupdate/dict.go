package pdfupdate

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Dict is a PDF dictionary as ordered key/value source text: enough to
// copy a page or catalog and add one entry without understanding the rest.
type Dict struct {
	entries []dictEntry
}

type dictEntry struct{ key, value string }

func (d Dict) Get(key string) (string, bool) {
	for _, e := range d.entries {
		if e.key == key {
			return e.value, true
		}
	}
	return "", false
}

// Ref returns the object number of an indirect reference "N G R".
func (d Dict) Ref(key string) (int, bool) {
	v, ok := d.Get(key)
	if !ok {
		return 0, false
	}
	fs := strings.Fields(v)
	if len(fs) != 3 || fs[2] != "R" {
		return 0, false
	}
	n, err := strconv.Atoi(fs[0])
	return n, err == nil
}

// Set replaces key's value, or appends the entry.
func (d *Dict) Set(key, value string) {
	for i := range d.entries {
		if d.entries[i].key == key {
			d.entries[i].value = value
			return
		}
	}
	d.entries = append(d.entries, dictEntry{key, value})
}

func (d Dict) String() string {
	var b strings.Builder
	b.WriteString("<<")
	for _, e := range d.entries {
		b.WriteString("\n  ")
		b.WriteString(e.key)
		b.WriteByte(' ')
		b.WriteString(e.value)
	}
	b.WriteString("\n>>")
	return b.String()
}

// ParseDict splits the source text of one dictionary "<< ... >>".
func ParseDict(s string) (Dict, error) {
	if !strings.HasPrefix(s, "<<") {
		return Dict{}, errors.New("not a dictionary")
	}
	var d Dict
	i := 2
	for {
		i = skipSpace(s, i)
		if i >= len(s) {
			return Dict{}, errors.New("unterminated dictionary")
		}
		if strings.HasPrefix(s[i:], ">>") {
			return d, nil
		}
		if s[i] != '/' {
			return Dict{}, fmt.Errorf("dictionary key expected at %q", clip(s[i:]))
		}
		keyEnd, err := skipValue(s, i)
		if err != nil {
			return Dict{}, err
		}
		// Readers undo #xx escapes in names, so /Rec#74 is /Rect; and a
		// key given twice could mean either value to different readers.
		key := decodeName(s[i:keyEnd])
		if _, dup := d.Get(key); dup {
			return Dict{}, fmt.Errorf("dictionary key %s appears twice", clip(key))
		}
		i = skipSpace(s, keyEnd)
		end, err := skipValue(s, i)
		if err != nil {
			return Dict{}, fmt.Errorf("value of %s: %w", key, err)
		}
		end = extendRef(s, i, end)
		d.entries = append(d.entries, dictEntry{key, s[i:end]})
		i = end
	}
}

// extendRef widens the integer token s[start:end] to "N G R" when an
// indirect reference follows, since the tokenizer reads those as three.
func extendRef(s string, start, end int) int {
	if _, err := strconv.Atoi(s[start:end]); err != nil {
		return end
	}
	g := skipSpace(s, end)
	gEnd, err := skipValue(s, g)
	if err != nil || g == end {
		return end
	}
	if _, err := strconv.Atoi(s[g:gEnd]); err != nil {
		return end
	}
	r := skipSpace(s, gEnd)
	if r == gEnd || r >= len(s) || s[r] != 'R' || (r+1 < len(s) && !isDelimOrSpace(s[r+1])) {
		return end
	}
	return r + 1
}

// skipValue returns the end of the value (or name) starting at s[i].
func skipValue(s string, i int) (int, error) { return skipNested(s, i, 0) }

// skipNested is skipValue inside depth arrays and dictionaries: deeper
// than maxNesting is refused, so no input can exhaust the stack.
func skipNested(s string, i, depth int) (int, error) {
	if i >= len(s) {
		return 0, errors.New("value expected, found end")
	}
	if depth > maxNesting {
		return 0, fmt.Errorf("arrays and dictionaries nested more than %d deep", maxNesting)
	}
	switch {
	case strings.HasPrefix(s[i:], "<<"):
		i += 2
		for {
			i = skipSpace(s, i)
			if i >= len(s) {
				return 0, errors.New("unterminated dictionary")
			}
			if strings.HasPrefix(s[i:], ">>") {
				return i + 2, nil
			}
			end, err := skipNested(s, i, depth+1)
			if err != nil {
				return 0, err
			}
			i = end
		}
	case s[i] == '[':
		i++
		for {
			i = skipSpace(s, i)
			if i >= len(s) {
				return 0, errors.New("unterminated array")
			}
			if s[i] == ']' {
				return i + 1, nil
			}
			end, err := skipNested(s, i, depth+1)
			if err != nil {
				return 0, err
			}
			i = end
		}
	case s[i] == '<':
		end := strings.IndexByte(s[i:], '>')
		if end < 0 {
			return 0, errors.New("unterminated hex string")
		}
		return i + end + 1, nil
	case s[i] == '(':
		depth := 0
		for j := i; j < len(s); j++ {
			switch s[j] {
			case '\\':
				j++
			case '(':
				depth++
			case ')':
				depth--
				if depth == 0 {
					return j + 1, nil
				}
			}
		}
		return 0, errors.New("unterminated string")
	case s[i] == '/':
		j := i + 1
		for j < len(s) && !isDelimOrSpace(s[j]) {
			j++
		}
		return j, nil
	case isDelimOrSpace(s[i]):
		return 0, fmt.Errorf("unexpected %q", clip(s[i:]))
	default: // number, boolean, null, the R of a reference
		j := i
		for j < len(s) && !isDelimOrSpace(s[j]) {
			j++
		}
		return j, nil
	}
}

// skipSpace skips white space and comments.
func skipSpace(s string, i int) int {
	for i < len(s) {
		switch s[i] {
		case ' ', '\t', '\r', '\n', '\f', 0:
			i++
		case '%':
			for i < len(s) && s[i] != '\n' && s[i] != '\r' {
				i++
			}
		default:
			return i
		}
	}
	return i
}

func isDelimOrSpace(c byte) bool {
	return strings.IndexByte(" \t\r\n\f\x00()<>[]{}/%", c) >= 0
}

// clip shortens s for error messages.
func clip(s string) string {
	if len(s) > 20 {
		return s[:20] + "..."
	}
	return s
}

// Keys returns the dictionary's keys in source order.
func (d Dict) Keys() []string {
	keys := make([]string, len(d.entries))
	for i, e := range d.entries {
		keys[i] = e.key
	}
	return keys
}

// normalize rewrites a value's source text as its tokens separated by
// single spaces and numbers in one form, so that "/Pages 2 0 R/PageMode/UseOutlines" written by
// one tool and the same entries spaced out by another compare equal.
func normalize(s string) string {
	var b strings.Builder
	for i := skipSpace(s, 0); i < len(s); i = skipSpace(s, i) {
		end := i + 1
		switch {
		case strings.HasPrefix(s[i:], "<<"), strings.HasPrefix(s[i:], ">>"):
			end = i + 2
		case s[i] == '[' || s[i] == ']' || s[i] == '>':
		case s[i] == '<' || s[i] == '(' || s[i] == '/' || !isDelimOrSpace(s[i]):
			e, err := skipValue(s, i)
			if err != nil {
				return s // not well formed: compare the raw text
			}
			end = e
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		tok := s[i:end]
		if v, err := strconv.ParseFloat(tok, 64); err == nil {
			tok = strconv.FormatFloat(v, 'f', -1, 64) // 126.70 and 126.7 are one number
		}
		b.WriteString(tok)
		i = end
	}
	return b.String()
}
