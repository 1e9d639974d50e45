package forums

import (
	"testing"
	"time"

	"caseload/internal/ident"
)

func TestReportText(t *testing.T) {
	today := day(time.November, 24)
	for _, c := range []struct {
		due  ident.Date
		want string
		u    urgency
	}{
		{ident.Date{}, "no report asked", noReport},
		{day(time.November, 23), "⚠ report overdue by 1 day", reportOverdue},
		{day(time.November, 10), "⚠ report overdue by 14 days", reportOverdue},
		{today, "report due today", reportSoon},
		{day(time.November, 30), "report due Mon 30 Nov", reportSoon},
		{day(time.December, 4), "report due Fri 4 Dec", reportDue},
	} {
		if got, u := reportText(c.due, today); got != c.want || u != c.u {
			t.Errorf("due %s: %q (%d), want %q (%d)", c.due, got, u, c.want, c.u)
		}
	}
}

func TestWeeks(t *testing.T) {
	today := day(time.November, 24) // a Tuesday
	this := monday(today)
	if this != day(time.November, 23) || monday(day(time.November, 23)) != this || monday(day(time.November, 29)) != this {
		t.Fatalf("the week of Tue 24 Nov starts %s", this)
	}
	for d, want := range map[ident.Date]string{
		day(time.November, 29): "This week", day(time.November, 30): "Next week",
		day(time.December, 6): "Next week", day(time.December, 9): "w/c 7 Dec", day(time.January, 5): "w/c 4 Jan",
	} {
		if got := weekName(this, monday(d)); got != want {
			t.Errorf("%s is in %q, want %q", d, got, want)
		}
	}
}
