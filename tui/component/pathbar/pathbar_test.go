package pathbar

import (
	"strings"
	"testing"
	"time"

	"charm.land/lipgloss/v2"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

var d = ident.MustDate

// crd is a release expected on Wednesday 6 January 2027: engagement from 6 July 2026,
// discharge due 6 January 2028, 549 days in all.
var crd = domain.CaseRelease{Dates: domain.SentenceDates{domain.ReleaseDate{Date: d(2027, 1, 6), Kind: domain.ReleaseCRD}}}

// released is crd with its release recorded on the day: only then are months counted.
var released = domain.CaseRelease{Dates: crd.Dates, Actual: d(2027, 1, 6)}

func recalled() domain.CaseRelease {
	return domain.CaseRelease{Actual: d(2027, 1, 6), RecalledOn: d(2027, 3, 2)}
}

var phases = []struct {
	name  string
	r     domain.CaseRelease
	today ident.Date
	phase domain.Phase
	at18  string // the bar 18 cells wide: one a month
}{
	{"release unknown", domain.CaseRelease{}, d(2026, 11, 24), domain.PhaseReleaseUnknown, "release date unkn…"},
	{"before the window", crd, d(2026, 6, 24), domain.PhaseBeforeWindow, "◂·····┃···········"},
	{"engagement starts", crd, d(2026, 7, 6), domain.PhasePreRelease, "●·····┃···········"},
	{"pre-release", crd, d(2026, 11, 24), domain.PhasePreRelease, "━━━━━●┃···········"},
	{"day of release", crd, d(2027, 1, 6), domain.PhasePostRelease, "━━━━━━●···········"},
	{"post-release", released, d(2027, 6, 1), domain.PhasePostRelease, "━━━━━━┃━━━━●······"},
	{"discharge due", released, d(2028, 1, 6), domain.PhaseDischargeDue, "━━━━━━┃━━━━━━━━━━●"},
	{"discharge overdue", released, d(2028, 2, 1), domain.PhaseDischargeOverdue, "━━━━━━┃━━━━━━━━━━▸"},
	{"recalled", recalled(), d(2027, 4, 1), domain.PhaseRecalled, "━━━━━━┃━━R········"},
	{"release not confirmed", crd, d(2027, 1, 7), domain.PhaseReleaseUnconfirmed, "release not confi…"},
}

func TestBarPhases(t *testing.T) {
	for _, tc := range phases {
		t.Run(tc.name, func(t *testing.T) {
			p := domain.PathwayOf(tc.r, tc.today)
			if p.Phase != tc.phase {
				t.Fatalf("phase %s, want %s", p.Phase, tc.phase)
			}
			if got := Bar(p, tc.today, 18); got != tc.at18 {
				t.Errorf("Bar(18) = %q, want %q", got, tc.at18)
			}
		})
	}
}

// Every phase at every width is exactly that many cells, and keeps its one mark of
// today (or the plain words when the release is unknown).
func TestBarWidths(t *testing.T) {
	marks := map[domain.Phase]rune{
		domain.PhaseBeforeWindow: NotYet, domain.PhasePreRelease: Today, domain.PhasePostRelease: Today,
		domain.PhaseDischargeDue: Today, domain.PhaseDischargeOverdue: PastEnd, domain.PhaseRecalled: Recalled,
	}
	for _, tc := range phases {
		p := domain.PathwayOf(tc.r, tc.today)
		for _, w := range []int{0, 1, 2, 5, 18, 40, 200} {
			got := Bar(p, tc.today, w)
			if n := lipgloss.Width(got); n != w {
				t.Errorf("%s at %d: %q is %d cells", tc.name, w, got, n)
			}
			if w == 0 {
				continue
			}
			mark, ok := marks[p.Phase]
			if !ok {
				if strings.ContainsAny(got, string([]rune{Passed, Release, Today})) {
					t.Errorf("%s at %d: %q draws a bar with no release date", tc.name, w, got)
				}
				continue
			}
			if strings.Count(got, string(mark)) != 1 {
				t.Errorf("%s at %d: %q should mark today once with %q", tc.name, w, got, mark)
			}
		}
	}
}

func TestBarAtWidths(t *testing.T) {
	pre := domain.PathwayOf(crd, d(2026, 11, 24))
	for w, want := range map[int]string{
		0:  "",
		1:  "●",
		5:  "━●┃··",
		40: "━━━━━━━━━━●··┃··························",
	} {
		if got := Bar(pre, d(2026, 11, 24), w); got != want {
			t.Errorf("pre-release at %d = %q, want %q", w, got, want)
		}
	}
	unknown := domain.PathwayOf(domain.CaseRelease{}, d(2026, 11, 24))
	if got := Bar(unknown, d(2026, 11, 24), 40); got != "release date unknown"+strings.Repeat(" ", 20) {
		t.Errorf("unknown at 40 = %q", got)
	}
}

// A release deferred after engagement began keeps the earlier start, so the custody
// part is drawn longer than six months of eighteen.
func TestBarDeferredRelease(t *testing.T) {
	r := crd
	r.History = []domain.ReleaseChange{{From: domain.ReleaseDate{Date: d(2026, 10, 1)}, To: crd.Dates[0],
		Reason: "parole refused", At: time.Date(2026, 9, 1, 9, 0, 0, 0, time.UTC)}}
	today := d(2026, 11, 24)
	p := domain.PathwayOf(r, today)
	got := Bar(p, today, 18)
	if i := strings.IndexRune(got, Release); i < 0 || len([]rune(got[:i])) <= 6 {
		t.Errorf("deferred release drawn %q: the custody part should be longer than 6 cells", got)
	}
}

func TestLegendNamesEveryMark(t *testing.T) {
	l := Legend()
	for _, r := range []rune{Passed, ToCome, Release, Today, NotYet, PastEnd, Recalled} {
		if !strings.ContainsRune(l, r) {
			t.Errorf("legend %q lacks %q", l, r)
		}
	}
}

// Around the release the bar tells before, on and after apart by itself: today stands
// left of the release mark before it and right of it after, even when they round to the
// same cell.
func TestBarAroundTheRelease(t *testing.T) {
	rel := ident.MustDate(2027, 1, 6)
	r := domain.CaseRelease{Dates: domain.SentenceDates{domain.ReleaseDate{Date: rel, Kind: domain.ReleaseCRD}}}
	bars := map[string]string{}
	for name, today := range map[string]ident.Date{"before": rel.AddDays(-12), "on": rel, "after": rel.AddDays(12)} {
		r := r
		if name == "after" {
			r.Actual = rel // after the day, months count only from a recorded release
		}
		bars[name] = Bar(domain.PathwayOf(r, today), today, 18)
	}
	if bars["before"] == bars["on"] || bars["on"] == bars["after"] || bars["before"] == bars["after"] {
		t.Fatalf("the bars read alike: %q", bars)
	}
	if !strings.Contains(bars["before"], "●┃") || !strings.Contains(bars["after"], "┃●") {
		t.Errorf("today is not beside the release: %q", bars)
	}
}
