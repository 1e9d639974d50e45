package report

import (
	"caseload/internal/domain"
	"caseload/internal/ident"
)

// judgement is the screened-out reason of a referral whose checklist failed no
// criterion: screened out on the screener's judgement, given in words.
const judgement = "judgement"

// DecisionFigures counts the decisions made in the period: screenings by the London
// day decided, consultations that decided (accepted or not accepted) by their meeting
// date, withdrawals by the London day withdrawn. Each screened-out referral counts
// once under the first criterion its checklist failed, in checklist order, or under
// "judgement" when none failed.
func DecisionFigures(rs []Referral, from, to ident.Date) Decisions {
	out := Decisions{ScreenedOutReasons: make([]Tally, 0, len(domain.RuleIDs)+1)}
	for _, id := range domain.RuleIDs {
		out.ScreenedOutReasons = append(out.ScreenedOutReasons, Tally{Key: string(id), Label: ruleWords[id]})
	}
	out.ScreenedOutReasons = append(out.ScreenedOutReasons, Tally{Key: judgement, Label: "screener's judgement (no criterion failed)"})
	for _, r := range rs {
		if s := r.Screening; s != nil && within(londonDay(s.DecidedAt), from, to) {
			switch s.Outcome {
			case domain.ScreenedIn:
				out.ScreenedIn++
			case domain.ScreenedOut:
				out.ScreenedOut++
				key := string(s.FailedRule)
				if key == "" {
					key = judgement
				}
				out.ScreenedOutReasons = add(out.ScreenedOutReasons, key, key)
			}
		}
		if c, ok := decidingConsultation(r); ok && within(c.MeetingDate, from, to) {
			if c.Outcome == domain.ConsultAccepted {
				out.Accepted++
			} else {
				out.NotAccepted++
			}
		}
		if w := r.Withdrawal; w != nil && within(londonDay(w.At), from, to) {
			out.Withdrawn++
		}
	}
	return out
}

// ruleWords name the criteria a referral can fail, as the reasons of a screening out.
var ruleWords = map[domain.RuleID]string{
	domain.RuleSource:        "not from a partner that refers",
	domain.RuleRisk:          "risk of serious harm to others not high or very high",
	domain.RulePriorityGroup: "in no priority group",
	domain.RuleHealthNeeds:   "no complex health needs",
	domain.RuleResettlement:  "not resettling in Lancashire or Cumbria",
	domain.RuleTiming:        "outside the referral window",
}

// decidingConsultation is the consultation that decided the referral, accepted or not
// accepted (a deferral decides nothing); the last such one, since a decision closes
// the referral to further meetings.
func decidingConsultation(r Referral) (ConsultationDecision, bool) {
	for i := len(r.Consultations) - 1; i >= 0; i-- {
		if c := r.Consultations[i]; c.Outcome == domain.ConsultAccepted || c.Outcome == domain.ConsultNotAccepted {
			return c, true
		}
	}
	return ConsultationDecision{}, false
}

// DaysToConsultation is the whole days from the London day a referral was received to
// the meeting date of the consultation that decided it, over the decisions made in the
// period: how many, the median and the 90th centile by nearest rank.
func DaysToConsultation(rs []Referral, from, to ident.Date) Spread {
	var days []float64
	for _, r := range rs {
		if c, ok := decidingConsultation(r); ok && within(c.MeetingDate, from, to) {
			days = append(days, float64(londonDay(r.ReceivedAt).DaysUntil(c.MeetingDate)))
		}
	}
	return Spread{Count: len(days), Median: median(days), P90: nearestRank(days, 90)}
}
