package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestVerifyRealSignature signs an exported PDF with poppler's pdfsig (as a
// user would with any PDF signer) and checks verify still recognises it.
func TestVerifyRealSignature(t *testing.T) {
	for _, tool := range []string{"pdfsig", "certutil"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed", tool)
		}
	}
	h := newHarness(t)
	nss := h.path("nss")
	os.Mkdir(nss, 0o700)
	noise := filepath.Join(nss, "noise")
	os.WriteFile(noise, []byte("not very random noise for a throwaway test key"), 0o600)
	for _, args := range [][]string{
		{"-N", "-d", "sql:" + nss, "--empty-password"},
		{"-S", "-n", "Tester", "-s", "CN=Tester", "-x", "-t", "CTu,Cu,Cu", "-k", "rsa", "-g", "2048", "-Z", "SHA256", "-v", "12", "-z", noise, "-d", "sql:" + nss},
	} {
		if out, err := exec.Command("certutil", args...).CombinedOutput(); err != nil {
			t.Fatalf("certutil %v: %v\n%s", args, err, out)
		}
	}
	id := firstLine(h.ok("new", "--example"))
	pdf, signed := h.path("a.pdf"), h.path("signed.pdf")
	h.ok("export", id, "-o", pdf)
	if out, err := exec.Command("pdfsig", "-nssdir", "sql:"+nss, "-nick", "Tester", "-sign", "customer_signature", pdf, signed).CombinedOutput(); err != nil {
		t.Skipf("pdfsig could not sign the export (is the signature field named differently?): %v\n%s", err, out)
	}
	mustContain(t, "verify", h.ok("verify", signed), "based on export revision 1 of draft 1", "incremental updates")
	mustContain(t, "mark-signed", h.ok("mark-signed", id, "--pdf", signed), "status signed")
	mustContain(t, "verify after marking", h.ok("verify", signed), "the signed copy of draft 1")
}
