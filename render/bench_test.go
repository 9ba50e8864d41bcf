package render

import "testing"

// BenchmarkPDF renders the fixture with a shared Renderer, as the app does
// on each export. Target: at most 20 ms and 150 KB.
func BenchmarkPDF(b *testing.B) {
	r, err := NewRenderer()
	if err != nil {
		b.Fatal(err)
	}
	doc := fixture()
	size := 0
	b.ReportAllocs()
	for b.Loop() {
		pdf, _, err := r.PDF(doc)
		if err != nil {
			b.Fatal(err)
		}
		size = len(pdf)
	}
	b.ReportMetric(float64(size), "pdf-bytes")
}

// BenchmarkPDFNewRenderer measures the convenience function, which parses
// the fonts on every call.
func BenchmarkPDFNewRenderer(b *testing.B) {
	doc := fixture()
	for b.Loop() {
		if _, _, err := PDF(doc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNewRenderer is the one-off cost of parsing the fonts.
func BenchmarkNewRenderer(b *testing.B) {
	for b.Loop() {
		if _, err := NewRenderer(); err != nil {
			b.Fatal(err)
		}
	}
}
