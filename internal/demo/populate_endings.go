package demo

import (
	"context"
	"fmt"
	"time"

	"caseload/internal/clock"
	"caseload/internal/domain"
	"caseload/internal/ident"
)

// endingKind is what an endingEvent writes.
type endingKind int

const (
	endClose    endingKind = iota // a discharge summary drafted and signed, closing the case
	endHandover                   // BusyCases' last case handed to Tom past the cap
	endRequest                    // the open subject access request
)

// endingEvent is one write of the endings, at its time in the demo's story.
type endingEvent struct {
	at     time.Time
	kind   endingKind
	ending int // endClose: an index into Endings(now)
}

// endingEvents are the endings' writes: each closing at 15:00 London on its day, the
// handover two days ago at 11:00, the request received twelve days ago and recorded
// at 10:00.
func endingEvents(now time.Time) []endingEvent {
	london := clock.London()
	today := ident.DateOf(now.In(london))
	at := func(daysAgo, hour int) time.Time {
		d := today.AddDays(-daysAgo)
		return time.Date(d.Year, d.Month, d.Day, hour, 0, 0, 0, london).UTC()
	}
	out := []endingEvent{{at: at(2, 11), kind: endHandover}, {at: at(12, 10), kind: endRequest}}
	for i, e := range Endings(now) {
		out = append(out, endingEvent{at: at(e.DaysAgo, 15), kind: endClose, ending: i})
	}
	return out
}

// endingImports are the cases of Endings and BusyCases, to import with ExistingCases,
// each person numbered from endingNHS.
func endingImports(now time.Time) []domain.ImportedCase {
	var out []domain.ImportedCase
	for _, e := range Endings(now) {
		out = append(out, e.Case)
	}
	out = append(out, BusyCases(now)...)
	next := endingNHS
	for i := range out {
		for ; ; next++ {
			if n, err := ident.ParseNHSNumber(nhsNumber(next)); err == nil {
				out[i].Person.NHSNumber = n
				next++
				break
			}
		}
	}
	return out
}

// ending applies one ending event; caseIDs are the ids endingImports' cases were given.
func (w *writer) ending(ctx context.Context, e endingEvent, caseIDs []int64, got *Populated) error {
	endings := Endings(w.now)
	switch e.kind {
	case endClose:
		end := endings[e.ending]
		by := w.clinicianIDs[end.Case.ClinicianID-1]
		d := domain.DischargeSummary{CaseID: caseIDs[e.ending], Closure: end.Closure, Parts: end.Parts}
		d.Closure.On = ident.DateOf(e.at.In(clock.London()))
		if d.Closure.Reason == domain.ClosedDied {
			d.Closure.DiedOn = d.Closure.On.AddDays(-4)
		}
		saved, err := w.rec.SaveDischargeDraft(ctx, by, e.at.Add(-40*time.Minute), d)
		if err != nil {
			return err
		}
		if _, err := w.rec.CloseCase(ctx, by, e.at, saved.ID, saved.Revision); err != nil {
			return err
		}
		got.Closed++
		return nil
	case endHandover:
		busy := BusyCases(w.now)
		caseID := caseIDs[len(endings)+len(busy)-1]
		h := domain.Handover{CaseID: caseID, To: w.clinicianIDs[tom], Note: HandoverNote, OverCapReason: HandoverOverCapReason}
		if _, err := w.rec.HandOver(ctx, w.clinicianIDs[lead], e.at, h, w.clinicianIDs[nurse]); err != nil {
			return err
		}
		got.Handovers++
		return nil
	case endRequest:
		c, err := w.rec.Case(ctx, w.cases[richestReferral(w.now)].ID)
		if err != nil {
			return err
		}
		a := domain.AccessRequest{PersonID: c.PersonID, ReceivedOn: ident.DateOf(e.at.In(clock.London())), RequestedBy: AccessRequester}
		if _, err := w.rec.RecordAccessRequest(ctx, "clinician:"+fmt.Sprint(w.clinicianIDs[lead]), e.at, a); err != nil {
			return err
		}
		got.AccessRequests++
		return nil
	}
	return fmt.Errorf("unknown demo ending %d", e.kind)
}

// richestReferral is the referral whose case has the most writes in CaseRecords: the
// record a subject access request shows best.
func richestReferral(now time.Time) int {
	n := map[int]int{}
	best := -1
	for _, e := range CaseRecords(now) {
		n[e.Referral]++
		if best < 0 || n[e.Referral] > n[best] {
			best = e.Referral
		}
	}
	return best
}
