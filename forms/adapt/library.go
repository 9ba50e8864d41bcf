package adapt

import (
	"pactwright/app/agreement"
	"pactwright/app/library"
	"pactwright/app/usecase"
	"pactwright/forms"
)

// Wire connects a window to library l as main.go does: its store, its
// documents (when the engine is there), its author and its watch.
func Wire(l *library.Library, e *agreement.Engine) forms.Library {
	lib := forms.Library{Store: Store{L: l}, SetAuthor: l.SetAuthor, Watch: l.Watch, Where: l.Path(), Close: l.Close}
	if e != nil {
		lib.Documents = Documents{S: &usecase.Service{Library: l, Engine: e}}
	}
	return lib
}

// OpenLibrary is File ▸ Open library…'s way to a library: the use case
// OpenLibrary, wired with Wire.
func OpenLibrary(e *agreement.Engine) func(location, password string) (forms.Library, string, error) {
	return func(location, password string) (forms.Library, string, error) {
		l, remember, err := usecase.OpenLibrary(location, password)
		if err != nil {
			return forms.Library{}, "", err
		}
		return Wire(l, e), remember, nil
	}
}
