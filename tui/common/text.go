package common

import (
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// Fit makes s exactly w cells wide: truncated with an ellipsis when too long, padded with
// spaces when short. Widths are measured in terminal cells, so emoji, combining marks and
// right-to-left names keep their columns.
func Fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = OneLine(s)
	n := Width(s)
	if n > w {
		s = ansi.Truncate(s, w, "…")
		n = Width(s)
	}
	return s + strings.Repeat(" ", max(w-n, 0))
}

// Clip truncates s to at most w cells without padding.
func Clip(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if Width(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}

// Width is s's width in terminal cells, as ansi.StringWidth measures it. Most cells a
// list draws are printable ASCII, one cell a byte: those are counted without walking
// grapheme clusters, which was most of a keystroke's frame on the referral queue
// (docs/PERFORMANCE.md, "Issue 17"). Anything else (escape sequences, emoji, combining
// marks, right-to-left names) is measured by ansi.StringWidth.
func Width(s string) int {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e {
			return ansi.StringWidth(s)
		}
	}
	return len(s)
}

// OneLine folds line breaks and tabs into spaces, for cells that must stay on one line.
func OneLine(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") {
		return s
	}
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ").Replace(s)
}

// ShortTime is an instant as the queue shows it: "23 Nov 14:05", London time.
func ShortTime(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	return t.In(loc).Format("02 Jan 15:04")
}

// LongTime is an instant in full, London time with the zone: "Mon 23 Nov 2026 14:05 GMT".
func LongTime(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	return t.In(loc).Format("Mon 02 Jan 2006 15:04 MST")
}

// MediumTime is an instant with its date, compactly: "23 Nov 2026 14:05", London time.
func MediumTime(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	return t.In(loc).Format("02 Jan 2006 15:04")
}

// Wrap breaks s into lines of at most w cells at spaces, and inside a word only when the
// word alone is too long. Hyphens do not break a line: dates such as 2027-06-16 and
// names such as Whitworth-Hale must stay whole.
func Wrap(s string, w int) []string {
	const keep = "\u2011" // non-breaking hyphen, one cell like "-"
	s = strings.ReplaceAll(s, "-", keep)
	s = ansi.Wrap(s, max(w, 1), "")
	return strings.Split(strings.ReplaceAll(s, keep, "-"), "\n")
}
