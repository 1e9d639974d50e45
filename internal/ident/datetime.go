package ident

import (
	"fmt"
	"strings"
	"time"
)

// ParseLocalTime reads an instant typed by a person: RFC 3339 with an offset
// (2026-11-20T09:15:00Z, 2026-11-20T09:15:00+01:00), or "YYYY-MM-DD HH:MM" /
// "DD/MM/YYYY HH:MM" read as wall-clock time in loc (Europe/London in
// practice; loc must not be nil). A wall-clock time that never happens in loc
// (clocks going forward) or happens twice (clocks going back) is refused with
// ErrLocalTime rather than guessed, because time.Date does not promise which
// side it picks (golang/go#50223) and a screening clock an hour out matters.
// The result is in UTC.
func ParseLocalTime(s string, loc *time.Location) (time.Time, error) {
	t := strings.TrimSpace(s)
	place := placeName(loc)
	usage := fmt.Sprintf("use YYYY-MM-DD HH:MM or DD/MM/YYYY HH:MM for %s time, or give an offset, e.g. 2026-11-20T09:15:00Z", place)
	if t == "" {
		return time.Time{}, errorf(ErrFormat, "no time given: %s", usage)
	}
	if len(t) > 10 && (t[10] == 'T' || t[10] == 't') {
		return parseRFC3339(t, usage)
	}
	fields := strings.Fields(t)
	if len(fields) != 2 {
		return time.Time{}, errorf(ErrFormat, "%s is not a time: %s", quote(t), usage)
	}
	d, err := ParseDate(fields[0])
	if err != nil {
		return time.Time{}, err
	}
	hh, mm, ok := strings.Cut(fields[1], ":")
	if !ok || !numeric(hh, 1, 2) || !numeric(mm, 2, 2) {
		return time.Time{}, errorf(ErrFormat, "%s is not a time: %s", quote(t), usage)
	}
	h, m := atoi(hh), atoi(mm)
	if h > 23 || m > 59 {
		return time.Time{}, errorf(ErrFormat, "time %s does not exist: hours run 00 to 23 and minutes 00 to 59", fields[1])
	}
	v, err := resolveWall(d, h, m, loc, place)
	if err == nil {
		err = checkYear(v, t)
	}
	if err != nil {
		return time.Time{}, err
	}
	return v, nil
}

func parseRFC3339(t, usage string) (time.Time, error) {
	// Check the date part ourselves first so an impossible date gets the same
	// reason ParseDate would give, not time.Parse's terse "day out of range".
	if matchShape(t[:10], "9999-99-99") {
		if why := impossible(atoi(t[:4]), time.Month(atoi(t[5:7])), atoi(t[8:10])); why != "" {
			return time.Time{}, errorf(ErrDate, "date %s does not exist: %s", t[:10], why)
		}
	}
	v, err := time.Parse(time.RFC3339, asciiUpper(t))
	if err != nil {
		return time.Time{}, errorf(ErrFormat, "%s is not a time: %s", quote(t), usage)
	}
	v = v.UTC()
	if err := checkYear(v, t); err != nil {
		return time.Time{}, err
	}
	return v, nil
}

// checkYear applies the date range to the UTC instant, which is what is
// stored, so that anything accepted parses again from its stored form.
func checkYear(v time.Time, typed string) error {
	if y := v.Year(); y < minYear || y > maxYear {
		return errorf(ErrDate, "time %s is out of range: only years %d to %d are accepted", quote(typed), minYear, maxYear)
	}
	return nil
}

// zonePeriod is a stretch of time over which loc keeps one offset.
type zonePeriod struct {
	name       string
	offset     int // seconds east of UTC
	start, end time.Time
}

// resolveWall finds every instant whose wall-clock reading in loc is d h:m,
// by trying the offset of each zone period near it, instead of trusting
// time.Date's unspecified choice in a gap or overlap.
func resolveWall(d Date, h, m int, loc *time.Location, place string) (time.Time, error) {
	naive := time.Date(d.Year, d.Month, d.Day, h, m, 0, 0, time.UTC)
	// No offset exceeds 14 hours, so every candidate lies within this window.
	lo, hi := naive.Add(-15*time.Hour), naive.Add(15*time.Hour)
	var periods []zonePeriod
	cur := lo.In(loc)
	for range 8 {
		name, off := cur.Zone()
		start, end := cur.ZoneBounds()
		periods = append(periods, zonePeriod{name, off, start, end})
		if end.IsZero() || !end.Before(hi) {
			break
		}
		cur = end.In(loc)
	}
	var hits []zonePeriod
	var at []time.Time
	for _, p := range periods {
		c := naive.Add(-time.Duration(p.offset) * time.Second)
		if (p.start.IsZero() || !c.Before(p.start)) && (p.end.IsZero() || c.Before(p.end)) {
			hits = append(hits, p)
			at = append(at, c)
		}
	}
	wall := fmt.Sprintf("%s %02d:%02d", d, h, m)
	example := fmt.Sprintf("%sT%02d:%02d:00", d, h, m)
	switch len(hits) {
	case 1:
		return at[0].UTC(), nil
	case 0:
		before, after := periods[0], periods[len(periods)-1]
		for i := 1; i < len(periods); i++ {
			if naive.Add(-time.Duration(periods[i].offset) * time.Second).Before(periods[i].start) {
				before, after = periods[i-1], periods[i]
				break
			}
		}
		return time.Time{}, errorf(ErrLocalTime, "%s does not exist in %s (the clocks went forward from %s to %s): check the time, or give the offset, e.g. %s%s",
			wall, place, before.name, after.name, example, offsetText(before.offset))
	}
	return time.Time{}, errorf(ErrLocalTime, "%s happens twice in %s (%s then %s): give the offset, e.g. %s%s",
		wall, place, hits[0].name, hits[1].name, example, offsetText(hits[0].offset))
}

// offsetText writes an offset in RFC 3339 form, e.g. +01:00.
func offsetText(sec int) string {
	sign := '+'
	if sec < 0 {
		sign, sec = '-', -sec
	}
	return fmt.Sprintf("%c%02d:%02d", sign, sec/3600, sec%3600/60)
}

// placeName turns "Europe/London" into "London" for messages.
func placeName(loc *time.Location) string {
	name := loc.String()
	if name == "Local" {
		return "local"
	}
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		name = name[i+1:]
	}
	return strings.ReplaceAll(name, "_", " ")
}
