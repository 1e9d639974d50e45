package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"caseload/internal/domain"
	"caseload/store"
)

func TestDemoRefusesAnExistingFileUnlessForced(t *testing.T) {
	db := tempDB(t)
	must(t, caseload(t, nil, "demo", "--db", db))
	if r := caseload(t, nil, "demo", "--db", db); r.code != exitWrong || !strings.Contains(r.stderr, "already exists") {
		t.Errorf("demo over a database: exit %d, stderr %q", r.code, r.stderr)
	}
	// Something the first demo did not have, to see that --force replaced it.
	must(t, caseload(t, nil, "clinicians", "add", "--db", db, "--name", "Jo Extra", "--role", "nurse"))
	must(t, caseload(t, nil, "demo", "--db", db, "--force"))
	if n := listed(t, db); n != 40 {
		t.Errorf("%d referrals after --force, want 40", n)
	}
	if list := clinicianList(t, db); len(list) != 5 {
		t.Errorf("%d clinicians after --force, want the demo's 5: the old file was not replaced", len(list))
	}
}

// Finding 11 of issue 10: --force refuses a real database (one caseload demo did not
// make), which may hold real records, and leaves it exactly as it was.
func TestDemoForceRefusesARealDatabase(t *testing.T) {
	db := tempDB(t)
	must(t, caseload(t, nil, "init", "--db", db))
	must(t, caseload(t, nil, "clinicians", "add", "--db", db, "--name", "Dr Tom Halliwell", "--role", "clinical psychologist"))
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	beside := func() []string {
		es, err := os.ReadDir(filepath.Dir(db))
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, e := range es {
			names = append(names, e.Name())
		}
		return names
	}
	files := beside()
	r := caseload(t, nil, "demo", "--db", db, "--force")
	if r.code != exitWrong || strings.Count(r.stderr, "\n") != 1 ||
		!strings.Contains(r.stderr, "will not replace "+db+": it is a caseload database that caseload demo did not make, so it may hold real records") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	if after, err := os.ReadFile(db); err != nil || !bytes.Equal(before, after) {
		t.Errorf("the real database changed (%v)", err)
	}
	if got := beside(); !slices.Equal(files, got) {
		t.Errorf("files beside it changed: %v -> %v", files, got)
	}
	if list := clinicianList(t, db); len(list) != 1 || list[0]["name"] != "Dr Tom Halliwell" {
		t.Errorf("after the refusal: %v", list)
	}
}

// A demo database another session has open is not pulled from under it.
func TestDemoForceRefusesADemoInUse(t *testing.T) {
	db := tempDB(t)
	must(t, caseload(t, nil, "demo", "--db", db))
	st, err := store.Open(context.Background(), db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	r := caseload(t, nil, "demo", "--db", db, "--force")
	if r.code != exitWrong || !strings.Contains(r.stderr, "another caseload has it open") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	if n, err := st.CountReferrals(context.Background()); err != nil || n != 40 {
		t.Errorf("the open session now reads %d referrals, %v", n, err)
	}
}

// --force replaces caseload databases only, never another file at a mistyped path.
func TestDemoForceKeepsOtherFiles(t *testing.T) {
	notes := writeFile(t, "notes.txt", "my notes\n")
	r := caseload(t, nil, "demo", "--db", notes, "--force")
	if r.code != exitWrong || !strings.Contains(r.stderr, "will not replace") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	if b, err := os.ReadFile(notes); err != nil || string(b) != "my notes\n" {
		t.Errorf("the file was changed: %q, %v", b, err)
	}
}

// The demo is relative to the clock, and the same clock gives the same demo.
func TestDemoFollowsCaseloadNow(t *testing.T) {
	list := func(now string) string {
		db := tempDB(t)
		env := map[string]string{"CASELOAD_NOW": now}
		must(t, caseload(t, env, "demo", "--db", db))
		return must(t, caseload(t, env, "referrals", "list", "--db", db, "--format", "csv")).stdout
	}
	a, b := list("2027-03-28T00:30:00Z"), list("2027-03-28T00:30:00Z")
	if a != b {
		t.Error("two demos at the same instant differ")
	}
	if !strings.Contains(a, "2027-03-28T00:18:00Z") {
		t.Errorf("the newest referral should have arrived 12 minutes before now:\n%s", a)
	}
}

// The demo is built through the real decisions: every referral status is there, the
// accepted referrals opened cases, and the file verifies.
func TestDemoRecordsRealDecisions(t *testing.T) {
	for _, now := range []string{testNow, "2027-03-28T00:30:00Z", "2026-10-25T01:30:00Z"} {
		t.Run(now, func(t *testing.T) {
			db := tempDB(t)
			env := map[string]string{"CASELOAD_NOW": now}
			r := must(t, caseload(t, env, "demo", "--db", db))
			if !strings.HasPrefix(r.stdout, "created demo database "+db+": 40 referrals (") ||
				!strings.Contains(r.stdout, "), 5 clinicians, ") || !strings.Contains(r.stdout, " decisions; 5 open cases with ") ||
				!strings.Contains(r.stdout, " formulation versions (5 unsigned); 13 cases held before caseload, imported; ") ||
				!strings.Contains(r.stdout, "; 7 cases closed, 1 handed over, 1 subject access request open") {
				t.Errorf("demo said %q", r.stdout)
			}
			if v := must(t, caseload(t, env, "verify", "--db", db)); v.stdout != "ok\n" {
				t.Errorf("verify said %q", v.stdout)
			}

			ctx := context.Background()
			st, err := store.Open(ctx, db, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			rs, err := st.Referrals(ctx)
			if err != nil {
				t.Fatal(err)
			}
			statuses := map[domain.ReferralStatus]int{}
			for _, ref := range rs {
				statuses[ref.Status]++
				// Every state after received has its decision behind it.
				switch ref.Status {
				case domain.StatusScreenedIn, domain.StatusScreenedOut:
					if _, ok, err := st.Screening(ctx, ref.ID); err != nil || !ok {
						t.Errorf("referral %d is %s with no screening decision (%v)", ref.ID, ref.Status, err)
					}
				case domain.StatusConsultation, domain.StatusAccepted, domain.StatusNotAccepted:
					if cs, err := st.Consultations(ctx, ref.ID); err != nil || len(cs) == 0 {
						t.Errorf("referral %d is %s with no consultation (%v)", ref.ID, ref.Status, err)
					}
				case domain.StatusWithdrawn:
					if _, ok, err := st.Withdrawal(ctx, ref.ID); err != nil || !ok {
						t.Errorf("referral %d is withdrawn with no withdrawal (%v)", ref.ID, err)
					}
				}
			}
			for _, s := range domain.Statuses {
				if statuses[s] == 0 {
					t.Errorf("no demo referral is %s: %v", s, statuses)
				}
			}
			cases, err := st.Cases(ctx)
			if err != nil {
				t.Fatal(err)
			}
			received := map[int64]bool{} // the referrals the team received, not import stand-ins
			for _, ref := range rs {
				received[ref.ID] = true
			}
			open := 0
			for _, c := range cases {
				if c.Status == domain.CaseOpen && c.AllocatedClinicianID != 0 && received[c.ReferralID] {
					open++
				}
			}
			if open < 3 || open != statuses[domain.StatusAccepted] {
				t.Errorf("%d open cases with a clinician, %d accepted referrals; want at least 3, one each", open, statuses[domain.StatusAccepted])
			}
		})
	}
}
