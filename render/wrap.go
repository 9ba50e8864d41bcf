package render

import "strings"

// wrap breaks text into lines no wider than width points at size, honouring
// "\n". It breaks at spaces, or after a hyphen, and splits a word that is
// wider than the line by characters, so no input is ever lost or drawn
// past the margin (a single glyph wider than the line is the only
// exception: it gets a line of its own). An empty text yields no lines.
//
// It is linear in the length of text: gopdf's SplitTextWithWordWrap
// re-measures the whole line for every rune and allocates for each.
func wrap(f *face, size, width float64, text string) []string {
	if text == "" {
		return nil
	}
	limit := 0
	if size > 0 {
		limit = int(width * 1000 / size)
	}
	var lines []string
	for para := range strings.SplitSeq(text, "\n") {
		lines = wrapParagraph(lines, f, limit, para)
	}
	return lines
}

// wrapParagraph appends the lines of one "\n"-free paragraph to lines.
func wrapParagraph(lines []string, f *face, limit int, para string) []string {
	if para == "" {
		return append(lines, "")
	}
	rs := []rune(para)
	n := len(rs)
	start := 0
	for start < n {
		w := 0
		i := start
		cut, resume := -1, -1 // best break so far: line is rs[start:cut]
		for i < n {
			r := rs[i]
			adv := f.advance(r)
			if w+adv > limit && i > start {
				break
			}
			switch {
			case r == ' ' && i > start:
				if end := trimSpacesRight(rs, start, i); end > start {
					cut, resume = end, i
				}
			case r == '-' && i > start && rs[i-1] != ' ':
				cut, resume = i+1, i+1
			}
			w += adv
			i++
		}
		if i == n {
			lines = append(lines, string(rs[start:trimSpacesRight(rs, start, n)]))
			break
		}
		if rs[i] == ' ' {
			// The line is full exactly where a space falls.
			cut, resume = trimSpacesRight(rs, start, i), i
			if cut == start {
				cut = -1
			}
		}
		if cut < 0 {
			cut, resume = i, i // no break point: split the word
		}
		lines = append(lines, string(rs[start:cut]))
		for resume < n && rs[resume] == ' ' {
			resume++
		}
		start = resume
	}
	return lines
}

// trimSpacesRight returns the end of rs[start:end] without trailing spaces.
func trimSpacesRight(rs []rune, start, end int) int {
	for end > start && rs[end-1] == ' ' {
		end--
	}
	return end
}
