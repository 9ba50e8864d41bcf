package forms

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"pactwright/app/answers"
	"pactwright/app/check"
	"pactwright/app/draft"
	"pactwright/app/template"
)

type memRevision struct {
	Revision
	content draft.Draft
}

type memEntry struct {
	StoredDraft
	deleted   int64 // order of deletion, 0 when not in the trash
	revisions []memRevision
	exports   []memExport
}

type memExport struct {
	revision int
	pdf      []byte
}

// MemStore is an in-memory Store: the fake the form tests drive. It is
// safe for concurrent use. It lives in a _test.go file so the shipped
// binary does not carry it.
type MemStore struct {
	t   *template.Template
	now func() time.Time

	mu      sync.Mutex
	next    int64
	deletes int64
	drafts  map[int64]*memEntry

	// FailAutosave, when set, is returned by Autosave: tests use it to
	// check that nothing is lost while saving fails.
	FailAutosave error
	// Saves counts successful autosaves.
	Saves int
	// Exports records the bytes of each RecordExport.
	Exports [][]byte

	// autosaveGate and getGate, when set, hold Autosave and Get until
	// closed, as SQLite waits for a lock another process holds.
	autosaveGate, getGate chan struct{}
}

// BlockAutosave makes Autosave wait until release is called.
func (s *MemStore) BlockAutosave() (release func()) { return s.block(&s.autosaveGate) }

// BlockGet makes Get wait until release is called.
func (s *MemStore) BlockGet() (release func()) { return s.block(&s.getGate) }

func (s *MemStore) block(gate *chan struct{}) (release func()) {
	g := make(chan struct{})
	s.mu.Lock()
	*gate = g
	s.mu.Unlock()
	return sync.OnceFunc(func() {
		s.mu.Lock()
		*gate = nil
		s.mu.Unlock()
		close(g)
	})
}

// wait waits at gate, if one is set, without holding the lock.
func (s *MemStore) wait(gate *chan struct{}) {
	s.mu.Lock()
	g := *gate
	s.mu.Unlock()
	if g != nil {
		<-g
	}
}

// NewMemStore returns an empty store for template t.
func NewMemStore(t *template.Template) *MemStore {
	return &MemStore{t: t, now: time.Now, drafts: map[int64]*memEntry{}}
}

func (s *MemStore) summarise(e *memEntry) {
	a := e.Content.Answers
	e.Title = e.Content.Title
	e.Customer = a.Text("customer_name")
	e.Provider = a.Text("provider_name")
	e.Percent = check.Check(s.t, a).Percent()
	e.Changed = s.now()
	if e.Status == "" {
		e.Status = "draft"
	}
}

func (s *MemStore) get(id int64) (*memEntry, error) {
	e, ok := s.drafts[id]
	if !ok || e.deleted > 0 {
		return nil, fmt.Errorf("draft %d: not found", id)
	}
	return e, nil
}

func cloneDraft(d draft.Draft) draft.Draft {
	return d.Clone()
}

// Create implements Store.
func (s *MemStore) Create(d draft.Draft) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.next++
	e := &memEntry{StoredDraft: StoredDraft{Content: cloneDraft(d), Version: 1}}
	e.ID = s.next
	s.summarise(e)
	s.drafts[e.ID] = e
	return e.ID, nil
}

// Duplicate implements Store.
func (s *MemStore) Duplicate(id int64) (int64, error) {
	s.mu.Lock()
	e, err := s.get(id)
	s.mu.Unlock()
	if err != nil {
		return 0, err
	}
	d := cloneDraft(e.Content)
	d.Title += " (copy)"
	return s.Create(d)
}

// Rename implements Store.
func (s *MemStore) Rename(id int64, title string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, err := s.get(id)
	if err != nil {
		return err
	}
	e.Content.Title = title
	e.Version++
	s.summarise(e)
	return nil
}

// List implements Store.
func (s *MemStore) List(query string) ([]Summary, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	q := strings.ToLower(query)
	var out []Summary
	for _, e := range s.drafts {
		if e.deleted > 0 {
			continue
		}
		hay := strings.ToLower(e.Title + " " + e.Customer + " " + e.Provider)
		if q == "" || strings.Contains(hay, q) {
			out = append(out, e.Summary)
		}
	}
	slices.SortFunc(out, func(a, b Summary) int { return int(b.ID - a.ID) })
	return out, nil
}

// Delete implements Store.
func (s *MemStore) Delete(id int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, err := s.get(id)
	if err != nil {
		return err
	}
	s.deletes++
	e.deleted = s.deletes
	return nil
}

// Undelete implements Store.
func (s *MemStore) Undelete(id int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.drafts[id]
	if !ok {
		return fmt.Errorf("draft %d: not found", id)
	}
	e.deleted = 0
	return nil
}

// Trash implements Store.
func (s *MemStore) Trash() ([]Summary, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var in []*memEntry
	for _, e := range s.drafts {
		if e.deleted > 0 {
			in = append(in, e)
		}
	}
	slices.SortFunc(in, func(a, b *memEntry) int { return int(b.deleted - a.deleted) })
	out := []Summary{}
	for _, e := range in {
		out = append(out, e.Summary)
	}
	return out, nil
}

// Purge implements Store.
func (s *MemStore) Purge(id int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.drafts[id]
	switch {
	case !ok:
		return fmt.Errorf("draft %d: not found", id)
	case e.deleted == 0:
		return fmt.Errorf("purge draft %d: it is not in the trash", id)
	}
	delete(s.drafts, id)
	return nil
}

// Get implements Store.
func (s *MemStore) Get(id int64) (StoredDraft, error) {
	s.wait(&s.getGate)
	s.mu.Lock()
	defer s.mu.Unlock()
	e, err := s.get(id)
	if err != nil {
		return StoredDraft{}, err
	}
	out := e.StoredDraft
	out.Content = cloneDraft(e.Content)
	if e.SignedRevision > 0 {
		signed := cloneDraft(e.revisions[e.SignedRevision-1].content)
		out.Signed = &signed
	}
	return out, nil
}

// Autosave implements Store.
func (s *MemStore) Autosave(id int64, d draft.Draft, base int64, _ *draft.Draft) (int64, error) {
	s.wait(&s.autosaveGate)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.FailAutosave != nil {
		return 0, s.FailAutosave
	}
	e, err := s.get(id)
	if err != nil {
		return 0, err
	}
	if base != e.Version {
		return 0, ErrConflict
	}
	e.Content = cloneDraft(d)
	e.Version++
	s.Saves++
	s.summarise(e)
	return e.Version, nil
}

// KeepMine implements Store: what the working copy held becomes a revision.
func (s *MemStore) KeepMine(id int64, d draft.Draft) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, err := s.get(id)
	if err != nil {
		return 0, err
	}
	s.addRevision(e, "save", "their save, before you kept your own version")
	e.Content = cloneDraft(d)
	e.Version++
	s.Saves++
	s.summarise(e)
	return e.Version, nil
}

// SetFail sets FailAutosave under the lock.
func (s *MemStore) SetFail(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.FailAutosave = err
}

// SaveCount returns Saves under the lock.
func (s *MemStore) SaveCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.Saves
}

// ExportList returns the recorded exports under the lock.
func (s *MemStore) ExportList() [][]byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.Exports)
}

func (s *MemStore) addRevision(e *memEntry, kind, note string) Revision {
	r := memRevision{Revision: Revision{Number: len(e.revisions) + 1, Kind: kind, Note: note, Created: s.now()}, content: cloneDraft(e.Content)}
	e.revisions = append(e.revisions, r)
	return r.Revision
}

// SaveRevision implements Store.
func (s *MemStore) SaveRevision(id int64, note string) (Revision, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, err := s.get(id)
	if err != nil {
		return Revision{}, err
	}
	return s.addRevision(e, "saved", note), nil
}

// History implements Store.
func (s *MemStore) History(id int64) ([]Revision, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, err := s.get(id)
	if err != nil {
		return nil, err
	}
	var out []Revision
	for i := len(e.revisions) - 1; i >= 0; i-- {
		out = append(out, e.revisions[i].Revision)
	}
	return out, nil
}

func (s *MemStore) content(e *memEntry, n int) (draft.Draft, error) {
	if n == 0 {
		return e.Content, nil
	}
	if n < 1 || n > len(e.revisions) {
		return draft.Draft{}, fmt.Errorf("revision %d: not found", n)
	}
	return e.revisions[n-1].content, nil
}

// Diff implements Store.
func (s *MemStore) Diff(id int64, from, to int) ([]Change, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, err := s.get(id)
	if err != nil {
		return nil, err
	}
	a, err := s.content(e, from)
	if err != nil {
		return nil, err
	}
	b, err := s.content(e, to)
	if err != nil {
		return nil, err
	}
	return s.diff(a.Answers, b.Answers), nil
}

func show(v answers.Value) string {
	switch {
	case len(v.Items) > 0:
		return strings.Join(v.Items, ", ")
	case len(v.Rows) > 0:
		return fmt.Sprintf("%d rows", len(v.Rows))
	case v.Unit != "":
		return v.Text + " " + v.Unit
	}
	return v.Text
}

func (s *MemStore) diff(a, b answers.Answers) []Change {
	var out []Change
	for _, g := range s.t.Groups {
		for _, f := range g.Fields {
			if !a[f.ID].Equal(b[f.ID]) {
				out = append(out, Change{Group: g.Name, Field: f.ID, Label: f.Label, Old: show(a[f.ID]), New: show(b[f.ID])})
			}
		}
	}
	return out
}

// DiffSigned implements Store.
func (s *MemStore) DiffSigned(id int64) ([]Change, error) {
	s.mu.Lock()
	e, err := s.get(id)
	s.mu.Unlock()
	if err != nil {
		return nil, err
	}
	if e.SignedRevision == 0 {
		return nil, errors.New("this draft has not been marked as signed")
	}
	return s.Diff(id, e.SignedRevision, 0)
}

// RestoreRevision implements Store.
func (s *MemStore) RestoreRevision(id int64, n int) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, err := s.get(id)
	if err != nil {
		return err
	}
	c, err := s.content(e, n)
	if err != nil {
		return err
	}
	e.Content = cloneDraft(c)
	e.Version++
	s.summarise(e)
	s.addRevision(e, "restored", fmt.Sprintf("restored revision %d", n))
	return nil
}

// RecordExport records an export, as the library does (for fakeDocs).
func (s *MemStore) RecordExport(id, version int64, path string, pdf []byte) (Revision, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, err := s.get(id)
	if err != nil {
		return Revision{}, err
	}
	if version != e.Version {
		return Revision{}, fmt.Errorf("%w (the PDF was made from version %d, the store has %d)", ErrConflict, version, e.Version)
	}
	s.Exports = append(s.Exports, slices.Clone(pdf))
	e.Status = "final"
	r := s.addRevision(e, "export", path)
	e.exports = append(e.exports, memExport{revision: r.Number, pdf: slices.Clone(pdf)})
	return r, nil
}

// MarkSigned records the draft signed (for fakeDocs). Like the library, it accepts a signed PDF
// only if it starts with one of the draft's exports, and records what that
// export held; signed on paper, the latest export counts.
func (s *MemStore) MarkSigned(id int64, signedPDF []byte) (Revision, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, err := s.get(id)
	if err != nil {
		return Revision{}, err
	}
	from := len(e.exports) - 1
	if signedPDF != nil {
		from = slices.IndexFunc(e.exports, func(x memExport) bool { return bytes.HasPrefix(signedPDF, x.pdf) })
		if from < 0 {
			return Revision{}, ErrNotExported
		}
	}
	note, content := "signed", e.Content
	if from >= 0 {
		n := e.exports[from].revision
		note, content = fmt.Sprintf("signed copy of revision %d", n), e.revisions[n-1].content
	}
	r := memRevision{Revision: Revision{Number: len(e.revisions) + 1, Kind: "signed", Note: note, Created: s.now()}, content: cloneDraft(content)}
	e.revisions = append(e.revisions, r)
	e.SignedRevision = r.Number
	e.Status = "signed"
	return r.Revision, nil
}
