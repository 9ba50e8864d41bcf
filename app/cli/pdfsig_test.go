package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"pactwright/render/pdfupdate/pdfupdatetest"
)

// TestVerifyRealSignature signs an exported PDF with poppler's pdfsig (as a
// user would with any PDF signer), both fields one after the other, and
// checks verify recognises it and names the signed fields. pdfsig and
// certutil are installed by make test: without them the test fails.
func TestVerifyRealSignature(t *testing.T) {
	h := newHarness(t)
	nss := h.path("nss")
	os.Mkdir(nss, 0o700)
	noise := filepath.Join(nss, "noise")
	os.WriteFile(noise, []byte("not very random noise for a throwaway test key"), 0o600)
	tool := func(name string, args ...string) {
		t.Helper()
		if out, err := exec.Command(name, args...).CombinedOutput(); err != nil {
			t.Fatalf("%s %v: %v\n%s", name, args, err, out)
		}
	}
	tool("certutil", "-N", "-d", "sql:"+nss, "--empty-password")
	tool("certutil", "-S", "-n", "Tester", "-s", "CN=Tester", "-x", "-t", "CTu,Cu,Cu", "-k", "rsa", "-g", "2048", "-Z", "SHA256", "-v", "12", "-z", noise, "-d", "sql:"+nss)
	id := firstLine(h.ok("new", "--example"))
	h.ok("confirm", id)
	pdf, once, signed := h.path("a.pdf"), h.path("once.pdf"), h.path("signed.pdf")
	h.ok("export", id, "-o", pdf)
	tool("pdfsig", "-nssdir", "sql:"+nss, "-nick", "Tester", "-sign", "customer_signature", pdf, once)
	tool("pdfsig", "-nssdir", "sql:"+nss, "-nick", "Tester", "-sign", "provider_signature", once, signed)
	mustContain(t, "verify", h.ok("verify", signed), "based on export revision 1 of draft 1", "change nothing on the pages: signed in field customer_signature, provider_signature")
	mustContain(t, "mark-signed", h.ok("mark-signed", id, "--pdf", signed), "status signed")
	mustContain(t, "verify after marking", h.ok("verify", signed), "the signed copy of draft 1")
}

// TestVerifyRefusesForgedUpdate: an update appended to an export that
// paints a new price over page 1 exits 1, names the page, and cannot be
// recorded as the signed copy.
func TestVerifyRefusesForgedUpdate(t *testing.T) {
	h := newHarness(t)
	id := firstLine(h.ok("new", "--example"))
	pdf, forged := h.path("a.pdf"), h.path("forged.pdf")
	h.ok("export", id, "-o", pdf)
	b, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(forged, pdfupdatetest.ReplaceContent(t, b, 1, "price GBP 999999.00 per hour"), 0o600); err != nil {
		t.Fatal(err)
	}
	stdout, _, code := h.run("verify", forged)
	if code != 1 || !strings.Contains(stdout, "CHANGED after export") || !strings.Contains(stdout, "page 1 content replaced after export") {
		t.Errorf("verify of a forged copy: exit %d\n%s", code, stdout)
	}
	_, stderr, code := h.run("mark-signed", id, "--pdf", forged)
	if code != 1 || !strings.Contains(stderr, "changed after export, not only signed: page 1 content replaced after export") {
		t.Errorf("mark-signed with a forged copy: exit %d\n%s", code, stderr)
	}
}
