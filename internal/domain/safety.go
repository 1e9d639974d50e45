package domain

import (
	"fmt"
	"strings"
	"time"
)

// The kinds of safety check whose outcome is kept (docs/RULES.md, "Backup and verify on
// Today").
const (
	SafetyVerify = "verify"
	SafetyBackup = "backup"
)

// SafetyWarnAfter is how old the last good backup or the last verify may be before a
// lead is warned: one a day keeps at most a day's work at risk.
const SafetyWarnAfter = 24 * time.Hour

// SafetyCheck is the outcome of one verify or backup.
type SafetyCheck struct {
	Kind     string    // SafetyVerify or SafetyBackup
	At       time.Time // when it ran; zero when it never has
	OK       bool
	Problems int    // how many problems it found
	Head     int64  // the last audit entry the check saw
	Backup   string // the backup file's name (backups only)
	Why      string // what went wrong, one sentence (failures only)
}

// Done reports whether the check ever ran.
func (c SafetyCheck) Done() bool { return !c.At.IsZero() }

// Problem says why c cannot be recorded ("" when it can): the time is the store's to
// check, as every instant is.
func (c SafetyCheck) Problem() string {
	switch {
	case c.Kind != SafetyVerify && c.Kind != SafetyBackup:
		return fmt.Sprintf("%q is not a safety check: say %s or %s", c.Kind, SafetyVerify, SafetyBackup)
	case c.Problems < 0:
		return fmt.Sprintf("a check cannot find %d problems", c.Problems)
	case c.OK && c.Problems > 0:
		return fmt.Sprintf("a check that found %s cannot be ok", Count(c.Problems, "problem", "problems"))
	case c.Head < 0:
		return fmt.Sprintf("audit entry %d does not exist", c.Head)
	}
	return ""
}

// SafetyChecks is the latest of each check, and the latest that passed; each is zero
// when there is none.
type SafetyChecks struct {
	LastVerify, LastGoodVerify, LastBackup, LastGoodBackup SafetyCheck
}

// IsLead reports whether role is the team lead's, who answers for the records' safety.
// Until issue 13 brings roles this is the clinician's role, compared without case
// (docs/RULES.md, "Backup and verify on Today").
func IsLead(role string) bool { return strings.EqualFold(strings.TrimSpace(role), "lead") }

// SafetyAdvice is what to do about a check, for a line that opens no record: the checks
// run on the server, on the database file db.
//
// why, when the last check failed, leads the advice whole: the line on Today may have
// cut it.
func SafetyAdvice(kind, db, why string) string {
	run := "Run caseload verify --db " + db + " --record on the server; see README: " + readmeOf(kind) + "."
	if kind == SafetyBackup {
		run = "Run caseload backup --db " + db + " --out DIR on the server; see README: " + readmeOf(kind) + "."
	}
	if why = strings.TrimSuffix(strings.TrimSpace(why), "."); why != "" {
		return "The last " + kind + " failed: " + why + ". " + run
	}
	return run
}

// readmeOf is the README section that tells how to run a check.
func readmeOf(kind string) string {
	if kind == SafetyBackup {
		return "Backups"
	}
	return "Headless commands"
}

// safetyItems are a lead's two lines: the last good backup, then the last verify.
func safetyItems(s SafetyChecks, lead bool, now time.Time) []AgendaItem {
	if !lead {
		return nil
	}
	return []AgendaItem{
		safetyItem(s.LastBackup, s.LastGoodBackup, "backup", "Last good backup", "no good backup yet", now),
		safetyItem(s.LastVerify, s.LastGoodVerify, "verify", "Last verify", "no good verify yet", now),
	}
}

// safetyItem words one check's line: overdue when it never ran, when the last one
// failed, or when the last one is older than SafetyWarnAfter.
func safetyItem(last, good SafetyCheck, kind, okText, neverGood string, now time.Time) AgendaItem {
	it := AgendaItem{Section: AgendaSafety, Open: AgendaTarget{Kind: OpenAdvice, Check: kind}}
	switch {
	case !last.Done():
		it.Text, it.Urgent = "No "+kind+" yet", true
		run := "caseload backup"
		if kind == SafetyVerify {
			run = "caseload verify --record" // verify alone records nothing for Today
		}
		it.When = "run " + run + " (README: " + readmeOf(kind) + ")"
	case !last.OK:
		// The age of the last good one before the reason, which can be long: on a
		// narrow screen the reason is cut, never how old the last good one is.
		it.Text, it.Urgent = "Last "+kind+" FAILED", true
		it.When = ago(now.Sub(last.At)) + " (" + neverGood + ")"
		if good.Done() {
			it.When = ago(now.Sub(last.At)) + " (last good one " + ago(now.Sub(good.At)) + ")"
		}
		if last.Problems > 0 && kind == SafetyVerify {
			it.When += ", " + Count(last.Problems, "problem", "problems")
		}
		if why := strings.TrimSuffix(strings.TrimSpace(last.Why), "."); why != "" {
			it.When += ": " + why
			it.Open.Why = why
		}
	default:
		it.Text, it.Urgent = okText, now.Sub(last.At) > SafetyWarnAfter
		it.When = ago(now.Sub(last.At)) + ", " + last.At.In(london()).Format("Mon 2 Jan 2006 15:04")
		if kind == SafetyVerify {
			it.When = "ok, " + it.When
		}
	}
	return it
}

// ago is how long ago, in the unit people say: "just now", "40 minutes ago", "26 hours
// ago" (hours up to two days, where a day would round a missed night away), "3 days ago".
// A time ahead of now (another machine's clock) is "just now".
func ago(d time.Duration) string {
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return Count(int(d/time.Minute), "minute", "minutes") + " ago"
	case d < 48*time.Hour:
		return Count(int(d/time.Hour), "hour", "hours") + " ago"
	}
	return dayCount(int(d/(24*time.Hour))) + " ago"
}
