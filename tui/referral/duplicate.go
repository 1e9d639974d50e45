package referral

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
)

// duplicateAsk is the question "possibly the same person as …" put to the clinician:
// the two people side by side as read when it opened (what the answer is given on, so
// the store refuses it if either changed since), what each answer would do, and the
// keys. Like component/confirm it ignores the answers until com.ArmAfter has passed
// since it opened, so a key already in flight cannot answer it.
type duplicateAsk struct {
	ref    domain.Referral
	held   domain.Person
	counts [2]personRecords // the referral's person, then the person held
	fills  []domain.IdentifierFill
	clash  error // why they cannot be joined, or nil
	armed  bool
}

// personRecords is how many referrals and cases a person has.
type personRecords struct{ referrals, cases int }

// duplicateArmedMsg arms the question it names, never a later one.
type duplicateArmedMsg struct{ ask *duplicateAsk }

// duplicateAnsweredMsg is the store's reply to an answer.
type duplicateAnsweredMsg struct {
	text string
	err  error
}

var (
	sameKey    = key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "same person"))
	notSameKey = key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "not the same person"))
	notNowKey  = key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "not now"))
)

// askDuplicate opens the question on the referral and the person held as last read.
func (m *Model) askDuplicate() tea.Cmd {
	a := &duplicateAsk{ref: m.rec.ref, held: m.rec.possible, counts: m.rec.counts}
	a.fills, a.clash = domain.JoinIdentifiers(a.held, a.ref.Person)
	m.ask = a
	return m.com.Arm(duplicateArmedMsg{ask: a})
}

// askKey takes a key while the question is open: esc always closes it; an answer only
// once armed, and "same person" only when the two can be joined.
func (m *Model) askKey(msg tea.KeyPressMsg) tea.Cmd {
	a := m.ask
	switch {
	case key.Matches(msg, notNowKey):
		m.ask = nil
		return common.Cmd(common.InfoMsg{Text: "Not answered: the referral still asks."})
	case !a.armed:
	case key.Matches(msg, sameKey) && a.clash != nil:
		return common.Cmd(common.InfoMsg{Text: sentence(a.clash.Error())})
	case key.Matches(msg, sameKey):
		return m.answer(domain.DuplicateSame)
	case key.Matches(msg, notSameKey):
		return m.answer(domain.DuplicateNotSame)
	}
	return nil
}

// answer records the answer on the two people as the question showed them.
func (m *Model) answer(ans domain.DuplicateAnswer) tea.Cmd {
	a := m.ask
	m.ask = nil
	ctx, src, actor, now, id := m.com.Ctx, m.src, m.com.Actor, m.com.Clock.Now(), a.ref.ID
	return func() tea.Msg {
		if err := src.AnswerDuplicate(ctx, actor, now, id, ans, a.ref.Person, a.held); err != nil {
			return tea.BatchMsg{common.Cmd(duplicateAnsweredMsg{err: err}), common.Cmd(common.ReferralChangedMsg{ID: id})}
		}
		text := fmt.Sprintf("Recorded: %s and %s are two people.", a.ref.Person.Name(), a.held.Name())
		if ans == domain.DuplicateSame {
			text = fmt.Sprintf("Recorded: one person. The referral is now %s's.", a.held.Name())
		}
		return tea.BatchMsg{common.Cmd(duplicateAnsweredMsg{text: text}), common.Cmd(common.ReferralChangedMsg{ID: id})}
	}
}

// reread closes the question when a reload shows either person changed, or the
// question answered elsewhere: the clinician is asked again on what is there now.
func (m *Model) reread() tea.Cmd {
	a := m.ask
	if a == nil || a.ref.Person == m.rec.ref.Person && a.held == m.rec.possible && m.rec.ref.DuplicateOpen() {
		return nil
	}
	m.ask = nil
	return common.Cmd(common.InfoMsg{Text: "The records changed while you were reading them: press d to see them again."})
}

// lines draws the question at width w.
func (a *duplicateAsk) lines(com common.Common, w int) []string {
	t := com.Theme
	p, h := a.ref.Person, a.held
	out := []string{t.Title.Render(common.Clip("Possibly the same person?", w)), ""}
	lw := 13
	cw := max((w-lw-2)/2, 1)
	row := func(label, left, right string) string {
		return t.Label.Render(common.Fit(label, lw)) + common.Fit(left, cw) + "  " + common.Fit(right, cw)
	}
	count := func(n int, one string) string { return domain.Count(n, one, one+"s") }
	out = append(out,
		row("", t.Header.Render("This referral"), t.Header.Render("Already held")),
		row("Name", p.Name(), h.Name()),
		row("Born", orUnknown(p.DateOfBirth.String()), orUnknown(h.DateOfBirth.String())),
		row("NHS number", orUnknown(p.NHSNumber.String()), orUnknown(h.NHSNumber.String())),
		row("Prison no.", orUnknown(string(p.PrisonNumber)), orUnknown(string(h.PrisonNumber))),
		row("PNC ID", orUnknown(string(p.PNCID)), orUnknown(string(h.PNCID))),
		row("CRN", orUnknown(string(p.CRN)), orUnknown(string(h.CRN))),
		row("Records", count(a.counts[0].referrals, "referral")+", "+count(a.counts[0].cases, "case"),
			count(a.counts[1].referrals, "referral")+", "+count(a.counts[1].cases, "case")),
		"")
	same := "Same person: this referral moves to " + h.Name()
	if len(a.fills) > 0 {
		same += ", who gains " + identifierNames(a.fills)
	}
	same += "; " + p.Name() + "'s record goes once nothing else is theirs."
	if a.clash != nil {
		same = "Same person is refused: " + strings.TrimPrefix(a.clash.Error(), "not joined: ") + "."
	}
	out = append(out, common.Wrap(same, w)...)
	out = append(out, common.Wrap("Not the same person: both stay as they are, and this referral no longer asks.", w)...)
	out = append(out, "")
	if !a.armed {
		return append(out, t.Muted.Render(common.Clip("Read it through… (keys are ignored for a moment)", w)))
	}
	keys := "s same person · t not the same person · esc not now"
	if a.clash != nil {
		keys = "t not the same person · esc not now"
	}
	return append(out, t.Header.Render(common.Clip(keys, w)))
}

// identifierNames lists the identifiers filled, as the team names them.
func identifierNames(fs []domain.IdentifierFill) string {
	names := map[string]string{"nhs_number": "the NHS number", "prison_number": "the prison number", "pnc_id": "the PNC ID", "crn": "the CRN"}
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = names[f.Field]
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// sentence is text capitalised with a stop, for the status line.
func sentence(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:] + "."
}
