package main

import (
	"context"
	"encoding/json"
	"os/user"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"caseload/internal/domain"
	"caseload/store"
)

// summerNow is in British Summer Time, so the table's London times differ from UTC.
const summerNow = "2026-07-15T09:00:00Z"

// searchCase is a demo database with notes to find on one open case.
type searchCase struct {
	db            string
	caseID        int64
	author, other int64  // the case's clinician, and another
	person        string // whose case it is
	signedID      int64  // the author's signed note
}

// newSearchCase makes a demo database at summerNow and, on its first open case, a
// signed note about relapse prevention (contact 08:00 UTC, 09:00 in London), an
// addendum to it, and two drafts mentioning the allotment: one by the case's clinician,
// one by another.
func newSearchCase(t *testing.T) searchCase {
	t.Helper()
	env := map[string]string{"CASELOAD_NOW": summerNow}
	sc := searchCase{db: tempDB(t)}
	must(t, caseload(t, env, "demo", "--db", sc.db))

	ctx := context.Background()
	st, err := store.Open(ctx, sc.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	cases, err := st.Cases(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		if c.Status == domain.CaseOpen && c.AllocatedClinicianID != 0 {
			sc.caseID, sc.author = c.ID, c.AllocatedClinicianID
			ref, err := st.Referral(ctx, c.ReferralID)
			if err != nil {
				t.Fatal(err)
			}
			sc.person = ref.Person.Name()
			break
		}
	}
	if sc.caseID == 0 {
		t.Fatal("the demo has no open case")
	}
	sc.other = 1
	if sc.author == 1 {
		sc.other = 2
	}

	now, _ := time.Parse(time.RFC3339, summerNow)
	contact := now.Add(-time.Hour)
	save := func(by int64, text string) domain.Note {
		t.Helper()
		n, err := st.SaveNoteDraft(ctx, by, now, domain.Note{CaseID: sc.caseID, Type: domain.NoteFaceToFace,
			ContactAt: contact, DurationMinutes: 50, Present: "the person and their clinician", Text: text})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	signed := save(sc.author, "We talked about relapse prevention and his sister's visit on Sunday.")
	if _, err := st.SignNote(ctx, sc.author, now, signed.ID, signed.Revision); err != nil {
		t.Fatal(err)
	}
	sc.signedID = signed.ID
	if _, err := st.AddAddendum(ctx, sc.author, now, domain.Addendum{NoteID: signed.ID, Kind: domain.AddendumLaterInfo,
		Text: "His sister later confirmed the visit."}); err != nil {
		t.Fatal(err)
	}
	save(sc.author, "Draft: he asked about the allotment.")
	save(sc.other, "Another draft: the allotment waiting list.")
	return sc
}

func (sc searchCase) search(t *testing.T, args ...string) result {
	t.Helper()
	return caseload(t, map[string]string{"CASELOAD_NOW": summerNow}, append([]string{"search", "--db", sc.db}, args...)...)
}

func (sc searchCase) searchJSON(t *testing.T, args ...string) []map[string]any {
	t.Helper()
	r := must(t, sc.search(t, append([]string{"--format", "json"}, args...)...))
	var out []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("%v in %q", err, r.stdout)
	}
	return out
}

func TestSearchJSON(t *testing.T) {
	sc := newSearchCase(t)
	got := sc.searchJSON(t, "relapse", "prevention")
	if len(got) != 1 {
		t.Fatalf("%d results, want the signed note: %v", len(got), got)
	}
	want := map[string]any{"kind": "note", "id": float64(sc.signedID), "note_id": nil, "case_id": float64(sc.caseID),
		"person": sc.person, "date": "2026-07-15T08:00:00Z", "signed": true}
	for k, v := range want {
		if got[0][k] != v {
			t.Errorf("%s = %v, want %v", k, got[0][k], v)
		}
	}
	if len(got[0]) != len(want)+1 {
		t.Errorf("keys %v, want exactly %v and snippet", got[0], want)
	}
	if s, _ := got[0]["snippet"].(string); !strings.Contains(s, "[relapse] [prevention]") {
		t.Errorf("snippet %q does not mark the matches", s)
	}

	// The words may come as one argument or several.
	if a, b := sc.search(t, "relapse", "prevention"), sc.search(t, "relapse prevention"); a.stdout != b.stdout {
		t.Errorf("one argument and two differ:\n%s\n%s", a.stdout, b.stdout)
	}

	// An addendum names its note.
	got = sc.searchJSON(t, "confirmed")
	if len(got) != 1 || got[0]["kind"] != "addendum" || got[0]["note_id"] != float64(sc.signedID) || got[0]["signed"] != true {
		t.Errorf("addendum: %v", got)
	}
	if r := must(t, sc.search(t, "--format", "json", "zebra")); r.stdout != "[]\n" {
		t.Errorf("nothing found: %q, want []", r.stdout)
	}
}

func TestSearchTable(t *testing.T) {
	sc := newSearchCase(t)
	r := must(t, sc.search(t, "sister"))
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("want a header, the note and the addendum:\n%s", r.stdout)
	}
	if h := strings.Fields(lines[0]); strings.Join(h, " ") != "KIND CASE PERSON DATE FOUND" {
		t.Errorf("header %q", lines[0])
	}
	// The columns line up in terminal cells, whatever script the person's name is in,
	// and the time is London's (BST in July: an hour after UTC).
	date, found := strings.Index(lines[0], "DATE"), strings.Index(lines[0], "FOUND")
	for _, line := range lines[1:] {
		if d := ansi.TruncateLeft(line, date, ""); !strings.HasPrefix(d, "Wed 15 Jul 2026 ") {
			t.Errorf("DATE is not at cell %d in %q", date, line)
		}
		if f := ansi.TruncateLeft(line, found, ""); !strings.Contains(f, "[sister") {
			t.Errorf("FOUND is not at cell %d in %q", found, line)
		}
		if !strings.Contains(line, sc.person) || !strings.Contains(line, "  "+strconv.FormatInt(sc.caseID, 10)+"  ") {
			t.Errorf("row %q does not name case %d of %s", line, sc.caseID, sc.person)
		}
	}
	if !strings.Contains(r.stdout, "Wed 15 Jul 2026 09:00") {
		t.Errorf("the note's contact time in London is 09:00:\n%s", r.stdout)
	}
	if r := must(t, sc.search(t, "zebra")); r.stdout != "nothing found for \"zebra\"\n" {
		t.Errorf("nothing found: %q", r.stdout)
	}
	if r := must(t, sc.search(t, "--limit", "1", "sister")); strings.Count(r.stdout, "\n") != 2 {
		t.Errorf("--limit 1 printed:\n%s", r.stdout)
	}
}

// A draft is found for its author only: the clinician bound to the OS account; --as
// may name only them (issue 12, finding 6); unbound, only signed records.
func TestSearchFindsOnlyYourOwnDrafts(t *testing.T) {
	sc := newSearchCase(t)
	if got := sc.searchJSON(t, "allotment"); len(got) != 0 {
		t.Errorf("unbound and without --as, drafts were found: %v", got)
	}
	for _, who := range []int64{sc.author, sc.other} {
		if r := sc.search(t, "--as", strconv.FormatInt(who, 10), "allotment"); r.code != exitWrong ||
			!strings.Contains(r.stderr, "is not bound to a clinician") || r.stdout != "" {
			t.Errorf("unbound, --as %d: exit %d, stdout %q, stderr %q", who, r.code, r.stdout, r.stderr)
		}
	}

	// Bind the other clinician to the account the tests run under.
	ctx := context.Background()
	osUser := strings.TrimPrefix(osActor(user.Current, func(k string) string {
		return map[string]string{"USER": "tester"}[k]
	}), "os:")
	st, err := store.Open(ctx, sc.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	now, _ := time.Parse(time.RFC3339, summerNow)
	if err := st.BindClinician(ctx, "os:test", now, sc.other, osUser); err != nil {
		t.Fatal(err)
	}
	st.Close()
	for _, args := range [][]string{{"allotment"}, {"--as", strconv.FormatInt(sc.other, 10), "allotment"}} {
		got := sc.searchJSON(t, args...)
		if len(got) != 1 || got[0]["signed"] != false || !strings.Contains(got[0]["snippet"].(string), "waiting list") {
			t.Errorf("bound to clinician %d, %v: %v, want their one draft", sc.other, args, got)
		}
	}
	r := must(t, sc.search(t, "allotment"))
	if !strings.HasPrefix(strings.Split(r.stdout, "\n")[1], "note draft  ") {
		t.Errorf("the table does not call the draft a draft:\n%s", r.stdout)
	}
	if r := sc.search(t, "--as", strconv.FormatInt(sc.author, 10), "allotment"); r.code != exitWrong ||
		!strings.Contains(r.stderr, "a search finds only your own drafts: leave out --as") || r.stdout != "" {
		t.Errorf("--as another clinician: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}

	// A deactivated clinician searches as nobody at all.
	must(t, caseload(t, map[string]string{"CASELOAD_NOW": summerNow}, "clinicians", "deactivate", "--db", sc.db,
		strconv.FormatInt(sc.other, 10)))
	for _, args := range [][]string{{"allotment"}, {"--as", strconv.FormatInt(sc.other, 10), "allotment"}} {
		if r := sc.search(t, args...); r.code != exitWrong || !strings.Contains(r.stderr, "no longer an active clinician") ||
			r.stdout != "" {
			t.Errorf("%v as a deactivated clinician: exit %d, stdout %q, stderr %q", args, r.code, r.stdout, r.stderr)
		}
	}
}

func TestSearchErrors(t *testing.T) {
	db := tempDB(t)
	must(t, caseload(t, nil, "init", "--db", db))
	tests := []struct {
		name string
		args []string
		code int
		want string // part of the one line on stderr
	}{
		{"no words", nil, exitUsage, "search needs the words to find"},
		{"blank words", []string{" ", ""}, exitWrong, "the search is blank"},
		{"bad format", []string{"--format", "csv", "x"}, exitUsage, `"csv" is not a format`},
		{"limit zero", []string{"--limit", "0", "x"}, exitUsage, "--limit 0"},
		{"as not a number", []string{"--as", "Beth", "x"}, exitUsage, "--as"},
		{"as unknown", []string{"--as", "7", "x"}, exitWrong, "--as 7: no clinician has id 7"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := caseload(t, nil, append([]string{"search", "--db", db}, tt.args...)...)
			if r.code != tt.code || !strings.Contains(r.stderr, tt.want) || strings.Count(r.stderr, "\n") != 1 {
				t.Errorf("exit %d, stderr %q; want %d and one line with %q", r.code, r.stderr, tt.code, tt.want)
			}
		})
	}
	// A query of nothing but punctuation is not FTS5 syntax to trip on: it finds nothing.
	if r := must(t, caseload(t, nil, "search", "--db", db, "--format", "json", `"*`, "NEAR(")); r.stdout != "[]\n" {
		t.Errorf("punctuation: %q", r.stdout)
	}
}
