package credits

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
)

// A figures file is a few dozen rows a month. These limits are far above
// any real report and keep a hostile or mistaken file (a million rows, a
// 50 MB cell) from costing gigabytes or filling an error message.
const (
	MaxCSVBytes = 4 << 20 // 4 MB
	MaxCSVRows  = 20_000
	MaxCellLen  = 200 // characters in one cell
	quoteLen    = 40  // characters of a cell quoted in a message
)

// sizeLimit fails a read past left bytes, naming the limit.
type sizeLimit struct {
	r    io.Reader
	left int
}

func (l *sizeLimit) Read(p []byte) (int, error) {
	if l.left <= 0 {
		return 0, fmt.Errorf("the file is larger than %d MB; a figures file is a few kilobytes, so this is not one", MaxCSVBytes>>20)
	}
	if len(p) > l.left {
		p = p[:l.left]
	}
	n, err := l.r.Read(p)
	l.left -= n
	return n, err
}

// clipQuote quotes text for a message, cut to quoteLen characters.
func clipQuote(s string) string {
	if r := []rune(s); len(r) > quoteLen {
		return strconv.Quote(string(r[:quoteLen])) + fmt.Sprintf(" (cut; %d characters in all)", len(r))
	}
	return strconv.Quote(s)
}

// thousandsTail matches a cell that is the rest of a number cut at a
// thousands comma: "000.00" from an unquoted 42,000.00.
var thousandsTail = regexp.MustCompile(`^\d{3}(\.\d+)?\s*%?$`)

// checkRecord refuses cells too long to be figures, and a row with more
// cells than the header when the extra cells are what an unquoted number
// with thousands separators leaves behind: reading "charges,42,000.00" as
// 42 would be silently wrong.
func checkRecord(rec []string, columns, valueCol int) error {
	for i, c := range rec {
		if len(c) > MaxCellLen {
			return fmt.Errorf("cell %d is %d characters long, more than the %d a name or figure needs", i+1, len(c), MaxCellLen)
		}
	}
	if len(rec) > columns && valueCol == columns-1 && thousandsTail.MatchString(rec[valueCol+1]) {
		return errors.New("the value has a comma that splits it into cells: write the number without commas (42000.00) or in quotes (\"42,000.00\")")
	}
	return nil
}
