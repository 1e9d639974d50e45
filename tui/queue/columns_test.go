package queue

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"caseload/internal/domain"
)

// At 80 columns the queue keeps the eligibility beside the clock, status and name, the
// clock taking its narrow width; from 81 the clock is wide again, and the other columns
// join as the width allows.
func TestQueueColumnsAtEachWidth(t *testing.T) {
	for _, tt := range []struct {
		width int
		want  string // column ids, the clock with its width
	}{
		{79, "name clock:25 status"},
		{80, "name clock:24 status verdict"},
		{81, "name clock:25 status verdict"},
		{100, "name source clock:25 status verdict"},
		{120, "name nhs source received clock:25 status verdict"},
		{200, "name nhs source received clock:25 status verdict"},
	} {
		var got []string
		for _, c := range layout(tt.width, columns) {
			id := c.ID
			if id == colClock {
				id += ":" + map[bool]string{true: "24", false: "25"}[c.Width == clockNarrow]
			}
			got = append(got, id)
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%d columns: %s, want %s", tt.width, strings.Join(got, " "), tt.want)
		}
	}
}

// The longest clocks fit the narrow column in their short words: a late one keeps
// "late", a deadline on a bank holiday keeps its mark.
func TestNarrowClockKeepsItsWords(t *testing.T) {
	received := time.Date(2026, 12, 21, 16, 1, 0, 0, time.UTC) // due Wed 23 Dec 16:01
	late := &row{clock: domain.NewScreeningClock(received, received.Add(95*time.Hour+59*time.Minute), received, domain.Deadline48Hours)}
	onHoliday := &row{clock: domain.NewScreeningClock(received, time.Time{}, received.Add(time.Minute), domain.Deadline48Hours), offDay: "bank hol"}
	for _, tt := range []struct {
		r            *row
		wide, narrow string
	}{
		{late, "decided in 95h 59m (late)", "decided in 95h 59m, late"},
		{onHoliday, "due in 47h 59m (bank hol)", "due in 47h 59m (hol)"},
	} {
		if got := clockCell(tt.r, false); got != tt.wide || ansi.StringWidth(got) > clockWide {
			t.Errorf("wide %q, want %q in %d cells", got, tt.wide, clockWide)
		}
		if got := clockCell(tt.r, true); got != tt.narrow || ansi.StringWidth(got) > clockNarrow {
			t.Errorf("narrow %q, want %q in %d cells", got, tt.narrow, clockNarrow)
		}
	}
}
