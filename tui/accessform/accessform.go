// Package accessform holds the forms of a subject access request (docs/RULES.md,
// "Subject access"): recording one, extending one once, and recording one answered.
// Each is a lead's, refused by the store to anyone else, and confirmed before it is
// written.
package accessform

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/tui/common"
	"caseload/tui/component/form"
)

// Saver is what the forms write through.
type Saver interface {
	RecordAccessRequest(ctx context.Context, actor string, at time.Time, a domain.AccessRequest) (domain.AccessRequest, error)
	ExtendAccessRequest(ctx context.Context, actor string, at time.Time, id int64, to ident.Date, reason string) (domain.AccessRequest, error)
	AnswerAccessRequest(ctx context.Context, actor string, at time.Time, id int64, on ident.Date) (domain.AccessRequest, error)
}

// Record is the form that records a request about one of people.
func Record(com common.Common, saver Saver, people []domain.Person) *form.Model {
	today := ident.DateOf(com.Clock.Now().In(com.London))
	var person, received, by string
	var confirmed bool
	received = today.String()
	options := make([]huh.Option[string], len(people))
	names := map[string]string{}
	for i, p := range people {
		id := strconv.FormatInt(p.ID, 10)
		label := p.Name()
		if !p.DateOfBirth.IsZero() {
			label += " · born " + p.DateOfBirth.Medium()
		}
		options[i], names[id] = huh.NewOption(label, id), p.Name()
	}
	return form.New(com, form.Spec{
		Title: "Record a subject access request",
		Intro: func(int) []string {
			return []string{"A person's request for their record is due one calendar month after it was received."}
		},
		Fields: func() []*huh.Group {
			confirmed = false
			return []*huh.Group{huh.NewGroup(
				huh.NewSelect[string]().Title("About *").Options(options...).Value(&person).Height(8).
					Validate(func(v string) error { return requiredText(v, "choose whom the request is about") }),
				huh.NewInput().Title("Received on * (YYYY-MM-DD)").Value(&received).Validate(func(v string) error {
					_, err := ident.ParseDate(v)
					return err
				}),
				huh.NewInput().Title("Who asked *").Value(&by).CharLimit(200).
					Placeholder("(the person, by letter; or their solicitor, naming them)").
					Validate(func(v string) error { return requiredText(v, "say who asked") }),
				huh.NewConfirm().TitleFunc(func() string {
					return "Record the request about " + names[person] + "?"
				}, &person).Affirmative("Record").Negative("Not yet").Value(&confirmed),
			)}
		},
		Submit: func() ([]string, tea.Cmd) {
			if !confirmed {
				return []string{"Not recorded: choose Record to confirm."}, nil
			}
			id, _ := strconv.ParseInt(person, 10, 64)
			on, err := ident.ParseDate(received)
			if err != nil {
				return []string{err.Error()}, nil
			}
			a := domain.AccessRequest{PersonID: id, ReceivedOn: on, RequestedBy: strings.TrimSpace(by)}
			if err := domain.CheckAccessRequest(a, today); err != nil {
				return []string{err.Error()}, nil
			}
			return nil, write(com, func(ctx context.Context, actor string, at time.Time) (string, error) {
				got, err := saver.RecordAccessRequest(ctx, actor, at, a)
				return fmt.Sprintf("Request about %s recorded: due %s.", names[person], got.DueOn.Medium()), err
			})
		},
	})
}

// Extend is the form that extends request r once, with a reason.
func Extend(com common.Common, saver Saver, r domain.AccessRequestOn) *form.Model {
	limit := domain.AccessExtensionLimit(r.AccessRequest)
	to, reason := limit.String(), ""
	var confirmed bool
	return form.New(com, form.Spec{
		Title: "Extend the request · " + r.Person,
		Intro: func(int) []string {
			return []string{fmt.Sprintf("Due %s. It may be extended once, by two months at most (to %s), when it is complex or one of many.",
				r.DueOn.Medium(), limit.Medium())}
		},
		Fields: func() []*huh.Group {
			confirmed = false
			return []*huh.Group{huh.NewGroup(
				huh.NewInput().Title("Now due on * (YYYY-MM-DD)").Value(&to).Validate(func(v string) error {
					d, err := ident.ParseDate(v)
					if err != nil {
						return err
					}
					return domain.CheckAccessExtension(r.AccessRequest, d, "checked below")
				}),
				huh.NewText().Title("Why it needs longer *").Lines(2).CharLimit(1000).Value(&reason).
					Validate(func(v string) error { return requiredText(v, "say why it needs longer") }),
				huh.NewConfirm().Title("Extend the request about "+r.Person+"?").
					Affirmative("Extend").Negative("Not yet").Value(&confirmed),
			)}
		},
		Submit: func() ([]string, tea.Cmd) {
			if !confirmed {
				return []string{"Not extended: choose Extend to confirm."}, nil
			}
			day, err := ident.ParseDate(to)
			if err == nil {
				err = domain.CheckAccessExtension(r.AccessRequest, day, reason)
			}
			if err != nil {
				return []string{err.Error()}, nil
			}
			return nil, write(com, func(ctx context.Context, actor string, at time.Time) (string, error) {
				_, err := saver.ExtendAccessRequest(ctx, actor, at, r.ID, day, strings.TrimSpace(reason))
				return fmt.Sprintf("Request about %s now due %s.", r.Person, day.Medium()), err
			})
		},
	})
}

// Answer is the form that records request r answered: the day the record was sent.
func Answer(com common.Common, saver Saver, r domain.AccessRequestOn) *form.Model {
	on := ident.DateOf(com.Clock.Now().In(com.London)).String()
	var confirmed bool
	return form.New(com, form.Spec{
		Title: "Answered · " + r.Person,
		Intro: func(int) []string {
			return []string{"Record the day the person's record was sent (caseload export person writes it)."}
		},
		Fields: func() []*huh.Group {
			confirmed = false
			return []*huh.Group{huh.NewGroup(
				huh.NewInput().Title("Sent on * (YYYY-MM-DD)").Value(&on).Validate(func(v string) error {
					_, err := ident.ParseDate(v)
					return err
				}),
				huh.NewConfirm().Title("Record the request about "+r.Person+" answered?").
					Affirmative("Record").Negative("Not yet").Value(&confirmed),
			)}
		},
		Submit: func() ([]string, tea.Cmd) {
			if !confirmed {
				return []string{"Not recorded: choose Record to confirm."}, nil
			}
			day, err := ident.ParseDate(on)
			if err != nil {
				return []string{err.Error()}, nil
			}
			return nil, write(com, func(ctx context.Context, actor string, at time.Time) (string, error) {
				_, err := saver.AnswerAccessRequest(ctx, actor, at, r.ID, day)
				return fmt.Sprintf("Request about %s answered on %s.", r.Person, day.Medium()), err
			})
		},
	})
}

// write runs a form's one write off the UI goroutine and says how it went.
func write(com common.Common, do func(ctx context.Context, actor string, at time.Time) (string, error)) tea.Cmd {
	ctx, actor, now := com.Ctx, com.Actor, com.Clock.Now()
	return func() tea.Msg {
		text, err := do(ctx, actor, now)
		if err != nil {
			return form.Done{Err: err}
		}
		return form.Done{Then: []tea.Msg{common.AccessRequestsChangedMsg{}, common.InfoMsg{Text: text}}}
	}
}

func requiredText(v, msg string) error {
	if strings.TrimSpace(v) == "" {
		return errors.New(msg)
	}
	return nil
}
