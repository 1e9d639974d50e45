package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"caseload/store"
)

func TestImportGoodFile(t *testing.T) {
	db := tempDB(t)
	must(t, caseload(t, nil, "init", "--db", db))
	csvPath := writeFile(t, "in.csv", "\uFEFF"+importHeader+
		importRow("Zoë", "Whitworth-Hale", "999 000 0018", "2026-11-23 14:05")+
		importRow("يوسف", "الحداد", "9997654323", "2026-11-24T08:00:00Z"))

	r := must(t, caseload(t, nil, "referrals", "import", "--db", db, "--dry-run", csvPath))
	if r.stdout != "2 referrals are valid; nothing written (dry run)\n" {
		t.Errorf("dry run said %q", r.stdout)
	}
	if n := listed(t, db); n != 0 {
		t.Fatalf("dry run wrote %d referrals", n)
	}

	r = must(t, caseload(t, nil, "referrals", "import", "--db", db, csvPath))
	if r.stdout != "added 2 referrals\n" || r.stderr != "" {
		t.Errorf("stdout %q stderr %q", r.stdout, r.stderr)
	}
	st, err := store.Open(context.Background(), db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	rs, err := st.Referrals(context.Background())
	if err != nil || len(rs) != 2 {
		t.Fatalf("%d referrals, %v", len(rs), err)
	}
	for _, ref := range rs {
		entries, err := st.AuditEntries(context.Background(), "referral", ref.ID)
		if err != nil || len(entries) != 1 || entries[0].Action != "referral.added" || !strings.HasPrefix(entries[0].Actor, "os:") {
			t.Errorf("referral %d audit: %+v, %v", ref.ID, entries, err)
		}
	}
}

func TestImportBadFileWritesNothing(t *testing.T) {
	db := tempDB(t)
	must(t, caseload(t, nil, "init", "--db", db))
	csvPath := writeFile(t, "in.csv", importHeader+
		importRow("Ann", "Lee", "999 000 0017", "2026-11-23 14:05")+ // lines 2-3: the reason spans two
		importRow("Bo", "Ray", "999 000 0018", "2026-11-23 14:05")+ // lines 4-5: fine
		importRow("Cy", "", "", "2026-11-25 09:00")) // lines 6-7: no family name, in the future
	for _, dry := range []bool{true, false} {
		args := []string{"referrals", "import", "--db", db, csvPath}
		if dry {
			args = append(args, "--dry-run")
		}
		r := caseload(t, nil, args...)
		want := "line 2: nhs_number: NHS number 999 000 0017 fails the modulus 11 check: the last digit should be 8\n" +
			"line 6: received_at: 2026-11-25 09:00 is in the future: give the time the referral reached the service\n" +
			"line 6: family_name: is required\n"
		if r.code != exitWrong || r.stderr != want || r.stdout != "" {
			t.Errorf("dry run %v: exit %d\nstderr:\n%s\nwant:\n%s", dry, r.code, r.stderr, want)
		}
	}
	if n := listed(t, db); n != 0 {
		t.Errorf("a bad file wrote %d referrals", n)
	}
}

// A row the store refuses (an NHS number held for someone else) is reported against its
// line, and the whole file is still refused.
func TestImportConflictPointsAtItsLine(t *testing.T) {
	db := tempDB(t)
	must(t, caseload(t, nil, "init", "--db", db))
	csvPath := writeFile(t, "in.csv", importHeader+
		importRow("Ann", "Lee", "999 000 0018", "2026-11-23 14:05")+
		importRow("Bo", "Ray", "999 000 0018", "2026-11-23 14:05"))
	r := caseload(t, nil, "referrals", "import", "--db", db, csvPath)
	if r.code != exitWrong || !strings.HasPrefix(r.stderr, "line 4: nhs_number: ") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	if n := listed(t, db); n != 0 {
		t.Errorf("%d referrals written", n)
	}
}

func TestImportUnreadableFile(t *testing.T) {
	db := tempDB(t)
	must(t, caseload(t, nil, "init", "--db", db))
	r := caseload(t, nil, "referrals", "import", "--db", db, db+".missing.csv")
	if r.code != exitWrong || !strings.Contains(r.stderr, "cannot read the referrals file") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
}

func listed(t *testing.T, db string) int {
	t.Helper()
	r := must(t, caseload(t, nil, "referrals", "list", "--db", db, "--format", "json"))
	var list []json.RawMessage
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil {
		t.Fatal(err)
	}
	return len(list)
}
