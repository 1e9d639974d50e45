package main

import (
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"caseload/internal/domain"
)

// referralJSON is the JSON contract of referrals list: unknown values are null, never
// "" or 0, so a script can tell "not recorded" from a value.
type referralJSON struct {
	ID             int64     `json:"id"`
	GivenName      string    `json:"given_name"`
	FamilyName     string    `json:"family_name"`
	Source         string    `json:"source"`
	Status         string    `json:"status"`
	ReceivedAt     string    `json:"received_at"`
	ScreeningDueAt string    `json:"screening_due_at"`
	ScreeningClock clockJSON `json:"screening_clock"`
	// ScreenedAt is when the screening decision was made; ScreeningEnteredAt when it
	// was typed (docs/RULES.md, "When a decision was made"); null until screened.
	ScreenedAt          *string `json:"screened_at"`
	ScreeningEnteredAt  *string `json:"screening_entered_at"`
	EnteredAt           string  `json:"entered_at"`
	NHSNumber           *string `json:"nhs_number"`
	PrisonNumber        *string `json:"prison_number"`
	CRN                 *string `json:"crn"`
	PNCID               *string `json:"pnc_id"`
	DateOfBirth         *string `json:"date_of_birth"`
	ExpectedReleaseDate *string `json:"expected_release_date"`
	ReleaseDateType     *string `json:"release_date_type"`
	RoSH                *string `json:"rosh"`
	PriorityGroup       *int    `json:"priority_group"`
	ResettlementArea    *string `json:"resettlement_area"`
	// ResettlementAuthority is the local authority the area was read as when stored
	// ("Kendal": "Westmorland and Furness"); null when not recorded or not a known place.
	ResettlementAuthority *string `json:"resettlement_authority"`
	// PossibleDuplicateOf is the person already held whom this referral's person may be
	// (same family name and date of birth, no shared identifier), or null.
	PossibleDuplicateOf *int64 `json:"possible_duplicate_of"`
	// DuplicateAnswer is a clinician's answer to whether that is the same person: "same"
	// (the referral joined them), "not-same", or null while not answered or not asked
	// (docs/RULES.md, "Possible duplicates").
	DuplicateAnswer *string `json:"duplicate_answer"`
	// Eligibility is the checklist as it stands now; the decision records its own.
	Eligibility eligibilityJSON `json:"eligibility"`
	// ScreeningDeadlineRule is the service's setting screening_due_at is counted under
	// ("48-hours" or "2-working-days"); Within48h whether the screening came within 48
	// elapsed hours, whatever the rule, and WithinDeadline whether by screening_due_at;
	// both null until screened, and for a referral withdrawn unscreened.
	ScreeningDeadlineRule string `json:"screening_deadline_rule"`
	Within48h             *bool  `json:"within_48h"`
	WithinDeadline        *bool  `json:"within_deadline"`
}

// eligibilityJSON is the eligibility checklist (docs/RULES.md, "Eligibility checklist"): the verdict, the first day
// of the referral window (null when the release date is not known) and every criterion
// in checklist order.
type eligibilityJSON struct {
	Verdict       string     `json:"verdict"` // eligible, not-eligible or incomplete
	WindowOpensOn *string    `json:"window_opens_on"`
	Rules         []ruleJSON `json:"rules"`
}

type ruleJSON struct {
	ID     string `json:"id"`     // source, risk, priority_group, health_needs, resettlement, timing
	Result string `json:"result"` // pass, fail or unknown
	Reason string `json:"reason"`
}

func eligibilityOf(e domain.Eligibility) eligibilityJSON {
	rules := make([]ruleJSON, len(e.Rules))
	for i, r := range e.Rules {
		rules[i] = ruleJSON{ID: string(r.ID), Result: string(r.Result), Reason: r.Reason}
	}
	return eligibilityJSON{Verdict: string(e.Verdict), WindowOpensOn: orNull(e.WindowOpensOn.String()), Rules: rules}
}

// openRules lists the criteria that fail or are unknown, joined by sep; "" when none.
func openRules(e domain.Eligibility, sep string) string {
	ids := make([]string, 0, len(domain.RuleIDs))
	for _, id := range e.Open() {
		ids = append(ids, string(id))
	}
	return strings.Join(ids, sep)
}

type clockJSON struct {
	State string `json:"state"` // due, overdue or stopped
	Text  string `json:"text"`
	Soon  bool   `json:"soon"` // under 12 hours left
}

// referralJSONOf is one referral as referrals list writes it, seen at now.
func referralJSONOf(r domain.Referral, now time.Time) referralJSON {
	c := r.Clock(now)
	p := r.Person
	var group *int
	if r.PriorityGroup != 0 {
		group = &r.PriorityGroup
	}
	var screened *string
	if !r.ScreenedAt.IsZero() {
		screened = orNull(utc(r.ScreenedAt))
	}
	return referralJSON{
		ID: r.ID, GivenName: p.GivenName, FamilyName: p.FamilyName,
		Source: string(r.Source), Status: string(r.Status),
		ReceivedAt: utc(r.ReceivedAt), ScreeningDueAt: utc(c.DueAt),
		ScreeningClock: clockJSON{State: string(c.State), Text: c.Text(), Soon: c.Soon},
		ScreenedAt:     screened, ScreeningEnteredAt: orNull(screeningEnteredAt(r)), EnteredAt: utc(r.EnteredAt),
		NHSNumber: orNull(p.NHSNumber.String()), PrisonNumber: orNull(string(p.PrisonNumber)),
		CRN: orNull(string(p.CRN)), PNCID: orNull(string(p.PNCID)), DateOfBirth: orNull(p.DateOfBirth.String()),
		ExpectedReleaseDate: orNull(r.ExpectedRelease.String()), ReleaseDateType: orNull(string(r.ReleaseDateType)),
		RoSH: orNull(string(r.RoSH)), PriorityGroup: group, ResettlementArea: orNull(r.ResettlementArea),
		ResettlementAuthority: orNull(r.ResettlementAuthority),
		PossibleDuplicateOf:   idOrNull(r.PossibleDuplicateOf),
		DuplicateAnswer:       orNull(string(r.Duplicate.Answer)),
		Eligibility:           eligibilityOf(domain.CheckEligibility(r, now)),
		ScreeningDeadlineRule: string(c.Rule), Within48h: screenedBool(c, c.Within48h()),
		WithinDeadline: screenedBool(c, c.OnTime()),
	}
}

// screeningEnteredAt is when the screening was typed, UTC; when it was made for a
// referral imported as already screened (entered as made); "" until screened
// (docs/RULES.md, "When a decision was made").
func screeningEnteredAt(r domain.Referral) string {
	switch {
	case !r.ScreeningEnteredAt.IsZero():
		return utc(r.ScreeningEnteredAt)
	case !r.ScreenedAt.IsZero():
		return utc(r.ScreenedAt)
	}
	return ""
}

// screenedBool is v for a clock a screening stopped, null otherwise.
func screenedBool(c domain.ScreeningClock, v bool) *bool {
	if c.State != domain.ClockStopped || c.Unscreened {
		return nil
	}
	return &v
}

// boolText is a nullable boolean as a CSV cell: "true", "false" or "".
func boolText(b *bool) string {
	if b == nil {
		return ""
	}
	return strconv.FormatBool(*b)
}

// idText is a record's id, or "" for 0 (none).
func idText(id int64) string {
	if id == 0 {
		return ""
	}
	return strconv.FormatInt(id, 10)
}

// idOrNull is a record's id, or null for 0 (none).
func idOrNull(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

func orNull(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// screenedAtText is when the screening decision was made, as the CSV writes it: "" until
// screened.
func screenedAtText(r domain.Referral) string {
	if r.ScreenedAt.IsZero() {
		return ""
	}
	return utc(r.ScreenedAt)
}

func utc(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// aligned lays out rows in columns two cells apart, measured in terminal cells; the
// last column is not padded.
func aligned(table [][]string) string {
	widths := make([]int, len(table[0]))
	for _, row := range table {
		for i, cell := range row {
			widths[i] = max(widths[i], ansi.StringWidth(cell))
		}
	}
	var b strings.Builder
	for _, row := range table {
		for i, cell := range row {
			b.WriteString(cell)
			if i < len(row)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-ansi.StringWidth(cell)+2))
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// tableName is a name on one line, cut to maxName cells.
func tableName(name string) string {
	name = strings.Join(strings.Fields(name), " ") // one line, whatever was stored
	if ansi.StringWidth(name) > maxName {
		name = ansi.Truncate(name, maxName, "…")
	}
	return name
}
