package pdfupdate

import (
	"encoding/hex"
	"errors"
	"strings"
)

// derProblem says why a signature's /Contents is not a well-formed
// signature value, or "" when it is: a hex string holding one DER (or
// BER, as NSS writes PKCS#7 with indefinite lengths) value, a SEQUENCE
// for PKCS#7 and CMS or the OCTET STRING of adbe.x509.rsa_sha1, followed
// only by the zero bytes signers pad the space with. It checks the shape,
// not the cryptography: pdfsig and Acrobat do that.
func derProblem(contents string) string {
	if !strings.HasPrefix(contents, "<") || strings.HasPrefix(contents, "<<") || !strings.HasSuffix(contents, ">") {
		return "its /Contents is not a hex string"
	}
	digits := strings.Join(strings.Fields(contents[1:len(contents)-1]), "")
	b, err := hex.DecodeString(digits)
	if err != nil {
		return "its /Contents is not hexadecimal"
	}
	if len(b) < 2 || (b[0] != 0x30 && b[0] != 0x04) {
		return "its /Contents does not hold a DER-encoded signature"
	}
	n, err := berValue(b, 0)
	if err != nil {
		return "its /Contents is not well-formed DER: " + err.Error()
	}
	if n <= 2 {
		return "its /Contents holds an empty value"
	}
	if !isZero(b[n:]) {
		return "its /Contents has data after the signature"
	}
	return ""
}

// maxBERDepth bounds how deep berValue follows constructed values.
const maxBERDepth = 64

// berValue returns the length of the BER value at the start of b.
func berValue(b []byte, depth int) (int, error) {
	if depth > maxBERDepth {
		return 0, errors.New("nested too deep")
	}
	if len(b) < 2 {
		return 0, errors.New("cut short")
	}
	constructed := b[0]&0x20 != 0
	i := 1
	if b[0]&0x1f == 0x1f { // high tag number: base-128 digits
		for i < len(b) && b[i]&0x80 != 0 {
			i++
		}
		i++
		if i >= len(b) {
			return 0, errors.New("cut short in a tag")
		}
	}
	first := b[i]
	i++
	if first == 0x80 { // indefinite length: values up to end-of-contents
		if !constructed {
			return 0, errors.New("indefinite length on a primitive value")
		}
		for {
			if i+1 < len(b) && b[i] == 0 && b[i+1] == 0 {
				return i + 2, nil
			}
			if i >= len(b) {
				return 0, errors.New("no end of contents")
			}
			n, err := berValue(b[i:], depth+1)
			if err != nil {
				return 0, err
			}
			i += n
		}
	}
	length := int(first)
	if first&0x80 != 0 {
		k := int(first & 0x7f)
		if k > 4 || i+k > len(b) {
			return 0, errors.New("a length that cannot be read")
		}
		length = 0
		for _, x := range b[i : i+k] {
			length = length<<8 | int(x)
		}
		i += k
	}
	if length > len(b)-i {
		return 0, errors.New("a length beyond the data")
	}
	if constructed {
		for j := i; j < i+length; {
			n, err := berValue(b[j:i+length], depth+1)
			if err != nil {
				return 0, err
			}
			j += n
		}
	}
	return i + length, nil
}
