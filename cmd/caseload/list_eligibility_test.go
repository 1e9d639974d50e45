package main

import (
	"encoding/csv"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"caseload/internal/clock"
	"caseload/internal/domain"
	"caseload/internal/ident"
)

// listedReferral is the part of a referrals list --format json entry these tests read.
type listedReferral struct {
	ID                  int64           `json:"id"`
	GivenName           string          `json:"given_name"`
	ExpectedReleaseDate *string         `json:"expected_release_date"`
	ReleaseDateType     *string         `json:"release_date_type"`
	ReceivedAt          string          `json:"received_at"`
	Eligibility         eligibilityJSON `json:"eligibility"`
}

func listJSON(t *testing.T, db string) []listedReferral {
	t.Helper()
	r := must(t, caseload(t, nil, "referrals", "list", "--db", db, "--format", "json"))
	var list []listedReferral
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil {
		t.Fatal(err)
	}
	return list
}

func strp(s string) *string { return &s }

// A referral imported with every fact known, received inside its window: eligible, and
// every sentence as the clinician reads it.
func TestListEligibilityOfAnImportedReferral(t *testing.T) {
	db := tempDB(t)
	must(t, caseload(t, nil, "init", "--db", db))
	csvPath := writeFile(t, "in.csv", importHeader+importRow("Zoë", "Whitworth-Hale", "999 000 0018", "2026-11-23 14:05"))
	must(t, caseload(t, nil, "referrals", "import", "--db", db, csvPath))
	list := listJSON(t, db)
	if len(list) != 1 {
		t.Fatalf("%d referrals, want 1", len(list))
	}
	want := eligibilityJSON{Verdict: "eligible", WindowOpensOn: strp("2026-09-30"), Rules: []ruleJSON{
		{"source", "pass", "Referred by HMPPS Probation Service, an accepted referrer."},
		{"risk", "pass", "RoSH to others is High."},
		{"priority_group", "pass", "Priority group 3: Other High / Very High RoSH cohort for violent or sexual harm."},
		{"health_needs", "pass", "Complex health needs identified."},
		{"resettlement", "pass", "Resettling in Preston (Lancashire)."},
		{"timing", "pass", "Release 2027-03-31: the six-month window opened 2026-09-30; referral received 2026-11-23 is inside it."},
	}}
	if got := list[0].Eligibility; !reflect.DeepEqual(got, want) {
		t.Errorf("eligibility %+v\nwant        %+v", got, want)
	}

	r := must(t, caseload(t, nil, "referrals", "list", "--db", db, "--format", "csv"))
	recs, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if row := recs[1]; len(row) != len(listCSVHeader) || row[9] != "eligible" || row[10] != "" {
		t.Errorf("csv row %q: want verdict eligible and no open rules", row)
	}
}

// The demo's referral from "other" (a GP) has every other fact in order: it fails the
// source criterion alone, with the sentence that says who may refer.
func TestListEligibilityOfADemoReferral(t *testing.T) {
	db := tempDB(t)
	demoDB(t, db)
	list := listJSON(t, db)
	i := slices.IndexFunc(list, func(r listedReferral) bool { return r.GivenName == "浩然" })
	if i < 0 {
		t.Fatal("the demo has no referral for 浩然")
	}
	e := list[i].Eligibility
	if e.Verdict != "not-eligible" {
		t.Errorf("verdict %q, want not-eligible", e.Verdict)
	}
	byID := map[string]ruleJSON{}
	for _, r := range e.Rules {
		byID[r.ID] = r
	}
	for id, want := range map[string]ruleJSON{
		"source": {"source", "fail", "A referral from anyone else (family, a GP or another agency) cannot be accepted; " +
			"the service takes referrals only from probation, national security/CT, RECONNECT, OPD and Channel."},
		"risk":           {"risk", "pass", "RoSH to others is High."},
		"priority_group": {"priority_group", "pass", "Priority group 3: Other High / Very High RoSH cohort for violent or sexual harm."},
		"health_needs":   {"health_needs", "pass", "Complex health needs identified."},
		"resettlement":   {"resettlement", "pass", "Resettling in Westmorland and Furness (Cumbria)."},
	} {
		if byID[id] != want {
			t.Errorf("%s = %+v\nwant %+v", id, byID[id], want)
		}
	}
	if byID["timing"].Result != "pass" {
		t.Errorf("timing = %+v, want pass", byID["timing"])
	}
}

// Every referral carries the whole checklist, in order, and its verdict follows from it;
// the window is null exactly when no date is the release.
func TestListEligibilityShape(t *testing.T) {
	db := tempDB(t)
	demoDB(t, db)
	list := listJSON(t, db)
	verdicts := map[string]int{}
	sawNoWindow := false
	for _, ref := range list {
		e := ref.Eligibility
		verdicts[e.Verdict]++
		var ids []string
		results := map[string]bool{}
		for _, r := range e.Rules {
			ids = append(ids, r.ID)
			results[r.Result] = true
			if r.Reason == "" {
				t.Errorf("referral %d: %s has no reason", ref.ID, r.ID)
			}
		}
		if want := []string{"source", "risk", "priority_group", "health_needs", "resettlement", "timing"}; !slices.Equal(ids, want) {
			t.Errorf("referral %d: rules %v", ref.ID, ids)
		}
		want := "eligible"
		switch {
		case results["fail"]:
			want = "not-eligible"
		case results["unknown"]:
			want = "incomplete"
		}
		if e.Verdict != want {
			t.Errorf("referral %d: verdict %s from %+v", ref.ID, e.Verdict, e.Rules)
		}
		// The window counts back from the date that is the release on the day the
		// referral was received (docs/RULES.md, "Which date is the release"): null when
		// none is, an HDC eligibility date or a parole eligibility date already passed.
		var release ident.Date
		if ref.ExpectedReleaseDate != nil {
			var err error
			if release, err = ident.ParseDate(*ref.ExpectedReleaseDate); err != nil {
				t.Fatal(err)
			}
		}
		received, err := time.Parse(time.RFC3339, ref.ReceivedAt)
		if err != nil {
			t.Fatal(err)
		}
		kind := domain.ReleaseDateType(deref(ref.ReleaseDateType))
		the := domain.ReleaseOn(ident.Date{}, domain.SentenceDates{{Date: release, Kind: kind}}, ident.DateOf(received.In(clock.London())))
		if (e.WindowOpensOn == nil) != the.Date.IsZero() {
			t.Errorf("referral %d: window %v for release %v (%s)", ref.ID, e.WindowOpensOn, release, kind)
		}
		if the.Date.IsZero() {
			sawNoWindow = true
			continue
		}
		if want := domain.ReferralWindowOpens(the.Date).String(); *e.WindowOpensOn != want {
			t.Errorf("referral %d: window opens %s, want %s", ref.ID, *e.WindowOpensOn, want)
		}
	}
	if !sawNoWindow || verdicts["not-eligible"] == 0 || verdicts["incomplete"] == 0 {
		t.Errorf("the demo should show every kind of checklist: verdicts %v, a null window %v", verdicts, sawNoWindow)
	}
}

// The CSV keeps its columns and adds the verdict and the open criteria at the end,
// agreeing with the JSON.
func TestListEligibilityCSV(t *testing.T) {
	db := tempDB(t)
	demoDB(t, db)
	byID := map[string]eligibilityJSON{}
	for _, ref := range listJSON(t, db) {
		byID[jsonNumber(ref.ID)] = ref.Eligibility
	}
	r := must(t, caseload(t, nil, "referrals", "list", "--db", db, "--format", "csv"))
	recs, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	header := listCSVHeader
	if !slices.Equal(recs[0], header) {
		t.Fatalf("header %q", recs[0])
	}
	for _, row := range recs[1:] {
		if len(row) != len(header) {
			t.Fatalf("row %q", row)
		}
		e, ok := byID[row[0]]
		if !ok {
			t.Fatalf("row %s is not in the JSON", row[0])
		}
		var open []string
		for _, rule := range e.Rules {
			if rule.Result != "pass" {
				open = append(open, rule.ID)
			}
		}
		if row[9] != e.Verdict || row[10] != strings.Join(open, ";") {
			t.Errorf("row %s: verdict %q open %q; JSON says %s %v", row[0], row[9], row[10], e.Verdict, open)
		}
	}
}

func jsonNumber(id int64) string {
	b, _ := json.Marshal(id)
	return string(b)
}

// The table shows the verdict in a column of its own and the open criteria last.
func TestListTableShowsVerdict(t *testing.T) {
	db := tempDB(t)
	demoDB(t, db)
	r := must(t, caseload(t, nil, "referrals", "list", "--db", db))
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if got := strings.Fields(lines[0]); !slices.Equal(got, []string{"ID", "PERSON", "SOURCE", "RECEIVED", "SCREENING", "STATUS", "VERDICT", "OPEN"}) {
		t.Fatalf("header %q", lines[0])
	}
	col := ansi.StringWidth(lines[0][:strings.Index(lines[0], "VERDICT")])
	open := ansi.StringWidth(lines[0][:strings.Index(lines[0], "OPEN")])
	for _, line := range lines[1:] {
		verdict, _, _ := strings.Cut(ansi.TruncateLeft(line, col, ""), " ")
		rest := strings.TrimSpace(ansi.TruncateLeft(line, open, ""))
		switch verdict {
		case "eligible":
			if rest != "-" {
				t.Errorf("eligible with open criteria %q: %q", rest, line)
			}
		case "not-eligible", "incomplete":
			for _, id := range strings.Split(rest, ",") {
				if !slices.Contains(domain.RuleIDs, domain.RuleID(id)) {
					t.Errorf("%q is not a criterion: %q", id, line)
				}
			}
		default:
			t.Errorf("VERDICT column is not at cell %d in %q", col, line)
		}
		if strings.Contains(line, "浩然") && rest != "source" {
			t.Errorf("浩然's open criteria: %q", rest)
		}
	}
}
