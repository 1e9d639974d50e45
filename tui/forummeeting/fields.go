package forummeeting

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/huh/v2"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// typed holds what is typed, outliving any rebuild of the form after a refused save.
type typed struct {
	kind, date, chair, role, due string
	sent                         string
	team, shared, basis          string
	outcome, actions             string
}

// typedFrom starts the form from a meeting: blank for a new one, except the first kind
// and the usual role.
func typedFrom(m domain.ForumMeeting) *typed {
	t := &typed{kind: string(m.Kind), date: m.Date.String(), chair: m.Chair, role: string(m.Role),
		due: m.ReportDue.String(), sent: m.ReportSent.String(), team: m.Team, shared: m.Shared, basis: m.LegalBasis,
		outcome: m.Outcome, actions: domain.FormatActions(m.Actions)}
	if t.kind == "" {
		t.kind = string(domain.MeetingKinds[0])
	}
	if t.role == "" {
		t.role = string(domain.RoleAttends)
	}
	return t
}

const datePlaceholder = "DD/MM/YYYY or YYYY-MM-DD"

func (t *typed) fields() []*huh.Group {
	kinds := make([]huh.Option[string], len(domain.MeetingKinds))
	for i, k := range domain.MeetingKinds {
		kinds[i] = huh.NewOption(k.Label(), string(k))
	}
	roles := make([]huh.Option[string], len(domain.ForumRoles))
	for i, r := range domain.ForumRoles {
		roles[i] = huh.NewOption(r.Label(), string(r))
	}
	return []*huh.Group{
		huh.NewGroup(
			huh.NewSelect[string]().Title("Kind of meeting *").Inline(true).Options(kinds...).Value(&t.kind),
			huh.NewInput().Title("Date *").Placeholder(datePlaceholder).Value(&t.date).
				Validate(func(v string) error { _, err := ident.ParseDate(v); return err }),
			huh.NewInput().Title("Chair or lead agency").CharLimit(200).Value(&t.chair).
				Placeholder("e.g. DI Sam Rowe, Lancashire Police"),
			huh.NewSelect[string]().Title("The service *").Inline(true).Options(roles...).Value(&t.role),
			huh.NewInput().Title("Report due").Placeholder(datePlaceholder+"; blank when none is asked for").
				Value(&t.due).Validate(t.checkDue),
			huh.NewInput().Title("Report sent on").Placeholder(datePlaceholder+"; blank until it goes").
				Value(&t.sent).Validate(t.checkSent),
		).Title("The meeting"),
		huh.NewGroup(
			huh.NewInput().Title("Who from the team attends or writes").CharLimit(500).Value(&t.team),
			huh.NewText().Title("What the service shares").Lines(3).CharLimit(8000).Value(&t.shared).
				Placeholder("the minimum necessary for the meeting's purpose"),
			huh.NewInput().Title("Legal basis for sharing").CharLimit(500).Value(&t.basis).
				Placeholder("e.g. CJA 2003 s.325 duty to co-operate"),
		).Title("What the service shares"),
		huh.NewGroup(
			huh.NewText().Title("Outcome").Lines(3).CharLimit(8000).Value(&t.outcome).
				Placeholder("once the meeting is held"),
			huh.NewText().Title("The service's actions, one a line").Lines(4).CharLimit(8000).Value(&t.actions).
				Placeholder("e.g. 2026-12-04 send the updated formulation to the COM\nbook a joint visit").
				Validate(func(v string) error { _, err := domain.ParseActions(v); return err }),
		).Title("After the meeting"),
	}
}

// checkDue refuses a report due after the meeting, as soon as both dates are typed.
func (t *typed) checkDue(v string) error {
	if strings.TrimSpace(v) == "" {
		return nil
	}
	due, err := ident.ParseDate(v)
	if err != nil {
		return err
	}
	if day, err := ident.ParseDate(t.date); err == nil && due.After(day) {
		return fmt.Errorf("the report is due %s, after the meeting on %s: a report is due by the meeting",
			due.Medium(), day.Medium())
	}
	return nil
}

// checkSent refuses a sent date that is not a date, or a report sent that was never due.
func (t *typed) checkSent(v string) error {
	if strings.TrimSpace(v) == "" {
		return nil
	}
	if _, err := ident.ParseDate(v); err != nil {
		return err
	}
	if strings.TrimSpace(t.due) == "" {
		return fmt.Errorf("give the date the report was due first")
	}
	return nil
}

// meeting is was with what is typed in place of its fields; the ids and who recorded it
// stay as they were.
func (t *typed) meeting(was domain.ForumMeeting) (domain.ForumMeeting, error) {
	m := was
	var err error
	if m.Date, err = ident.ParseDate(t.date); err != nil {
		return m, fmt.Errorf("the meeting date: %w", err)
	}
	m.ReportDue = ident.Date{}
	if strings.TrimSpace(t.due) != "" {
		if m.ReportDue, err = ident.ParseDate(t.due); err != nil {
			return m, fmt.Errorf("the report due date: %w", err)
		}
	}
	m.ReportSent = ident.Date{}
	if strings.TrimSpace(t.sent) != "" {
		if m.ReportSent, err = ident.ParseDate(t.sent); err != nil {
			return m, fmt.Errorf("the date the report was sent: %w", err)
		}
	}
	if m.Actions, err = domain.ParseActions(t.actions); err != nil {
		return m, err
	}
	m.Kind, m.Role = domain.MeetingKind(t.kind), domain.ForumRole(t.role)
	m.Chair, m.Team, m.Shared = strings.TrimSpace(t.chair), strings.TrimSpace(t.team), strings.TrimSpace(t.shared)
	m.LegalBasis, m.Outcome = strings.TrimSpace(t.basis), strings.TrimSpace(t.outcome)
	return m, nil
}

// sentence is an error as the form shows it: a sentence with a capital and a stop.
func sentence(err error) string {
	s := strings.TrimSpace(err.Error())
	r, n := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[n:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}
