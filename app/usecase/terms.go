package usecase

import (
	"fmt"
	"time"

	"pactwright/app/credits"
	"pactwright/app/draft"
)

// After signature, what the parties owe each other is the signed
// agreement as changed by the signed amendments in force on the day in
// question, not the working copy, which may hold an amendment still being
// negotiated. Credits, the calendar and the market view ask this use case
// which terms to read; a draft never signed gives its working copy, said
// to be draft terms.

// NotAgreed is the basis of terms nobody has signed.
const NotAgreed = "draft terms, not yet agreed"

// Terms are the terms that govern a question about one day.
type Terms struct {
	Draft  draft.Draft
	Agreed bool   // the terms were signed
	Basis  string // which terms, in words: "the signed agreement as amended by Amendment No. 1 (in force from 1 June 2027)"
}

// DraftTerms are the terms of a draft that is not in the library (a draft
// file): nobody has signed them as far as Pactwright knows.
func DraftTerms(d draft.Draft) Terms { return Terms{Draft: d, Basis: NotAgreed} }

// TermsInForce returns the terms of draft id in force on day: the signed
// agreement and the last signed amendment whose effective date is on or
// before day. A draft never signed gives its working copy as draft terms.
func (s *Service) TermsInForce(id int64, day time.Time) (Terms, error) {
	chain, err := s.Library.Chain(id)
	if err != nil {
		return Terms{}, err
	}
	if len(chain) == 0 {
		d, err := s.Library.Get(id)
		if err != nil {
			return Terms{}, err
		}
		return DraftTerms(d.Content), nil
	}
	on := day.UTC().Format("2006-01-02")
	point := chain[0]
	basis := fmt.Sprintf("the signed agreement (revision %d)", point.Revision)
	for _, p := range chain[1:] {
		if p.Effective == "" || p.Effective > on {
			continue
		}
		point = p
		basis = fmt.Sprintf("the signed agreement as amended by Amendment No. %d (in force from %s)", p.Amendment, longDate(p.Effective))
	}
	for _, p := range chain[1:] {
		if p.Effective > on {
			basis += fmt.Sprintf("; Amendment No. %d is signed but not in force until %s", p.Amendment, longDate(p.Effective))
			break
		}
	}
	d, err := s.Library.RevisionContent(id, point.Revision)
	if err != nil {
		return Terms{}, err
	}
	return Terms{Draft: d, Agreed: true, Basis: basis}, nil
}

func longDate(iso string) string {
	if t, err := time.Parse("2006-01-02", iso); err == nil {
		return t.Format("2 January 2006")
	}
	return iso
}

// CreditsDay is the day whose terms judge a run of months: the first day
// of the last month given (the month a statement is about), or today when
// the month is not named. An amendment effective mid-month applies from
// the next month's figures.
func CreditsDay(months []credits.Month, today time.Time) time.Time {
	if len(months) > 0 {
		if t, err := time.Parse("2006-01", months[len(months)-1].Period); err == nil {
			return t
		}
	}
	return today
}

// Credited is a credits calculation and the terms it was made on.
type Credited struct {
	Result  credits.Result
	Parties credits.Parties
	Terms   Terms
}

// Credits judges months of figures against the terms of draft id in force
// for the last of them.
func (s *Service) Credits(id int64, months []credits.Month, today time.Time) (Credited, error) {
	terms, err := s.TermsInForce(id, CreditsDay(months, today))
	if err != nil {
		return Credited{}, err
	}
	return s.CreditsOn(terms, months)
}

// CreditsOn judges months of figures against terms.
func (s *Service) CreditsOn(terms Terms, months []credits.Month) (Credited, error) {
	res, parties, err := s.Engine.Credits(terms.Draft, months)
	if err != nil {
		return Credited{}, err
	}
	return Credited{Result: res, Parties: parties, Terms: terms}, nil
}
