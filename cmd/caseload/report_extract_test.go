package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"caseload/internal/report"
	"caseload/store"
)

// The key is made once, readable by its owner only, and never replaced; the extract
// needs it private; with it, the extract has one row a person referred in the period,
// no name, NHS number or date of birth, the same pseudonyms each time, and one audit
// entry naming the period and how many people.
func TestReportExtract(t *testing.T) {
	db := tempDB(t)
	demoDB(t, db)
	dir := t.TempDir()
	key, out := filepath.Join(dir, "extract.key"), filepath.Join(dir, "site.csv")
	must(t, caseload(t, nil, "report", "key", "--out", key))
	if info, err := os.Stat(key); err != nil || info.Mode().Perm() != 0o600 || info.Size() != 65 {
		t.Fatalf("key file: %v %v", info, err)
	}
	if r := caseload(t, nil, "report", "key", "--out", key); r.code != exitUsage || !strings.Contains(r.stderr, "never replaced") {
		t.Errorf("a second key over the first: exit %d, %q", r.code, r.stderr)
	}
	args := append([]string{"report", "--db", db, "--extract", "--key", key, "--out", out}, reportArgs...)
	if err := os.Chmod(key, 0o640); err != nil {
		t.Fatal(err)
	}
	if r := caseload(t, nil, args...); r.code != exitUsage || !strings.Contains(r.stderr, "chmod 600") {
		t.Errorf("a key others can read: exit %d, %q", r.code, r.stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("the refused extract was written")
	}
	if err := os.Chmod(key, 0o600); err != nil {
		t.Fatal(err)
	}
	must(t, caseload(t, nil, args...))
	rows := readCSV(t, out)
	if !slices.Equal(rows[0], report.ExtractColumns()) {
		t.Errorf("header %v", rows[0])
	}
	if info, _ := os.Stat(out); info.Mode().Perm() != 0o600 {
		t.Errorf("extract mode %v, want 0600", info.Mode())
	}
	// Nothing that names anyone: every name, NHS number and date of birth the file holds.
	var people []struct {
		GivenName   string  `json:"given_name"`
		FamilyName  string  `json:"family_name"`
		NHSNumber   *string `json:"nhs_number"`
		DateOfBirth *string `json:"date_of_birth"`
	}
	if err := json.Unmarshal([]byte(must(t, caseload(t, nil, "referrals", "list", "--db", db, "--format", "json")).stdout), &people); err != nil {
		t.Fatal(err)
	}
	text, _ := os.ReadFile(out)
	for _, p := range people {
		for _, v := range []string{p.GivenName, p.FamilyName, deref(p.NHSNumber), deref(p.DateOfBirth)} {
			if v != "" && strings.Contains(string(text), v) {
				t.Errorf("the extract holds %q", v)
			}
		}
	}
	// One audit entry: the period and the rows.
	st, err := store.OpenReadOnly(context.Background(), db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	es, err := st.AuditEntries(context.Background(), "report", 0)
	st.Close()
	if err != nil || len(es) != 1 || es[0].Action != "report.extracted" {
		t.Fatalf("audit %+v, %v", es, err)
	}
	var d map[string]any
	_ = json.Unmarshal([]byte(es[0].Detail), &d)
	if d["from"] != reportArgs[1] || d["to"] != reportArgs[3] || d["people"] != float64(len(rows)-1) || len(rows) < 10 {
		t.Errorf("audit detail %v, want the period and %d people", d, len(rows)-1)
	}
	// The same key gives the same pseudonyms; a new key new ones.
	must(t, caseload(t, nil, append(args, "--force")...))
	if again := readCSV(t, out); again[1][0] != rows[1][0] {
		t.Errorf("pseudonym %s then %s with the same key", rows[1][0], again[1][0])
	}
	other := filepath.Join(dir, "other.key")
	must(t, caseload(t, nil, "report", "key", "--out", other))
	args[5] = other
	must(t, caseload(t, nil, append(args, "--force")...))
	if again := readCSV(t, out); again[1][0] == rows[1][0] {
		t.Error("another key gave the same pseudonym")
	}
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(string(b))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// The period's parser never panics, and what it accepts is two real days in order
// that print as they parse; what it refuses is one line.
func FuzzReportPeriod(f *testing.F) {
	for _, s := range [][2]string{{"2026-10-01", "2026-10-31"}, {"31/10/2026", "1/11/2026"}, {"2026-02-29", "2026-03-01"},
		{"", "2026-10-01"}, {"2026-10-02", "2026-10-01"}, {"2026-13-01", "x"}, {" 2026-10-01 ", "2026-10-01\n"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, from, to string) {
		a, b, err := reportPeriod(from, to)
		if err != nil {
			if strings.ContainsAny(err.Error(), "\n\r") && !strings.ContainsAny(from+to, "\n\r") {
				t.Errorf("%q %q: a refusal of more than one line: %q", from, to, err)
			}
			return
		}
		if a.IsZero() || b.IsZero() || b.Before(a) {
			t.Errorf("%q %q accepted as %v to %v", from, to, a, b)
		}
		if _, _, err := reportPeriod(a.String(), b.String()); err != nil {
			t.Errorf("%v to %v does not parse again: %v", a, b, err)
		}
	})
}

// A key file is 64 hex digits (a newline after them is fine), the owner's only;
// anything else is refused in one sentence saying how to make one.
func TestReadExtractKey(t *testing.T) {
	dir := t.TempDir()
	good := strings.Repeat("ab", report.KeySize)
	tests := []struct {
		name, content string
		mode          os.FileMode
		want          string // "" accepted
	}{
		{"a key", good + "\n", 0o600, ""},
		{"a key read-only", good, 0o400, ""},
		{"others may read it", good, 0o644, "chmod 600"},
		{"the group may read it", good, 0o640, "chmod 600"},
		{"too short", good[:62], 0o600, "not an extract key"},
		{"not hex", strings.Repeat("zz", report.KeySize), 0o600, "not an extract key"},
		{"empty", "", 0o600, "not an extract key"},
	}
	for i, tt := range tests {
		path := filepath.Join(dir, "k"+string(rune('a'+i)))
		if err := os.WriteFile(path, []byte(tt.content), tt.mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(path, tt.mode); err != nil {
			t.Fatal(err)
		}
		key, err := readExtractKey(path)
		switch {
		case tt.want == "" && (err != nil || len(key) != report.KeySize):
			t.Errorf("%s: %v", tt.name, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
	}
	if _, err := readExtractKey(filepath.Join(dir, "none")); err == nil || !strings.Contains(err.Error(), "caseload report key") {
		t.Errorf("no file: %v", err)
	}
}
