package main

import (
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"caseload/internal/domain"
)

// settings shows the screening deadline; settings set changes it for referrals list,
// which counts screening_due_at under it and judges within_deadline by it, while
// within_48h stays 48 elapsed hours (docs/RULES.md, "Screening deadline").
func TestSettingsScreeningDeadline(t *testing.T) {
	db := tempDB(t)
	must(t, caseload(t, nil, "init", "--db", db))
	// testNow is Tuesday 24 Nov 2026 09:00; both came on Friday 20th at 10:00.
	must(t, caseload(t, nil, "referrals", "import", "--db", db, writeFile(t, "in.csv", importHeader+
		importRow("Ada", "Waiting", "999 000 0018", "2026-11-20 10:00")+
		importRow("Ben", "Screened", "999 765 4323", "2026-11-20 10:00"))))
	monday := time.Date(2026, 11, 23, 9, 15, 0, 0, time.UTC)
	screenIn(t, db, "Screened", monday, domain.DecisionTime{At: monday})

	out := must(t, caseload(t, nil, "settings", "--db", db)).stdout
	if !strings.Contains(strings.Join(strings.Fields(out), " "), "screening-deadline 48-hours 48-hours, 2-working-days") {
		t.Errorf("settings:\n%s", out)
	}
	type row struct {
		Family         string  `json:"family_name"`
		DueAt          string  `json:"screening_due_at"`
		Rule           string  `json:"screening_deadline_rule"`
		Within48h      *bool   `json:"within_48h"`
		WithinDeadline *bool   `json:"within_deadline"`
		Clock          clockJS `json:"screening_clock"`
	}
	list := func() map[string]row {
		var rs []row
		if err := json.Unmarshal([]byte(must(t, caseload(t, nil, "referrals", "list", "--db", db, "--format", "json")).stdout), &rs); err != nil {
			t.Fatal(err)
		}
		by := map[string]row{}
		for _, r := range rs {
			by[r.Family] = r
		}
		return by
	}
	f, tr := false, true
	check := func(got row, due, rule, clock string, in48h, inDeadline *bool) {
		t.Helper()
		if got.DueAt != due || got.Rule != rule || got.Clock.Text != clock ||
			!sameBool(got.Within48h, in48h) || !sameBool(got.WithinDeadline, inDeadline) {
			t.Errorf("%s: due %s, rule %s, clock %q, within_48h %v, within_deadline %v; want %s %s %q %v %v", got.Family,
				got.DueAt, got.Rule, got.Clock.Text, str(got.Within48h), str(got.WithinDeadline), due, rule, clock, str(in48h), str(inDeadline))
		}
	}
	by := list()
	check(by["Waiting"], "2026-11-22T10:00:00Z", "48-hours", "overdue by 47h 00m", nil, nil)
	check(by["Screened"], "2026-11-22T10:00:00Z", "48-hours", "decided in 71h 15m (late)", &f, &f)

	r := must(t, caseload(t, nil, "settings", "set", "--db", db, "screening-deadline", "2-working-days"))
	if r.stdout != "screening-deadline is now 2-working-days for every clinician\n" {
		t.Errorf("set: %q", r.stdout)
	}
	by = list()
	check(by["Waiting"], "2026-11-24T10:00:00Z", "2-working-days", "due in 1h 00m", nil, nil)
	check(by["Screened"], "2026-11-24T10:00:00Z", "2-working-days", "decided in 71h", &f, &tr)

	recs, err := csv.NewReader(strings.NewReader(must(t, caseload(t, nil, "referrals", "list", "--db", db, "--format", "csv")).stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	n := len(listCSVHeader)
	for _, rec := range recs[1:] {
		want := []string{"2-working-days", "", ""}
		if rec[2] == "Screened" {
			want = []string{"2-working-days", "false", "true"}
		}
		if got := rec[n-4 : n-1]; strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("csv %s: %q, want %q", rec[2], got, want)
		}
	}

	if r := must(t, caseload(t, nil, "settings", "set", "--db", db, "screening-deadline", "2-working-days")); r.stdout != "screening-deadline was already 2-working-days\n" {
		t.Errorf("set again: %q", r.stdout)
	}
	if out := must(t, caseload(t, nil, "verify", "--db", db)).stdout; out != "ok\n" {
		t.Errorf("verify: %q", out)
	}
}

func TestSettingsRefusals(t *testing.T) {
	db := tempDB(t)
	must(t, caseload(t, nil, "init", "--db", db))
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"settings", "set", "screening-deadline", "3-days"}, exitWrong,
			`caseload: "3-days" is not a value of screening-deadline: use 48-hours or 2-working-days`},
		{[]string{"settings", "set", "deadline", "48-hours"}, exitWrong,
			`caseload: "deadline" is not a setting: the settings are screening-deadline, idle-lock-minutes, caseload-cap, measure-time-points`},
		{[]string{"settings", "set", "measure-time-points", "release,acceptance"}, exitWrong,
			`caseload: "release,acceptance" is not a value of measure-time-points: the time points must each be given once, in the order of a case`},
		{[]string{"settings", "set", "screening-deadline"}, exitUsage,
			"caseload: settings set needs a setting and a value: caseload settings set KEY VALUE"},
		{[]string{"settings", "screening-deadline"}, exitUsage,
			"caseload: settings takes no arguments: caseload settings, or caseload settings set KEY VALUE"},
	} {
		r := caseload(t, nil, append(tt.args, "--db", db)...)
		if r.code != tt.code || strings.TrimSpace(r.stderr) != tt.want {
			t.Errorf("%v: exit %d, stderr %q; want %d, %q", tt.args, r.code, r.stderr, tt.code, tt.want)
		}
	}
	if out := must(t, caseload(t, nil, "settings", "--db", db)).stdout; !strings.Contains(strings.Join(strings.Fields(out), " "), "screening-deadline 48-hours") {
		t.Errorf("settings after refusals:\n%s", out)
	}
}

type clockJS struct {
	Text string `json:"text"`
}

func sameBool(a, b *bool) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

func str(b *bool) string {
	if b == nil {
		return "null"
	}
	if *b {
		return "true"
	}
	return "false"
}
