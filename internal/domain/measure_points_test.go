package domain

import (
	"strings"
	"testing"
	"time"

	"caseload/internal/ident"
)

func TestPointDays(t *testing.T) {
	d := ident.MustDate
	opened := time.Date(2026, 3, 31, 23, 30, 0, 0, time.UTC) // 1 April in London (BST)
	recalledBack := releasedOn(2026, 1, 10)
	recalledBack.RecalledOn, recalledBack.ReReleased = d(2026, 2, 1), d(2026, 3, 3) // 30 days back inside
	tests := []struct {
		name    string
		release CaseRelease
		today   ident.Date
		want    map[TimePoint]ident.Date
	}{
		{"expected release: release, six months and discharge counted from it", expectedOn(ReleaseCRD, 2026, 8, 31), d(2026, 6, 1),
			map[TimePoint]ident.Date{PointAcceptance: d(2026, 4, 1), PointRelease: d(2026, 8, 31), PointSixMonths: d(2027, 2, 28), PointDischarge: d(2027, 8, 31)}},
		{"release unknown: only acceptance", CaseRelease{}, d(2026, 6, 1), map[TimePoint]ident.Date{PointAcceptance: d(2026, 4, 1)}},
		{"days back in custody move six months and discharge later", recalledBack, d(2026, 4, 1),
			map[TimePoint]ident.Date{PointAcceptance: d(2026, 4, 1), PointRelease: d(2026, 1, 10), PointSixMonths: d(2026, 8, 9), PointDischarge: d(2027, 2, 9)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := PointDays(CaseOnPathway{OpenedAt: opened, Release: tt.release}, tt.today)
			if len(got) != len(tt.want) {
				t.Errorf("PointDays = %v, want %v", got, tt.want)
			}
			for p, day := range tt.want {
				if got[p] != day {
					t.Errorf("%s = %s, want %s", p, got[p], day)
				}
			}
		})
	}
}

func TestMeasuresDueWindow(t *testing.T) {
	d := ident.MustDate
	release := agendaCase(1, "Ada", agendaMe, expectedOn(ReleaseCRD, 2026, 12, 8))
	release.OpenedAt = time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	all := TimePoints
	tests := []struct {
		name   string
		today  ident.Date
		taken  []MeasureTaken
		points []TimePoint
		want   []string
	}{
		{"fifteen days before the release: nothing due", d(2026, 11, 23), nil, all, nil},
		{"fourteen days before: CORE-10 and WAI-SR at release", d(2026, 11, 24), nil, all,
			[]string{"CORE-10 at release due for Ada Test 2026-12-08", "WAI-SR at release due for Ada Test 2026-12-08"}},
		{"taken at release: only what is not", d(2026, 12, 1), []MeasureTaken{{1, "core-10", PointRelease}}, all,
			[]string{"WAI-SR at release due for Ada Test 2026-12-08"}},
		{"taken between time points does not count", d(2026, 12, 1), []MeasureTaken{{1, "core-10", ""}}, all,
			[]string{"CORE-10 at release due for Ada Test 2026-12-08", "WAI-SR at release due for Ada Test 2026-12-08"}},
		{"the service does not measure at release", d(2026, 12, 1), nil, []TimePoint{PointAcceptance, PointDischarge}, nil},
		{"28 days after: still due, overdue", d(2027, 1, 5), []MeasureTaken{{1, "wai-sr", PointRelease}}, all,
			[]string{"CORE-10 at release due for Ada Test 2026-12-08"}},
		{"29 days after: missed, off Today", d(2027, 1, 6), nil, all, nil},
		{"acceptance is due from the day the case opened", d(2026, 6, 1), nil, all, []string{"CORE-10 at acceptance due for Ada Test 2026-06-01"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, m := range MeasuresDue([]CaseOnPathway{release}, tt.taken, tt.points, tt.today) {
				got = append(got, m.What()+" "+m.On.String())
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("due = %q\nwant  %q", got, tt.want)
			}
		})
	}
}

// Today tells the case's clinician, and nobody else, what is due, with the day.
func TestAgendaMeasuresDue(t *testing.T) {
	mine := agendaCase(1, "Ada", agendaMe, expectedOn(ReleaseCRD, 2026, 11, 30))
	theirs := agendaCase(2, "Ben", agendaMe+1, expectedOn(ReleaseCRD, 2026, 11, 30))
	late := agendaCase(3, "Cy", agendaMe, releasedOn(2026, 11, 10))
	a := BuildAgenda(AgendaFacts{Cases: []CaseOnPathway{mine, theirs, late}, MeasurePoints: []TimePoint{PointRelease},
		MeasuresTaken: []MeasureTaken{{3, "wai-sr", PointRelease}}}, agendaMe, agendaNow)
	wantLines(t, agendaLines(a, AgendaMeasures), []string{
		"!* CORE-10 at release due for Cy Test | overdue by 14 days (Tue 10 Nov 2026)",
		"* CORE-10 at release due for Ada Test | due in 6 days, Mon 30 Nov 2026",
		"* WAI-SR at release due for Ada Test | due in 6 days, Mon 30 Nov 2026",
	})
	for _, it := range a.Items {
		if it.Section == AgendaMeasures && (it.Open.Tab != "outcomes" || !it.Mine) {
			t.Errorf("%s opens %+v", it.Text, it.Open)
		}
	}
}

func TestParseTimePoints(t *testing.T) {
	tests := []struct {
		in, want, refused string
	}{
		{"acceptance,release,six-months,discharge", "acceptance release six-months discharge", ""},
		{"release, discharge", "release discharge", ""},
		{"discharge,release", "", "in the order of a case"},
		{"release,release", "", "in the order of a case"},
		{"", "", `"" is not a time point`},
		{"six months", "", `"six months" is not a time point`},
	}
	for _, tt := range tests {
		ps, err := ParseTimePoints(tt.in)
		if tt.refused != "" {
			if err == nil || !strings.Contains(err.Error(), tt.refused) {
				t.Errorf("ParseTimePoints(%q) = %v, %v; want %q", tt.in, ps, err, tt.refused)
			}
			continue
		}
		var got []string
		for _, p := range ps {
			got = append(got, string(p))
		}
		if err != nil || strings.Join(got, " ") != tt.want {
			t.Errorf("ParseTimePoints(%q) = %v, %v", tt.in, got, err)
		}
	}
	if got := MeasureTimePoints([]Setting{{Key: SettingMeasureTimePoints, Value: "release,discharge"}}); len(got) != 2 {
		t.Errorf("MeasureTimePoints = %v", got)
	}
	if got := MeasureTimePoints(nil); len(got) != len(TimePoints) {
		t.Errorf("MeasureTimePoints with no setting = %v, want every point", got)
	}
}

// Every value the setting takes is a list ParseTimePoints reads, and nothing it reads
// is refused by the setting.
func FuzzParseTimePoints(f *testing.F) {
	for _, v := range timePointChoices() {
		f.Add(v)
	}
	f.Add("release,,discharge")
	f.Fuzz(func(t *testing.T, s string) {
		ps, err := ParseTimePoints(s)
		if err != nil {
			return
		}
		var names []string
		for _, p := range ps {
			names = append(names, string(p))
		}
		if CheckSetting(SettingMeasureTimePoints, strings.Join(names, ",")) != nil {
			t.Fatalf("%q read as %v, which the setting refuses", s, names)
		}
	})
}
