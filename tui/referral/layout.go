package referral

import (
	"strings"

	"caseload/internal/domain"
	"caseload/tui/common"
)

// headerLines is the verdict line and the rule under it, which stay put while the rest
// scrolls.
const headerLines = 2

// twoColumnsFrom is the width from which facts and checklist sit side by side.
const twoColumnsFrom = 76

// refresh rebuilds the scrolled content when the data, the time or the width changes,
// never while drawing.
func (m *Model) refresh() {
	if !m.loaded || m.width <= 0 {
		return
	}
	off := m.vp.YOffset()
	m.vp.SetContentLines(m.body())
	m.vp.SetYOffset(off)
}

func (m *Model) body() []string {
	t := m.com.Theme
	w := m.width
	factLines := func(w int) []string {
		fs := facts(m.com, m.rec.ref, m.now)
		if line, ok := m.duplicateLine(); ok {
			// Right under the name, where the person screening reads who this is.
			fs = append(fs[:1], append([][2]string{line}, fs[1:]...)...)
		}
		return pairs(m.com, fs, w)
	}
	// The reason comes first: with the facts beside the checklist, it is what a
	// screening decision rests on, and it is read before anything scrolls.
	// Then what has been decided, a line while nothing has; the facts and the checklist
	// under them.
	reason, cut := reasonLines(m.com, m.rec.ref.Reason, w)
	lines := append([]string{t.Section.Render("Reason for referral")}, reason...)
	lines = append(lines, "", t.Section.Render("Decisions"))
	lines = append(lines, decisionLines(m.com, m.rec, w)...)
	lines = append(lines, "")
	if w >= twoColumnsFrom {
		left := min(max((w-3)*9/20, 36), 60)
		right := w - 3 - left
		lines = append(lines, sideBySide(
			append([]string{t.Section.Render("Facts")}, factLines(left)...),
			append([]string{t.Section.Render("Eligibility checklist")}, checklistLines(m.com, m.checklist, right)...),
			left, right, t.Muted.Render(" │ "))...)
	} else {
		lines = append(lines, t.Section.Render("Eligibility checklist"))
		lines = append(lines, checklistLines(m.com, m.checklist, w)...)
		lines = append(lines, "", t.Section.Render("Facts"))
		lines = append(lines, factLines(w)...)
	}
	if cut {
		lines = append(lines, "", t.Section.Render("Reason for referral, in full"))
		lines = append(lines, common.Wrap(m.rec.ref.Reason, max(w, 1))...)
	}
	return lines
}

// reasonShown is how many lines of the reason stand at the top of the view; a longer
// one ends there with where the rest is, and is given in full after the decisions.
const reasonShown = 4

// reasonLines is the reason for referral as it stands at the top, and whether it was cut.
func reasonLines(com common.Common, reason string, w int) ([]string, bool) {
	if strings.TrimSpace(reason) == "" {
		return []string{com.Theme.Muted.Render("not given")}, false
	}
	lines := common.Wrap(reason, max(w, 1))
	if len(lines) <= reasonShown {
		return lines, false
	}
	lines = append(lines[:reasonShown-1:reasonShown-1], common.Clip(lines[reasonShown-1]+" …", max(w, 1)))
	return append(lines, com.Theme.Muted.Render(common.Clip("The whole reason is at the end, below the facts.", max(w, 1)))), true
}

// duplicateLine is the facts' line about a possible duplicate: the question while it
// is open, then its answer, who gave it and when; false when there was none.
func (m *Model) duplicateLine() ([2]string, bool) {
	r := m.rec.ref
	if r.PossibleDuplicateOf == 0 || m.rec.possible.ID == 0 {
		return [2]string{}, false
	}
	if r.DuplicateOpen() {
		dup := domain.PersonMatch{Kind: domain.MatchPossible, Person: m.rec.possible}
		return [2]string{"Duplicate?", dup.Says("press d to answer before screening")}, true
	}
	a := r.Duplicate
	what := "Not the same person as " + m.rec.possible.Name()
	if a.Answer == domain.DuplicateSame {
		what = "The same person: joined to " + m.rec.possible.Name()
	}
	return [2]string{"Duplicate", what + ", answered by " + m.rec.actorName(a.By) + ", " + common.MediumTime(a.At, m.com.London)}, true
}

// sideBySide joins two columns line by line, each padded to its width.
func sideBySide(a, b []string, aw, bw int, sep string) []string {
	n := max(len(a), len(b))
	out := make([]string, n)
	for i := range n {
		var l, r string
		if i < len(a) {
			l = a[i]
		}
		if i < len(b) {
			r = b[i]
		}
		out[i] = common.Fit(l, aw) + sep + common.Fit(r, bw)
	}
	return out
}

// View draws the verdict, then the visible part of the rest.
func (m *Model) View() string {
	if !m.loaded {
		return m.com.Theme.Muted.Render(common.Fit("Loading referral…", m.width))
	}
	head := common.Fit(verdictLine(m.com, m.checklist, m.rec.ref, m.rec.ref.Clock(m.now)), m.width)
	rule := m.com.Theme.Muted.Render(strings.Repeat("─", max(m.width, 0)))
	if m.ask != nil {
		// The question in place of the body: the two people and the keys, nothing else.
		lines := m.ask.lines(m.com, m.width)
		rows := max(m.height-headerLines, 0)
		lines = lines[:min(len(lines), rows)]
		for len(lines) < rows {
			lines = append(lines, "")
		}
		for i, l := range lines {
			lines[i] = common.Fit(l, m.width)
		}
		return head + "\n" + rule + "\n" + strings.Join(lines, "\n")
	}
	return head + "\n" + rule + "\n" + m.vp.View()
}
