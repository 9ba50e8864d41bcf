package library

import (
	"errors"
	"net"
	"net/url"
	"os"
	"strings"
	"testing"

	"pactwright/app/library/pgtest"
)

// TestTLSVerifyFull: with sslmode=verify-full and the server's authority
// in sslrootcert, the library connects over TLS to the host name the
// certificate names. Asked for another name of the same server, or
// without the authority, it refuses, saying why and showing no password.
// .ci/pg-cluster gives the test server a certificate for "localhost"
// only, signed by an authority of its own.
func TestTLSVerifyFull(t *testing.T) {
	loc := pgtest.Location(t)
	ca := os.Getenv("PACTWRIGHT_TEST_POSTGRES_CA")
	if ca == "" {
		t.Skip("the test server has no TLS certificate: run under .ci/pg-cluster with openssl installed (PACTWRIGHT_TEST_POSTGRES_CA)")
	}
	u, err := url.Parse(loc)
	if err != nil {
		t.Fatal(err)
	}
	password, _ := u.User.Password()
	_, port, err := net.SplitHostPort(u.Host)
	if err != nil {
		t.Fatal(err)
	}
	at := func(host string, params map[string]string) string {
		v := *u
		v.Host = net.JoinHostPort(host, port)
		q := v.Query()
		for k, p := range params {
			q.Set(k, p)
		}
		v.RawQuery = q.Encode()
		return v.String()
	}
	verified := map[string]string{"sslmode": "verify-full", "sslrootcert": ca}

	l, err := Open(at("localhost", verified))
	if err != nil {
		t.Fatalf("verify-full to the certificate's host name: %v", err)
	}
	defer l.Close()
	if _, err := l.Create(exampleDraft()); err != nil {
		t.Fatal(err)
	}
	var encrypted bool
	if err := l.db.QueryRow(`SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()`).Scan(&encrypted); err != nil || !encrypted {
		t.Errorf("the connection is not encrypted (%v)", err)
	}

	for name, wrong := range map[string]string{
		"another host name":    at("127.0.0.1", verified),
		"an unknown authority": at("localhost", map[string]string{"sslmode": "verify-full", "sslrootcert": "system"}),
	} {
		_, err := Open(wrong)
		if !errors.Is(err, ErrServerNotTrusted) {
			t.Errorf("%s: %v, want ErrServerNotTrusted", name, err)
			continue
		}
		msg := err.Error()
		if strings.Contains(msg, password) {
			t.Errorf("%s: the message shows the password: %s", name, msg)
		}
		want := "cannot validate certificate for 127.0.0.1"
		if name != "another host name" {
			want = "unknown authority"
		}
		for _, w := range []string{"did not prove it is the server named in the connection string", want, "xxxxx"} {
			if !strings.Contains(msg, w) {
				t.Errorf("%s: the message lacks %q: %s", name, w, msg)
			}
		}
	}
}
