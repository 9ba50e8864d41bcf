package render

import "time"

// fixedNow keeps test output reproducible.
func fixedNow() time.Time { return time.Date(2025, 3, 14, 9, 30, 0, 0, time.UTC) }

func clause(n, text string) Block { return Block{Kind: Clause, Number: n, Text: text} }
func para(text string) Block      { return Block{Kind: Paragraph, Text: text} }
func subhead(text string) Block   { return Block{Kind: Subheading, Text: text} }

// slaRows is the service level table of the fixture; tests look for its
// cells in the extracted text.
var slaRows = [][]string{
	{"Calls answered within 20 seconds", "80% of offered calls", "Monthly", "2% of monthly fee per point below target"},
	{"Abandoned call rate", "Below 5% of offered calls", "Monthly", "1% of monthly fee per point above target"},
	{"Email response time", "95% answered within 4 business hours", "Monthly", "1% of monthly fee"},
	{"First contact resolution", "At least 70%", "Quarterly", "Service review; remediation plan within 10 days"},
	{"Customer satisfaction (CSAT)", "Average of 4.2 out of 5 or better", "Monthly", "Service review"},
	{"Quality assurance score", "90% of sampled calls pass the agreed scorecard", "Monthly", "1% of monthly fee"},
	{"Service availability (telephony platform)", "99.5% during Service Hours", "Monthly", "3% of monthly fee per 0.5% below target"},
	{"Reporting delivered", "By the 5th business day of each month", "Monthly", "Credit of GBP 250 per late report"},
}

// fixture is a realistic agreement: nine clause groups, an SLA schedule
// and two signatories, the shape app/compose produces.
func fixture() Document {
	return Document{
		Title:    "Call Centre Services Agreement",
		Subtitle: "between Harbour Lane Bakery Ltd and Callwise Contact Solutions Ltd",
		ID:       "PW-7F3A-21C9",
		Parties:  []string{"Harbour Lane Bakery Ltd", "Callwise Contact Solutions Ltd"},
		Creator:  "Pactwright 0.1.0",
		Draft:    false,
		Cover: Cover{
			Parties: []CoverParty{
				{Role: "Customer", Name: "Harbour Lane Bakery Ltd", Details: "a private limited company registered in England and Wales (company number 09876543), 14 Harbour Lane, Bristol BS1 4QA"},
				{Role: "Provider", Name: "Callwise Contact Solutions Ltd", Details: "a private limited company registered in England and Wales (company number 11223344), Unit 3, Meridian Park, Leeds LS11 5QT"},
			},
			KeyTerms: []KeyTerm{
				{Label: "Services", Value: "Inbound customer service by telephone, email and web chat; outbound order confirmation calls"},
				{Label: "Start date", Value: "1 May 2025"},
				{Label: "Initial term", Value: "24 months, then rolling 12-month renewals unless either party gives 90 days' notice"},
				{Label: "Service hours", Value: "Monday to Saturday, 08:00 to 20:00 UK time, excluding bank holidays"},
				{Label: "Charges", Value: "GBP 4,850 per month for up to 3,000 handled contacts; GBP 1.45 per additional contact"},
				{Label: "Payment terms", Value: "30 days from invoice"},
				{Label: "Service credits cap", Value: "15% of the monthly fee"},
				{Label: "Liability cap", Value: "125% of the charges paid in the 12 months before the claim"},
				{Label: "Data protection", Value: "Provider acts as processor; UK GDPR Article 28 terms in clause 7"},
				{Label: "Governing law", Value: "England and Wales"},
			},
			Note: "This summary is for convenience only. If it differs from the clauses that follow, the clauses prevail.",
		},
		Sections: []Section{
			{Number: "1", Heading: "Definitions and Interpretation", Blocks: []Block{
				para("In this Agreement the following words have these meanings:"),
				clause("1.1", "\"Contact\" means one inbound or outbound telephone call, email or web chat session handled by a Provider agent on the Customer's behalf."),
				clause("1.2", "\"Service Hours\" means the hours set out in the key terms on the cover page, or as later agreed in writing."),
				clause("1.3", "\"Service Levels\" means the performance standards set out in Schedule 1, and \"Service Credits\" means the amounts payable when they are missed."),
				clause("1.4", "Headings do not affect interpretation. \"Including\" means including without limitation."),
			}},
			{Number: "2", Heading: "Services", Blocks: []Block{
				clause("2.1", "The Provider shall provide the Services during the Service Hours from its premises in Leeds, using trained agents who handle Contacts in the Customer's name and following the scripts and knowledge base the Customer approves."),
				clause("2.2", "The Provider shall not subcontract any part of the Services without the Customer's prior written consent, which shall not be unreasonably withheld."),
				clause("2.3", "The Customer shall give the Provider at least 30 days' notice of any promotion or seasonal event expected to raise Contact volumes by more than 20%."),
				clause("2.4", "Each party shall appoint a contract manager, who shall meet the other party's contract manager at least monthly to review performance and forecasts."),
			}},
			{Number: "3", Heading: "Service Levels", Blocks: []Block{
				clause("3.1", "The Provider shall meet or exceed the Service Levels in Schedule 1, measured over each calendar month unless Schedule 1 says otherwise."),
				clause("3.2", "If the Provider misses a Service Level, the Service Credit shown against it shall be deducted from the next invoice. Service Credits in any month are capped at 15% of the monthly fee."),
				clause("3.3", "Service Credits are a price adjustment reflecting the reduced value of the Services and are without prejudice to the Customer's other rights, except that the Customer may not recover the same loss twice."),
				clause("3.4", "If the Provider misses the same Service Level in three consecutive months, the Customer may terminate this Agreement under clause 8.2."),
			}},
			{Number: "4", Heading: "Staffing and Training", Blocks: []Block{
				clause("4.1", "The Provider shall keep enough trained agents to meet the Service Levels at the forecast volumes, and shall provide a named team leader for the Customer's account."),
				clause("4.2", "New agents shall complete the Customer's product training, of at least two days, before handling Contacts."),
				clause("4.3", "The Provider is responsible for the employment, pay and conduct of its staff. Nothing in this Agreement makes any Provider staff an employee of the Customer."),
			}},
			{Number: "5", Heading: "Charges and Payment", Blocks: []Block{
				clause("5.1", "The Customer shall pay the charges set out on the cover page. Charges are exclusive of VAT, which shall be added at the applicable rate."),
				clause("5.2", "The Provider shall invoice monthly in arrears, with a report of Contacts handled and Service Levels achieved. Invoices are payable within 30 days."),
				clause("5.3", "The Provider may increase the charges once a year, on the anniversary of the start date, by no more than the annual change in the Consumer Prices Index, on 60 days' written notice."),
				clause("5.4", "Undisputed sums paid late carry interest at 4% a year above the Bank of England base rate."),
			}},
			{Number: "6", Heading: "Confidentiality", Blocks: []Block{
				clause("6.1", "Each party shall keep the other's confidential information confidential, use it only to perform this Agreement, and disclose it only to staff and advisers who need to know it and are bound by equivalent duties."),
				clause("6.2", "This clause does not apply to information that is public through no breach of this Agreement, or that a party must disclose by law."),
			}},
			{Number: "7", Heading: "Data Protection", Blocks: []Block{
				clause("7.1", "The Provider shall process personal data only on the Customer's documented instructions, as processor under Article 28 of the UK GDPR."),
				clause("7.2", "The Provider shall keep appropriate technical and organisational security measures, including encrypted call recordings, role-based access and annual staff training."),
				clause("7.3", "The Provider shall notify the Customer without undue delay, and in any case within 24 hours, after becoming aware of a personal data breach affecting Customer data."),
				clause("7.4", "On termination the Provider shall, at the Customer's choice, return or delete all Customer personal data within 30 days, unless the law requires it to be kept."),
			}},
			{Number: "8", Heading: "Term and Termination", Blocks: []Block{
				clause("8.1", "This Agreement starts on the start date and continues for the initial term, and then renews for 12 months at a time unless either party gives at least 90 days' written notice before a renewal date."),
				clause("8.2", "Either party may terminate immediately by written notice if the other commits a material breach that is not remedied within 30 days of notice, or becomes insolvent."),
				clause("8.3", "On termination the Provider shall cooperate in an orderly handover of the Services for up to 60 days, at the charges then in force."),
			}},
			{Number: "9", Heading: "Liability and General", Blocks: []Block{
				clause("9.1", "Neither party excludes liability for death or personal injury caused by negligence, for fraud, or for anything that cannot be excluded by law."),
				clause("9.2", "Subject to clause 9.1, each party's total liability under this Agreement in any contract year is limited to 125% of the charges paid in the 12 months before the claim."),
				clause("9.3", "This Agreement is governed by the law of England and Wales, and the courts of England and Wales have exclusive jurisdiction."),
			}},
			{Number: "Schedule 1", Heading: "Service Levels", NewPage: true, Blocks: []Block{
				para("The Provider shall report each Service Level monthly. Where a measurement period is quarterly, the Service Credit applies to the invoice following the quarter."),
				{Kind: TableBlock, Table: &Table{
					Columns: []string{"Service Level", "Target", "Measured", "Service Credit"},
					Widths:  []float64{3, 3, 1.4, 3},
					Rows:    slaRows,
				}},
				subhead("Exclusions"),
				para("A Service Level is not missed to the extent the failure is caused by the Customer, by volumes more than 20% above forecast without the notice required by clause 2.3, or by a force majeure event."),
			}},
		},
		Checklist: Checklist{
			Intro: "Each clause group and its essential elements. Initial each group to confirm you have read it.",
			Groups: []ChecklistGroup{
				{Name: "Parties and Services", Elements: []ChecklistElement{
					{Name: "Both parties identified with company numbers", Status: "Complete", Done: true},
					{Name: "Services and channels described", Status: "Complete", Done: true},
					{Name: "Subcontracting position", Status: "Complete", Done: true},
				}},
				{Name: "Service Levels", Elements: []ChecklistElement{
					{Name: "Targets for each channel", Status: "Complete", Done: true},
					{Name: "Service credit cap", Status: "Complete", Done: true},
					{Name: "Persistent failure termination right", Status: "Incomplete: choose the number of months", Done: false},
				}},
				{Name: "Charges", Elements: []ChecklistElement{
					{Name: "Monthly fee and volume bands", Status: "Complete", Done: true},
					{Name: "Price increase mechanism", Status: "Complete", Done: true},
				}},
				{Name: "Data Protection", Elements: []ChecklistElement{
					{Name: "Article 28 processor terms", Status: "Complete", Done: true},
					{Name: "International transfers", Status: "Not applicable", Done: true},
				}},
				{Name: "Term and Termination", Elements: []ChecklistElement{
					{Name: "Initial term and renewal", Status: "Complete", Done: true},
					{Name: "Exit assistance", Status: "Complete", Done: true},
				}},
			},
		},
		Signing: Signing{
			Intro: "Signed by the authorised representatives of the parties on the dates below. Each party may sign a separate copy, digitally or by hand.",
			Signatories: []Signatory{
				{Party: "For and on behalf of Harbour Lane Bakery Ltd", Role: "Customer", Name: "Eleanor Marsh", Title: "Managing Director", FieldName: "CustomerSignature"},
				{Party: "For and on behalf of Callwise Contact Solutions Ltd", Role: "Provider", Name: "", Title: "", FieldName: "ProviderSignature"},
			},
		},
	}
}
