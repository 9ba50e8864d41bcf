package usecase

import (
	"errors"
	"fmt"
	"net/url"
	"strings"

	"pactwright/app/library"
)

// ErrNoLocation means no library file or connection string was given.
var ErrNoLocation = errors.New("library: give a library file or a postgres:// connection string")

// OpenLibrary opens the library at location, a file or a postgres://
// connection string. A password given apart is used for a connection
// string (the window asks for it in a field of its own, never shown);
// "" leaves it to the string, PGPASSWORD or ~/.pgpass. It returns the
// library and the location to remember: the same, without any password.
func OpenLibrary(location, password string) (*library.Library, string, error) {
	location = strings.TrimSpace(location)
	if location == "" {
		return nil, "", ErrNoLocation
	}
	remember := location
	if library.IsPostgres(location) {
		u, err := url.Parse(location)
		if err != nil {
			return nil, "", fmt.Errorf("library: the connection string is not a URL (%v)", library.Redact(location))
		}
		if password != "" {
			u.User = url.UserPassword(u.User.Username(), password)
			location = u.String()
		}
		u.User = url.User(u.User.Username())
		if u.User.Username() == "" {
			u.User = nil
		}
		q := u.Query()
		if q.Has("password") {
			q.Del("password")
			u.RawQuery = q.Encode()
		}
		remember = u.String()
	}
	l, err := library.Open(location)
	if err != nil {
		return nil, "", err
	}
	return l, remember, nil
}
