package chart

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
)

// everyLine fails unless chart is lines exactly w cells wide, n of them when n >= 0.
func everyLine(t *testing.T, name, chart string, w, n int) {
	t.Helper()
	if w <= 0 {
		if chart != "" {
			t.Errorf("%s at %d: %q, want nothing", name, w, chart)
		}
		return
	}
	lines := strings.Split(chart, "\n")
	if n >= 0 && len(lines) != n {
		t.Errorf("%s at %d: %d lines, want %d:\n%s", name, w, len(lines), n, chart)
	}
	for i, l := range lines {
		if got := lipgloss.Width(l); got != w {
			t.Errorf("%s at %d: line %d is %d cells: %q", name, w, i+1, got, l)
		}
	}
}

// Every chart at every width from nothing to wider than any screen is lines of exactly
// that width, the same number of lines of bars as counts.
func TestEveryWidth(t *testing.T) {
	for w := -1; w <= 200; w++ {
		everyLine(t, "bars", Bars(sources, 0, w), w, len(sources))
		everyLine(t, "months", Months(screening(), Scale{Top: 100, Unit: "%"}, w, 4), w, -1)
		everyLine(t, "scores", Scores(core10, core10Range, w, 5), w, -1)
	}
}

func TestNumber(t *testing.T) {
	for v, want := range map[float64]string{0: "0", 12: "12", 87.5: "87.5", 66.666: "66.7", -3: "-3", -2.25: "-2.2"} {
		if got := Number(v); got != want {
			t.Errorf("Number(%v) = %q, want %q", v, got, want)
		}
	}
}

func TestBars(t *testing.T) {
	for _, tc := range []struct {
		name   string
		counts []Count
		top    float64
		width  int
		want   string
	}{
		{"longest fills the room", []Count{{Label: "a", Value: 10}, {Label: "b", Value: 5}}, 0, 16,
			"a ███████████ 10\nb █████▌ 5      "},
		{"one is never none", []Count{{Label: "a", Value: 1000}, {Label: "b", Value: 1}, {Label: "c", Value: 0}}, 0, 14,
			"a ███████ 1000\nb ▏ 1         \nc  0          "},
		{"eighths", []Count{{Label: "a", Value: 8}, {Label: "b", Value: 3}}, 0, 8,
			"a ████ 8\nb █▌ 3  "},
		{"against a top", []Count{{Label: "in 48h", Value: 50, Text: "50%"}}, 100, 20,
			"in 48h ████▌ 50%    "},
		{"labels cut before bars", []Count{{Label: "Offender manager", Value: 4}}, 0, 20,
			"Offender… ████████ 4"},
		{"no room for a bar", []Count{{Label: "Offender manager", Value: 4}}, 0, 4,
			"O… 4"},
		{"negative draws nothing", []Count{{Label: "a", Value: -2}, {Label: "b", Value: 2}}, 0, 8,
			"a  -2   \nb ███ 2 "},
	} {
		if got := Bars(tc.counts, tc.top, tc.width); got != tc.want {
			t.Errorf("%s:\n%s\nwant\n%s", tc.name, got, tc.want)
		}
	}
}

func TestMonths(t *testing.T) {
	three := []Month{{Label: "Oct", Value: 2}, {Label: "Nov", Value: 4}, {Label: "Dec", None: true}}
	for _, tc := range []struct {
		name  string
		width int
		sc    Scale
		want  string
	}{
		{"columns, names, values", 14, Scale{}, "" +
			"4┤    ███     \n" +
			" │▄▄▄ ███     \n" +
			"0┤███ ███ ··· \n" +
			"  Oct Nov Dec \n" +
			"  2   4   -   "},
		{"on a scale with a unit, names thinned", 14, Scale{Top: 8, Unit: "%"}, "" +
			"8%┤           \n" +
			"  │   ▄▄      \n" +
			"0%┤▆▆ ██ ··   \n" +
			"   Oct   Dec  \n" +
			"   2  4  -    "},
		{"too narrow: the latest months, no values", 4, Scale{}, "" +
			"4┤█ \n" +
			" │█ \n" +
			"0┤█·\n" +
			" Dec"},
	} {
		if got := Months(three, tc.sc, tc.width, 3); got != tc.want {
			t.Errorf("%s:\n%s\nwant\n%s", tc.name, got, tc.want)
		}
	}
}

func TestMonthsNoneIsNotZero(t *testing.T) {
	got := Months([]Month{{Label: "a", Value: 0}, {Label: "b", None: true}}, Scale{Top: 10}, 10, 2)
	foot := strings.Split(got, "\n")[1]
	if foot != " 0┤   ··  " {
		t.Errorf("the month with nothing to measure should show %q, the zero nothing: %q", NoData, foot)
	}
}

func TestScores(t *testing.T) {
	got := Scores([]Score{{Label: "in", Value: 20}, {Label: "out", Value: 5, Mark: Better}}, Range{Max: 40, Cut: 10, HasCut: true}, 12, 4)
	want := "" +
		"40┤         \n" +
		"  │         \n" +
		"10┤███┄┄┄┄┄┄\n" +
		" 0┤███ ▄▄▄  \n" +
		"   20  5    \n" +
		"       +    \n" +
		"   in  out  "
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	plain := Scores([]Score{{Label: "in", Value: 20}}, Range{Max: 40}, 12, 4)
	if strings.ContainsRune(plain, Cut) || len(strings.Split(plain, "\n")) != 6 {
		t.Errorf("no cut-off and no marks should draw no cut line and no marks line:\n%s", plain)
	}
}

func TestSparkline(t *testing.T) {
	if got := Sparkline([]float64{0, 10, 20, 40, 50}, 0, 40); got != "▁▂▄██" {
		t.Errorf("Sparkline = %q", got)
	}
}

func TestLegendNamesEveryMark(t *testing.T) {
	for _, r := range []rune{NoData, Cut, Better, Worse} {
		if !strings.ContainsRune(Legend(), r) {
			t.Errorf("legend lacks %q", r)
		}
	}
}

// Labels in any script end at the same column, so every bar starts in the same cell.
func TestBarsStartTogether(t *testing.T) {
	for _, w := range []int{20, 40, 80} {
		lines := strings.Split(Bars(sources, 0, w), "\n")
		at := -1
		for _, l := range lines {
			i := strings.IndexAny(l, string(across[1:]))
			if i < 0 {
				continue // the zero has no bar
			}
			if c := lipgloss.Width(l[:i]); at < 0 {
				at = c
			} else if c != at {
				t.Errorf("at %d the bar of %q starts at cell %d, the first at %d", w, l, c, at)
			}
		}
	}
}

// A score under the cut-off never crosses its line, even when its top shares the row:
// only a score over it does.
func TestScoresCrossTheLineOnlyOver(t *testing.T) {
	for _, tc := range []struct {
		score float64
		over  bool
	}{{9, false}, {11, false}, {12, true}, {30, true}} {
		got := Scores([]Score{{Label: "x", Value: tc.score}}, core10Range, 10, 6)
		var cutLine string
		for _, l := range strings.Split(got, "\n") {
			if strings.HasPrefix(l, "11┤") {
				cutLine = l
			}
		}
		if crosses := strings.ContainsAny(cutLine, string(upward[1:])); crosses != tc.over {
			t.Errorf("score %v: the cut line %q crosses it %v, want %v", tc.score, cutLine, crosses, tc.over)
		}
	}
}
