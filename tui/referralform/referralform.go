// Package referralform is the form in which a clinician logs a new referral or corrects
// one. Each field is checked as it is left, with the same rules the importer uses; the
// referral is saved only when the whole form is valid, and nothing typed is lost when it
// is not. A correction is audited by the store with every old and new value.
package referralform

import (
	"context"
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/form"
)

// Saver is what the form needs from the store.
type Saver interface {
	Reader
	// AddReferralMatched also says how the person matched the people held, for the
	// info line: linked to one, or possibly one (docs/RULES.md, "Possible duplicates").
	AddReferralMatched(ctx context.Context, actor string, at time.Time, r domain.Referral) (int64, domain.PersonMatch, error)
	UpdateReferral(ctx context.Context, actor string, at time.Time, was, r domain.Referral) error
}

// New is the form for a new referral, with the received time set to now, London time,
// since most referrals are logged as they arrive.
func New(com common.Common, saver Saver) *form.Model {
	in := &domain.ReferralInput{ReceivedAt: com.Clock.Now().In(com.London).Format("2006-01-02 15:04")}
	return newForm(com, saver, in)
}

// newForm is the new-referral form bound to in.
func newForm(com common.Common, saver Saver, in *domain.ReferralInput) *form.Model {
	return form.New(com, spec(com, saver, in, domain.Referral{}, "New referral"))
}

// Edit is the form that corrects referral r, starting from what is recorded.
func Edit(com common.Common, saver Saver, r domain.Referral) *form.Model {
	in := domain.InputOf(r, com.London)
	s := spec(com, saver, &in, r, "Correct referral · "+r.Person.Name())
	s.Recheck = recheck(com, saver, r)
	return form.New(com, s)
}

func spec(com common.Common, saver Saver, in *domain.ReferralInput, was domain.Referral, title string) form.Spec {
	env := func() domain.ParseEnv { return domain.ParseEnv{Now: com.Clock.Now(), London: com.London} }
	return form.Spec{
		Title:  title,
		Fields: func() []*huh.Group { return groups(in, env) },
		Submit: func() ([]string, tea.Cmd) {
			e := env()
			ref, errs := in.Parse(e)
			if len(errs) > 0 {
				var msgs []string
				for _, fe := range errs {
					f, _ := domain.FieldByName(fe.Field)
					msgs = append(msgs, sentence(f, fe.Err).Error())
				}
				return msgs, nil
			}
			if was.ID != 0 {
				return nil, update(com, saver, was, ref, e.Now)
			}
			return nil, add(com, saver, ref, e.Now)
		},
	}
}

func add(com common.Common, saver Saver, ref domain.Referral, now time.Time) tea.Cmd {
	ctx, actor := com.Ctx, com.Actor
	return func() tea.Msg {
		id, m, err := saver.AddReferralMatched(ctx, actor, now, ref)
		if err != nil {
			return form.Done{Err: err}
		}
		return form.Done{Then: []tea.Msg{
			common.ReferralChangedMsg{ID: id},
			common.InfoMsg{Text: savedText(ref.Person, m)},
		}}
	}
}

// savedText is the info line of a new referral: saved, and, when its person matched
// someone held, how.
func savedText(p domain.Person, m domain.PersonMatch) string {
	text := fmt.Sprintf("Referral for %s saved; its screening clock is running.", p.Name())
	if s := m.Sentence(); s != "" {
		text += " " + strings.ToUpper(s[:1]) + s[1:] + "."
	}
	return text
}

// update keeps what a correction cannot change (status, screening, entry time) and
// saves the rest.
func update(com common.Common, saver Saver, was, ref domain.Referral, now time.Time) tea.Cmd {
	ref.ID, ref.Person.ID = was.ID, was.Person.ID
	ref.Status, ref.ScreenedAt, ref.EnteredAt = was.Status, was.ScreenedAt, was.EnteredAt
	ctx, actor := com.Ctx, com.Actor
	return func() tea.Msg {
		if err := saver.UpdateReferral(ctx, actor, now, was, ref); err != nil {
			return form.Done{Err: err}
		}
		return form.Done{Then: []tea.Msg{
			common.ReferralChangedMsg{ID: ref.ID},
			common.InfoMsg{Text: fmt.Sprintf("Referral for %s corrected; the change is in the audit log.", ref.Person.Name())},
		}}
	}
}

// groups builds one huh group a page, each field validated by the domain's own check
// when it is left.
func groups(in *domain.ReferralInput, env func() domain.ParseEnv) []*huh.Group {
	var out []*huh.Group
	for i, p := range pages {
		var fields []huh.Field
		for _, name := range p.fields {
			if f, ok := domain.FieldByName(name); ok {
				fields = append(fields, field(in, f, env))
			}
		}
		title := fmt.Sprintf("%s (page %d of %d)", p.title, i+1, len(pages))
		out = append(out, huh.NewGroup(fields...).Title(title))
	}
	return out
}

func field(in *domain.ReferralInput, f domain.ReferralField, env func() domain.ParseEnv) huh.Field {
	value := f.Value(in)
	title := f.Label
	if f.Required {
		title += " *"
	}
	check := func(v string) error { return sentence(f, f.Check(v, env())) }
	if opts := choices(f.Name); opts != nil {
		return huh.NewSelect[string]().Title(title).Options(opts...).Value(value).Inline(true).Validate(check)
	}
	if f.Name == "referral_reason" {
		return huh.NewText().Title(title).Value(value).Lines(3).CharLimit(64 << 10).Validate(check)
	}
	if f.Name == "resettlement_area" {
		return huh.NewInput().Title(title).Placeholder(f.Hint).Value(value).
			Suggestions(domain.AreaNames()).Validate(check)
	}
	return huh.NewInput().Title(title).Placeholder(f.Hint).Value(value).Validate(check)
}
