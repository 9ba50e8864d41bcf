package compose

import (
	"regexp"
	"strings"
)

// usSpellings are the words of the clause wording that US deals spell
// differently. Only the wording's own text is respelt (see usSpelling): an
// answer the user typed, such as a party called "… Contact Centre Ltd",
// prints as typed.
var usSpellings = map[string]string{
	"anonymised": "anonymized", "authorised": "authorized", "unauthorised": "unauthorized",
	"centre": "center", "centres": "centers", "defence": "defense", "labour": "labor",
	"licence": "license", "recognises": "recognizes", "recognise": "recognize",
	"organisation": "organization", "organisations": "organizations", "wilful": "willful",
	"minimise": "minimize", "favour": "favor", "behaviour": "behavior", "programme": "program",
	"judgement": "judgment", "cancelled": "canceled", "fulfil": "fulfill", "offence": "offense",
	"apologise": "apologize", "summarise": "summarize", "prioritise": "prioritize",
}

var spellingWord = regexp.MustCompile(`[A-Za-z]+`)

// respell writes s in US spelling. Only words in lower case change: a
// capitalised one is a name ("Centre for Effective Dispute Resolution").
func respell(s string) string {
	return spellingWord.ReplaceAllStringFunc(s, func(w string) string {
		if us, ok := usSpellings[w]; ok {
			return us
		}
		return w
	})
}

// usSpelling respells a wording file's text outside its {{actions}}, so
// that field ids, option ids and quoted arguments stay as they are.
func usSpelling(src string) string {
	var b strings.Builder
	for src != "" {
		open := strings.Index(src, "{{")
		if open < 0 {
			b.WriteString(respell(src))
			break
		}
		b.WriteString(respell(src[:open]))
		end := strings.Index(src[open:], "}}")
		if end < 0 {
			b.WriteString(src[open:])
			break
		}
		b.WriteString(src[open : open+end+2])
		src = src[open+end+2:]
	}
	return b.String()
}
