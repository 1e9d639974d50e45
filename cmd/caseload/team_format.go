package main

import (
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"caseload/internal/csvfile"
	"caseload/internal/domain"
)

// teamJSON is the JSON contract of `caseload team`: the team's scripts read these
// names. The row of the cases nobody holds has null clinician_id, clinician, access,
// active and cap.
type teamJSON struct {
	ClinicianID     *int64  `json:"clinician_id"`
	Clinician       *string `json:"clinician"`
	Access          *string `json:"access"`
	Active          *bool   `json:"active"`
	Open            int     `json:"open"`
	BeforeWindow    int     `json:"before_window"`
	PreRelease      int     `json:"pre_release"`
	PostRelease     int     `json:"post_release"`
	DischargeDue    int     `json:"discharge_due"`
	ReleaseUnknown  int     `json:"release_unknown"`
	Drafts          int     `json:"drafts"`
	ForumReportsDue int     `json:"forum_reports_due"`
	Cap             *int    `json:"cap"`
	OverCap         bool    `json:"over_cap"`
}

// teamRows is each load as the contract names it, in the order domain.TeamLoad gives.
func teamRows(loads []domain.ClinicianLoad) []teamJSON {
	out := make([]teamJSON, 0, len(loads)) // never nil: an empty team is [], not null
	for _, l := range loads {
		r := teamJSON{Open: l.Open, BeforeWindow: l.ByPhase[domain.LoadBeforeWindow], PreRelease: l.ByPhase[domain.LoadPreRelease],
			PostRelease: l.ByPhase[domain.LoadPostRelease], DischargeDue: l.ByPhase[domain.LoadDischargeDue],
			ReleaseUnknown: l.ByPhase[domain.LoadReleaseOther], Drafts: l.Drafts, ForumReportsDue: l.Reports, OverCap: l.OverCap()}
		if !l.Unallocated() {
			name, active, limit := l.Who(), l.Clinician.Active, l.Cap
			r.ClinicianID, r.Clinician, r.Access, r.Active, r.Cap = idOrNull(l.Clinician.ID), &name, orNull(string(l.Clinician.Access)), &active, &limit
		}
		out = append(out, r)
	}
	return out
}

// teamFormat is the writer for a --format value.
func teamFormat(name string) (func(io.Writer, []teamJSON) error, bool) {
	switch name {
	case "table":
		return teamTable, true
	case "json":
		return func(w io.Writer, rows []teamJSON) error {
			enc := json.NewEncoder(w)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			return enc.Encode(rows)
		}, true
	case "csv":
		return teamCSV, true
	}
	return nil, false
}

// teamColumns are the CSV's columns, the JSON's names in its order.
var teamColumns = []string{"clinician_id", "clinician", "access", "active", "open", "before_window", "pre_release",
	"post_release", "discharge_due", "release_unknown", "drafts", "forum_reports_due", "cap", "over_cap"}

// teamCSV writes one row a load; null is "", and true and false are written as words.
// The name goes through csvfile's SafeCell, as every name the app writes does.
func teamCSV(w io.Writer, rows []teamJSON) error {
	cw := csvfile.NewWriter(w, teamColumns, "clinician_id", "open", "before_window", "pre_release", "post_release",
		"discharge_due", "release_unknown", "drafts", "forum_reports_due", "cap")
	for _, r := range rows {
		_ = cw.Write([]string{idText(deref64(r.ClinicianID)), deref(r.Clinician), deref(r.Access), boolText(r.Active),
			strconv.Itoa(r.Open), strconv.Itoa(r.BeforeWindow), strconv.Itoa(r.PreRelease), strconv.Itoa(r.PostRelease),
			strconv.Itoa(r.DischargeDue), strconv.Itoa(r.ReleaseUnknown), strconv.Itoa(r.Drafts),
			strconv.Itoa(r.ForumReportsDue), num(r.Cap), strconv.FormatBool(r.OverCap)})
	}
	return cw.Flush()
}

// teamTable writes aligned columns for people, with what a lead must see about each row
// in words last: over the cap, deactivated still holding cases, nobody holding them.
func teamTable(w io.Writer, rows []teamJSON) error {
	if len(rows) == 0 {
		_, err := io.WriteString(w, "no clinicians hold cases\n")
		return err
	}
	table := [][]string{{"CLINICIAN", "OPEN", "BEFORE WINDOW", "PRE-RELEASE", "POST-RELEASE", "DISCHARGE DUE",
		"UNKNOWN/RECALLED", "DRAFTS", "REPORTS DUE", "CAP", ""}}
	for _, r := range rows {
		who := "unallocated"
		if r.Clinician != nil {
			who = tableName(*r.Clinician)
		}
		cap := num(r.Cap)
		if cap == "" {
			cap = "-"
		}
		table = append(table, []string{who, strconv.Itoa(r.Open), strconv.Itoa(r.BeforeWindow), strconv.Itoa(r.PreRelease),
			strconv.Itoa(r.PostRelease), strconv.Itoa(r.DischargeDue), strconv.Itoa(r.ReleaseUnknown), strconv.Itoa(r.Drafts),
			strconv.Itoa(r.ForumReportsDue), cap, teamStanding(r)})
	}
	// The standing is the last column, blank on most rows: no padding after it.
	lines := strings.Split(aligned(table), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	_, err := io.WriteString(w, strings.Join(lines, "\n"))
	return err
}

// teamStanding is the row's standing in words, as domain.ClinicianLoad.Standing says it.
func teamStanding(r teamJSON) string {
	l := domain.ClinicianLoad{Open: r.Open}
	if r.ClinicianID != nil {
		l.Clinician = domain.Clinician{ID: *r.ClinicianID, Active: r.Active != nil && *r.Active}
		if r.Cap != nil {
			l.Cap = *r.Cap
		}
	}
	if l.Alarming() {
		return "⚠ " + l.Standing()
	}
	return l.Standing()
}

func deref64(id *int64) int64 {
	if id == nil {
		return 0
	}
	return *id
}
