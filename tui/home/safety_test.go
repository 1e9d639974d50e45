package home

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"caseload/internal/domain"
	"caseload/internal/testdb"
	"caseload/store"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// amara is the demo's lead, who sees the records' safety.
const amara = "Dr Amara Okonkwo-Reid"

// checked records a check of kind that ran ago before testNow, failed when why is given.
func checked(t testing.TB, st *store.Store, kind string, ago time.Duration, why string) {
	t.Helper()
	c := domain.SafetyCheck{Kind: kind, OK: why == "", Head: 1}
	if kind == domain.SafetyBackup {
		c.Backup = "caseload-20261124-060000.db.age"
	}
	if why != "" {
		c.Problems, c.Why = 1, why
	}
	if err := st.RecordSafetyCheck(context.Background(), "os:root", testNow.Add(-ago), c); err != nil {
		t.Fatal(err)
	}
}

// framesAt compares the screen at each size, after keys, with its golden file.
func framesAt(t *testing.T, newScreen func() common.Screen, keys string, sizes []tuitest.Size) {
	t.Helper()
	for _, s := range sizes {
		t.Run(tuitest.SizeName(s[0], s[1]), func(t *testing.T) {
			d, _ := tuitest.Open(t, newScreen(), s[0], s[1])
			screen := d.Keys(keys).Screen()
			tuitest.AssertFitsAtMost(t, screen, s[0], s[1])
			golden.RequireEqual(t, screen)
		})
	}
}

// A lead sees the last good backup and the last verify: below the day's work while
// all is well, heading the screen when a backup failed (docs/RULES.md, "Backup and
// verify on Today"). Narrow screens put each line's words under it.
func TestSafetyGolden(t *testing.T) {
	sizes := []tuitest.Size{{80, 24}, {120, 40}, {44, 16}}
	t.Run("well", func(t *testing.T) {
		st := testdb.Demo(t, testNow)
		checked(t, st, domain.SafetyBackup, 3*time.Hour, "")
		checked(t, st, domain.SafetyVerify, 2*time.Hour, "")
		framesAt(t, newScreen(st, testdb.Clinician(t, st, amara)), "G", sizes)
	})
	t.Run("failed", func(t *testing.T) {
		st := testdb.Demo(t, testNow)
		checked(t, st, domain.SafetyBackup, 72*time.Hour, "")
		checked(t, st, domain.SafetyVerify, 2*time.Hour, "")
		checked(t, st, domain.SafetyBackup, 2*time.Hour, "the disk holding /srv/backups is full: nothing was written")
		framesAt(t, newScreen(st, testdb.Clinician(t, st, amara)), "", sizes)
	})
}

// Enter on a safety line says in the status line what to run, on which file, and where
// the README tells more: the checks run on the server, not in the app. A failed check's
// reason leads it whole, which its line may have cut.
func TestEnterOnASafetyLineSaysWhatToRun(t *testing.T) {
	st := testdb.Demo(t, testNow)
	checked(t, st, domain.SafetyBackup, 2*time.Hour, "The snapshot failed its integrity check.")
	db, err := filepath.Abs(st.Path())
	if err != nil {
		t.Fatal(err)
	}
	d, h := drive(t, st, testdb.Clinician(t, st, amara), 120, 40)
	if l := lineOf(d.Screen(), "› "); !strings.Contains(l, "⚠ Last backup FAILED") {
		t.Fatalf("the failed backup does not head the screen:\n%s", d.Screen())
	}
	want := common.InfoMsg{Text: "The last backup failed: The snapshot failed its integrity check. Run caseload backup --db " + db +
		" --out DIR on the server; see README: Backups."}
	if got := h.Sends(t, "enter"); got != want {
		t.Errorf("enter on the backup sent %#v, want %#v", got, want)
	}
	d.Keys("j")
	want = common.InfoMsg{Text: "Run caseload verify --db " + db + " --record on the server; see README: Headless commands."}
	if got := h.Sends(t, "enter"); got != want {
		t.Errorf("enter on the verify sent %#v, want %#v", got, want)
	}
}

// A check recorded in another session (the backup command on the server) shows when
// the data changes: the warning goes once a backup succeeds. A clinician who is not a
// lead never sees the section.
func TestSafetyFollowsTheChecks(t *testing.T) {
	st := testdb.Demo(t, testNow)
	other := testdb.Another(t, st)
	checked(t, st, domain.SafetyVerify, time.Hour, "")
	// Wide enough for a lead's whole summary: "safety ok" comes last, and a narrower
	// screen cuts it (a warning heads the summary instead).
	d, _ := drive(t, st, testdb.Clinician(t, st, amara), 160, 60)
	if l := lineOf(d.Screen(), "No backup yet"); !strings.Contains(l, "⚠") || !strings.Contains(l, "run caseload backup (README: Backups)") {
		t.Fatalf("no backup is not a warning:\n%s", d.Screen())
	}
	checked(t, other, domain.SafetyBackup, 10*time.Minute, "")
	d.Send(common.DataChangedMsg{})
	s := d.Screen()
	if l := lineOf(s, "Last good backup"); strings.Contains(l, "⚠") || !strings.Contains(l, "10 minutes ago, Tue 24 Nov 2026 08:50") {
		t.Errorf("the backup made elsewhere is not shown:\n%s", s)
	}
	if summary, _, _ := strings.Cut(s, "\n"); !strings.HasSuffix(summary, " · safety ok") || strings.Contains(s, "No backup yet") {
		t.Errorf("the summary still warns:\n%s", s)
	}

	tom, _ := drive(t, st, testdb.Clinician(t, st, tom), 120, 60)
	if s := tom.Screen(); strings.Contains(s, "Backup and verify") || strings.Contains(s, "backup") {
		t.Errorf("Tom, who is not a lead, sees the records' safety:\n%s", s)
	}
}
