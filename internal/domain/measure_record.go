package domain

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"caseload/internal/ident"
)

// MeasureScore is a measure as recorded on a case, signed when saved: never changed
// afterwards. A correction is a new score that Replaces the old one, with Why.
type MeasureScore struct {
	ID       int64
	CaseID   int64
	Measure  string // the definition's id
	Version  string // the definition's version it was scored by
	Point    TimePoint
	TakenOn  ident.Date
	Answers  []int // item by item only: each item's response, MissingAnswer if unanswered
	Result   MeasureResult
	Replaces int64
	Why      string
	// ReplacedBy is the correction that replaced it, as read; 0 while it stands.
	ReplacedBy int64
	// RecordedBy signed it; RecordedByName is their name as read.
	RecordedBy     int64
	RecordedByName string
	RecordedAt     time.Time
	Hash           string
}

// Total is the score's total.
func (m MeasureScore) Total() float64 { return m.Result.Total() }

// MeasureScoreHash is the signature of a recorded score.
func MeasureScoreHash(m MeasureScore) string {
	c := &canon{}
	c.s("measure").i(m.ID).i(m.CaseID).s(m.Measure).s(m.Version).s(string(m.Point)).s(m.TakenOn.String())
	for _, a := range m.Answers {
		c.i(int64(a))
	}
	c.s("scores")
	for _, s := range m.Result.Scores {
		c.s(s.Scale).s(num(s.Value))
	}
	c.i(m.Replaces).s(m.Why).i(m.RecordedBy).t(m.RecordedAt)
	return c.sum()
}

// CheckMeasureScore scores m by its definition and refuses what cannot be recorded: a
// measure the app does not have, no day or a day after today, a time point that is
// not one, a correction without its reason. The result it returns is the one to store.
func CheckMeasureScore(m MeasureScore, totals map[string]float64, today ident.Date) (MeasureResult, error) {
	d, ok := MeasureByID(m.Measure)
	if !ok {
		return MeasureResult{}, fmt.Errorf("%w: %q is not a measure the app has", ErrMeasure, m.Measure)
	}
	switch {
	case m.TakenOn.IsZero():
		return MeasureResult{}, fmt.Errorf("%w: give the day %s was taken", ErrMeasure, d.Name)
	case m.TakenOn.After(today):
		return MeasureResult{}, fmt.Errorf("%w: %s cannot have been taken after today", ErrMeasure, d.Name)
	case m.Point != "" && !slices.Contains(TimePoints, m.Point):
		return MeasureResult{}, fmt.Errorf("%w: %q is not a time point", ErrMeasure, m.Point)
	case m.Replaces != 0 && strings.TrimSpace(m.Why) == "":
		return MeasureResult{}, fmt.Errorf("%w: say why the earlier score is corrected", ErrMeasure)
	}
	if d.Entry == EntryItems {
		return d.ScoreItems(m.Answers)
	}
	return d.ScoreTotals(totals)
}
