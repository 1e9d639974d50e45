package queue

import (
	"fmt"
	"strings"

	"caseload/internal/domain"
	"caseload/tui/spoken"
)

// Speech is the queue in the accessible mode (common.Speaker): what it holds, the
// filter and its count while one is typed or kept, and the referral under the cursor in
// words. The shared list screen (issue 16's LISTS work) will say this for every list;
// until it does, the queue says it here.
func (m *Model) Speech() []string {
	if !m.loaded && len(m.rows) == 0 {
		return nil // still loading: the driver waits for the first words
	}
	s := m.summary
	head := fmt.Sprintf("Referral queue, %d awaiting screening", s.waiting)
	if s.overdue > 0 {
		head += fmt.Sprintf(", %d overdue", s.overdue)
	}
	head += ", " + domain.Count(s.total, "referral", "referrals") + " in all"
	if m.group != 0 {
		head += fmt.Sprintf(", showing %s", statusGroups[m.group].name)
	}
	out := []string{head + "."}
	if n := len(m.drafts); n > 0 {
		out = append(out, fmt.Sprintf("You have %d unsigned draft note%s.", n, plural(n)))
	}
	switch {
	case m.filter.Shown() && m.filter.Value() == "":
		out = append(out, "Filter: type part of a name, NHS number, prison number, CRN or source; enter keeps it, escape clears it.")
	case m.filter.Shown():
		out = append(out, fmt.Sprintf("Filter %q: %s.", m.filter.Value(), domain.Count(len(m.shown), "match", "matches")))
	}
	switch {
	case len(m.shown) == 0 && len(m.rows) == 0:
		out = append(out, "No referrals yet. Press n to log one.")
	case len(m.shown) == 0:
		out = append(out, "No referral matches the filter. Press escape to clear it.")
	default:
		out = append(out, m.rowSpeech(m.win.Cursor))
	}
	return out
}

// rowSpeech is one row as a sentence: "1 of 15: Liam McAllister, overdue by 5 days 5
// hours, received, eligible."
func (m *Model) rowSpeech(at int) string {
	r := &m.rows[m.shown[at]]
	parts := []string{r.name, clockCell(r, false), statusWords(r.ref.Status), verdictWords(r.verdict)}
	return spoken.Sentence(fmt.Sprintf("%d of %d: %s", at+1, len(m.shown), strings.Join(parts, ", ")))
}

// statusWords says where a referral stands; "received" alone does not say it waits.
func statusWords(s domain.ReferralStatus) string {
	if s == domain.StatusReceived {
		return "not yet screened"
	}
	return s.Label()
}

func verdictWords(v domain.Verdict) string {
	switch v {
	case domain.Eligible:
		return "eligible"
	case domain.NotEligible:
		return "not eligible"
	}
	return "eligibility incomplete"
}
