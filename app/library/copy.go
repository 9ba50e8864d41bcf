package library

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
)

// copyTables are the library's tables in the order their references need,
// each with the columns that order its rows. library_meta is not copied:
// each backend writes its own marks.
var copyTables = []struct{ name, order string }{
	{"drafts", "id"},
	{"revisions", "draft_id, number"},
	{"exports", "id"},
	{"amendment_terms", "draft_id"},
	{"amendment_exports", "export_id"},
}

// TableCount is how many rows of one table were copied, and the SHA-256 of
// their contents read back from each side.
type TableCount struct {
	Table string `json:"table"`
	Rows  int    `json:"rows"`
	From  string `json:"from_sha256"`
	To    string `json:"to_sha256"`
}

// CopyReport says what Copy copied and checked.
type CopyReport struct {
	Tables []TableCount `json:"tables"`
	// PDFs is how many exported or signed PDFs' fingerprints (SHA-256)
	// were copied and found again, identical, in the destination.
	PDFs int `json:"pdfs"`
}

// Count is the rows copied from table.
func (r CopyReport) Count(table string) int {
	for _, t := range r.Tables {
		if t.Table == table {
			return t.Rows
		}
	}
	return 0
}

// Copy copies every draft, revision, export and amendment of from into to,
// which must hold no drafts, keeping their ids, in one transaction; then it
// reads both back and checks that every table has the same rows and that
// every PDF fingerprint verify uses is there. Either side may be SQLite or
// PostgreSQL.
func Copy(from, to *Library) (CopyReport, error) {
	var rep CopyReport
	src, err := from.readTx()
	if err != nil {
		return rep, fmt.Errorf("copy library %s: %w", from.path, explain(err))
	}
	defer src.Rollback()
	err = to.inTx(func(dst *sql.Tx) error {
		var n int
		if err := dst.QueryRow(`SELECT count(*) FROM drafts`).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("the destination already holds %d drafts: copy into a new, empty library", n)
		}
		for _, t := range copyTables {
			if err := copyTable(src, dst, t.name, t.order); err != nil {
				return fmt.Errorf("copy %s: %w", t.name, err)
			}
		}
		return to.d.afterCopy(dst)
	})
	if err != nil {
		return rep, fmt.Errorf("copy library %s to %s: %w", from.path, to.path, err)
	}
	if rep, err = checkCopy(src, to); err != nil {
		return rep, fmt.Errorf("check the copy of %s in %s: %w", from.path, to.path, err)
	}
	return rep, nil
}

// readTx reads the library as of one moment, while others may write.
func (l *Library) readTx() (*sql.Tx, error) {
	if _, ok := l.d.(pgDialect); ok {
		return l.db.BeginTx(context.Background(), &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	}
	return l.db.Begin()
}

func copyTable(src, dst *sql.Tx, table, order string) error {
	rows, err := src.Query(`SELECT * FROM ` + table + ` ORDER BY ` + order)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ")
	ins, err := dst.Prepare(`INSERT INTO ` + table + ` (` + strings.Join(cols, ", ") + `) VALUES (` + marks + `)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		if _, err := ins.Exec(vals...); err != nil {
			return err
		}
	}
	return rows.Err()
}

// checkCopy compares each table's rows, read back from both sides, by
// count and by a SHA-256 of their values.
func checkCopy(src *sql.Tx, to *Library) (CopyReport, error) {
	dst, err := to.readTx()
	if err != nil {
		return CopyReport{}, explain(err)
	}
	defer dst.Rollback()
	var rep CopyReport
	for _, t := range copyTables {
		n, a, err := tableDigest(src, t.name, t.order)
		if err != nil {
			return rep, err
		}
		m, b, err := tableDigest(dst, t.name, t.order)
		if err != nil {
			return rep, err
		}
		rep.Tables = append(rep.Tables, TableCount{Table: t.name, Rows: n, From: a, To: b})
		if n != m || a != b {
			return rep, fmt.Errorf("%s differ after copying: %d rows (SHA-256 %s) in the source, %d (%s) in the copy", t.name, n, a, m, b)
		}
	}
	// Every PDF fingerprint, looked up one by one as verify does.
	rows, err := src.Query(`SELECT draft_id, sha256 FROM exports UNION SELECT draft_id, sha256 FROM revisions WHERE sha256 != ''`)
	if err != nil {
		return rep, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var sha string
		if err := rows.Scan(&id, &sha); err != nil {
			return rep, err
		}
		var found int
		if err := dst.QueryRow(`SELECT (SELECT count(*) FROM exports WHERE draft_id = ? AND sha256 = ?)
			+ (SELECT count(*) FROM revisions WHERE draft_id = ? AND sha256 = ?)`, id, sha, id, sha).Scan(&found); err != nil {
			return rep, err
		}
		if found == 0 {
			return rep, fmt.Errorf("the PDF with SHA-256 %s of draft %d is missing from the copy", sha, id)
		}
		rep.PDFs++
	}
	return rep, rows.Err()
}

// tableDigest hashes a table's rows in order, each value tagged by kind
// so that the same row reads the same from SQLite and PostgreSQL (text and
// blobs are both bytes; integers are integers).
func tableDigest(tx *sql.Tx, table, order string) (int, string, error) {
	rows, err := tx.Query(`SELECT * FROM ` + table + ` ORDER BY ` + order)
	if err != nil {
		return 0, "", err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return 0, "", err
	}
	// Columns in name order: the two backends may list them differently.
	h := sha256.New()
	n := 0
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	idx := sortedIndex(cols)
	var num [8]byte
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return 0, "", err
		}
		for _, i := range idx {
			switch v := vals[i].(type) {
			case nil:
				h.Write([]byte{'n'})
			case int64:
				binary.BigEndian.PutUint64(num[:], uint64(v))
				h.Write([]byte{'i'})
				h.Write(num[:])
			case string:
				writeBytes(h, []byte(v))
			case []byte:
				writeBytes(h, v)
			default:
				return 0, "", fmt.Errorf("column %s of %s holds a %T", cols[i], table, v)
			}
		}
		n++
	}
	return n, hex.EncodeToString(h.Sum(nil)), rows.Err()
}

func writeBytes(h interface{ Write([]byte) (int, error) }, b []byte) {
	var l [8]byte
	binary.BigEndian.PutUint64(l[:], uint64(len(b)))
	h.Write([]byte{'b'})
	h.Write(l[:])
	h.Write(b)
}

func sortedIndex(cols []string) []int {
	idx := make([]int, len(cols))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int { return strings.Compare(cols[a], cols[b]) })
	return idx
}
