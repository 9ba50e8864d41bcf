// Command barewindow is the floor the window's idle cost is compared
// with: a plain Fyne window of 60 labels and entries in a scroll, the
// size of the app's window, nothing else. idle.sh measures it and the app
// in the same run.
package main

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("app.pactwright.barewindow")
	w := a.NewWindow("Bare window")
	form := container.NewVBox()
	for i := 1; i <= 60; i++ {
		e := widget.NewEntry()
		e.SetText(fmt.Sprintf("Answer %d", i))
		form.Add(widget.NewLabel(fmt.Sprintf("Question %d", i)))
		form.Add(e)
	}
	w.SetContent(container.NewVScroll(form))
	w.Resize(fyne.NewSize(1280, 800))
	w.ShowAndRun()
}
