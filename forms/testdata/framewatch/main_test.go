package main

import (
	"testing"
	"time"
)

// picture is a w×h frame of one grey, with the rectangles given drawn
// white: x0, y0, x1, y1 each.
func picture(w, h int, rects ...[4]int) frame {
	f := frame{width: w, height: h, pix: make([]byte, w*h*4)}
	for i := range f.pix {
		f.pix[i] = 40
	}
	for _, r := range rects {
		for y := r[1]; y < r[3]; y++ {
			for x := r[0]; x < r[2]; x++ {
				i := (y*w + x) * 4
				f.pix[i], f.pix[i+1], f.pix[i+2] = 255, 255, 255
			}
		}
	}
	return f
}

func TestShownIsTheFirstPictureWithTheResult(t *testing.T) {
	const w, h = 400, 300
	// The new content: lines of text, few pixels each, as the preview's
	// monospaced lines are; beside them the highlight's strip is more
	// than tolerance of the pixels changed.
	var content [][4]int
	for y := 40; y < 290; y += 20 {
		content = append(content, [4]int{200, y, 390, y + 2})
	}
	tabAt := func(x int) [4]int { return [4]int{x, 30, x + 60, 33} }
	with := func(tab [4]int, lines [][4]int) frame { return picture(w, h, append([][4]int{tab}, lines...)...) }
	before := picture(w, h, tabAt(100))
	at := func(ms int) time.Time { return time.Unix(0, 0).Add(time.Duration(ms) * time.Millisecond) }
	changes := []change{
		{at(20), with(tabAt(120), nil)},     // the highlight moved, no content yet
		{at(40), with(tabAt(140), content)}, // the content, the highlight still sliding
		{at(60), with(tabAt(170), content)},
		{at(80), with(tabAt(200), content)}, // final
	}
	if got := shown(before, changes, tolerance); !got.at.Equal(at(40)) {
		t.Fatalf("shown at %v, want the content's first picture at 40 ms", got.at.Sub(at(0)))
	}
	// Nor does a text cursor that blinked off since: a thin patch of its
	// own, apart from the highlight's.
	cursor := [4]int{20, 100, 22, 120}
	changes[1] = change{at(40), with(tabAt(140), append([][4]int{cursor}, content...))}
	if got := shown(before, changes, tolerance); !got.at.Equal(at(40)) {
		t.Fatalf("shown at %v, want 40 ms: only the highlight and a cursor differ from the end", got.at.Sub(at(0)))
	}
	// A picture missing part of the content is not the result, however
	// little of it is missing, unless it is within tolerance.
	changes[1] = change{at(40), with(tabAt(200), content[:8])}
	if got := shown(before, changes, tolerance); !got.at.Equal(at(60)) {
		t.Fatalf("shown at %v, want 60 ms: the picture at 40 ms lacks the content's last lines", got.at.Sub(at(0)))
	}
}
