package export

import (
	"fmt"
	"strconv"
	"strings"

	"caseload/internal/domain"
)

// ruleLabels name the eligibility checklist's criteria as the referral screen does.
var ruleLabels = map[domain.RuleID]string{
	domain.RuleSource:        "Source",
	domain.RuleRisk:          "Risk",
	domain.RulePriorityGroup: "Priority group",
	domain.RuleHealthNeeds:   "Health needs",
	domain.RuleResettlement:  "Resettlement",
	domain.RuleTiming:        "Timing",
}

// resultWords say each criterion's result in words, so the list reads without marks.
var resultWords = map[domain.Result]string{domain.Pass: "met", domain.Fail: "not met", domain.Unknown: "not known"}

func (b *builder) referral(rr domain.ReferralRecord) {
	r := rr.Referral
	b.add(Section, fmt.Sprintf("Referral %d", r.ID))
	b.field("Received", b.when(r.ReceivedAt))
	b.field("Status now", r.Status.Label())
	b.field("Referred by", r.Source.Label())
	b.name("Referrer", joined(", ", r.Referrer.Name, r.Referrer.Org))
	b.field("Prison", r.CurrentPrison)
	b.field("Expected release", domain.ReleaseDate{Date: r.ExpectedRelease, Kind: r.ReleaseDateType}.Describe(day))
	b.field("Risk of serious harm", r.RoSH.Label())
	if r.PriorityGroup != 0 {
		b.field("Priority group", strconv.Itoa(r.PriorityGroup))
	}
	b.field("Complex health needs", string(r.ComplexHealthNeeds))
	b.field("Resettlement area", r.ResettlementArea)
	b.field("Approved premises", string(r.ApprovedPremises))
	b.field("Reason for the referral", r.Reason)
	if s := rr.Screening; s != nil {
		b.screening(*s)
	}
	for _, c := range rr.Consultations {
		b.consultation(c)
	}
	if w := rr.Withdrawal; w != nil {
		b.add(Heading, "Withdrawn "+b.when(w.At))
		b.field("By", b.rec.ActorName(w.By))
		b.field("Why", w.Reason)
	}
}

func (b *builder) screening(s domain.ScreeningDecision) {
	outcome := "Screened in"
	if s.Outcome == domain.ScreenedOut {
		outcome = "Screened out"
	}
	b.add(Heading, outcome+" "+b.when(s.DecidedAt))
	b.field("By", b.rec.ActorName(s.DecidedBy))
	b.field("Timing", s.Timing())
	if domain.Backdated(s.DecidedAt, s.EnteredAt) {
		b.field("Entered", b.when(s.EnteredAt)+": "+s.LateReason)
	}
	b.field("Reason", s.Reason)
	b.field("Eligibility checklist then", string(s.Checklist.Verdict))
	b.field("Referral window opened", day(s.Checklist.WindowOpensOn))
	for _, rule := range s.Checklist.Rules {
		label := ruleLabels[rule.ID]
		if label == "" {
			label = string(rule.ID)
		}
		b.field(label, resultWords[rule.Result]+": "+rule.Reason)
	}
}

func (b *builder) consultation(c domain.Consultation) {
	outcome := "decision deferred"
	switch c.Outcome {
	case domain.ConsultAccepted:
		outcome = "accepted"
	case domain.ConsultNotAccepted:
		outcome = "not accepted"
	}
	b.add(Heading, "Consultation "+day(c.MeetingDate)+": "+outcome)
	var who []string
	for _, a := range c.Attendees {
		s := a.Name + " (" + a.Role
		if a.Agency != "" {
			s += ", " + a.Agency
		}
		who = append(who, s+")")
	}
	b.name("Attended", strings.Join(who, "; "))
	b.field("Rationale", c.Rationale)
	if c.Outcome == domain.ConsultAccepted {
		b.field("Allocated to", b.rec.ClinicianName(c.AllocatedClinicianID))
	}
	b.field("Next meeting", day(c.NextMeetingDate))
	b.field("Recorded", b.when(c.RecordedAt)+" by "+b.rec.ActorName(c.RecordedBy))
}

// joined joins the parts that are not empty.
func joined(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}
