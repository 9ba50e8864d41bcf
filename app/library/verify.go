package library

import (
	"bytes"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"pactwright/render/pdfupdate"
)

// Match says how a PDF relates to the library.
type Match string

// Verify outcomes.
const (
	MatchNone     Match = "none"     // made elsewhere, or changed after export
	MatchExact    Match = "exact"    // byte-for-byte a recorded export
	MatchSigned   Match = "signed"   // the file recorded when the draft was marked signed
	MatchAppended Match = "appended" // a recorded export plus signatures appended
	MatchAltered  Match = "altered"  // a recorded export plus updates that change what it shows
)

// VerifyResult names the draft and revision that produced a PDF.
type VerifyResult struct {
	Match    Match     `json:"match"`
	DraftID  int64     `json:"draft_id,omitempty"`
	Title    string    `json:"title,omitempty"` // the draft's current title
	Revision int       `json:"revision,omitempty"`
	Path     string    `json:"path,omitempty"`    // where the export was written
	Exported time.Time `json:"exported,omitzero"` // when the export (or signing) was recorded
	SHA256   string    `json:"sha256"`            // of the file checked
	// AppendedBytes is how many bytes follow the recorded export: PDF
	// signers append incremental updates rather than rewrite the file.
	AppendedBytes int64 `json:"appended_bytes,omitempty"`
	// SignedFields names the signature fields signed in those updates.
	SignedFields []string `json:"signed_fields,omitempty"`
	// Changes says what the updates changed on the pages (MatchAltered).
	Changes []string `json:"changes,omitempty"`
}

// String explains the result in one sentence.
func (r VerifyResult) String() string {
	switch r.Match {
	case MatchExact:
		return fmt.Sprintf("exact match: draft %d %q, revision %d, exported %s to %s",
			r.DraftID, r.Title, r.Revision, r.Exported.Local().Format("2006-01-02 15:04"), r.Path)
	case MatchSigned:
		return fmt.Sprintf("exact match: the signed copy of draft %d %q, revision %d, recorded %s",
			r.DraftID, r.Title, r.Revision, r.Exported.Local().Format("2006-01-02 15:04"))
	case MatchAppended:
		signed := "no signature yet"
		if len(r.SignedFields) > 0 {
			signed = "signed in field " + strings.Join(r.SignedFields, ", ")
		}
		return fmt.Sprintf("based on export revision %d of draft %d %q (exported %s to %s), with %d bytes of updates appended that change nothing on the pages: %s",
			r.Revision, r.DraftID, r.Title, r.Exported.Local().Format("2006-01-02 15:04"), r.Path, r.AppendedBytes, signed)
	case MatchAltered:
		return fmt.Sprintf("CHANGED after export: this file starts as export revision %d of draft %d %q, but what was appended alters it: %s",
			r.Revision, r.DraftID, r.Title, strings.Join(r.Changes, "; "))
	}
	return "no match: this file was not exported from this library, or it was changed after export"
}

// Verify finds the draft and revision that produced pdf: first an exact
// SHA-256 match with an export or a signed file, then a recorded export
// that is a prefix of the file, which is what a signature added by a PDF
// signer looks like. What follows that export is read update by update
// (render/pdfupdate): signatures give MatchAppended, anything that changes
// what the pages show gives MatchAltered with the changes named. A file
// that matches nothing gives MatchNone, not an error.
func (l *Library) Verify(pdf []byte) (VerifyResult, error) {
	sum := sha256.Sum256(pdf)
	res := VerifyResult{Match: MatchNone, SHA256: hex.EncodeToString(sum[:])}
	found, err := l.findExport(&res, res.SHA256, int64(len(pdf)))
	if err != nil || found {
		return res, err
	}
	var created string
	err = l.db.QueryRow(`SELECT r.draft_id, d.title, r.number, r.created FROM revisions r JOIN drafts d ON d.id = r.draft_id
		WHERE r.sha256 = ? AND r.kind = 'signed' ORDER BY r.created DESC LIMIT 1`, res.SHA256).
		Scan(&res.DraftID, &res.Title, &res.Revision, &created)
	switch {
	case err == nil:
		res.Match = MatchSigned
		res.Exported, err = parseTime(created)
		return res, err
	case !errors.Is(err, sql.ErrNoRows):
		return res, fmt.Errorf("verify: %w", err)
	}
	lengths, err := l.exportLengths(int64(len(pdf)))
	if err != nil {
		return res, fmt.Errorf("verify: %w", err)
	}
	for _, n := range lengths {
		// An incremental update starts after the original's %%EOF marker;
		// skip cut points that cannot be the end of a PDF without hashing.
		if !endsWithEOF(pdf[:n]) {
			continue
		}
		sum := sha256.Sum256(pdf[:n])
		found, err := l.findExport(&res, hex.EncodeToString(sum[:]), n)
		if err != nil {
			return res, err
		}
		if found {
			res.AppendedBytes = int64(len(pdf)) - n
			report := pdfupdate.Check(pdf[:n], pdf)
			res.SignedFields, res.Changes = report.SignedFields, report.Changes
			res.Match = MatchAppended
			if len(report.Changes) > 0 {
				res.Match = MatchAltered
			}
			return res, nil
		}
	}
	return res, nil
}

func (l *Library) findExport(res *VerifyResult, sha string, length int64) (bool, error) {
	var created string
	err := l.db.QueryRow(`SELECT e.draft_id, d.title, e.revision, e.path, e.created FROM exports e JOIN drafts d ON d.id = e.draft_id
		WHERE e.sha256 = ? AND e.length = ? ORDER BY e.id DESC LIMIT 1`, sha, length).
		Scan(&res.DraftID, &res.Title, &res.Revision, &res.Path, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("verify: %w", err)
	}
	res.Match = MatchExact
	res.Exported, err = parseTime(created)
	return true, err
}

// exportLengths returns the distinct lengths of recorded exports shorter
// than the file, longest first, so the closest base is found first.
func (l *Library) exportLengths(size int64) ([]int64, error) {
	rows, err := l.db.Query(`SELECT DISTINCT length FROM exports WHERE length < ? AND length > 0 ORDER BY length DESC`, size)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var n int64
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

func endsWithEOF(b []byte) bool {
	b = bytes.TrimRight(b, "\r\n \t\x00")
	return bytes.HasSuffix(b, []byte("%%EOF"))
}
