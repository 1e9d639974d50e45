package export_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"caseload/internal/export"
	"caseload/internal/testdb"
)

var now = time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)

// exported is the fixture's record as a document, read through the store as the
// command reads it.
func exported(t *testing.T) (export.Document, testdb.Exported) {
	t.Helper()
	x := testdb.Exportable(t, now)
	rec, err := x.Store.ExportPersonRecord(context.Background(), "os:alice", now, x.PersonID, "pdf")
	if err != nil {
		t.Fatal(err)
	}
	return export.Build(rec, now, "Dr Amira Haddad (account alice)"), x
}

var drafts = []string{testdb.DraftNoteWords, testdb.DraftFormulationWords, testdb.DraftDischargeWords, "Someone Else"}

// In every format: no draft's words, every signed record's, the names as written, and
// the one note naming someone else flagged and counted on the cover.
func TestEveryFormatHoldsTheSignedRecordAndNoDraft(t *testing.T) {
	doc, _ := exported(t)
	if doc.Cover.Flagged != 1 || doc.Cover.Counts.Notes != 2 {
		t.Fatalf("cover: %d flagged of %d notes; want 1 of 2", doc.Cover.Flagged, doc.Cover.Counts.Notes)
	}
	html, err := export.HTML(doc)
	if err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]string{"html": string(html), "md": string(export.Markdown(doc))} {
		for _, d := range drafts {
			if strings.Contains(out, d) {
				t.Errorf("%s holds the draft's %q", name, d)
			}
		}
		for _, want := range []string{"يوسف Ó Súilleabháin", "Zoë Ångström", "Seen at the hostel", "The hostel confirmed the curfew",
			"Telephone check-in", "Isolation after a long sentence", "1 of the 2 notes name other people",
			"Signed discharge summary: Who was told.", "He asked to come back to the service.", "Tom knows him from the MAPPA meeting",
			export.FlagMark + " For the reviewer: this note names other people: Zoë Ångström (COM, Probation Service)"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s lacks %q", name, want)
			}
		}
		if n := strings.Count(out, export.FlagMark+" For the reviewer"); n != 1 {
			t.Errorf("%s flags %d notes; want 1", name, n)
		}
	}
	if !strings.Contains(string(html), `<h2 dir="auto">يوسف Ó Súilleabháin</h2>`) {
		t.Error("the HTML's name is not marked dir=\"auto\"")
	}
}

// Words are escaped: nothing a clinician typed becomes markup.
func TestWordsAreEscaped(t *testing.T) {
	doc := export.Document{Cover: export.Cover{Person: "<b>Ada</b>", GeneratedAt: now},
		Blocks: []export.Block{{Kind: export.Text, Text: "<script>alert(1)</script> *not bold* [link](x)\n# not a heading\n1. not a list"}}}
	html, err := export.HTML(doc)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(html), "<script>") || strings.Contains(string(html), "<b>Ada") {
		t.Errorf("HTML not escaped:\n%s", html)
	}
	md := string(export.Markdown(doc))
	for _, want := range []string{`&lt;script&gt;`, `\*not bold\*`, `\[link\]`, `\# not a heading`, `1\. not a list`, `&lt;b&gt;Ada`} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md)
		}
	}
}

// needPoppler finds a poppler tool, or skips: never when CASELOAD_REQUIRE_PDFTOPPM is
// set (CI sets it), so CI cannot pass without looking at the PDF.
func needPoppler(t *testing.T, tool string) string {
	t.Helper()
	path, err := exec.LookPath(tool)
	if err != nil {
		if os.Getenv("CASELOAD_REQUIRE_PDFTOPPM") != "" {
			t.Fatalf("%s is not installed (apt-get install poppler-utils), and CASELOAD_REQUIRE_PDFTOPPM is set", tool)
		}
		t.Skipf("%s is not installed (poppler-utils)", tool)
	}
	return path
}

// The PDF renders: pdftoppm draws every page, the footer numbers them "page N of M"
// with M the pages there are, the cover says M, and the text holds the names with their
// diacritics and no draft.
func TestPDFRenders(t *testing.T) {
	pdftoppm := needPoppler(t, "pdftoppm")
	pdftotext := needPoppler(t, "pdftotext")
	doc, _ := exported(t)
	b, err := export.PDF(doc)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	pdf := filepath.Join(dir, "record.pdf")
	if err := export.WriteFile(pdf, b, false); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(pdftoppm, "-png", "-r", "30", pdf, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v: %s", err, out)
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "page-*.png"))
	if len(pages) < 2 {
		t.Fatalf("%d pages rendered; want the cover and the record", len(pages))
	}
	for _, p := range pages {
		if info, err := os.Stat(p); err != nil || info.Size() < 500 {
			t.Errorf("page %s is empty: %v", p, err)
		}
	}
	text, err := exec.Command(pdftotext, "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	s := string(text)
	m := strconv.Itoa(len(pages))
	if !strings.Contains(s, "this record has "+m+" pages") {
		t.Errorf("the cover does not say %s pages:\n%s", m, s)
	}
	numbers := regexp.MustCompile(`page (\d+) of (\d+)`).FindAllStringSubmatch(s, -1)
	if len(numbers) != len(pages) {
		t.Errorf("%d page numbers for %d pages", len(numbers), len(pages))
	}
	for i, n := range numbers {
		if n[1] != strconv.Itoa(i+1) || n[2] != m {
			t.Errorf("page %d is numbered %q", i+1, n[0])
		}
	}
	for _, want := range []string{"Súilleabháin", "Zoë Ångström", "Dr Niamh Ó Dálaigh", "Seen at the hostel", export.FlagMark} {
		if !strings.Contains(s, want) {
			t.Errorf("the PDF's text lacks %q", want)
		}
	}
	for _, d := range drafts {
		if strings.Contains(s, d) || strings.Contains(s, strings.Fields(d)[0]) {
			t.Errorf("the PDF holds the draft's %q", d)
		}
	}
	if os.Getenv("CASELOAD_KEEP_EXPORT") != "" { // to look at it: the pages as pictures
		_ = os.WriteFile(os.Getenv("CASELOAD_KEEP_EXPORT"), b, 0o600)
	}
}

// Names in every script the service meets print: Latin with diacritics, Arabic and
// Chinese, from fonts embedded in the file (pdffonts says so), so the PDF reads the same
// on a machine that has none of them.
func TestPDFDrawsEveryScript(t *testing.T) {
	pdftotext := needPoppler(t, "pdftotext")
	pdffonts := needPoppler(t, "pdffonts")
	doc := export.Document{Cover: export.Cover{Person: "浩然 陈", PersonID: 50, GeneratedAt: now, By: "account alice"},
		Blocks: []export.Block{
			{Kind: export.Section, Text: "About you"},
			{Kind: export.Field, Label: "Name", Text: "浩然 陈", Name: true},
			{Kind: export.Field, Label: "Present", Text: "يوسف الحداد; Zoë Ångström; Łukasz Wiśniewski; Øyvind Haugland", Name: true},
			{Kind: export.Text, Text: strings.Repeat("他说他想找工作。", 20)},
		}}
	b, err := export.PDF(doc)
	if err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(pdf, b, 0o600); err != nil {
		t.Fatal(err)
	}
	text, err := exec.Command(pdftotext, "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"浩然", "陈", "Zoë Ångström", "Łukasz Wiśniewski", "Øyvind", "他说他想找工作"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("the PDF's text lacks %q", want)
		}
	}
	fonts, err := exec.Command(pdffonts, pdf).Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(fonts), "\n")[2:] {
		if f := strings.Fields(line); len(f) > 4 && !strings.Contains(line, " yes ") {
			t.Errorf("a font is not embedded: %s", line)
		}
	}
	if !strings.Contains(string(fonts), "utf8droidfallback") || !strings.Contains(string(fonts), "utf8dejavu") {
		t.Errorf("fonts used:\n%s", fonts)
	}
}
