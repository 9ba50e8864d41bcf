package draft

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// Go's JSON decoder is forgiving in ways that would silently change what
// someone wrote: a key given twice keeps the last value, invalid UTF-8
// becomes U+FFFD, and a wrong type at the top of the file is reported in
// Go's own words. checkStrict runs before decoding and refuses those files
// with an error a person can act on. Syntax errors are left to the
// decoder, which reports them with their position.

// envelopeKinds is the JSON kind each top-level entry must have.
var envelopeKinds = map[string]string{
	"format":             kindText,
	"format_version":     kindNumber,
	"template":           kindText,
	"template_version":   kindNumber,
	"title":              kindText,
	"reviewed":           kindList,
	"accepted_risks":     kindList,
	"to_confirm":         kindList,
	"negotiated_wording": kindObject,
	"answers":            kindObject,
}

const (
	kindObject = "an object {…}"
	kindList   = "a list […]"
	kindText   = "text in quotes"
	kindNumber = "a number"
	kindBool   = "true or false"
	kindNull   = "null"
)

// checkStrict refuses a byte-order mark, invalid UTF-8, values nested
// beyond MaxNesting, duplicate keys and a top level of the wrong shape.
func checkStrict(data []byte) error {
	if bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")) {
		return errors.New("read draft: the file starts with a byte-order mark (an invisible marker some editors add); save it as UTF-8 without a byte-order mark")
	}
	if off := invalidUTF8(data); off >= 0 {
		return fmt.Errorf("read draft: the file is not valid UTF-8 text: byte %#02x at byte offset %d cannot be read as a character; save the file as UTF-8", data[off], off)
	}
	if err := CheckNesting(data, MaxNesting); err != nil {
		return fmt.Errorf("read draft: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return nil // not JSON at all: the decoder says where
	}
	if tok != json.Delim('{') {
		return fmt.Errorf("read draft: a draft file is a JSON object {…} with \"format\", \"answers\" and the other entries, but this file holds %s", kindOf(tok))
	}
	return walkObject(dec, "", func(key string, kind string) error {
		if want, known := envelopeKinds[key]; known && kind != want {
			return fmt.Errorf("read draft: %s must be %s, not %s", quoted(key), want, kind)
		}
		return nil
	})
}

// invalidUTF8 returns the offset of the first byte that is not part of a
// valid UTF-8 sequence, or -1.
func invalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}

// errSyntax stops the walk at a syntax error, which the decoder reports.
var errSyntax = errors.New("syntax")

// walkObject reads the rest of an object whose '{' was read, refusing a
// key given twice, and calls each with every key and its value's kind.
func walkObject(dec *json.Decoder, where string, each func(key, kind string) error) error {
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil
		}
		key, _ := tok.(string)
		if seen[key] {
			in := "at the top of the file"
			if where != "" {
				in = "in " + where
			}
			return fmt.Errorf("read draft: the key %s appears twice %s (near byte offset %d); only one value can be kept, so remove the other", quoted(key), in, dec.InputOffset())
		}
		seen[key] = true
		kind, err := walkValue(dec, quoted(key))
		if errors.Is(err, errSyntax) {
			return nil
		}
		if err != nil {
			return err
		}
		if each != nil {
			if err := each(key, kind); err != nil {
				return err
			}
		}
	}
	_, _ = dec.Token() // the closing '}'
	return nil
}

// walkValue reads one value, checking the objects inside it, and returns
// its kind.
func walkValue(dec *json.Decoder, where string) (string, error) {
	tok, err := dec.Token()
	if err != nil {
		return "", errSyntax
	}
	switch tok {
	case json.Delim('{'):
		if err := walkObject(dec, where, nil); err != nil {
			return "", err
		}
	case json.Delim('['):
		for i := 0; dec.More(); i++ {
			if _, err := walkValue(dec, fmt.Sprintf("%s (item %d)", where, i+1)); err != nil {
				return "", err
			}
		}
		if _, err := dec.Token(); err != nil && !errors.Is(err, io.EOF) {
			return "", errSyntax
		}
	}
	return kindOf(tok), nil
}

func kindOf(tok json.Token) string {
	switch tok.(type) {
	case json.Delim:
		if tok == json.Delim('[') {
			return kindList
		}
		return kindObject
	case string:
		return kindText
	case json.Number:
		return kindNumber
	case bool:
		return kindBool
	}
	return kindNull
}
