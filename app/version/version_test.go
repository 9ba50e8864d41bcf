package version

import (
	"os"
	"strings"
	"testing"
)

func TestNewReadsTheRealFyneAppToml(t *testing.T) {
	data, err := os.ReadFile("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	i, err := New(data, "abc1234", "2026-12-01T16:00:00Z")
	if err != nil {
		t.Fatal(err)
	}
	// The version must be the one written in FyneApp.toml's [Details].
	var line string
	for _, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "Version") {
			line = l
		}
	}
	if line == "" || !strings.Contains(line, `"`+i.Version+`"`) {
		t.Fatalf("version %q is not the one in FyneApp.toml (%q)", i.Version, line)
	}
	got := i.String()
	for _, want := range []string{"pactwright " + i.Version, "commit abc1234", "built 2026-12-01T16:00:00Z"} {
		if !strings.Contains(got, want) {
			t.Errorf("--version line %q lacks %q", got, want)
		}
	}
}

func TestNewWithoutStampsSaysWhatIsUnknown(t *testing.T) {
	i, err := New([]byte("[Details]\nVersion = \"2.3.4\"\nBuild = 7\n"), "", "")
	if err != nil {
		t.Fatal(err)
	}
	if i.Version != "2.3.4" || i.Build != 7 {
		t.Fatalf("got %+v", i)
	}
	if i.Commit == "" || !strings.HasPrefix(i.Date, "unknown") {
		t.Fatalf("unstamped build should name its commit (or unknown) and say the date is unknown: %+v", i)
	}
}

func TestNewRefusesAFileWithoutVersion(t *testing.T) {
	for name, in := range map[string]string{
		"no version": "[Details]\nBuild = 1\n",
		"not toml":   "[Details\n",
	} {
		if _, err := New([]byte(in), "c", "d"); err == nil || !strings.Contains(err.Error(), "FyneApp.toml") {
			t.Errorf("%s: want an error naming FyneApp.toml, got %v", name, err)
		}
	}
}

func TestRequested(t *testing.T) {
	for _, args := range [][]string{{"--version"}, {"-version"}, {"version"}} {
		if !Requested(args) {
			t.Errorf("%q should ask for the version", args)
		}
	}
	for _, args := range [][]string{nil, {"list"}, {"--version", "list"}, {"open", "version"}} {
		if Requested(args) {
			t.Errorf("%q should not ask for the version", args)
		}
	}
}
