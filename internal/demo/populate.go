package demo

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// Recorder is what filling a database with the demo needs; the store satisfies it.
type Recorder interface {
	AddClinician(ctx context.Context, actor string, at time.Time, c domain.Clinician) (int64, error)
	AddReferral(ctx context.Context, actor string, at time.Time, r domain.Referral) (int64, error)
	ScreenReferral(ctx context.Context, actor string, at time.Time, id int64, outcome domain.ScreeningOutcome, reason string) (domain.ScreeningDecision, error)
	RecordConsultation(ctx context.Context, actor string, at time.Time, c domain.Consultation) (consultationID, caseID int64, err error)
	WithdrawReferral(ctx context.Context, actor string, at time.Time, id int64, reason string) error

	// The case records, written by a clinician (by id, not an actor string).
	SaveNoteDraft(ctx context.Context, clinicianID int64, at time.Time, n domain.Note) (domain.Note, error)
	SignNote(ctx context.Context, clinicianID int64, at time.Time, id int64, revision int) (domain.Note, error)
	AddAddendum(ctx context.Context, clinicianID int64, at time.Time, a domain.Addendum) (domain.Addendum, error)
	SaveFormulationDraft(ctx context.Context, clinicianID int64, at time.Time, f domain.Formulation) (domain.Formulation, error)
	SignFormulation(ctx context.Context, clinicianID int64, at time.Time, id int64, revision int) (domain.Formulation, error)

	// The cases held before caseload, and the pathways and forums of every case.
	ImportCases(ctx context.Context, actor string, at time.Time, cs []domain.ImportedCase) ([]int64, error)
	ChangeRelease(ctx context.Context, actor string, at time.Time, caseID int64, to domain.ReleaseDate, reason string) (domain.CaseRelease, error)
	RecordRelease(ctx context.Context, actor string, at time.Time, caseID int64, actual ident.Date) error
	RecordRecall(ctx context.Context, actor string, at time.Time, caseID int64, recalledOn ident.Date, reason string) error
	SetInvolvement(ctx context.Context, actor string, at time.Time, v domain.ForumInvolvement) error
	RecordForumMeeting(ctx context.Context, actor string, at time.Time, m domain.ForumMeeting) (int64, error)

	// The end of cases, the team's load and subject access.
	SaveDischargeDraft(ctx context.Context, clinicianID int64, at time.Time, d domain.DischargeSummary) (domain.DischargeSummary, error)
	CloseCase(ctx context.Context, clinicianID int64, at time.Time, id int64, revision int) (domain.DischargeSummary, error)
	HandOver(ctx context.Context, byID int64, at time.Time, h domain.Handover, seenFrom int64) (domain.Handover, error)
	RecordAccessRequest(ctx context.Context, actor string, at time.Time, a domain.AccessRequest) (domain.AccessRequest, error)
	Case(ctx context.Context, caseID int64) (domain.Case, error)

	// The outcomes: measures, the transition and risk judgements.
	RecordMeasure(ctx context.Context, clinicianID int64, at time.Time, m domain.MeasureScore, totals map[string]float64) (domain.MeasureScore, error)
	RecordTransitionOutcome(ctx context.Context, clinicianID int64, at time.Time, o domain.TransitionOutcome, seen int64) (domain.TransitionOutcome, error)
	RecordRiskJudgement(ctx context.Context, clinicianID int64, at time.Time, j domain.RiskJudgement) (domain.RiskJudgement, error)
}

// Populated counts what Populate recorded.
type Populated struct {
	Clinicians, Referrals, Decisions int
	// Cases is how many cases the decisions opened; the rest is their records.
	Cases int
	// Notes counts every note, signed or not; Addenda the addenda to signed ones.
	Notes, Addenda int
	// Formulations counts formulation versions, signed or not.
	Formulations int
	// Drafts counts what is left unsigned, notes and formulation versions, as the
	// caseload list counts a case's drafts.
	Drafts int
	// Imported counts the open cases the team held before caseload; Pathway the release
	// and forum writes on every case.
	Imported, Pathway int
	// Closed counts the cases closed since (Endings), Handovers and AccessRequests
	// what their names say.
	Closed, Handovers, AccessRequests int
	// Measures counts the outcome measures recorded (OutcomeStories).
	Measures int
}

// Populate records the demo as the service would have lived it: the clinicians, then
// each referral when it was entered, each decision when it was taken, and each write
// in the records of the cases the decisions opened (CaseRecords) when it was made, in
// time order, through the same rules and audit as real use. actor is who entered the
// referrals and added the clinicians; each record names its clinician.
func Populate(ctx context.Context, rec Recorder, actor string, now time.Time) (Populated, error) {
	clinicians := Clinicians()
	clinicianIDs := make([]int64, len(clinicians))
	first := now
	referrals := Referrals(now)
	for _, r := range referrals {
		if r.EnteredAt.Before(first) {
			first = r.EnteredAt
		}
	}
	for i, c := range clinicians {
		var err error
		if clinicianIDs[i], err = rec.AddClinician(ctx, actor, first, c); err != nil {
			return Populated{}, err
		}
	}
	// The cases the team held before caseload come in first, as `cases import`
	// would have brought them in on the day the team started.
	existing := ExistingCases(now)
	for i := range existing {
		if c := existing[i].ClinicianID; c > 0 {
			existing[i].ClinicianID = clinicianIDs[c-1]
		}
	}
	ends := endingImports(now)
	for i := range ends {
		ends[i].ClinicianID = clinicianIDs[ends[i].ClinicianID-1]
	}
	importedIDs, err := rec.ImportCases(ctx, actor, first, append(existing, ends...))
	if err != nil {
		return Populated{}, fmt.Errorf("demo cases import refused: %w", err)
	}
	existingIDs, endingIDs := importedIDs[:len(existing)], importedIDs[len(existing):]
	type event struct {
		at       time.Time
		referral int           // index of a referral to add, or -1
		action   *Action       // a decision to take
		entry    *Entry        // or a write in a case record
		pathway  *PathwayEvent // or a write on a case's pathway or forums
		ending   *endingEvent  // or a case's end, a handover or a request
		outcome  *outcomeEvent // or a measure, an outcome or a risk judgement
	}
	var events []event
	for i, r := range referrals {
		events = append(events, event{at: r.EnteredAt, referral: i})
	}
	actions := Decisions(now)
	for i := range actions {
		events = append(events, event{at: actions[i].At, referral: -1, action: &actions[i]})
	}
	entries := CaseRecords(now)
	for i := range entries {
		events = append(events, event{at: entries[i].At, referral: -1, entry: &entries[i]})
	}
	pathway := PathwayEvents(now)
	for i := range pathway {
		events = append(events, event{at: pathway[i].At, referral: -1, pathway: &pathway[i]})
	}
	endings := endingEvents(now)
	for i := range endings {
		events = append(events, event{at: endings[i].at, referral: -1, ending: &endings[i]})
	}
	outcomes := outcomeEvents(now, first)
	for i := range outcomes {
		events = append(events, event{at: outcomes[i].at, referral: -1, outcome: &outcomes[i]})
	}
	// Stable, with additions first and records last: a decision never comes before its
	// referral, nor a record before its case.
	slices.SortStableFunc(events, func(a, b event) int { return cmp.Compare(a.at.UnixNano(), b.at.UnixNano()) })
	referralIDs := make([]int64, len(referrals))
	w := writer{rec: rec, now: now, clinicianIDs: clinicianIDs, cases: map[int]domain.Case{},
		notes: map[int]int64{}, formulations: map[[2]int]int64{}, noteRevs: map[int64]int{}, formRevs: map[int64]int{}}
	got := Populated{Clinicians: len(clinicians), Referrals: len(referrals), Decisions: len(actions),
		Imported: len(existingIDs) + len(BusyCases(now))}
	for _, e := range events {
		switch {
		case e.outcome != nil:
			if err := w.outcome(ctx, *e.outcome, existingIDs, &got); err != nil {
				return Populated{}, fmt.Errorf("demo outcome (%s, at %s) refused: %w", e.outcome.measure, e.at.Format(time.RFC3339), err)
			}
		case e.ending != nil:
			if err := w.ending(ctx, *e.ending, endingIDs, &got); err != nil {
				return Populated{}, fmt.Errorf("demo ending (%d, at %s) refused: %w", e.ending.kind, e.at.Format(time.RFC3339), err)
			}
		case e.pathway != nil:
			if err := w.pathway(ctx, *e.pathway, existingIDs, &got); err != nil {
				return Populated{}, fmt.Errorf("demo pathway write (%s by %s, at %s) refused: %w",
					e.pathway.Kind, clinicians[e.pathway.By].Name, e.at.Format(time.RFC3339), err)
			}
		case e.entry != nil:
			if err := w.write(ctx, *e.entry, &got); err != nil {
				// As with the decisions: a write the store refuses is a bug in the demo.
				return Populated{}, fmt.Errorf("demo record (%s by %s, at %s) refused: %w",
					e.entry.Kind, clinicians[e.entry.By].Name, e.at.Format(time.RFC3339), err)
			}
		case e.action != nil:
			caseID, err := apply(ctx, rec, *e.action, referralIDs, clinicianIDs)
			if err != nil {
				// The demo's decisions are written to pass the service's rules: one that
				// does not is a bug in the demo, not something to work around.
				return Populated{}, fmt.Errorf("demo decision (%s, referral %d, at %s) refused: %w",
					e.action.Kind, referralIDs[e.action.Referral], e.at.Format(time.RFC3339), err)
			}
			if caseID != 0 {
				w.cases[e.action.Referral] = domain.Case{ID: caseID, OpenedAt: e.action.At}
				got.Cases++
			}
		default:
			id, err := rec.AddReferral(ctx, actor, e.at, referrals[e.referral])
			if err != nil {
				return Populated{}, fmt.Errorf("demo referral %d: %w", e.referral, err)
			}
			referralIDs[e.referral] = id
		}
	}
	return got, nil
}

// apply takes a decision, and returns the id of the case it opened (0 when none).
func apply(ctx context.Context, rec Recorder, act Action, referralIDs, clinicianIDs []int64) (int64, error) {
	id := referralIDs[act.Referral]
	if id == 0 {
		return 0, fmt.Errorf("referral %d has not been added yet", act.Referral)
	}
	switch act.Kind {
	case ActionScreen:
		_, err := rec.ScreenReferral(ctx, act.Actor, act.At, id, act.Outcome, act.Reason)
		return 0, err
	case ActionConsult:
		c := act.Consultation
		c.ReferralID = id
		if c.Outcome == domain.ConsultAccepted {
			c.AllocatedClinicianID = clinicianIDs[act.Clinician]
			if act.Clinician == tom {
				// Tom carries the long sentences he took on before caseload (BusyCases):
				// a case allocated to him past the cap says why, as the service asks.
				c.OverCapReason = TomOverCapReason
			}
		}
		_, caseID, err := rec.RecordConsultation(ctx, act.Actor, act.At, c)
		return caseID, err
	case ActionWithdraw:
		return 0, rec.WithdrawReferral(ctx, act.Actor, act.At, id, act.Reason)
	}
	return 0, fmt.Errorf("unknown demo action %q", act.Kind)
}

// writer applies case record entries, keeping the store's ids of what they made.
type writer struct {
	rec          Recorder
	now          time.Time
	clinicianIDs []int64
	cases        map[int]domain.Case // by referral index: the case it opened
	notes        map[int]int64       // by Entry.Note
	formulations map[[2]int]int64    // by referral index and version
	noteRevs     map[int64]int       // the latest revision of each note draft, by id
	formRevs     map[int64]int       // the latest revision of each formulation draft, by id
}

func (w *writer) write(ctx context.Context, e Entry, got *Populated) error {
	c, ok := w.cases[e.Referral]
	switch {
	case !ok:
		return fmt.Errorf("referral %d has no case yet", e.Referral)
	case !e.At.After(c.OpenedAt) || !e.At.Before(w.now):
		// The store would take it, but the demo promises a record that happened after
		// its case opened and before now.
		return fmt.Errorf("the time is not between the case opening (%s) and now", c.OpenedAt.Format(time.RFC3339))
	}
	by := w.clinicianIDs[e.By]
	switch e.Kind {
	case EntryNote:
		n := e.Draft
		n.ID, n.CaseID = w.notes[e.Note], c.ID
		n.Revision = w.noteRevs[n.ID]
		saved, err := w.rec.SaveNoteDraft(ctx, by, e.At, n)
		if err != nil {
			return err
		}
		w.noteRevs[saved.ID] = saved.Revision
		if n.ID == 0 {
			w.notes[e.Note] = saved.ID
			got.Notes++
			got.Drafts++
		}
		return nil
	case EntrySignNote:
		id := w.notes[e.Note]
		if _, err := w.rec.SignNote(ctx, by, e.At, id, w.noteRevs[id]); err != nil {
			return err
		}
		got.Drafts--
		return nil
	case EntryAddendum:
		a := e.Addendum
		a.NoteID = w.notes[e.Note]
		if _, err := w.rec.AddAddendum(ctx, by, e.At, a); err != nil {
			return err
		}
		got.Addenda++
		return nil
	case EntryFormulation:
		key := [2]int{e.Referral, e.Version}
		id := w.formulations[key]
		f := domain.Formulation{ID: id, CaseID: c.ID, Sections: e.Sections, Revision: w.formRevs[id]}
		saved, err := w.rec.SaveFormulationDraft(ctx, by, e.At, f)
		if err != nil {
			return err
		}
		w.formRevs[saved.ID] = saved.Revision
		if f.ID == 0 {
			if saved.Version != e.Version {
				return fmt.Errorf("the store started version %d, not %d", saved.Version, e.Version)
			}
			w.formulations[key] = saved.ID
			got.Formulations++
			got.Drafts++
		}
		return nil
	case EntrySignFormulation:
		id := w.formulations[[2]int{e.Referral, e.Version}]
		if _, err := w.rec.SignFormulation(ctx, by, e.At, id, w.formRevs[id]); err != nil {
			return err
		}
		got.Drafts--
		return nil
	}
	return fmt.Errorf("unknown demo record entry %q", e.Kind)
}
