package referral

import (
	"strings"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/spoken"
)

// wide is a width no line is wrapped at: speech is never cut to a window.
const wide = 1 << 16

// Speech is the referral in the accessible mode (common.Speaker), in the order a
// screening needs it: who, the verdict, where it stands and its clock; the reason for
// referral; each criterion of the checklist; the decisions; the facts; then the keys
// open to it. While the "same person?" question is open, the question and its keys.
func (m *Model) Speech() []string {
	if !m.loaded {
		return nil
	}
	r := m.rec.ref
	head := spoken.Sentence("Referral for " + r.Person.Name() + ": " + verdictWords(m.checklist) + "; " +
		r.Status.Label() + ", " + r.Clock(m.now).Text())
	out := []string{head}
	if m.ask != nil {
		for _, l := range m.ask.lines(m.com, wide) {
			out = append(out, spoken.Sentence(l))
		}
		return out
	}
	reason := "not given"
	if r.Reason != "" {
		reason = common.OneLine(r.Reason)
	}
	out = append(out, spoken.Sentence("Reason for referral: "+reason))
	out = append(out, "Eligibility checklist:")
	for _, l := range checklistLines(m.com, m.checklist, wide) {
		out = append(out, spoken.Sentence(l))
	}
	out = append(out, "Decisions:")
	for _, l := range decisionLines(m.com, m.rec, wide) {
		out = append(out, spoken.Pair(l, 13)) // pairs' label column
	}
	out = append(out, "Facts:")
	fs := facts(m.com, r, m.now)
	if line, ok := m.duplicateLine(); ok {
		fs = append(fs[:1], append([][2]string{line}, fs[1:]...)...)
	}
	for _, f := range fs {
		out = append(out, spoken.Sentence(f[0]+": "+common.OneLine(f[1])))
	}
	return append(out, m.keysSpeech())
}

// verdictWords is the verdict line's verdict without its sign: "not eligible: fails
// risk, resettlement".
func verdictWords(e domain.Eligibility) string {
	switch e.Verdict {
	case domain.Eligible:
		return "eligible"
	case domain.NotEligible:
		return "not eligible: fails " + ruleNames(e, domain.Fail)
	}
	return "eligibility incomplete: not known " + ruleNames(e, domain.Unknown)
}

// keysSpeech names the keys open on this referral now, as the footer lists them; the
// scrolling keys are left out, since speech has no fold to scroll past.
func (m *Model) keysSpeech() string {
	var ks [][2]string
	for _, b := range m.ShortHelp() {
		if h := b.Help(); b.Enabled() && !strings.HasPrefix(h.Desc, "scroll") {
			ks = append(ks, [2]string{h.Key, h.Desc})
		}
	}
	return spoken.Keys(ks)
}
