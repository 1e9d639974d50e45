package store

import (
	"context"
	"reflect"
	"testing"
	"time"

	"caseload/internal/domain"
)

// A new database holds the default, 48 hours; a change is one transaction with its audit
// entry, every referral read afterwards carries the new rule, and setting the value it
// already has writes nothing (docs/RULES.md, "Screening deadline").
func TestSetScreeningDeadline(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	r := eligibleReferral(t)
	r.ReceivedAt = time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC) // a Friday
	id := mustAdd(t, s, r)
	wantRule := func(rule domain.DeadlineRule, due time.Time) {
		t.Helper()
		ss, err := s.Settings(ctx)
		if err != nil || len(ss) != len(domain.DefaultSettings()) || ss[0].Key != "screening-deadline" || ss[0].Value != string(rule) {
			t.Fatalf("settings %+v, %v; want screening-deadline %s", ss, err, rule)
		}
		got, err := s.Referral(ctx, id)
		if err != nil || got.DeadlineRule != rule || !got.Clock(r.ReceivedAt).DueAt.Equal(due) {
			t.Fatalf("referral read with rule %q, due %v (%v); want %q, %v", got.DeadlineRule, got.Clock(r.ReceivedAt).DueAt, err, rule, due)
		}
		all, err := s.UnscreenedReferrals(ctx)
		if err != nil || len(all) != 1 || all[0].DeadlineRule != rule {
			t.Fatalf("unscreened read with %+v, %v", all, err)
		}
	}
	wantRule(domain.Deadline48Hours, time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC))

	at := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	changed, err := s.SetSetting(ctx, "os:lead", at, "screening-deadline", "2-working-days")
	if err != nil || !changed {
		t.Fatalf("SetSetting: %v, %v", changed, err)
	}
	wantRule(domain.Deadline2WorkingDays, time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC))
	detail := lastDetail(t, s, "setting", 1, "setting.changed")
	if want := map[string]any{"key": "screening-deadline", "from": "48-hours", "to": "2-working-days"}; !reflect.DeepEqual(detail, want) {
		t.Errorf("audit detail %v, want %v", detail, want)
	}

	audits := count(t, s, "audit")
	if changed, err := s.SetSetting(ctx, "os:lead", at, "screening-deadline", "2-working-days"); err != nil || changed {
		t.Errorf("setting it again: changed %v, %v", changed, err)
	}
	if n := count(t, s, "audit"); n != audits {
		t.Errorf("setting it again wrote %d audit entries", n-audits)
	}
	mustVerify(t, s)
}

// A key or value the service does not have is refused with one sentence, and nothing is
// written; the schema refuses it too, should anything get past the store.
func TestSetSettingRefusals(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	at := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		actor, key, value, want string
	}{
		{"os:lead", "screening-deadlines", "48-hours", `"screening-deadlines" is not a setting: the settings are screening-deadline, idle-lock-minutes`},
		{"os:lead", "screening-deadline", "3-days", `"3-days" is not a value of screening-deadline: use 48-hours or 2-working-days`},
		{"os:lead", "screening-deadline", "", `"" is not a value of screening-deadline: use 48-hours or 2-working-days`},
		{"", "screening-deadline", "48-hours", `actor "" cannot go in the audit`},
	} {
		audits := count(t, s, "audit")
		_, err := s.SetSetting(ctx, tt.actor, at, tt.key, tt.value)
		wantErr(t, tt.key+" "+tt.value, err, tt.want, ErrInvalid)
		if n := count(t, s, "audit"); n != audits {
			t.Errorf("%s %s: %d audit entries written", tt.key, tt.value, n-audits)
		}
	}
	for _, q := range []string{
		"UPDATE settings SET value = '3-days'",
		"INSERT INTO settings (key, value) VALUES ('colour', 'blue')",
	} {
		if _, err := s.db.ExecContext(ctx, q); err == nil {
			t.Errorf("%s: the schema took it", q)
		}
	}
}

// A database whose row is missing reads the default, and a change writes the row.
func TestSettingWithNoRow(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	if _, err := s.db.ExecContext(ctx, "DELETE FROM settings"); err != nil {
		t.Fatal(err)
	}
	ss, err := s.Settings(ctx)
	if err != nil || ss[0].Value != "48-hours" {
		t.Fatalf("settings %+v, %v", ss, err)
	}
	at := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	if changed, err := s.SetSetting(ctx, "os:lead", at, "screening-deadline", "48-hours"); err != nil || changed {
		t.Errorf("the default: changed %v, %v", changed, err)
	}
	if changed, err := s.SetSetting(ctx, "os:lead", at, "screening-deadline", "2-working-days"); err != nil || !changed {
		t.Errorf("2 working days: changed %v, %v", changed, err)
	}
	if ss, _ := s.Settings(ctx); ss[0].Value != "2-working-days" {
		t.Errorf("settings %+v", ss)
	}
	mustVerify(t, s)
}

// Screened on the Monday after a Friday receipt under 2 working days: within the
// deadline but not within 48 hours; the audit and the decision read back say both, with
// the rule in force then.
func TestScreenUnderWorkingDays(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	r := eligibleReferral(t)
	r.ReceivedAt = time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC) // a Friday
	id := mustAdd(t, s, r)
	if _, err := s.SetSetting(ctx, "os:lead", r.ReceivedAt, "screening-deadline", "2-working-days"); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 11, 23, 16, 0, 0, 0, time.UTC)
	d, err := s.ScreenReferral(ctx, "os:bob", at, id, domain.ScreenedIn, "")
	if err != nil {
		t.Fatal(err)
	}
	if d.WithinWindow || !d.WithinDeadline || d.DeadlineRule != domain.Deadline2WorkingDays || d.Timing() != "within the 2 working days" {
		t.Errorf("decision within 48h %v, within deadline %v, rule %q, %q", d.WithinWindow, d.WithinDeadline, d.DeadlineRule, d.Timing())
	}
	detail := lastDetail(t, s, "referral", id, "referral.screened")
	if detail["within_48h"] != false || detail["within_deadline"] != true || detail["deadline_rule"] != "2-working-days" {
		t.Errorf("audit detail %v", detail)
	}
	// Changing the setting later does not rewrite what the decision was judged by.
	if _, err := s.SetSetting(ctx, "os:lead", at, "screening-deadline", "48-hours"); err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.Screening(ctx, id)
	if err != nil || !ok || !reflect.DeepEqual(got, d) {
		t.Errorf("Screening = %+v, %v, %v\n want %+v", got, ok, err, d)
	}
	mustVerify(t, s)
}
