package forms

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// A Fyne Select sizes itself by its placeholder, not by its options, and
// then cuts the chosen option short with "…" ("Mont…", "mon…"). These
// helpers size selects and cells by the text they must show instead.

// textWidth is the width of s in the body text style.
func textWidth(s string) float32 {
	return fyne.MeasureText(s, theme.TextSize(), fyne.TextStyle{}).Width
}

// selectWidth is the width a Select needs to show the longest of labels
// in full: the text, its insets, and the drop-down arrow (see the Select
// renderer's Layout, which gives the label the width left of the arrow).
func selectWidth(labels []string) float32 {
	var w float32
	for _, l := range labels {
		w = max(w, textWidth(l))
	}
	return w + 4*theme.InnerPadding() + theme.IconInlineSize()
}

// entryWidth is the width an Entry needs to show s without scrolling.
func entryWidth(s string) float32 {
	return textWidth(s) + 3*theme.InnerPadding()
}

// minWidthLayout stretches its objects over the whole size like a stack,
// but never reports a minimum width below width.
type minWidthLayout struct{ width float32 }

func (l minWidthLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l minWidthLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	m := fyne.NewSize(l.width, 0)
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return m
}

// fitSelect wraps s so that layouts give it room for its longest option.
func fitSelect(s *widget.Select) fyne.CanvasObject {
	return &fyne.Container{Layout: minWidthLayout{width: selectWidth(append([]string{s.PlaceHolder}, s.Options...))}, Objects: []fyne.CanvasObject{s}}
}

// halfWidthLayout gives its objects half of its width, or their minimum
// width where that is more, from the left edge.
type halfWidthLayout struct{}

func (halfWidthLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(fyne.NewSize(min(size.Width, max(size.Width/2, o.MinSize().Width)), size.Height))
	}
}

func (halfWidthLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return m
}

// textAndButton puts a wrapping text and a button beside it on one line.
// The button keeps its own height at the top of the line however many
// lines the text wraps into in a narrow window, where a plain border
// layout would stretch it.
func textAndButton(text fyne.CanvasObject, b *widget.Button) *fyne.Container {
	return container.NewBorder(nil, nil, nil, container.NewVBox(b), text)
}
