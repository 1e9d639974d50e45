package queue

import (
	"fmt"
	"strings"

	"caseload/internal/domain"
	"caseload/tui/common"
)

var _ common.Speaker = (*Model)(nil)

// Speech says the queue and the referral under the cursor (common.Speaker), through
// the shared list screen, with the queue's own words for a row (rowWords).
func (m *Model) Speech() []string { return m.list.Speech() }

// rowWords is one referral in words: "Liam McAllister, overdue by 5 days 5 hours, not
// yet screened, eligibility incomplete."; the marks a screen reader would say as
// symbols (✓, ?) are words here.
func (m *Model) rowWords(r *row) string {
	return strings.Join([]string{r.name, clockCell(r, false), statusWords(r.status), verdictWords(r.verdict)}, ", ")
}

// spokenCount is what the queue says after its name: how many wait, how many are
// overdue, how many referrals it holds in all, and the clinician's unsigned drafts.
func (m *Model) spokenCount() string {
	words := fmt.Sprintf("%s, %s in all", m.countWords(), domain.Count(m.total, "referral", "referrals"))
	if n := len(m.drafts); n > 0 {
		// The drafts head the screen: an unsigned note is the clinician's own to put right.
		words += "; you have " + domain.Count(n, "unsigned draft note", "unsigned draft notes")
	}
	return words
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
