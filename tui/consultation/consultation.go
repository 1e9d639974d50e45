// Package consultation records a suitability consultation: the meeting with the COM, the
// POM and other agencies, who attended, and its decision. Accepting opens a case held
// by a named clinician; not accepting closes the referral; deferring names the next
// meeting.
package consultation

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/tui/common"
	"caseload/tui/component/decided"
	"caseload/tui/component/decidedat"
	"caseload/tui/component/form"
)

// Saver is what the record needs from the store.
type Saver interface {
	RecordConsultation(ctx context.Context, actor string, at time.Time, c domain.Consultation) (consultationID, caseID int64, err error)
	decided.Reader
}

// meeting holds what is typed, outliving any rebuild of the form.
type meeting struct {
	attendees, outcome, rationale, clinician, next string
	when                                           decidedat.Value
	confirmed                                      bool
	// overCapReason is asked for once the store refused the clinician as already at
	// the caseload cap (docs/RULES.md, "Caseload sizes"); overCap is set by the save's
	// command and read when the refused form is rebuilt, after its Done.
	overCapReason string
	overCap       atomic.Bool
}

// New is the consultation record for referral r; clinicians are those a case can be
// allocated to.
func New(com common.Common, saver Saver, r domain.Referral, clinicians []domain.Clinician) *form.Model {
	today := ident.DateOf(com.Clock.Now().In(com.London))
	mt := &meeting{outcome: string(domain.ConsultAccepted)}
	mt.when.Prefill(com)
	return form.New(com, form.Spec{
		Title:   "Consultation · " + r.Person.Name(),
		Recheck: decided.Recheck(saver, r),
		Fields:  func() []*huh.Group { return mt.fields(com, r, clinicians) },
		Submit: func() ([]string, tea.Cmd) {
			if !mt.confirmed {
				return []string{"Not recorded: choose Record to confirm the decision."}, nil
			}
			c, err := mt.consultation(com, r.ID)
			if err == nil {
				c.RecordedAt = com.Clock.Now()
				_, err = domain.Consult(r, c, today)
			}
			if err != nil {
				return []string{err.Error()}, nil
			}
			return nil, save(com, saver, r, c, &mt.overCap)
		},
	})
}

func (mt *meeting) fields(com common.Common, r domain.Referral, clinicians []domain.Clinician) []*huh.Group {
	mt.confirmed = false
	var staff []huh.Option[string]
	for _, c := range clinicians {
		if c.Active {
			staff = append(staff, huh.NewOption(c.Name+" ("+c.Role+")", strconv.FormatInt(c.ID, 10)))
		}
	}
	if mt.clinician == "" && len(staff) > 0 {
		mt.clinician = staff[0].Value
	}
	return []*huh.Group{
		huh.NewGroup(
			mt.when.Field(com, r),
			huh.NewText().Title("Who attended * (one a line: name, role, agency)").Lines(4).Value(&mt.attendees).
				Placeholder("e.g. Sam Carter, COM, Probation Service\nDr Amy Lee, POM, HMP Preston").
				Validate(func(v string) error { _, err := parseAttendees(v); return err }),
			huh.NewSelect[string]().Title("Decision *").Inline(true).Value(&mt.outcome).Options(
				huh.NewOption("accepted", string(domain.ConsultAccepted)),
				huh.NewOption("not accepted", string(domain.ConsultNotAccepted)),
				huh.NewOption("deferred to a later meeting", string(domain.ConsultDeferred))),
			huh.NewText().Title("Rationale *").Lines(3).CharLimit(8000).Value(&mt.rationale).
				Validate(required("give the rationale for the decision")),
			mt.when.ReasonField(com, r),
		).Title("The meeting"),
		huh.NewGroup(
			huh.NewSelect[string]().Title("Allocated clinician *").Options(staff...).Value(&mt.clinician),
		).Title("Who holds the case").WithHideFunc(func() bool { return mt.outcome != string(domain.ConsultAccepted) }),
		huh.NewGroup(
			huh.NewText().Title("Why allocate past the caseload cap? *").Lines(2).CharLimit(500).Value(&mt.overCapReason).
				Description("This clinician already holds the service's cap of open cases.").
				Validate(required("say why this clinician takes one more case than the cap")),
		).Title("Past the caseload cap").WithHideFunc(func() bool {
			return mt.outcome != string(domain.ConsultAccepted) || !mt.overCap.Load()
		}),
		huh.NewGroup(
			huh.NewInput().Title("Next meeting date *").Value(&mt.next).Validate(func(v string) error {
				d, err := ident.ParseDate(v)
				if m, merr := mt.when.Day(com); err == nil && merr == nil && !d.After(m) {
					return fmt.Errorf("the next meeting must be after this one (%s)", m)
				}
				return err
			}),
		).Title("Deferred").WithHideFunc(func() bool { return mt.outcome != string(domain.ConsultDeferred) }),
		huh.NewGroup(
			huh.NewConfirm().TitleFunc(func() string {
				return fmt.Sprintf("Record: %s for %s?", outcomeWords(mt.outcome), r.Person.Name())
			}, &mt.outcome).Affirmative("Record").Negative("Not yet").Value(&mt.confirmed),
		),
	}
}

// consultation is the meeting as typed: its day is the London date of when it decided.
func (mt *meeting) consultation(com common.Common, referralID int64) (domain.Consultation, error) {
	date, err := mt.when.Day(com)
	if err != nil {
		return domain.Consultation{}, err
	}
	made, err := mt.when.Time(com)
	if err != nil {
		return domain.Consultation{}, err
	}
	who, err := parseAttendees(mt.attendees)
	if err != nil {
		return domain.Consultation{}, err
	}
	c := domain.Consultation{ReferralID: referralID, MeetingDate: date, Attendees: who,
		Outcome: domain.ConsultationOutcome(mt.outcome), Rationale: mt.rationale,
		DecidedAt: made.At, LateReason: made.Reason}
	switch c.Outcome {
	case domain.ConsultAccepted:
		c.AllocatedClinicianID, _ = strconv.ParseInt(mt.clinician, 10, 64)
		if mt.overCap.Load() {
			c.OverCapReason = mt.overCapReason
		}
	case domain.ConsultDeferred:
		if c.NextMeetingDate, err = ident.ParseDate(mt.next); err != nil {
			return c, err
		}
	}
	return c, nil
}

// save records c; a refusal because the clinician holds the cap sets overCap, so the
// form rebuilt after it asks why.
func save(com common.Common, saver Saver, r domain.Referral, c domain.Consultation, overCap *atomic.Bool) tea.Cmd {
	ctx, actor, now := com.Ctx, com.Actor, com.Clock.Now()
	return func() tea.Msg {
		_, caseID, err := saver.RecordConsultation(ctx, actor, now, c)
		if errors.Is(err, domain.ErrOverCap) {
			overCap.Store(true)
		}
		if err != nil {
			return form.Done{Err: decided.Refusal(ctx, com, saver, r.ID, err)}
		}
		text := fmt.Sprintf("Consultation recorded: %s %s.", r.Person.Name(), outcomeWords(string(c.Outcome)))
		if caseID != 0 {
			text = fmt.Sprintf("Accepted: case %d opened for %s.", caseID, r.Person.Name())
		}
		return form.Done{Then: []tea.Msg{common.ReferralChangedMsg{ID: r.ID}, common.InfoMsg{Text: text}}}
	}
}

func outcomeWords(outcome string) string {
	switch domain.ConsultationOutcome(outcome) {
	case domain.ConsultNotAccepted:
		return "not accepted"
	case domain.ConsultDeferred:
		return "decision deferred"
	}
	return "accepted"
}

func required(msg string) func(string) error {
	return func(v string) error {
		if strings.TrimSpace(v) == "" {
			return errors.New(msg)
		}
		return nil
	}
}
