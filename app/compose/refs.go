package compose

import (
	"strings"
)

// Cross-references are written by key ({{ref "termination"}}) and printed
// as numbers ("clause 6") only after the whole agreement is numbered, so
// adding or leaving out a clause can never leave a reference pointing at
// the wrong text. Keys are stable across versions:
//
//	<group id>                      the clause group, "clause 6"
//	<group id>.<subheading slug>    the first clause under a subheading, "clause 6.4"
//	<group id>.<slug>.<n>           its n-th clause, "clause 6.5"
//	schedule.<name>                 a schedule, "Schedule 2"
//
// An amendment can therefore name a clause by key and print the number it
// has in a given version.
const (
	refOpen  = "\uE000"
	refClose = "\uE001"
)

func refPlaceholder(key string) string { return refOpen + key + refClose }

// Ref is one cross-reference as printed: the key it was written with and
// the number it resolved to in this document.
type Ref struct {
	Key    string
	Number string // "clause 6.4", "Schedule 2"
}

// resolver fills in the numbers of one document.
type resolver struct {
	numbers    map[string]string // key → "clause 6.4"
	refs       []Ref
	unresolved []string // keys of clauses this draft leaves out
}

// resolve replaces every placeholder in s. A key whose clause this draft
// leaves out falls back to its clause group, so the reader is still sent to
// the right place, and is recorded for the tests to catch.
func (r *resolver) resolve(s string) string {
	if !strings.Contains(s, refOpen) {
		return s
	}
	var b strings.Builder
	for {
		before, rest, found := strings.Cut(s, refOpen)
		b.WriteString(before)
		if !found {
			return b.String()
		}
		key, after, _ := strings.Cut(rest, refClose)
		number, ok := r.numbers[key]
		if !ok {
			r.unresolved = append(r.unresolved, key)
			group, _, _ := strings.Cut(key, ".")
			number = r.numbers[group]
		}
		r.refs = append(r.refs, Ref{Key: key, Number: number})
		b.WriteString(number)
		s = after
	}
}
