// Package agreement is the use case that turns a draft into what people
// read: the signable PDF, the plain-text preview, and the list of characters
// the PDF cannot show. The GUI and the CLI both call it, so they can never
// disagree about what the agreement says.
package agreement

import (
	"fmt"

	"pactwright/app/compose"
	"pactwright/app/draft"
	"pactwright/app/template"
	"pactwright/render"
	"pactwright/render/docx"
)

// Engine holds the parsed clause wording and fonts. Build one and reuse it:
// parsing is most of the cost of a render. It is safe for concurrent use.
type Engine struct {
	template *template.Template
	composer *compose.Composer
	renderer *render.Renderer
}

// NewEngine parses the wording for t, checks that every field, option and
// clause key the wording names exists, and loads the fonts. What only
// composing can reveal (fields named by the schedules and the findings in
// Go) is checked by the tests over the variant matrix: see CheckDrafts.
func NewEngine(t *template.Template) (*Engine, error) {
	c, err := compose.New(t)
	if err != nil {
		return nil, fmt.Errorf("load clause wording: %w", err)
	}
	r, err := render.NewRenderer()
	if err != nil {
		return nil, fmt.Errorf("load PDF fonts: %w", err)
	}
	return &Engine{template: t, composer: c, renderer: r}, nil
}

// Template is the agreement template the engine renders.
func (e *Engine) Template() *template.Template { return e.template }

// Document lays out the agreement without producing bytes.
func (e *Engine) Document(d draft.Draft) (render.Document, error) {
	doc, err := e.composer.Document(d)
	if err != nil {
		return render.Document{}, fmt.Errorf("compose agreement: %w", err)
	}
	return doc, nil
}

// FieldsIn lists the fields whose answers can change the clause with
// this key: what a returned Word file's rewrite may have changed.
func (e *Engine) FieldsIn(key string) []string { return e.composer.FieldsIn(key) }

// Compose lays out the agreement and says what each clause key is
// numbered in this version: amendments compare two of these.
func (e *Engine) Compose(d draft.Draft) (compose.Composed, error) {
	out, err := e.composer.Compose(d)
	if err != nil {
		return compose.Composed{}, fmt.Errorf("compose agreement: %w", err)
	}
	return out, nil
}

// RenderDocument turns any laid-out document (an amendment, a conformed
// copy) into PDF bytes with the engine's fonts.
func (e *Engine) RenderDocument(doc render.Document) (pdf []byte, warnings []string, err error) {
	pdf, warnings, err = e.renderer.PDF(doc)
	if err != nil {
		return nil, warnings, fmt.Errorf("render PDF: %w", err)
	}
	return pdf, warnings, nil
}

// RenderWord turns a laid-out document into a Word file (.docx) for the
// other side to mark up; the draft and its origin, which the use cases put
// in doc.Attachments, travel inside it.
func (e *Engine) RenderWord(doc render.Document) ([]byte, error) {
	b, err := docx.Bytes(doc, docx.Options{Author: compose.Creator})
	if err != nil {
		return nil, fmt.Errorf("write Word file: %w", err)
	}
	return b, nil
}

// RenderPDF produces the signable PDF. Warnings name anything the reader
// should know, such as characters the fonts cannot show.
func (e *Engine) RenderPDF(d draft.Draft) (pdf []byte, warnings []string, err error) {
	doc, err := e.Document(d)
	if err != nil {
		return nil, nil, err
	}
	return e.RenderDocument(doc)
}

// Preview is the agreement as plain text, for the live preview.
func (e *Engine) Preview(d draft.Draft) (string, error) {
	doc, err := e.Document(d)
	if err != nil {
		return "", err
	}
	return render.PlainText(doc), nil
}

// UnsupportedCharacters lists characters in the draft that the PDF fonts
// cannot show, so the user can fix them before exporting.
func (e *Engine) UnsupportedCharacters(d draft.Draft) ([]rune, error) {
	doc, err := e.Document(d)
	if err != nil {
		return nil, err
	}
	return e.renderer.UnsupportedCharacters(doc), nil
}

// RenderPDF is a one-off render with a fresh engine, for callers that render
// once (the CLI).
func RenderPDF(t *template.Template, d draft.Draft) (pdf []byte, warnings []string, err error) {
	e, err := NewEngine(t)
	if err != nil {
		return nil, nil, err
	}
	return e.RenderPDF(d)
}

// Preview is a one-off preview with a fresh engine.
func Preview(t *template.Template, d draft.Draft) (string, error) {
	e, err := NewEngine(t)
	if err != nil {
		return "", err
	}
	return e.Preview(d)
}

// UnsupportedCharacters is a one-off check with a fresh engine.
func UnsupportedCharacters(t *template.Template, d draft.Draft) ([]rune, error) {
	e, err := NewEngine(t)
	if err != nil {
		return nil, err
	}
	return e.UnsupportedCharacters(d)
}
