package template

func signatures() Group {
	return Group{
		ID:    "signatures",
		Name:  "Signatures",
		Intro: "Who signs for each party. The PDF has a signature field for each of them, to sign digitally or on paper.",
		Fields: []Field{
			text("customer_signatory_name", "Customer signatory: name",
				"The person who signs for the Customer. They must have authority to bind the business, usually a director.").required(),
			text("customer_signatory_title", "Customer signatory: job title",
				"For example \"Director\" or \"Chief Executive\".").required().def("Director"),
			text("provider_signatory_name", "Provider signatory: name",
				"The person who signs for the Provider, usually a director.").required(),
			text("provider_signatory_title", "Provider signatory: job title",
				"For example \"Director\" or \"Managing Director\".").required().def("Director"),
			yesNo("electronic_signatures", "Electronic signatures and counterparts accepted",
				"Each party may sign a separate copy, and electronic or digital signatures count as originals. This lets you sign the PDF without meeting.").required().defYes(),
		},
		Elements: []Element{
			element("customer_block", "Customer signature block", "customer_signatory_name", "customer_signatory_title"),
			element("provider_block", "Provider signature block", "provider_signatory_name", "provider_signatory_title"),
			element("execution", "Counterparts and electronic signatures", "electronic_signatures"),
		},
	}
}
