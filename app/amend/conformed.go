package amend

import (
	"fmt"

	"pactwright/render"
)

// Conformed turns the composed current terms into the conformed copy: the
// agreement as amended, with a note on the cover naming each amendment, and
// no signature fields, because the signed originals are what bind.
func Conformed(current render.Document, original Original, amendments []Earlier) render.Document {
	doc := current
	doc.ID = current.ID + "-C"
	doc.Subtitle = current.Subtitle + " (conformed copy)"
	note := fmt.Sprintf("Conformed copy of the %s dated %s, document %s", original.Title,
		original.Signed.UTC().Format("2 January 2006"), original.DocumentID)
	if len(amendments) > 0 {
		note += ", " + amendedBy(amendments)
	}
	note += ". It shows the terms in force and is not for signature: the signed agreement and amendments are the binding documents."
	doc.Cover.Note = note + " " + current.Cover.Note
	doc.Signing = render.Signing{Intro: note}
	return doc
}
