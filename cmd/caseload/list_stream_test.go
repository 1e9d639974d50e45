package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"caseload/internal/clock"
	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/store"
)

// streamRow is an import row with no identifier (so each is a person of their own), the
// names, area and receipt given.
func streamRow(given, family, area, received string) string {
	q := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
	return strings.Join([]string{received, "probation", "Rachel Dunmore", "Probation Service", "rachel.dunmore@example.org",
		q(given), q(family), "1990-05-17", "", "", "", "", "HMP Preston", "2027-03-31", "CRD", "high", "3", "yes",
		q(area), "no", "Reason"}, ",") + "\n"
}

// The streamed list is byte for byte what the whole list was: the referrals read in
// one go, their screenings' entry times joined, sorted by domain.SortForQueue and
// written by encoding/json (indented with --pretty, compact without), under both
// deadline rules, with names in every script, quotes, "<" and "&", and areas the
// gazetteer does not know (whose reason names the nearest places).
func TestListStreamsWhatTheWholeListWrote(t *testing.T) {
	db := tempDB(t)
	demoDB(t, db)
	rows := importHeader +
		streamRow("Zoë 👩‍⚕️", `O"Brien <&> Sons`, "Prestn", "2026-11-21T10:00:00Z") + // a Saturday
		streamRow("محمد", "عبد الله", "Kendal", "2026-11-20T11:00:00Z") + // the Friday before
		streamRow("王", "小明", "Lancs & <Cumbria>", "2026-11-22T10:00:00Z") +
		streamRow("Ada", "Lovelace", "Manchester", "2026-11-20T11:00:00Z") +
		streamRow("Ada", "Lovelace", "", "2026-11-23T23:59:00Z")
	must(t, caseload(t, nil, "referrals", "import", "--db", db, writeFile(t, "in.csv", rows)))
	for _, rule := range []string{"48-hours", "2-working-days"} {
		must(t, caseload(t, nil, "settings", "set", "--db", db, "screening-deadline", rule))
		want := wholeReferralList(t, db)
		var indented, compact bytes.Buffer
		for buf, indent := range map[*bytes.Buffer]string{&indented: "  ", &compact: ""} {
			enc := json.NewEncoder(buf)
			enc.SetIndent("", indent)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(want); err != nil {
				t.Fatal(err)
			}
		}
		if got := must(t, caseload(t, nil, "referrals", "list", "--db", db, "--format", "json", "--pretty")).stdout; got != indented.String() {
			t.Errorf("%s: --pretty differs from encoding/json's indented whole list:\n%s", rule, firstDifference(got, indented.String()))
		}
		if got := must(t, caseload(t, nil, "referrals", "list", "--db", db, "--format", "json")).stdout; got != compact.String() {
			t.Errorf("%s: compact differs from encoding/json's whole list:\n%s", rule, firstDifference(got, compact.String()))
		}
		if !strings.Contains(compact.String(), `"family_name":"O\"Brien <&> Sons"`) || !strings.Contains(compact.String(), "Nearest known") {
			t.Errorf("%s: the names or the areas were not in the list", rule)
		}
	}
}

// wholeReferralList is referrals list as it was written before it streamed.
func wholeReferralList(t *testing.T, db string) []referralJSON {
	t.Helper()
	ctx := context.Background()
	st, err := store.OpenReadOnly(ctx, db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	rs, err := st.Referrals(ctx)
	if err != nil {
		t.Fatal(err)
	}
	entered, err := st.ScreeningsEntered(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i := range rs {
		rs[i].ScreeningEnteredAt = entered[rs[i].ID]
	}
	now, _ := time.Parse(time.RFC3339, testNow)
	domain.SortForQueue(rs, now)
	out := make([]referralJSON, 0, len(rs))
	for _, r := range rs {
		out = append(out, referralJSONOf(r, now))
	}
	return out
}

// cases list writes each case as it is worked out: --pretty is encoding/json's indented
// whole list, the default its compact one.
func TestCasesListStreamsWhatTheWholeListWrote(t *testing.T) {
	db := tempDB(t)
	demoDB(t, db)
	ctx := context.Background()
	for _, status := range []string{"open", "closed", "all"} {
		st, err := store.OpenReadOnly(ctx, db, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		now, _ := time.Parse(time.RFC3339, testNow)
		today := ident.DateOf(now.In(clock.London()))
		cases, err := st.CasesByStatus(ctx, status)
		if err != nil {
			t.Fatal(err)
		}
		next, err := st.NextForums(ctx, today)
		if err != nil {
			t.Fatal(err)
		}
		st.Close()
		whole := make([]caseJSON, 0, len(cases))
		for _, c := range cases {
			whole = append(whole, caseJSONOf(c, next, today))
		}
		var indented, compact bytes.Buffer
		if err := writeJSONValue(&indented, whole, true); err != nil {
			t.Fatal(err)
		}
		if err := writeJSONValue(&compact, whole, false); err != nil {
			t.Fatal(err)
		}
		if got := must(t, caseload(t, nil, "cases", "list", "--db", db, "--status", status, "--format", "json", "--pretty")).stdout; got != indented.String() {
			t.Errorf("%s: --pretty differs from the indented whole list:\n%s", status, firstDifference(got, indented.String()))
		}
		if got := must(t, caseload(t, nil, "cases", "list", "--db", db, "--status", status, "--format", "json")).stdout; got != compact.String() {
			t.Errorf("%s: compact differs from the whole list:\n%s", status, firstDifference(got, compact.String()))
		}
	}
}

// Every command that writes JSON writes it compact, and indented with --pretty: the same
// values, escapes and order, only the whitespace differs.
func TestEveryJSONCommandIsCompactUnlessPretty(t *testing.T) {
	db := tempDB(t)
	demoDB(t, db)
	for _, args := range [][]string{
		{"referrals", "list"}, {"cases", "list", "--status", "all"}, {"team"}, {"clinicians", "list"},
		{"clinicians", "keys", "list"}, {"search", "release"}, {"report", "--from", "2026-04-01", "--to", "2026-11-23"},
		{"access-requests", "--all"}, {"retention", "--all"}, {"verify"}, {"anchors", "show"},
	} {
		home := t.TempDir()
		env := map[string]string{"HOME": home, "XDG_DATA_HOME": home}
		args = append(args, "--format", "json")
		if args[0] != "anchors" {
			args = append(args, "--db", db)
		}
		compact := caseload(t, env, args...)
		pretty := caseload(t, env, append(args, "--pretty")...)
		var want bytes.Buffer
		if err := json.Compact(&want, []byte(pretty.stdout)); err != nil {
			t.Errorf("%s --pretty: %v\n%s", strings.Join(args, " "), err, pretty.stderr)
			continue
		}
		want.WriteByte('\n')
		if compact.stdout != want.String() || compact.code != pretty.code ||
			!strings.Contains(pretty.stdout, "\n  ") && pretty.stdout != "[]\n" {
			t.Errorf("%s: compact (exit %d) is not --pretty (exit %d) without its whitespace:\n%s",
				strings.Join(args, " "), compact.code, pretty.code, firstDifference(compact.stdout, want.String()))
		}
	}
}
