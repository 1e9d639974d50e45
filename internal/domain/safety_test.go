package domain

import (
	"slices"
	"testing"
	"time"
)

// check is a safety check of kind that ran ago before agendaNow.
func check(kind string, ago time.Duration, ok bool, why string) SafetyCheck {
	c := SafetyCheck{Kind: kind, At: agendaNow.Add(-ago), OK: ok, Head: 40}
	if !ok {
		c.Problems, c.Why = 2, why
	}
	return c
}

// A lead sees two lines, the last good backup and the last verify, overdue when never
// done, older than 24 hours, or failed (docs/RULES.md, "Backup and verify on Today").
func TestAgendaSafety(t *testing.T) {
	h := time.Hour
	goodBackup, goodVerify := check(SafetyBackup, 3*h, true, ""), check(SafetyVerify, 2*h, true, "")
	failedBackup := check(SafetyBackup, 2*h, false, "the snapshot failed its integrity check.")
	failedVerify := check(SafetyVerify, 1*h, false, "note 3 was changed after it was signed")
	tests := []struct {
		name string
		s    SafetyChecks
		lead bool
		want []string
	}{
		{"never", SafetyChecks{}, true, []string{
			"! No backup yet | run caseload backup (README: Backups)",
			"! No verify yet | run caseload verify --record (README: Headless commands)",
		}},
		{"ok recent", SafetyChecks{LastBackup: goodBackup, LastGoodBackup: goodBackup, LastVerify: goodVerify, LastGoodVerify: goodVerify}, true, []string{
			"Last good backup | 3 hours ago, Tue 24 Nov 2026 06:00",
			"Last verify | ok, 2 hours ago, Tue 24 Nov 2026 07:00",
		}},
		{"ok exactly 24 hours ago", SafetyChecks{
			LastBackup: check(SafetyBackup, 24*h, true, ""), LastGoodBackup: check(SafetyBackup, 24*h, true, ""),
			LastVerify: check(SafetyVerify, 24*h, true, ""), LastGoodVerify: check(SafetyVerify, 24*h, true, ""),
		}, true, []string{
			"Last good backup | 24 hours ago, Mon 23 Nov 2026 09:00",
			"Last verify | ok, 24 hours ago, Mon 23 Nov 2026 09:00",
		}},
		{"ok just over 24 hours ago", SafetyChecks{
			LastBackup: check(SafetyBackup, 24*h+time.Second, true, ""), LastGoodBackup: check(SafetyBackup, 24*h+time.Second, true, ""),
			LastVerify: check(SafetyVerify, 26*h, true, ""), LastGoodVerify: check(SafetyVerify, 26*h, true, ""),
		}, true, []string{
			"! Last good backup | 24 hours ago, Mon 23 Nov 2026 08:59",
			"! Last verify | ok, 26 hours ago, Mon 23 Nov 2026 07:00",
		}},
		{"ok days ago", SafetyChecks{
			LastBackup: check(SafetyBackup, 72*h, true, ""), LastGoodBackup: check(SafetyBackup, 72*h, true, ""),
			LastVerify: goodVerify, LastGoodVerify: goodVerify,
		}, true, []string{
			"! Last good backup | 3 days ago, Sat 21 Nov 2026 09:00",
			"Last verify | ok, 2 hours ago, Tue 24 Nov 2026 07:00",
		}},
		{"failed latest with an older good one", SafetyChecks{
			LastBackup: failedBackup, LastGoodBackup: check(SafetyBackup, 72*h, true, ""),
			LastVerify: failedVerify, LastGoodVerify: check(SafetyVerify, 30*time.Minute+5*h, true, ""),
		}, true, []string{
			"! Last backup FAILED | 2 hours ago (last good one 3 days ago): the snapshot failed its integrity check",
			"! Last verify FAILED | 1 hour ago (last good one 5 hours ago), 2 problems: note 3 was changed after it was signed",
		}},
		// A good one more recent than 24 hours does not excuse the failure after it.
		{"failed latest with a recent good one", SafetyChecks{
			LastBackup: check(SafetyBackup, 10*time.Minute, false, ""), LastGoodBackup: goodBackup,
			LastVerify: goodVerify, LastGoodVerify: goodVerify,
		}, true, []string{
			"! Last backup FAILED | 10 minutes ago (last good one 3 hours ago)",
			"Last verify | ok, 2 hours ago, Tue 24 Nov 2026 07:00",
		}},
		{"failed with no good one ever", SafetyChecks{LastBackup: failedBackup, LastVerify: failedVerify}, true, []string{
			"! Last backup FAILED | 2 hours ago (no good backup yet): the snapshot failed its integrity check",
			"! Last verify FAILED | 1 hour ago (no good verify yet), 2 problems: note 3 was changed after it was signed",
		}},
		{"not a lead sees nothing", SafetyChecks{LastBackup: failedBackup, LastVerify: failedVerify}, false, nil},
		{"not a lead, never done, sees nothing", SafetyChecks{}, false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := BuildAgenda(AgendaFacts{Safety: tt.s, ReaderIsLead: tt.lead}, agendaMe, agendaNow)
			wantLines(t, agendaLines(a, AgendaSafety), tt.want)
			for _, it := range a.Items {
				if it.Section == AgendaSafety && (it.Open.Kind != OpenAdvice || it.Mine) {
					t.Errorf("%q opens %+v (mine %v), want advice and no one's own", it.Text, it.Open, it.Mine)
				}
			}
		})
	}
}

// The section comes last while all is well, and heads the agenda, and its order of
// sections, when it warns; its lines name the check whose advice enter gives.
func TestAgendaSafetyComesLastUnlessItWarns(t *testing.T) {
	if AgendaSections[len(AgendaSections)-1] != AgendaSafety {
		t.Fatalf("AgendaSections %v do not end with the safety section, as Agenda.Sections takes them to", AgendaSections)
	}
	good, old := check(SafetyBackup, time.Hour, true, ""), check(SafetyVerify, 30*time.Hour, true, "")
	draft := []Note{{ID: 1, CaseID: 1, AuthorID: agendaMe, CreatedAt: agendaNow}}
	tests := []struct {
		name  string
		s     SafetyChecks
		items []AgendaSection
		first AgendaSection
	}{
		{"all well", SafetyChecks{LastBackup: good, LastGoodBackup: good, LastVerify: check(SafetyVerify, time.Hour, true, "")},
			[]AgendaSection{AgendaDrafts, AgendaSafety, AgendaSafety}, AgendaUnconfirmed},
		{"a verify too old", SafetyChecks{LastBackup: good, LastGoodBackup: good, LastVerify: old},
			[]AgendaSection{AgendaSafety, AgendaSafety, AgendaDrafts}, AgendaSafety},
		{"never done", SafetyChecks{}, []AgendaSection{AgendaSafety, AgendaSafety, AgendaDrafts}, AgendaSafety},
	}
	for _, tt := range tests {
		a := BuildAgenda(AgendaFacts{Drafts: draft, Safety: tt.s, ReaderIsLead: true}, agendaMe, agendaNow)
		var got []AgendaSection
		for _, it := range a.Items {
			got = append(got, it.Section)
		}
		order := a.Sections()
		if !slices.Equal(got, tt.items) || order[0] != tt.first || len(order) != len(AgendaSections) {
			t.Errorf("%s: items %v in sections %v; want %v, %v first", tt.name, got, order, tt.items, tt.first)
		}
		var checks []string
		for _, it := range a.Items {
			if it.Section == AgendaSafety {
				checks = append(checks, it.Open.Check)
			}
		}
		if !slices.Equal(checks, []string{SafetyBackup, SafetyVerify}) {
			t.Errorf("%s: the lines open %v, want backup then verify", tt.name, checks)
		}
	}
	if got := BuildAgenda(AgendaFacts{Drafts: draft}, agendaMe, agendaNow).Sections(); !slices.Equal(got, AgendaSections) {
		t.Errorf("not a lead: sections %v, want %v", got, AgendaSections)
	}
}

// Times are in London's clock: in summer an hour ahead of UTC.
func TestAgendaSafetyInLondonTime(t *testing.T) {
	now := time.Date(2026, 7, 1, 10, 0, 0, 0, time.UTC)
	c := SafetyCheck{Kind: SafetyBackup, At: now.Add(-2 * time.Hour), OK: true}
	a := BuildAgenda(AgendaFacts{Safety: SafetyChecks{LastBackup: c, LastGoodBackup: c}, ReaderIsLead: true}, agendaMe, now)
	if got := a.Items[0].When; got != "2 hours ago, Wed 1 Jul 2026 09:00" {
		t.Errorf("When = %q, want London's 09:00", got)
	}
}

func TestAgo(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{-5 * time.Minute, "just now"}, // another machine's clock ahead of ours
		{0, "just now"},
		{59 * time.Second, "just now"},
		{time.Minute, "1 minute ago"},
		{59 * time.Minute, "59 minutes ago"},
		{time.Hour, "1 hour ago"},
		{26 * time.Hour, "26 hours ago"},
		{48*time.Hour - time.Second, "47 hours ago"},
		{48 * time.Hour, "2 days ago"},
		{75 * time.Hour, "3 days ago"},
	}
	for _, tt := range tests {
		if got := ago(tt.d); got != tt.want {
			t.Errorf("ago(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

// Until issue 13 brings roles, a lead is a clinician whose role is "lead", in any case.
func TestIsLead(t *testing.T) {
	for role, want := range map[string]bool{"lead": true, "Lead": true, " LEAD ": true,
		"clinical psychologist": false, "clinical lead": false, "": false, "leader": false} {
		if got := IsLead(role); got != want {
			t.Errorf("IsLead(%q) = %v, want %v", role, got, want)
		}
	}
}

func TestSafetyCheckProblem(t *testing.T) {
	tests := []struct {
		c    SafetyCheck
		want string
	}{
		{SafetyCheck{Kind: SafetyVerify, OK: true, Head: 12}, ""},
		{SafetyCheck{Kind: SafetyBackup, Problems: 3, Why: "verify found 3 problems", Backup: "caseload-20261124-060000.db.age"}, ""},
		{SafetyCheck{Kind: "restore", OK: true}, `"restore" is not a safety check: say verify or backup`},
		{SafetyCheck{Kind: SafetyVerify, Problems: -1}, "a check cannot find -1 problems"},
		{SafetyCheck{Kind: SafetyVerify, OK: true, Problems: 1}, "a check that found 1 problem cannot be ok"},
		{SafetyCheck{Kind: SafetyBackup, OK: true, Head: -2}, "audit entry -2 does not exist"},
	}
	for _, tt := range tests {
		if got := tt.c.Problem(); got != tt.want {
			t.Errorf("Problem(%+v) = %q, want %q", tt.c, got, tt.want)
		}
	}
}

func TestSafetyAdvice(t *testing.T) {
	tests := []struct{ kind, why, want string }{
		{SafetyBackup, "", "Run caseload backup --db /srv/caseload.db --out DIR on the server; see README: Backups."},
		{SafetyVerify, "", "Run caseload verify --db /srv/caseload.db --record on the server; see README: Headless commands."},
		{SafetyBackup, "the disk holding /mnt/b is full: nothing was written.",
			"The last backup failed: the disk holding /mnt/b is full: nothing was written. Run caseload backup --db /srv/caseload.db --out DIR on the server; see README: Backups."},
	}
	for _, tt := range tests {
		if got := SafetyAdvice(tt.kind, "/srv/caseload.db", tt.why); got != tt.want {
			t.Errorf("SafetyAdvice(%s, %q) = %q, want %q", tt.kind, tt.why, got, tt.want)
		}
	}
}
