package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"caseload/internal/ident"
)

// The demo over the year to testNow: the period the report tests read.
var reportArgs = []string{"--from", "2025-11-25", "--to", "2026-11-24"}

// The JSON has the contract's keys, and its figures agree with what `referrals list`
// says of the same file: the referrals received in the period (by the London day), and
// the screenings decided in it with the within_48h each recorded when it was made.
func TestReportJSONAgreesWithTheReferralsList(t *testing.T) {
	db := tempDB(t)
	demoDB(t, db)
	var r map[string]any
	out := must(t, caseload(t, nil, append([]string{"report", "--db", db, "--format", "json"}, reportArgs...)...)).stdout
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"period", "referrals", "screening", "decisions", "caseload_by_month", "releases", "recalls",
		"discharges", "outcomes"} {
		if _, ok := r[k]; !ok {
			t.Errorf("no top-level %q in %v", k, keysOf(r))
		}
	}
	sub := func(k string, want ...string) map[string]any {
		m, _ := r[k].(map[string]any)
		for _, w := range want {
			if _, ok := m[w]; !ok {
				t.Errorf("%s has no %q", k, w)
			}
		}
		return m
	}
	sub("period", "from", "to")
	refs := sub("referrals", "received", "by_source", "by_priority_group")
	scr := sub("screening", "screened", "within_48h", "percent_within_48h", "median_hours", "by_month")

	var list []struct {
		ReceivedAt string  `json:"received_at"`
		ScreenedAt *string `json:"screened_at"`
		Within48h  *bool   `json:"within_48h"`
	}
	if err := json.Unmarshal([]byte(must(t, caseload(t, nil, "referrals", "list", "--db", db, "--format", "json")).stdout), &list); err != nil {
		t.Fatal(err)
	}
	london, _ := time.LoadLocation("Europe/London")
	in := func(s string) bool {
		at, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		d := ident.DateOf(at.In(london)).String()
		return d >= reportArgs[1] && d <= reportArgs[3]
	}
	received, screened, within := 0, 0, 0
	for _, l := range list {
		if in(l.ReceivedAt) {
			received++
		}
		if l.ScreenedAt != nil && in(*l.ScreenedAt) {
			screened++
			if l.Within48h != nil && *l.Within48h {
				within++
			}
		}
	}
	if received == 0 || screened == 0 {
		t.Fatalf("the demo has %d referrals received and %d screened in the period: the test reads nothing", received, screened)
	}
	got := []float64{refs["received"].(float64), scr["screened"].(float64), scr["within_48h"].(float64)}
	if want := []float64{float64(received), float64(screened), float64(within)}; !slices.Equal(got, want) {
		t.Errorf("received, screened, within 48h = %v; referrals list says %v", got, want)
	}
	// The months run from November 2025 to November 2026, and each month's open cases
	// are its phases added up.
	months := r["caseload_by_month"].([]any)
	if len(months) != 13 {
		t.Errorf("%d months, want 13", len(months))
	}
	for _, m := range months {
		row := m.(map[string]any)
		sum := 0.0
		for _, p := range row["by_phase"].([]any) {
			sum += p.(map[string]any)["count"].(float64)
		}
		if sum != row["open"].(float64) {
			t.Errorf("%v: the phases add up to %v", row["month"], sum)
		}
	}
}

func keysOf(m map[string]any) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// The text fits 80 columns, and with --suppress-small no count below 5 shows, nor a
// bar that would say it, nor the names of the team.
func TestReportTableAtEightyColumns(t *testing.T) {
	db := tempDB(t)
	demoDB(t, db)
	for _, extra := range [][]string{nil, {"--suppress-small"}} {
		out := must(t, caseload(t, nil, append(append([]string{"report", "--db", db}, reportArgs...), extra...)...)).stdout
		for i, line := range strings.Split(out, "\n") {
			if n := utf8.RuneCountInString(line); n > 80 {
				t.Errorf("%v line %d is %d columns: %q", extra, i+1, n, line)
			}
		}
		for _, want := range []string{"Referrals received:", "Screening within 48 hours", "Open cases at the end of each month",
			"Discharges:", "GP registered by release day"} {
			if !strings.Contains(out, want) {
				t.Errorf("%v: no %q in\n%s", extra, want, out)
			}
		}
		if extra == nil {
			if !strings.Contains(out, "█") || !strings.Contains(out, "By clinician") {
				t.Errorf("no bars or no clinicians in\n%s", out)
			}
			continue
		}
		if !strings.Contains(out, "<5") || strings.Contains(out, "By clinician") {
			t.Errorf("suppressed: want <5 and no clinicians in\n%s", out)
		}
		for _, line := range strings.Split(out, "\n") {
			if strings.Contains(line, "<5") && strings.Contains(line, "█") {
				t.Errorf("a suppressed count has a bar: %q", line)
			}
		}
	}
}

// CSV is one table a file in a new folder, readable by its owner only, every count
// below 5 shown as <5; an existing file refuses the lot unless --force.
func TestReportCSVFolder(t *testing.T) {
	db := tempDB(t)
	demoDB(t, db)
	dir := filepath.Join(t.TempDir(), "q4")
	args := append([]string{"report", "--db", db, "--format", "csv", "--out", dir}, reportArgs...)
	must(t, caseload(t, nil, args...))
	files, _ := filepath.Glob(filepath.Join(dir, "*.csv"))
	if len(files) != 11 {
		t.Fatalf("%d files: %v", len(files), files)
	}
	small := 0
	for _, f := range files {
		info, err := os.Stat(f)
		if err != nil || info.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v, mode %v", f, err, info.Mode())
		}
		b, _ := os.ReadFile(f)
		rows, err := csv.NewReader(strings.NewReader(string(b))).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		// A count is any cell but a key, a percentage, a median or a mean.
		figure := func(name string) bool {
			return name == "priority_group" || strings.HasPrefix(name, "percent_") || strings.HasPrefix(name, "median_") ||
				strings.HasPrefix(name, "p90_") || name == "mean_change"
		}
		for _, row := range rows[1:] {
			for i, cell := range row {
				if figure(rows[0][i]) || figure(row[0]) {
					continue
				}
				if n, err := strconv.Atoi(cell); err == nil && n < 5 {
					t.Errorf("%s: %q shows a count below 5", filepath.Base(f), row)
				}
				if cell == "<5" {
					small++
				}
			}
		}
	}
	if small == 0 {
		t.Error("no count was suppressed: the demo has small ones")
	}
	r := caseload(t, nil, args...)
	if r.code == 0 || !strings.Contains(r.stderr, "--force") {
		t.Errorf("again: exit %d, %q; want a refusal naming --force", r.code, r.stderr)
	}
	must(t, caseload(t, nil, append(args, "--force")...))
}

// Every bad way to ask is one sentence and exit 2, before the database is touched.
func TestReportRefusals(t *testing.T) {
	db := tempDB(t)
	demoDB(t, db)
	tests := []struct {
		args []string
		want string
	}{
		{nil, "report needs the period"},
		{[]string{"--from", "2026-10-01"}, "report needs the period"},
		{[]string{"--from", "2026-02-30", "--to", "2026-10-01"}, "--from: date 2026-02-30 does not exist"},
		{[]string{"--from", "2026-10-01", "--to", "yesterday"}, "--to: "},
		{[]string{"--from", "2026-10-02", "--to", "2026-10-01"}, "is before --from"},
		{[]string{"--from", "2026-10-01", "--to", "2026-10-31", "--format", "pdf"}, `"pdf" is not a format`},
		{[]string{"--from", "2026-10-01", "--to", "2026-10-31", "--format", "csv"}, "give the folder with --out DIR"},
		{[]string{"--from", "2026-10-01", "--to", "2026-10-31", "--out", "x"}, "--out is for --format csv"},
		{[]string{"--from", "2026-10-01", "--to", "2026-10-31", "--format", "json", "--suppress-small"}, "json keeps exact counts"},
		{[]string{"--from", "2026-10-01", "--to", "2026-10-31", "--extract"}, "--extract needs the file"},
		{[]string{"--from", "2026-10-01", "--to", "2026-10-31", "--extract", "--out", "x.csv"}, "needs the service's key"},
	}
	for _, tt := range tests {
		r := caseload(t, nil, append([]string{"report", "--db", db}, tt.args...)...)
		if r.code != exitUsage || !strings.Contains(r.stderr, tt.want) || strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("%v: exit %d, %q; want 2 and one line with %q", tt.args, r.code, r.stderr, tt.want)
		}
	}
}
