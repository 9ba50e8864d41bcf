package docxtest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// resolveMacro opens each Word file in LibreOffice, accepts or rejects
// all its tracked changes (or leaves them), and saves its text. The jobs
// come in one string, "in|out|how" joined by ";", so that one LibreOffice
// start serves them all.
const resolveMacro = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Resolve(jobs As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = &quot;Hidden&quot;
  args(0).Value = True
  Dim o(0) As New com.sun.star.beans.PropertyValue
  o(0).Name = &quot;FilterName&quot;
  o(0).Value = &quot;Text (encoded)&quot;
  jobList = Split(jobs, &quot;;&quot;)
  For i = 0 To UBound(jobList)
    parts = Split(jobList(i), &quot;|&quot;)
    doc = StarDesktop.loadComponentFromURL(ConvertToURL(parts(0)), &quot;_blank&quot;, 0, args())
    If parts(2) &lt;&gt; &quot;&quot; Then
      disp = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
      disp.executeDispatch(doc.CurrentController.Frame, &quot;.uno:&quot; &amp; parts(2) &amp; &quot;AllTrackedChanges&quot;, &quot;&quot;, 0, Array())
    End If
    doc.storeToURL(ConvertToURL(parts(1)), o())
    doc.close(True)
  Next
End Sub
</script:module>
`

// How LibreOffice resolves tracked changes before saving the text.
const (
	Leave  = ""
	Accept = "Accept"
	Reject = "Reject"
)

// Resolved is one Word file for LibreOffice to resolve.
type Resolved struct {
	File string
	How  string // Leave, Accept or Reject
}

// ResolveText has LibreOffice accept or reject every tracked change of
// each file (Edit ▸ Track Changes ▸ Accept All / Reject All) and returns
// each one's text as LibreOffice saves it, list numbers included.
func ResolveText(t testing.TB, jobs ...Resolved) []string {
	t.Helper()
	Need(t, "soffice")
	dir := t.TempDir()
	profile := filepath.Join(dir, "profile")
	run := func(args ...string) {
		// A macro error opens a dialog nobody can close: time out instead.
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, "soffice", append([]string{"-env:UserInstallation=file://" + profile, "--headless"}, args...)...)
		cmd.WaitDelay = 5 * time.Second
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("soffice %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	run("--terminate_after_init")
	module := filepath.Join(profile, "user", "basic", "Standard", "Module1.xba")
	if err := os.WriteFile(module, []byte(resolveMacro), 0o600); err != nil {
		t.Fatalf("install the LibreOffice macro: %v", err)
	}
	var spec []string
	outs := make([]string, len(jobs))
	for i, j := range jobs {
		outs[i] = filepath.Join(dir, strings.TrimSuffix(filepath.Base(j.File), ".docx")+"-"+j.How+".txt")
		spec = append(spec, j.File+"|"+outs[i]+"|"+j.How)
	}
	run(`macro:///Standard.Module1.Resolve("` + strings.Join(spec, ";") + `")`)
	texts := make([]string, len(jobs))
	for i, out := range outs {
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatalf("LibreOffice did not resolve %s: %v", jobs[i].File, err)
		}
		texts[i] = strings.TrimPrefix(string(b), "\ufeff")
	}
	return texts
}
