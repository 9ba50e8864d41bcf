// Package compose builds the agreement Document from a draft: the cover, the
// numbered clauses (from the wording templates in assets), the definitions
// of the terms they use, the schedules, the clause checklist and the
// signature page, with every cross-reference numbered after the fact.
package compose

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"pactwright/app/check"
	"pactwright/app/draft"
	"pactwright/app/template"
	"pactwright/assets"
	"pactwright/render"
)

// Creator is written into the PDF metadata.
const Creator = "Pactwright"

// Composer holds the parsed wording for one template. Build it once and
// reuse it: parsing the templates costs more than composing a document.
type Composer struct {
	t       *template.Template
	wording *wording
}

// FieldsIn lists the fields whose answers the wording of a clause names,
// by the clause's key ("pricing.invoices_and_payment" or its n-th
// clause, "pricing.invoices_and_payment.2"); nil for a key it does not know.
func (c *Composer) FieldsIn(key string) []string {
	if f, ok := c.wording.fields[key]; ok {
		return f
	}
	// "<group>.<slug>.<n>", or "<group>.<n>" before any subheading.
	if base, _, numbered := numberedKey(key); numbered {
		return c.wording.fields[base]
	}
	return nil
}

// New parses and checks the clause wording for template t.
func New(t *template.Template) (*Composer, error) { return NewFrom(t, assets.Clauses()) }

// NewFrom is New with wording from files, so tests can add or remove clauses.
// Every field, option and clause key the wording names is checked here.
func NewFrom(t *template.Template, files fs.FS) (*Composer, error) {
	w, err := parseWording(files, t, scheduleKeys())
	if err != nil {
		return nil, fmt.Errorf("clause wording: %w", err)
	}
	return &Composer{t: t, wording: w}, nil
}

// CheckDrafts composes each draft and reports the mistakes that only
// composing reveals: fields named in Go (schedules, cover) that the template
// lacks, and references to clauses a draft leaves out. The tests run it over
// the whole variant matrix; it is not part of New, because composing thirty
// drafts would cost every command-line call about 40 ms, and the wording and
// the Go code are both compiled into the binary, so a test that passes
// proves the same thing for the program that ships.
func (c *Composer) CheckDrafts(drafts []draft.Draft) error {
	for _, d := range drafts {
		out, err := c.Compose(d)
		if err == nil {
			err = out.Problems()
		}
		if err != nil {
			return fmt.Errorf("clause wording, %s: %w", d.Title, err)
		}
	}
	return nil
}

// Composed is a document together with what composing it asked of the
// answers: the engine and the tests check these.
type Composed struct {
	Document render.Document
	Refs     []Ref // every cross-reference, as resolved
	// Numbers maps every clause and schedule key to its number in this
	// document ("termination.exit_assistance" → "clause 6.4"): what an
	// amendment needs to name a clause as a given version numbers it.
	Numbers map[string]string
	Used    map[string]bool // every field the wording read or tested
	Markers map[string]bool // fields printed as "[to be completed: …]"
	// Unknown lists field ids named in Go (schedules, cover) that the
	// template lacks; Unresolved, references to clauses the draft leaves out.
	Unknown    []string
	Unresolved []string
}

// Problems reports the wording mistakes a composition revealed.
func (c Composed) Problems() error {
	var errs []error
	for _, id := range c.Unknown {
		errs = append(errs, fmt.Errorf("the schedules or cover name unknown field %q", id))
	}
	for _, key := range c.Unresolved {
		errs = append(errs, fmt.Errorf("a reference to %q points at a clause this draft leaves out", key))
	}
	return errors.Join(errs...)
}

// Document lays out the whole agreement.
func (c *Composer) Document(d draft.Draft) (render.Document, error) {
	out, err := c.Compose(d)
	return out.Document, err
}

// Compose lays out the agreement and reports what it used.
func (c *Composer) Compose(d draft.Draft) (Composed, error) {
	f := newFormatter(c.t, d.Answers)
	report := check.ForDraft(c.t, d)
	id, err := DocumentID(c.t, d)
	if err != nil {
		return Composed{}, err
	}
	f.schedules = schedulesFor(f)
	res := &resolver{numbers: map[string]string{}}
	doc := render.Document{
		Title:    f.value("agreement_title"),
		Subtitle: "between " + f.value("customer_name") + " and " + f.value("provider_name"),
		ID:       id,
		Parties:  []string{f.value("customer_name"), f.value("provider_name")},
		Creator:  Creator,
		Draft:    !report.Signable(),
		Cover:    cover(f),
	}
	last := len(c.t.Groups) - 1 // Signatures: its wording opens the signature page
	for i, g := range c.t.Groups[:last] {
		res.numbers[g.ID] = fmt.Sprintf("clause %d", i+1)
	}
	for i, s := range f.schedules {
		res.numbers[s.key] = fmt.Sprintf("Schedule %d", i+1)
	}
	for i := range c.t.Groups[:last] {
		sec, err := c.section(fmt.Sprint(i+1), &c.t.Groups[i], f)
		if err != nil {
			return Composed{}, err
		}
		doc.Sections = append(doc.Sections, sec)
	}
	for i, s := range f.schedules {
		sec := s.build(f)
		sec.Key, sec.Number, sec.Heading, sec.NewPage = s.key, fmt.Sprintf("Schedule %d", i+1), s.heading, true
		doc.Sections = append(doc.Sections, sec)
	}
	for _, s := range doc.Sections {
		for _, b := range s.Blocks {
			if b.Kind == render.Clause && b.Key != "" {
				res.numbers[b.Key] = "clause " + b.Number
			}
		}
	}
	if err := c.defineTerms(&doc, f); err != nil {
		return Composed{}, err
	}
	addCustomerIndemnity(&doc.Cover, res.numbers)
	doc.Checklist = checklist(report, elementsWithTerms(res.numbers))
	signing, err := c.section("", &c.t.Groups[last], f)
	if err != nil {
		return Composed{}, err
	}
	doc.Signing = signatories(f, signing)
	eachText(&doc, func(s string) string { return template.Tidy(res.resolve(s)) })
	negotiate(&doc, d)
	if w, _ := f.place.Word("conspicuous"); w != "" {
		markConspicuous(&doc)
	}
	return Composed{
		Document: doc, Refs: res.refs, Numbers: res.numbers, Used: f.rec.used, Markers: f.rec.markers,
		Unknown: f.rec.unknown, Unresolved: res.unresolved,
	}, nil
}

// negotiate prints each clause with negotiated wording as the parties
// agreed it, under the clause's own number, and marks it in the checklist
// under its clause group. It runs after references are resolved: their
// words are printed exactly as kept.
func negotiate(doc *render.Document, d draft.Draft) {
	if len(d.Negotiated) == 0 {
		return
	}
	for si := range doc.Sections {
		for bi := range doc.Sections[si].Blocks {
			b := &doc.Sections[si].Blocks[bi]
			n, ok := d.Negotiated[b.Key]
			if b.Kind != render.Clause || !ok {
				continue
			}
			b.Text = n.Text
			// A clause group's checklist has the group's name, as its
			// section has for a heading.
			for gi := range doc.Checklist.Groups {
				if g := &doc.Checklist.Groups[gi]; g.Name == doc.Sections[si].Heading {
					g.Elements = append(g.Elements, render.ChecklistElement{
						Name:   check.NegotiatedClause(b.Key, b.Number),
						Status: "Negotiated wording, as agreed with the other side: Pactwright's checks do not apply to it",
						Done:   true,
					})
				}
			}
		}
	}
}

// DocumentID is a short fingerprint of the draft's content, printed on every
// page so both parties can tell at a glance that they hold the same version.
func DocumentID(t *template.Template, d draft.Draft) (string, error) {
	data, err := draft.Marshal(t, d)
	if err != nil {
		return "", fmt.Errorf("document id: %w", err)
	}
	sum := sha256.Sum256(data)
	h := strings.ToUpper(hex.EncodeToString(sum[:4]))
	return "PW-" + h[:4] + "-" + h[4:], nil
}

func cover(f formatter) render.Cover {
	party := func(role, label string) render.CoverParty {
		name := f.value(role + "_name")
		details := strings.TrimPrefix(f.party(role), name+", ")
		return render.CoverParty{
			Role:    label,
			Name:    name,
			Details: template.Capitalise(details) + ". Notices: " + f.value(role+"_contact_name") + noticeAddress(f, role) + ".",
		}
	}
	terms := []render.KeyTerm{
		{Label: "Start date", Value: f.value("effective_date")},
		{Label: "Initial term", Value: f.value("initial_term") + renewalSummary(f)},
		{Label: "Services", Value: template.Capitalise(f.valueLower("channels")) + "; in " + f.value("languages") + "; " + f.value("hours_days") + ", " + f.value("hours_times") + ", " + f.value("time_zone")},
		{Label: "Charges", Value: chargesSummary(f) + "; invoices payable within " + f.value("payment_days")},
	}
	if f.visible("minimum_commitment") && f.a.Has("minimum_commitment") && strings.Trim(f.text("minimum_commitment"), "0.%") != "" {
		terms = append(terms, render.KeyTerm{Label: "Minimum charge", Value: minimumSummary(f)})
	}
	terms = append(terms,
		render.KeyTerm{Label: "One-off charges", Value: oneOffSummary(f)},
		render.KeyTerm{Label: "Service levels", Value: headlineServiceLevel(f) + "; service credits " + creditSummary(f)},
		render.KeyTerm{Label: "Liability cap", Value: capBasis(f) + "Provider: the greater of " + f.value("liability_cap_floor") + " and " + f.count("liability_cap_months", "months") + " of Charges; Customer: " + f.count("liability_cap_months", "months") + " of Charges; data protection, security or confidentiality breaches: " + f.number("data_breach_cap_multiple") + " × the party's general limit, separately; see " + refPlaceholder("general")},
		render.KeyTerm{Label: "Indemnities", Value: indemnitySummary(f)},
		render.KeyTerm{Label: "Ending early", Value: endingEarlySummary(f)},
		render.KeyTerm{Label: "Disputes", Value: disputesSummary(f)},
		render.KeyTerm{Label: "Agents work in", Value: agentsCountry(f)},
	)
	terms = append(terms, []render.KeyTerm{
		{Label: "Breach notification", Value: "within " + f.value("breach_notice_hours")},
		{Label: "Exit assistance", Value: "up to " + f.value("exit_period") + " after the end, however it ends"},
		{Label: "Governing law", Value: governingLaw(f)},
	}...)
	return render.Cover{
		Parties:  []render.CoverParty{party("customer", "Customer"), party("provider", "Provider")},
		KeyTerms: terms,
		Note:     "This summary is for convenience only: the clauses and schedules that follow prevail over it.",
	}
}

// minimumSummary is the minimum charge as clause 4.3 sets it.
func minimumSummary(f formatter) string {
	switch f.text("pricing_model") {
	case "per_agent_hour", "per_fte_month":
		return f.value("minimum_commitment") + " of the approved staffing plan, if the Customer asks for fewer hours after approving it; see " + refPlaceholder("pricing.minimum_charge")
	}
	return f.value("minimum_commitment") + " of the Charges the forecast volume would produce, when volumes fall short; see " + refPlaceholder("pricing.minimum_charge")
}

// oneOffSummary lists the charges outside the monthly Charges.
func oneOffSummary(f formatter) string {
	var parts []string
	if strings.Trim(f.text("setup_fee"), "0.") != "" {
		parts = append(parts, "set-up fee "+f.value("setup_fee"))
	}
	if f.visible("training_fee") && strings.Trim(f.text("training_fee"), "0.") != "" && f.text("training_paid_by") != "provider" {
		parts = append(parts, "training fee "+f.value("training_fee")+" per agent trained")
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, "; ")
}

// addCustomerIndemnity adds to the cover's indemnities the one the
// Customer gives, for staff whose employment moves to the Provider when
// the Services start, once the clauses show the agreement has it: the
// cover must not present the indemnities as running one way only.
func addCustomerIndemnity(cover *render.Cover, numbers map[string]string) {
	const entry = "termination.staff_transfer_on_entry"
	if _, ok := numbers[entry]; !ok {
		return
	}
	for i := range cover.KeyTerms {
		if cover.KeyTerms[i].Label == "Indemnities" {
			cover.KeyTerms[i].Value += "; from the Customer, for staff whose employment moves to the Provider when the Services start; see " + refPlaceholder(entry)
		}
	}
}

// capBasis says what each cap covers, as the limitation clause does: a
// yearly cap starts again each contract year, so the summary must not
// read as one cap for the whole term.
func capBasis(f formatter) string {
	switch f.text("liability_cap_basis") {
	case "aggregate":
		return "for each contract year, "
	case "per_claim":
		return "for each claim, "
	}
	return ""
}

// indemnitySummary says which limit the Provider's indemnities are under.
func indemnitySummary(f formatter) string {
	switch {
	case f.visible("uncapped") && f.a.Includes("uncapped", "indemnities"):
		return "from the Provider, without limit; see " + refPlaceholder("general.indemnities")
	case f.text("indemnity_cap") == "general_cap":
		return "from the Provider, within the general limit" + ipUnlimited(f) + "; see " + refPlaceholder("general.indemnities")
	case f.text("indemnity_cap") == "breach_cap":
		return "from the Provider, up to a further " + f.number("data_breach_cap_multiple") + " × the Provider's general limit a year" + ipUnlimited(f) + "; see " + refPlaceholder("general.indemnities")
	}
	return "see " + refPlaceholder("general.indemnities")
}

// ipUnlimited notes the one indemnity the limits leave out, as the
// indemnities clause does.
func ipUnlimited(f formatter) string {
	if f.visible("indemnities") && f.a.Includes("indemnities", "ip") {
		return " (without limit for intellectual property claims)"
	}
	return ""
}

// endingEarlySummary is the right to end without a reason and its cost.
func endingEarlySummary(f formatter) string {
	who := "the Customer"
	switch f.text("convenience") {
	case "none":
		return "only for breach, insolvency or failure; see " + refPlaceholder("termination")
	case "either":
		who = "either party"
	case "customer_only":
	default:
		return f.value("convenience")
	}
	cost := "no fee"
	if f.text("convenience_fee") == "reasonable_costs" {
		cost = "the Customer pays the Provider's evidenced costs, up to three months' Charges"
	}
	summary := "without a reason, by " + who + " with notice of " + f.value("convenience_notice") + "; " + cost
	if f.text("customer_entity") == "sole_trader" {
		// An individual's cheapest way out, which the termination clause gives.
		summary += "; at no cost, with 30 days' notice, if the Customer dies, becomes permanently unable to run the business or stops trading; see " + refPlaceholder("termination.other_rights_to_end_the_agreement.2")
	}
	return summary
}

// disputesSummary is who decides a dispute in the end.
func disputesSummary(f formatter) string {
	switch f.text("final_forum") {
	case "arbitration":
		return "arbitration under the " + f.value("arbitration_rules") + ", seated in " + f.seat()
	case "courts":
		return f.value("courts")
	}
	return f.value("final_forum")
}

// agentsCountry names the agents' country as a sentence would.
func agentsCountry(f formatter) string {
	if f.a.Has("delivery_country") && f.place.Site.Name != "" {
		// "the United Kingdom", as other key terms start in lower case.
		return f.place.Site.Name
	}
	return f.value("delivery_country")
}

// noticeAddress is where formal notices go, as the notices clause allows:
// an email address only when email is one of its methods.
func noticeAddress(f formatter, role string) string {
	if !f.visible("notice_methods") || !f.a.Has("notice_methods") || f.a.Includes("notice_methods", "email") {
		return ", " + f.value(role+"_contact_email")
	}
	return ", at the address above"
}

func renewalSummary(f formatter) string {
	switch f.text("renewal") {
	case "automatic":
		return ", then renews for " + f.value("renewal_period") + " at a time unless notice is given " + f.value("non_renewal_notice") + " before the end"
	case "customer_option":
		return ", renewable at the Customer's option for " + f.value("renewal_period")
	case "none":
		return ", no renewal"
	}
	return ""
}

func headlineServiceLevel(f formatter) string {
	if f.visible("sla_metrics") {
		for _, row := range f.a["sla_metrics"].Rows {
			if row["metric"] == "service_level" && row["target"] != "" {
				return template.Percentage(row["target"]) + " of calls answered within " + f.value("answer_time_seconds")
			}
		}
	}
	return "see " + refPlaceholder(scheduleServiceLevels)
}

func creditSummary(f formatter) string {
	switch f.text("service_credits") {
	case "yes":
		if f.text("compliance_period") == "quarterly" {
			return "capped at " + f.value("credit_cap") + " of each calendar quarter's Charges"
		}
		return "capped at " + f.value("credit_cap") + " of monthly Charges"
	case "no":
		return "none"
	}
	return f.value("service_credits")
}

func governingLaw(f formatter) string {
	if f.text("governing_law") == "other" {
		return f.value("governing_law_other")
	}
	return f.value("governing_law")
}

// termsFor are the checklist elements whose question may not apply while
// the agreement still has terms on them, by the clause keys that show it:
// staff-transfer terms where the transfer question does not apply (agents
// abroad for a UK customer; Australia's transfer of business), and the ban
// on taking card details where agents take no card payments.
var termsFor = map[string][]string{
	"tupe":  {"termination.staff_transfer", "termination.transfer_of_business"},
	"cards": {"confidentiality.card_payments"},
}

// elementsWithTerms lists the elements of termsFor whose clauses the
// composed agreement has: the checklist calls them agreed, not unused.
func elementsWithTerms(numbers map[string]string) map[string]bool {
	out := map[string]bool{}
	for element, prefixes := range termsFor {
		for key := range numbers {
			if slices.ContainsFunc(prefixes, func(p string) bool { return strings.HasPrefix(key, p) }) {
				out[element] = true
			}
		}
	}
	return out
}

// checklist lists the groups and their elements as the check judged them.
// withTerms are elements the agreement has terms on (elementsWithTerms),
// agreed rather than unused even when their question does not apply.
func checklist(r check.Report, withTerms map[string]bool) render.Checklist {
	// A signable agreement's checklist shows only what was agreed: the
	// notes on unfinished work belong to drafts.
	intro := "This checklist helps the parties read the agreement; it adds no terms of its own. Each party may initial the box beside each clause group to show it has read that group; a box left blank does not mean a group was not agreed."
	if !r.Signable() {
		intro += " A group marked incomplete still has terms to be completed; \"Suggested value, not yet reviewed\" marks a typical figure Pactwright offered that nobody has confirmed."
	}
	cl := render.Checklist{Intro: intro}
	for _, g := range r.Groups {
		cg := render.ChecklistGroup{Name: g.Name}
		for _, e := range g.Elements {
			el := render.ChecklistElement{Name: e.Name, Done: e.Status == check.Complete || e.Status == check.NotApplicable}
			switch e.Status {
			case check.Complete:
				el.Status = "Complete"
				if r.Signable() {
					el.Status = "Agreed"
				}
			case check.ToReview:
				el.Status = "Suggested value, not yet reviewed"
				if e.Upgraded {
					el.Status = "Added by an upgrade of Pactwright, not yet confirmed"
				}
			case check.NotApplicable:
				el.Status = "Not applicable"
				if r.Signable() {
					el.Status = "Not used in this agreement"
					if withTerms[e.ID] {
						el.Status = "Agreed"
					}
				}
			default:
				var msgs []string
				for _, p := range e.Problems {
					msgs = append(msgs, p.String())
				}
				el.Status = "Incomplete: " + strings.Join(msgs, "; ")
			}
			cg.Elements = append(cg.Elements, el)
		}
		cl.Groups = append(cl.Groups, cg)
	}
	return cl
}

func signatories(f formatter, wording render.Section) render.Signing {
	var intro []string
	for _, b := range wording.Blocks {
		intro = append(intro, b.Text)
	}
	block := func(role, prefix string) render.Signatory {
		party := "For and on behalf of " + f.value(prefix+"_name")
		// A sole trader signs personally: nobody signs "on behalf of" them.
		if f.text(prefix+"_entity") == "sole_trader" {
			party = "Signed by " + f.value(prefix+"_name")
			if f.a.Has(prefix + "_trading_name") {
				party += ", trading as " + f.value(prefix+"_trading_name")
			}
		}
		return render.Signatory{
			Party:     party,
			Role:      role,
			Name:      f.value(prefix + "_signatory_name"),
			Title:     f.value(prefix + "_signatory_title"),
			FieldName: prefix + "_signature",
		}
	}
	return render.Signing{
		Intro:       strings.Join(intro, "\n\n"),
		Signatories: []render.Signatory{block("Customer", "customer"), block("Provider", "provider")},
	}
}

// eachText rewrites every piece of text in the document that wording or
// answers can reach.
func eachText(doc *render.Document, fn func(string) string) {
	doc.Title, doc.Subtitle = fn(doc.Title), fn(doc.Subtitle)
	for i := range doc.Cover.Parties {
		doc.Cover.Parties[i].Details = fn(doc.Cover.Parties[i].Details)
	}
	for i := range doc.Cover.KeyTerms {
		doc.Cover.KeyTerms[i].Value = fn(doc.Cover.KeyTerms[i].Value)
	}
	for si := range doc.Sections {
		for bi := range doc.Sections[si].Blocks {
			b := &doc.Sections[si].Blocks[bi]
			b.Text = fn(b.Text)
			if b.Table != nil {
				for _, row := range b.Table.Rows {
					for ci := range row {
						row[ci] = fn(row[ci])
					}
				}
			}
		}
	}
	doc.Signing.Intro = fn(doc.Signing.Intro)
}

// texts lists the document's text, for finding the terms it uses.
func texts(doc render.Document) []string {
	var out []string
	eachText(&doc, func(s string) string { out = append(out, s); return s })
	return slices.Clip(out)
}

// chargesSummary is the price as the Charges clause states it.
func chargesSummary(f formatter) string {
	switch f.text("pricing_model") {
	case "fixed_monthly":
		return "a fixed monthly fee of " + f.value("rate")
	case "hybrid":
		return "a fixed monthly fee of " + f.value("fixed_fee") + ", plus " + f.value("rate") + " per call or contact"
	}
	if f.text("pricing_model") == "per_agent_hour" {
		return f.value("rate") + " per billable agent hour"
	}
	return f.value("rate") + " " + f.valueLower("pricing_model")
}

// conspicuousClauses are the clauses a law that enforces a jury waiver or
// a release of negligence only when it is conspicuous (Texas's fair-notice
// rules) needs set apart: the whole limitation of liability, the sole
// remedy for missed service levels, the indemnities' reach to the
// Customer's own negligence, and the jury waiver.
var conspicuousClauses = []string{"general.limitation_of_liability", "service_levels.remedies_for_missed_service_levels", "general.indemnities.2", "disputes.waiver_of_jury_trial"}

// markConspicuous sets those clauses in bold capitals, once their
// cross-references are numbered.
func markConspicuous(doc *render.Document) {
	for i := range doc.Sections {
		for j := range doc.Sections[i].Blocks {
			b := &doc.Sections[i].Blocks[j]
			if b.Kind != render.Clause || !slices.ContainsFunc(conspicuousClauses, func(k string) bool { return b.Key == k || strings.HasPrefix(b.Key, k+".") }) {
				continue
			}
			b.Conspicuous, b.Text = true, strings.ToUpper(b.Text)
		}
	}
}
