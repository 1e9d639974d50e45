package report

import (
	"fmt"
	"time"

	"caseload/internal/ident"
)

// london is the zone every day and month of a report is counted in (docs/RULES.md,
// "Times and dates"). Its tzdata is embedded through domain's import of clock, so the
// lookup cannot fail; UTC is only the unreachable fallback.
var london = func() *time.Location {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		return time.UTC
	}
	return loc
}()

// londonDay is the London calendar day of an instant.
func londonDay(t time.Time) ident.Date { return ident.DateOf(t.In(london)) }

// monthOf is a day's month as YYYY-MM, the key of every by-month figure.
func monthOf(d ident.Date) string { return fmt.Sprintf("%04d-%02d", d.Year, int(d.Month)) }

// within reports whether d falls in the period, both ends included.
func within(d, from, to ident.Date) bool {
	return !d.IsZero() && !d.Before(from) && !d.After(to)
}

// month is one calendar month of a period and the day its figures are taken at the
// end of: the month's last day, or the period's last day in the period's last month.
type month struct {
	key string
	end ident.Date
}

// monthsOf lists the months the period touches, oldest first; none when to is before
// from.
func monthsOf(from, to ident.Date) []month {
	var out []month
	if to.Before(from) {
		return nil
	}
	for d := ident.MustDate(from.Year, from.Month, 1); !d.After(to); {
		next := ident.DateOf(time.Date(d.Year, d.Month+1, 1, 0, 0, 0, 0, time.UTC))
		end := next.AddDays(-1)
		if end.After(to) {
			end = to
		}
		out = append(out, month{monthOf(d), end})
		d = next
	}
	return out
}

// countByMonth turns days into a count per month of the period, every month listed
// (zero included) so a chart's axis has no gaps.
func countByMonth(days []ident.Date, from, to ident.Date) []MonthCount {
	ms := monthsOf(from, to)
	out := make([]MonthCount, len(ms))
	at := make(map[string]int, len(ms))
	for i, m := range ms {
		out[i] = MonthCount{Month: m.key}
		at[m.key] = i
	}
	for _, d := range days {
		if i, ok := at[monthOf(d)]; ok && within(d, from, to) {
			out[i].Count++
		}
	}
	return out
}
