package pdfupdate

import "testing"

// TestParseDict covers the dictionary syntax gopdf and signers write.
func TestParseDict(t *testing.T) {
	src := `<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Annots [ 7 0 R 8 0 R ] /T (a \) b) /H <FEFF00> /N 12 % comment
	/Contents 9 0 R >>`
	d, err := ParseDict(src)
	if err != nil {
		t.Fatal(err)
	}
	checks := map[string]string{
		"/Type": "/Page", "/Parent": "2 0 R", "/Resources": "<< /Font << /F1 5 0 R >> >>",
		"/Annots": "[ 7 0 R 8 0 R ]", "/T": `(a \) b)`, "/H": "<FEFF00>", "/N": "12", "/Contents": "9 0 R",
	}
	for k, v := range checks {
		if got, _ := d.Get(k); got != v {
			t.Errorf("%s = %q, want %q", k, got, v)
		}
	}
	if n, ok := d.Ref("/Parent"); !ok || n != 2 {
		t.Errorf("Ref(/Parent) = %d, %v", n, ok)
	}
	for _, bad := range []string{"", "<<", "<< /A (open >>", "<< 1 2 >>", "<< /A [ 1 2 >>"} {
		if _, err := ParseDict(bad); err == nil {
			t.Errorf("ParseDict(%q) accepted bad input", bad)
		}
	}
}
