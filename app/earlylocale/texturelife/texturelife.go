// Package texturelife tells Fyne how long to keep what it drew, before
// Fyne reads it.
//
// Fyne keeps a widget's renderer and the texture of each string it drew
// for a while after the last frame that drew them, then frees them: one
// minute unless FYNE_CACHE holds another duration, read once while Fyne's
// internal cache package initialises. The editor builds and lays out every
// clause group's form ahead of its first visit (forms/buildahead.go); with
// Fyne's minute, a group left unseen for longer than that was drawn afresh
// on its next visit, 70–140 ms instead of 20–60 ms. Lifetime is also what
// a typed string's texture costs: each keystroke in a long field makes one
// for the line it changed, freed only once that lifetime has passed, so a
// lifetime of hours would let fast typing pile up textures. Ten minutes
// keeps a working session's forms warm and bounds that pile.
//
// Like earlylocale, this package lives in the module whose path sorts
// before "fyne.io" and imports nothing but os, so it initialises before
// any Fyne package (Go spec, "Package initialization"). A FYNE_CACHE set by
// the user is left as it is.
package texturelife

import "os"

// Lifetime is the FYNE_CACHE value set when the user set none.
const Lifetime = "10m"

func init() {
	if _, set := os.LookupEnv("FYNE_CACHE"); !set {
		os.Setenv("FYNE_CACHE", Lifetime)
	}
}
