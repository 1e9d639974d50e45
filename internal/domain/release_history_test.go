package domain

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"caseload/internal/ident"
)

func TestCaseReleaseChange(t *testing.T) {
	d := ident.MustDate
	at := time.Date(2026, 9, 1, 10, 0, 0, 0, time.UTC)
	crd := ReleaseDate{Date: d(2027, 1, 6), Kind: ReleaseCRD}
	base := CaseRelease{Dates: SentenceDates{crd}}
	tests := []struct {
		name    string
		to      ReleaseDate
		reason  string
		wantErr string
		dates   SentenceDates // held after the change
	}{
		{"deferred", ReleaseDate{Date: d(2027, 4, 6), Kind: ReleaseCRD}, "date recalculated", "",
			SentenceDates{{Date: d(2027, 4, 6), Kind: ReleaseCRD}}},
		{"removed", ReleaseDate{Kind: ReleaseCRD}, "sentence recalculated", "", nil},
		{"same date, now confirmed", ReleaseDate{Date: d(2027, 1, 6), Kind: ReleaseCRD, Confirmed: true}, "NOMIS confirmed", "",
			SentenceDates{{Date: d(2027, 1, 6), Kind: ReleaseCRD, Confirmed: true}}},
		{"another kind is held beside it", ReleaseDate{Date: d(2026, 12, 1), Kind: ReleasePED}, "extended sentence", "",
			SentenceDates{crd, {Date: d(2026, 12, 1), Kind: ReleasePED}}},
		{"an expiry date beside it", ReleaseDate{Date: d(2029, 1, 6), Kind: ReleaseLED}, "from NOMIS", "",
			SentenceDates{crd, {Date: d(2029, 1, 6), Kind: ReleaseLED}}},
		{"blank reason", ReleaseDate{Date: d(2027, 4, 6), Kind: ReleaseCRD}, "", "say why", nil},
		{"spaces are no reason", ReleaseDate{Date: d(2027, 4, 6), Kind: ReleaseCRD}, "   ", "say why", nil},
		{"unchanged", crd, "checked again", "the CRD is already 2027-01-06 (CRD): nothing to change", nil},
		{"removing one not held", ReleaseDate{Kind: ReleaseAPD}, "checked again", "no APD is held: nothing to remove", nil},
		{"unknown kind", ReleaseDate{Date: d(2027, 4, 6), Kind: "SOON"}, "date recalculated", "not a kind of sentence date", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := base.Change(tt.to, tt.reason, " A. Clinician ", at)
			if tt.wantErr != "" {
				if err == nil || !errors.Is(err, ErrReleaseChange) || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want ErrReleaseChange containing %q", err, tt.wantErr)
				}
				if !slices.Equal(got.Dates, base.Dates) || len(got.History) != 0 {
					t.Errorf("a refused change altered the facts: %+v", got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			want := ReleaseChange{From: base.Dates.Of(tt.to.Kind), To: tt.to, Reason: strings.TrimSpace(tt.reason), By: "A. Clinician", At: at}
			if !slices.Equal(got.Dates, tt.dates) || len(got.History) != 1 || got.History[0] != want {
				t.Errorf("got %+v, want dates %+v and history [%+v]", got, tt.dates, want)
			}
		})
	}
}

func TestCaseReleaseChangeKeepsHistory(t *testing.T) {
	d := ident.MustDate
	first := time.Date(2026, 9, 1, 10, 0, 0, 0, time.UTC)
	r := CaseRelease{Dates: SentenceDates{ReleaseDate{Date: d(2027, 1, 6), Kind: ReleasePED}}}
	r, err := r.Change(ReleaseDate{Date: d(2027, 4, 6), Kind: ReleasePED}, "parole refused", "A", first)
	if err != nil {
		t.Fatal(err)
	}
	r.History = append(make([]ReleaseChange, 0, 4), r.History...) // spare capacity must not let two changes share an array
	a, errA := r.Change(ReleaseDate{Date: d(2027, 5, 6), Kind: ReleaseAPD}, "parole directed", "B", first.Add(time.Hour))
	b, errB := r.Change(ReleaseDate{Date: d(2027, 6, 6), Kind: ReleaseCRD}, "date recalculated", "C", first.Add(2*time.Hour))
	if errA != nil || errB != nil {
		t.Fatal(errA, errB)
	}
	if len(r.History) != 1 || len(a.History) != 2 || len(b.History) != 2 {
		t.Fatalf("history lengths %d %d %d, want 1 2 2", len(r.History), len(a.History), len(b.History))
	}
	if a.History[1].By != "B" || b.History[1].By != "C" || a.History[0].Reason != "parole refused" {
		t.Errorf("histories share storage or lost entries: %+v / %+v", a.History, b.History)
	}
	if a.History[1].From != (ReleaseDate{Kind: ReleaseAPD}) || b.History[1].From != (ReleaseDate{Kind: ReleaseCRD}) {
		t.Errorf("a first date of its kind comes from nothing: %+v / %+v", a.History[1].From, b.History[1].From)
	}
}

// A release deferred after engagement started keeps engagement_from: the pre-release
// phase grows beyond six months and is never truncated (docs/RULES.md, "The six-month window and the pathway").
func TestPathwayDeferral(t *testing.T) {
	d := ident.MustDate
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	r := CaseRelease{Dates: SentenceDates{ReleaseDate{Date: d(2027, 1, 6), Kind: ReleaseCRD}}}
	change := func(on time.Time, to ident.Date, reason string) CaseRelease {
		t.Helper()
		c, err := r.Change(ReleaseDate{Date: to, Kind: ReleaseCRD}, reason, "A. Clinician", on)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	tests := []struct {
		name  string
		r     CaseRelease
		today ident.Date
		phase Phase
		from  ident.Date
		words string
	}{
		{"deferred after engagement started", change(time.Date(2026, 9, 1, 10, 0, 0, 0, time.UTC), d(2027, 4, 6), "parole refused"),
			d(2027, 1, 20), PhasePreRelease, d(2026, 7, 6), "release in 76 days, Tuesday 6 April 2027"},
		{"deferred on engagement_from itself", change(time.Date(2026, 7, 6, 9, 0, 0, 0, london), d(2027, 4, 6), "date recalculated"),
			d(2026, 8, 1), PhasePreRelease, d(2026, 7, 6), "release in 248 days, Tuesday 6 April 2027"},
		{"late evening UTC is the next London day", change(time.Date(2026, 7, 5, 23, 30, 0, 0, time.UTC), d(2027, 4, 6), "date recalculated"),
			d(2026, 8, 1), PhasePreRelease, d(2026, 7, 6), "release in 248 days, Tuesday 6 April 2027"},
		{"deferred before engagement started", change(time.Date(2026, 7, 5, 12, 0, 0, 0, london), d(2027, 4, 6), "date recalculated"),
			d(2026, 8, 1), PhaseBeforeWindow, d(2026, 10, 6), "engagement from Tuesday 6 October 2026; release in 248 days"},
		{"brought forward", change(time.Date(2026, 9, 1, 10, 0, 0, 0, time.UTC), d(2026, 12, 1), "date recalculated"),
			d(2026, 9, 2), PhasePreRelease, d(2026, 6, 1), "release in 90 days, Tuesday 1 December 2026 (was Wednesday 6 January 2027)"},
		{"deferred to unknown", change(time.Date(2026, 9, 1, 10, 0, 0, 0, time.UTC), ident.Date{}, "parole deferred"),
			d(2027, 1, 20), PhaseReleaseUnknown, ident.Date{}, "Release date unknown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := PathwayOf(tt.r, tt.today)
			if p.Phase != tt.phase || p.EngagementFrom != tt.from || p.Countdown != tt.words {
				t.Errorf("on %s: %s from %s %q; want %s from %s %q", tt.today, p.Phase, p.EngagementFrom, p.Countdown, tt.phase, tt.from, tt.words)
			}
		})
	}
}

func TestReleaseDateDescribe(t *testing.T) {
	d := ident.MustDate(2027, 1, 6)
	for _, c := range []struct {
		r    ReleaseDate
		want string
	}{
		{ReleaseDate{}, "unknown"},
		{ReleaseDate{Date: d}, "2027-01-06"},
		{ReleaseDate{Date: d, Kind: ReleaseCRD, Confirmed: true}, "2027-01-06 (CRD, confirmed)"},
		{ReleaseDate{Date: d, Kind: ReleaseConfirmed, Confirmed: true}, "2027-01-06 (confirmed)"},
		{ReleaseDate{Kind: ReleaseHDCAD}, "unknown (HDCAD)"},
	} {
		if got := c.r.Describe(ident.Date.String); got != c.want {
			t.Errorf("%+v.Describe = %q, want %q", c.r, got, c.want)
		}
	}
	if got := (ReleaseDate{Date: d, Kind: ReleaseCRD}).Describe(ident.Date.Long); got != "Wednesday 6 January 2027 (CRD)" {
		t.Errorf("long: %q", got)
	}
}
