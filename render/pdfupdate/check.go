package pdfupdate

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// This file decides whether the incremental updates appended to an
// exported PDF only sign it. A signer adds a signature dictionary, fills
// the signature field's value and gives its widget an appearance inside
// the field's box; it may also rewrite the catalog to update the
// /AcroForm. Anything else, such as a page, its content streams or
// resources, its annotations, the page tree, or the catalog beyond the
// /AcroForm, changes what a reader sees, so the file is no longer the
// document that was exported. The check is strict on purpose: an update
// it cannot read is reported, never assumed harmless.

// Report says what the updates after an export do.
type Report struct {
	// SignedFields names the export's signature fields that now hold a
	// signature, in the order the export lists them.
	SignedFields []string
	// Changes says, in plain words, each thing that changed what the
	// document shows or that could not be read as a PDF update. Empty
	// means the file is the export plus signatures only.
	Changes []string
}

// catalogKeysSignersMayChange are the catalog entries that hold form
// fields and signature data rather than anything a page shows.
var catalogKeysSignersMayChange = []string{"/AcroForm", "/Perms", "/DSS", "/Extensions"}

// widgetKeysFixed are the entries of a signature widget that place it:
// the signature's appearance must stay inside the box the export drew.
var widgetKeysFixed = []string{"/Type", "/Subtype", "/FT", "/T", "/Rect", "/P"}

// Check reads the updates that follow export in file (which must start
// with export's bytes) and reports what they change.
func Check(export, file []byte) Report {
	c := &checker{text: string(file)}
	if err := c.learnExport(export); err != nil {
		return Report{Changes: []string{"the exported part of the file cannot be read: " + err.Error()}}
	}
	c.readUpdates(len(export))
	c.comparePageCount()
	signed := c.signedFields()
	return Report{SignedFields: signed, Changes: c.changeList()}
}

// checker holds what the export contained and the state of the file as
// each update is applied in turn.
type checker struct {
	text        string
	base        *File
	root        int
	catalog     Dict
	pages       int
	what        map[int]string // object of the export -> what it is, for messages
	pageObjects map[int]bool   // the export's page objects
	widgets     []int          // the export's signature widgets, in field order
	current     *table         // where each object's newest definition is so far
	changes     []string
	unnamed     int // changes past maxChanges, counted only
}

func (c *checker) learnExport(export []byte) error {
	base, err := Parse(export)
	if err != nil {
		return err
	}
	c.base = base
	c.current = newTable(newBudget())
	for n, loc := range base.objects.at {
		c.current.at[n] = loc
	}
	if c.root, c.catalog, err = base.Catalog(); err != nil {
		return err
	}
	pages, err := base.Pages()
	if err != nil {
		return err
	}
	c.pages = len(pages)
	c.what = map[int]string{}
	c.pageObjects = map[int]bool{}
	c.describePageTree(base)
	for i, p := range pages {
		c.describePage(base, p, i+1)
	}
	if c.widgets, err = SignatureFields(c.catalog); err != nil {
		return err
	}
	for _, w := range c.widgets {
		delete(c.what, w) // a widget has its own rule, not the annotation one
	}
	return nil
}

// describePageTree names every node of the export's page tree.
func (c *checker) describePageTree(f *File) {
	if n, ok := c.catalog.Ref("/Pages"); ok {
		c.describeSubtree(f, n, 0)
	}
}

// describeSubtree names node n and the nodes under it; Pages has already
// refused a tree with shared nodes, and a node named once is not walked again.
func (c *checker) describeSubtree(f *File, n, depth int) {
	if _, named := c.what[n]; depth > 32 || named {
		return
	}
	c.what[n] = "the page tree"
	d, err := f.Dict(n)
	if err != nil {
		return
	}
	kids, _ := d.Get("/Kids")
	refs, _ := Refs(kids)
	for _, k := range refs {
		if kd, err := f.Dict(k); err == nil {
			if t, _ := kd.Get("/Type"); t == "/Pages" {
				c.describeSubtree(f, k, depth+1)
			}
		}
	}
}

// describePage names page p's object, content streams, resources and
// annotations, and the fonts and images its resources refer to.
func (c *checker) describePage(f *File, p, number int) {
	page := "page " + strconv.Itoa(number)
	d, err := f.Dict(p)
	if err != nil {
		return
	}
	c.what[p] = page
	c.pageObjects[p] = true
	for _, k := range refsIn(d, "/Contents") {
		c.what[k] = page + " content"
	}
	for _, k := range refsIn(d, "/Annots") {
		c.what[k] = "an annotation on " + page
	}
	res, _ := d.Get("/Resources")
	if n, ok := d.Ref("/Resources"); ok {
		c.what[n] = page + " resources"
		if rd, err := f.Dict(n); err == nil {
			res = rd.String()
		}
	}
	if rd, err := ParseDict(res); err == nil {
		for _, key := range rd.Keys() {
			v, _ := rd.Get(key)
			for _, k := range allRefs(v) {
				if _, named := c.what[k]; !named {
					c.what[k] = page + " resources (fonts or images)"
				}
			}
		}
	}
}

// refsIn returns the objects an entry refers to, whether it holds one
// reference or an array of them.
func refsIn(d Dict, key string) []int {
	if n, ok := d.Ref(key); ok {
		return []int{n}
	}
	v, _ := d.Get(key)
	return allRefs(v)
}

// allRefs finds every "N G R" in a value's source text.
func allRefs(v string) []int {
	fs := strings.Fields(strings.NewReplacer("[", " ", "]", " ", "<<", " ", ">>", " ", "/", " /").Replace(v))
	var refs []int
	for i := 0; i+2 < len(fs); i++ {
		if fs[i+2] != "R" {
			continue
		}
		n, err1 := strconv.Atoi(fs[i])
		_, err2 := strconv.Atoi(fs[i+1])
		if err1 == nil && err2 == nil {
			refs = append(refs, n)
		}
	}
	return refs
}

// maxChanges is how many changes a report names; past it, it counts them,
// so a file with thousands of forged objects gets a message a person can read.
const maxChanges = 20

func (c *checker) report(format string, a ...any) {
	msg := fmt.Sprintf(format, a...)
	switch {
	case slices.Contains(c.changes, msg):
	case len(c.changes) >= maxChanges:
		c.unnamed++
	default:
		c.changes = append(c.changes, msg)
	}
}

// changeList is the changes named, and how many more there were.
func (c *checker) changeList() []string {
	if c.unnamed == 0 {
		return c.changes
	}
	return append(c.changes, fmt.Sprintf("and %d more changes", c.unnamed))
}

// readUpdates walks the xref chain back from the end of the file to the
// export, then reads each update forwards, insisting that its bytes are
// exactly objects, a cross-reference section (a table and trailer, a
// stream, or both) and "startxref … %%EOF".
func (c *checker) readUpdates(exportLen int) {
	chain, ok := c.updateChain(exportLen)
	if !ok {
		return
	}
	pos := exportLen
	for _, xref := range chain {
		sec, err := readSection(c.text, xref, c.current.inflate)
		if err != nil {
			c.report("an update appended after export cannot be read: %v", err)
			return
		}
		// Objects out of place are reported, and what the section
		// defines is still judged, so the message names what changed.
		c.objectsFill(pos, xref, sec)
		end, ok := c.sectionEnd(sec.end, xref)
		if !ok {
			return
		}
		c.apply(sec)
		pos = end
	}
	if rest := len(c.text) - skipSpace(c.text, pos); rest > 0 {
		c.report("%d bytes appended after export are not a PDF update", rest)
	}
}

// updateChain returns the offsets of the xref sections added after the
// export, oldest first.
func (c *checker) updateChain(exportLen int) ([]int, bool) {
	off, err := lastStartXref(c.text)
	if err != nil {
		c.report("%d bytes appended after export are not a PDF update", len(c.text)-exportLen)
		return nil, false
	}
	var chain []int
	for off != c.base.StartXref {
		if off < exportLen || (len(chain) > 0 && off >= chain[0]) {
			c.report("an update appended after export does not follow on from the export (its cross-reference points to offset %d)", off)
			return nil, false
		}
		sec, err := readSection(c.text, off, c.current.inflate)
		if err != nil {
			c.report("an update appended after export cannot be read: %v", err)
			return nil, false
		}
		chain = append([]int{off}, chain...)
		prev, _ := sec.trailer.Get("/Prev")
		if off, err = strconv.Atoi(prev); err != nil {
			c.report("an update appended after export does not point back to the export (trailer /Prev %q)", clip(prev))
			return nil, false
		}
	}
	return chain, true
}

// objectsFill checks that the bytes from pos to the section at xref are
// the objects the section places at byte offsets (a hybrid trailer's
// stream among them) and nothing else, so no bytes hide between or inside
// them. A cross-reference stream section is itself the object at xref.
func (c *checker) objectsFill(pos, xref int, sec xrefSection) bool {
	seen := map[placedObject]bool{}
	var objs []placedObject
	add := func(o placedObject) {
		if !seen[o] && !(o.off == xref && !sec.classic) {
			seen[o] = true
			objs = append(objs, o)
		}
	}
	for n, loc := range sec.objects {
		if loc.off >= 0 {
			add(placedObject{n, loc.off})
		}
	}
	for _, o := range sec.streams {
		add(o)
	}
	slices.SortFunc(objs, func(a, b placedObject) int { return a.off - b.off })
	i := skipSpace(c.text, pos)
	for _, o := range objs {
		if o.off != i {
			c.report("an update appended after export has bytes that belong to no object, or objects inside other objects (at offset %d)", min(i, o.off))
			return false
		}
		obj, err := readObject(c.text, o.off, o.num)
		if err != nil {
			c.report("an update appended after export cannot be read: %v", err)
			return false
		}
		i = skipSpace(c.text, obj.end)
	}
	if i != xref {
		c.report("an update appended after export has bytes that belong to no object (at offset %d)", i)
		return false
	}
	return true
}

// sectionEnd checks "startxref OFFSET %%EOF" after a section and returns
// where the next update may begin.
func (c *checker) sectionEnd(trailerEnd, xref int) (int, bool) {
	i := skipSpace(c.text, trailerEnd)
	want := "startxref"
	if !strings.HasPrefix(c.text[i:], want) {
		c.report("an update appended after export has no startxref after its trailer")
		return 0, false
	}
	i = skipSpace(c.text, i+len(want))
	j, _ := skipValue(c.text, i)
	if n, err := strconv.Atoi(c.text[i:max(i, j)]); err != nil || n != xref {
		c.report("an update appended after export has a startxref that does not point at its own cross-reference")
		return 0, false
	}
	i = j + len(c.text[j:]) - len(strings.TrimLeft(c.text[j:], " \t\r\n\f\x00"))
	if !strings.HasPrefix(c.text[i:], "%%EOF") {
		c.report("an update appended after export does not end with %%%%EOF")
		return 0, false
	}
	return i + len("%%EOF"), true
}

// apply records the section's objects and reports every change that
// alters what the document shows.
func (c *checker) apply(sec xrefSection) {
	for n, loc := range sec.objects {
		c.current.define(n, loc)
	}
	if root, _ := sec.trailer.Ref("/Root"); root != c.root {
		c.report("the document catalog was replaced after export")
	}
	if _, ok := sec.trailer.Get("/Encrypt"); ok {
		c.report("encryption was added after export")
	}
	for _, n := range sec.freed {
		if _, inExport := c.base.objects.at[n]; inExport {
			c.report("%s deleted after export", c.name(n))
		}
	}
	for _, o := range sec.streams {
		if _, inExport := c.base.objects.at[o.num]; inExport {
			c.report("%s replaced by a cross-reference stream after export", c.name(o.num))
		}
	}
	nums := make([]int, 0, len(sec.objects))
	for n := range sec.objects {
		nums = append(nums, n)
	}
	slices.Sort(nums)
	for _, n := range nums {
		c.checkObject(n)
		c.checkActions(n)
	}
}

// name says what object n of the export is.
func (c *checker) name(n int) string {
	if w, ok := c.what[n]; ok {
		return w
	}
	if n == c.root {
		return "the document catalog"
	}
	if slices.Contains(c.widgets, n) {
		if d, err := c.base.Dict(n); err == nil {
			return "signature field " + fieldName(d)
		}
	}
	return "object " + strconv.Itoa(n) + " of the export"
}

// checkObject judges one object defined by an update.
func (c *checker) checkObject(n int) {
	if _, inExport := c.base.objects.at[n]; !inExport {
		// A new object shows nothing unless something the export showed
		// refers to it, and any such change is judged on its own.
		return
	}
	if info, _ := c.base.Trailer.Ref("/Info"); n == info {
		return // document metadata: not shown on any page
	}
	d, err := c.dict(n)
	if err != nil && (n == c.root || slices.Contains(c.widgets, n) || c.pageObjects[n]) {
		c.report("%s changed after export into something that cannot be read: %v", c.name(n), err)
		return
	}
	switch {
	case n == c.root:
		c.checkCatalog(d)
	case slices.Contains(c.widgets, n):
		c.checkWidget(n, d)
	case c.pageObjects[n]:
		c.checkPage(n, d)
	case strings.HasSuffix(c.name(n), " content"):
		c.report("%s replaced after export", c.name(n))
	default:
		c.report("%s changed after export", c.name(n))
	}
}

// checkActions reports an action or script anywhere in object n's value
// (not its stream data, which runs nothing unless an action points at it).
func (c *checker) checkActions(n int) {
	o, err := readAt(c.text, c.current, n)
	if err != nil {
		// A reader that repairs files may still find something here.
		c.report("an object appended after export cannot be read: %v", err)
		return
	}
	if what := actionIn(o.value, 0); what != "" {
		c.report("an action or script (%s, in object %d) was added after export", what, n)
	}
}

// dict reads the newest definition of object n as a dictionary.
func (c *checker) dict(n int) (Dict, error) { return readDict(c.text, c.current, n) }

// checkCatalog allows a new catalog that differs from the export's only
// in form and signature entries, whose form lists the export's fields and
// no others, and which has no XFA (an XFA form can replace the pages'
// content in some readers).
func (c *checker) checkCatalog(d Dict) {
	for _, key := range changedKeys(c.catalog, d) {
		if !slices.Contains(catalogKeysSignersMayChange, key) {
			c.report("the document catalog's %s entry changed after export", key)
		}
	}
	form, _ := d.Get("/AcroForm")
	if n, ok := d.Ref("/AcroForm"); ok {
		if v, err := readAt(c.text, c.current, n); err == nil {
			form = v.value
		}
	}
	fd, err := ParseDict(form)
	if err != nil {
		if len(c.widgets) > 0 {
			c.report("the form that holds the signature fields cannot be read after the updates")
		}
		return
	}
	if _, xfa := fd.Get("/XFA"); xfa {
		c.report("an XFA form, which can replace what the pages show, was added after export")
	}
	fields, _ := fd.Get("/Fields")
	if n, ok := fd.Ref("/Fields"); ok {
		if v, err := readAt(c.text, c.current, n); err == nil {
			fields = v.value
		}
	}
	refs, err := Refs(fields)
	if err != nil {
		c.report("the form's list of fields cannot be read after the updates: %v", err)
		return
	}
	for _, r := range refs {
		if !slices.Contains(c.widgets, r) {
			c.report("a new form field %s was added after export", c.fieldLabel(r))
		}
	}
	for _, w := range c.widgets {
		if !slices.Contains(refs, w) {
			c.report("signature field %s was taken out of the form after export", c.fieldLabel(w))
		}
	}
}

// fieldLabel names field object n by its /T where it has one.
func (c *checker) fieldLabel(n int) string {
	if d, err := c.dict(n); err == nil {
		if name := fieldName(d); name != "" {
			return fmt.Sprintf("%q (object %d)", clip(name), n)
		}
	}
	return fmt.Sprintf("(object %d)", n)
}

// checkWidget allows a signature field's widget to gain a value and an
// appearance, but not to move, grow, change type or run an action.
func (c *checker) checkWidget(n int, d Dict) {
	old, err := c.base.Dict(n)
	if err != nil {
		c.report("%s changed after export", c.name(n))
		return
	}
	field := fieldName(old)
	for _, key := range changedKeys(old, d) {
		switch {
		case slices.Contains(widgetKeysFixed, key):
			c.report("signature field %s: its %s changed after export", field, key)
		case key == "/A" || key == "/AA":
			c.report("signature field %s: an action was added after export", field)
		}
	}
}

// checkPage says which part of a rewritten page changed.
func (c *checker) checkPage(n int, d Dict) {
	old, err := c.base.Dict(n)
	if err != nil {
		c.report("%s changed after export", c.name(n))
		return
	}
	for _, key := range changedKeys(old, d) {
		switch key {
		case "/Contents":
			c.report("%s content replaced after export", c.name(n))
		case "/Annots":
			c.report("%s annotations changed after export (something can be drawn over the page)", c.name(n))
		case "/Resources":
			c.report("%s resources (fonts or images) replaced after export", c.name(n))
		default:
			c.report("%s changed after export (%s)", c.name(n), key)
		}
	}
}

// fieldName returns a field's /T as plain text.
func fieldName(d Dict) string {
	t, _ := d.Get("/T")
	return strings.TrimSuffix(strings.TrimPrefix(t, "("), ")")
}

// changedKeys lists the keys added, removed or given another value.
func changedKeys(old, cur Dict) []string {
	var keys []string
	for _, k := range old.Keys() {
		ov, _ := old.Get(k)
		nv, ok := cur.Get(k)
		if !ok || normalize(ov) != normalize(nv) {
			keys = append(keys, k)
		}
	}
	for _, k := range cur.Keys() {
		if _, ok := old.Get(k); !ok {
			keys = append(keys, k)
		}
	}
	return keys
}

// comparePageCount reports pages added or removed, which also catches a
// page tree rebuilt from new objects.
func (c *checker) comparePageCount() {
	f, err := Parse([]byte(c.text))
	if err != nil {
		return // readUpdates has said why
	}
	pages, err := f.Pages()
	if err != nil {
		c.report("the page tree cannot be read after the updates: %v", err)
		return
	}
	switch n := len(pages); {
	case n > c.pages:
		c.report("%d page(s) added after export (%d at export, %d now)", n-c.pages, c.pages, n)
	case n < c.pages:
		c.report("%d page(s) removed after export (%d at export, %d now)", c.pages-n, c.pages, n)
	}
}

// signedFields lists the export's signature fields whose newest widget
// holds a well-formed signature value, and reports each one whose value
// is not one.
func (c *checker) signedFields() []string {
	var names []string
	for _, w := range c.widgets {
		d, err := c.dict(w)
		if err != nil {
			continue
		}
		if _, signed := d.Get("/V"); !signed {
			continue
		}
		if problem := c.signatureProblem(d); problem != "" {
			c.report("signature field %s holds a malformed signature: %s", fieldName(d), problem)
			continue
		}
		names = append(names, fieldName(d))
	}
	return names
}

// signatureProblem says why a signed field's value is not a well-formed
// signature dictionary, or "" when it is one.
func (c *checker) signatureProblem(widget Dict) string {
	v, _ := widget.Get("/V")
	if n, ok := widget.Ref("/V"); ok {
		o, err := readAt(c.text, c.current, n)
		if err != nil {
			return "its value cannot be read"
		}
		v = o.value
	}
	sig, err := ParseDict(v)
	if err != nil {
		return "its value is not a dictionary"
	}
	br, _ := sig.Get("/ByteRange")
	if r, err := ints(br, 4); err != nil || r[1] > r[2] {
		return "its /ByteRange is not four offsets in order"
	}
	contents, ok := sig.Get("/Contents")
	if !ok {
		return "it has no /Contents"
	}
	return derProblem(contents)
}
