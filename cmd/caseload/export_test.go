package main

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"caseload/internal/testdb"
	"caseload/store"
)

// exportable is testdb.Exportable's database, closed for the command to open, with the
// person's id.
func exportable(t *testing.T) (db string, person string) {
	t.Helper()
	x := testdb.Exportable(t, time.Date(2026, 11, 24, 8, 0, 0, 0, time.UTC))
	db = x.Store.Path()
	if err := x.Store.Close(); err != nil {
		t.Fatal(err)
	}
	return db, strconv.FormatInt(x.PersonID, 10)
}

// exportsAudited counts the person.exported entries of db.
func exportsAudited(t *testing.T, db string) int {
	t.Helper()
	st, err := store.OpenReadOnly(context.Background(), db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	es, err := st.AuditLog(context.Background(), store.AuditFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range es {
		if e.Action == store.ActionPersonExported {
			n++
		}
	}
	return n
}

// Each format is written, 0600, holding the signed record and no draft, each export
// audited once; an existing file is refused (nothing audited) unless --force.
func TestExportPerson(t *testing.T) {
	db, person := exportable(t)
	dir := t.TempDir()
	for i, name := range []string{"record.md", "record.html", "record.pdf"} {
		out := filepath.Join(dir, name)
		r := must(t, caseload(t, nil, "export", "person", "--db", db, person, "--out", out))
		if !strings.Contains(r.stdout, "wrote "+out) || !strings.Contains(r.stdout, "1 of them name other people") {
			t.Errorf("stdout %q", r.stdout)
		}
		info, err := os.Stat(out)
		if err != nil || info.Mode().Perm() != 0o600 {
			t.Fatalf("%s: %v, %v; want a file readable by its owner only", name, info, err)
		}
		if got := exportsAudited(t, db); got != i+1 {
			t.Errorf("after %s, %d exports audited; want %d", name, got, i+1)
		}
		if name == "record.pdf" {
			continue // its text is compressed: internal/export reads it with pdftotext
		}
		b, _ := os.ReadFile(out)
		for _, d := range []string{testdb.DraftNoteWords, testdb.DraftFormulationWords, testdb.DraftDischargeWords} {
			if strings.Contains(string(b), d) {
				t.Errorf("%s holds the draft %q", name, d)
			}
		}
		if !strings.Contains(string(b), "Súilleabháin") || !strings.Contains(string(b), "يوسف") {
			t.Errorf("%s lacks the person's name", name)
		}
	}
	out := filepath.Join(dir, "record.md")
	before, _ := os.ReadFile(out)
	r := caseload(t, nil, "export", "person", "--db", db, person, "--out", out)
	if r.code == 0 || !strings.Contains(r.stderr, "--force") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("over an existing file: exit %d, stderr %q; want a refusal naming --force", r.code, r.stderr)
	}
	if after, _ := os.ReadFile(out); string(after) != string(before) {
		t.Error("the refused export changed the file")
	}
	if got := exportsAudited(t, db); got != 3 {
		t.Errorf("a refused export was audited: %d", got)
	}
	must(t, caseload(t, nil, "export", "person", "--db", db, person, "--out", out, "--force"))
	if got := exportsAudited(t, db); got != 4 {
		t.Errorf("--force: %d exports audited; want 4", got)
	}
}

func TestExportPersonRefusals(t *testing.T) {
	db, person := exportable(t)
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"unknown person", []string{person + "0", "--out", filepath.Join(dir, "a.pdf")}, 1, "does not exist"},
		{"not a number", []string{"Ada", "--out", filepath.Join(dir, "a.pdf")}, exitUsage, "is not a person's id"},
		{"no id", []string{"--out", filepath.Join(dir, "a.pdf")}, exitUsage, "needs one PERSON_ID"},
		{"no --out", []string{person}, exitUsage, "--out is missing"},
		{"not a format", []string{person, "--out", filepath.Join(dir, "a.docx")}, exitUsage, "must end .pdf, .html or .md"},
		{"no such folder", []string{person, "--out", filepath.Join(dir, "none", "a.md")}, 1, "folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := caseload(t, nil, append([]string{"export", "person", "--db", db}, tt.args...)...)
			if r.code != tt.code || !strings.Contains(r.stderr, tt.want) || strings.Count(r.stderr, "\n") != 1 {
				t.Errorf("exit %d, stderr %q; want %d and one line with %q", r.code, r.stderr, tt.code, tt.want)
			}
		})
	}
	if got := exportsAudited(t, db); got != 0 {
		t.Errorf("%d refused exports audited", got)
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("a refused export left %v", left)
	}
}
