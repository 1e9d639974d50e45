package store

import (
	"context"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// team is one member of each access, and a lead who has left.
type team struct{ lead, clinician, admin, left int64 }

func mustTeam(t testing.TB, s *Store) team {
	t.Helper()
	add := func(name string, a domain.Access, active bool) int64 {
		id, err := s.AddClinician(context.Background(), "os:root", t0, domain.Clinician{Name: name, Access: a, Active: active})
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	return team{lead: add("Dr Lee Lead", domain.AccessLead, true), clinician: add("Dr Tom Halliwell", domain.AccessClinician, true),
		admin: add("Ivy IT", domain.AccessAdmin, true), left: add("Dr Gone", domain.AccessLead, false)}
}

func actorOf(id int64) string { return "clinician:" + strconv.FormatInt(id, 10) }

// who may make each change the store records, by the action its audit entry names
// (docs/RULES.md, "Roles"): lead, clinician, admin. Every action the store writes must
// be here (TestPermitsDecidesEveryAction), so a new one fails until someone decides.
var whoMay = map[string][3]bool{
	"referral.added":              {true, true, false},
	"referral.screened":           {true, true, false},
	"referral.withdrawn":          {true, true, false},
	"referral.corrected":          {true, true, false},
	"referral.consulted":          {true, true, false},
	"referral.duplicate-answered": {true, true, false},
	"case.opened":                 {true, true, false},
	"case.viewed":                 {true, true, false},
	"case.imported":               {true, false, false},
	"note.draft_saved":            {true, true, false},
	"note.signed":                 {true, true, false},
	"note.addendum_signed":        {true, true, false},
	"formulation.draft_saved":     {true, true, false},
	"formulation.signed":          {true, true, false},
	"forum.involvement":           {true, true, false},
	"forum.meeting.recorded":      {true, true, false},
	"forum.meeting.changed":       {true, true, false},
	"release.changed":             {true, true, false},
	"release.actual":              {true, true, false},
	"release.recalled":            {true, true, false},
	"release.re-released":         {true, true, false},
	"clinician.added":             {true, false, false},
	"clinician.bound":             {true, false, false},
	"clinician.unbound":           {true, false, false},
	"clinician.deactivated":       {true, false, false},
	"clinician.access_changed":    {true, false, false},
	"clinician.key_added":         {true, false, true},
	"clinician.key_revoked":       {true, false, true},
	"database.verified":           {true, false, true},
	"database.backed_up":          {true, false, true},
	"database.created":            {false, false, false}, // caseload's own, never a person's
	"database.sealed":             {false, false, false},
	"setting.changed":             {true, false, false},
	"referral.viewed":             {true, true, false},
	"note.viewed":                 {true, true, false},
	"search.run":                  {true, true, false},
	"search.opened":               {true, true, false},
	"session.started":             {true, true, true}, // IT's sessions are audited too
	"session.ended":               {true, true, true},
	"case.discharge_draft_saved":  {true, true, false},
	"measure.recorded":            {true, true, false},
	"measure.wording_set":         {true, false, false},
	"outcome.recorded":            {true, true, false},
	"risk_judgement.recorded":     {true, true, false},
	"case.closed":                 {true, true, false},
	"case.reopened":               {true, false, false},
	"case.handed_over":            {true, true, false}, // the store allows a lead or the case's own clinician
	"access_request.recorded":     {true, false, false},
	"access_request.extended":     {true, false, false},
	"access_request.answered":     {true, false, false},
	"person.exported":             {true, false, false},
	"report.extracted":            {true, false, false},
	"retention.decided":           {true, false, false},
}

// The permission table decides every action the store writes, as this table says: the
// actions are read from the store's own source (every string passed as the action of
// an audit entry, and every const action*), so adding one without a decision fails.
func TestPermitsDecidesEveryAction(t *testing.T) {
	written := storeActions(t)
	if len(written) < 30 {
		t.Fatalf("found only %d actions in the store's source: the scan is broken", len(written))
	}
	for _, action := range written {
		want, ok := whoMay[action]
		if !ok {
			t.Errorf("the store writes %q, which whoMay does not decide: add it here and to domain's permissions", action)
			continue
		}
		for i, a := range []domain.Access{domain.AccessLead, domain.AccessClinician, domain.AccessAdmin} {
			if got := domain.Permits(a, action); got != want[i] {
				t.Errorf("Permits(%s, %s) = %v, want %v", a, action, got, want[i])
			}
		}
	}
	for action := range whoMay {
		if !contains(written, action) {
			t.Errorf("whoMay decides %q, which the store no longer writes", action)
		}
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}

var actionShape = regexp.MustCompile(`^[a-z_]+\.[a-z_.-]+$`)

// storeActions reads every audit action in the store's non-test source: string
// literals passed to audit, append, appendSealed and releaseEvent, and constants named
// action*.
func storeActions(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	set := map[string]bool{}
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		lit := func(e ast.Expr) {
			if b, ok := e.(*ast.BasicLit); ok && b.Kind == token.STRING {
				if v, err := strconv.Unquote(b.Value); err == nil && actionShape.MatchString(v) {
					set[v] = true
				}
			}
		}
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if sel, ok := n.Fun.(*ast.SelectorExpr); ok {
					switch sel.Sel.Name {
					case "audit", "append", "appendSealed", "releaseEvent", "appendReading":
						for _, a := range n.Args {
							lit(a)
						}
					}
				}
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if strings.HasPrefix(strings.ToLower(name.Name), "action") && i < len(n.Values) {
						lit(n.Values[i])
					}
				}
			}
			return true
		})
	}
	// Reading a record is audited as "<entity>.viewed" for each entity RecordViewed takes.
	for entity := range viewable {
		set[entity+".viewed"] = true
	}
	out := make([]string, 0, len(set))
	for a := range set {
		out = append(out, a)
	}
	sort.Strings(out)
	return out
}

// Each change a member of the team's access does not allow is refused with
// ErrForbidden and one sentence naming them, what they may not do and who may, and
// nothing of it is written; one by a clinician who has left is refused (ErrConflict);
// the file's owner at a command (os:...) is never refused by role.
func TestChangesRefusedByAccess(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	tm := mustTeam(t, s)
	caseID := openCase(t, s, tm.clinician, 1)
	referral := mustAdd(t, s, eligibleReferral(t))
	key := newPublicKey(t, "ivy@it")
	backup := domain.SafetyCheck{Kind: domain.SafetyBackup, At: t0, OK: true, Head: 1, Backup: "caseload-2026-11-24.db"}
	type change func(actor string, id int64) error
	var (
		addReferral = func(actor string, _ int64) error {
			r := eligibleReferral(t)
			r.Person.NHSNumber = testNHS(900)
			_, err := s.AddReferral(ctx, actor, t0, r)
			return err
		}
		screen = func(actor string, _ int64) error {
			_, err := s.ScreenReferral(ctx, actor, t0, referral, domain.ScreenedIn, "")
			return err
		}
		saveNote = func(_ string, id int64) error {
			_, err := s.SaveNoteDraft(ctx, id, t0, draft(caseID, "Seen at the hostel."))
			return err
		}
		viewCase = func(_ string, id int64) error {
			_, err := s.ViewCase(ctx, id, t0, caseID)
			return err
		}
		release = func(actor string, _ int64) error {
			return s.RecordRelease(ctx, actor, t0, caseID, ident.MustDate(2026, 11, 1))
		}
		addClinician = func(actor string, _ int64) error {
			_, err := s.AddClinician(ctx, actor, t0, domain.Clinician{Name: "New Starter", Active: true})
			return err
		}
		deactivate = func(actor string, _ int64) error { return s.DeactivateClinician(ctx, actor, t0, tm.lead) }
		bind       = func(actor string, _ int64) error { return s.BindClinician(ctx, actor, t0, tm.clinician, "tom") }
		access     = func(actor string, _ int64) error {
			_, err := s.SetClinicianAccess(ctx, actor, t0, tm.clinician, domain.AccessLead)
			return err
		}
		addKey = func(actor string, _ int64) error {
			_, err := s.AddClinicianKey(ctx, actor, t0, tm.clinician, key)
			return err
		}
		setting = func(actor string, _ int64) error {
			_, err := s.SetSetting(ctx, actor, t0, "screening-deadline", "2-working-days")
			return err
		}
		recordBackup = func(actor string, _ int64) error { return s.RecordSafetyCheck(ctx, actor, t0, backup) }
	)
	for _, c := range []struct {
		name   string
		who    int64
		change change
		want   error
		says   string
	}{
		{"admin adds a referral", tm.admin, addReferral, ErrForbidden, "Ivy IT (admin) may not change clinical records: a lead or a clinician may."},
		{"admin screens", tm.admin, screen, ErrForbidden, "Ivy IT (admin) may not change clinical records"},
		{"admin writes a note", tm.admin, saveNote, ErrForbidden, "Ivy IT (admin) may not change clinical records"},
		{"admin opens a case", tm.admin, viewCase, ErrForbidden, "Ivy IT (admin) may not open or change clinical records"},
		{"admin records a release", tm.admin, release, ErrForbidden, "Ivy IT (admin) may not change clinical records"},
		{"admin adds a clinician", tm.admin, addClinician, ErrForbidden, "Ivy IT (admin) may not manage the team: only a lead may."},
		{"admin changes access", tm.admin, access, ErrForbidden, "Ivy IT (admin) may not manage the team"},
		{"admin deactivates", tm.admin, deactivate, ErrForbidden, "Ivy IT (admin) may not manage the team"},
		{"admin changes a setting", tm.admin, setting, ErrForbidden, "Ivy IT (admin) may not change the service's settings: only a lead may."},
		{"clinician adds a clinician", tm.clinician, addClinician, ErrForbidden, "Dr Tom Halliwell (clinician) may not manage the team: only a lead may."},
		{"clinician deactivates", tm.clinician, deactivate, ErrForbidden, "Dr Tom Halliwell (clinician) may not manage the team"},
		{"clinician binds", tm.clinician, bind, ErrForbidden, "may not manage the team"},
		{"clinician changes their own access", tm.clinician, access, ErrForbidden, "may not change their own access"},
		{"lead deactivates themselves", tm.lead, deactivate, ErrForbidden, "may not deactivate themselves"},
		{"clinician adds a key", tm.clinician, addKey, ErrForbidden, "Dr Tom Halliwell (clinician) may not add a key: a lead or an admin may."},
		{"clinician changes a setting", tm.clinician, setting, ErrForbidden, "may not change the service's settings"},
		{"clinician records a backup", tm.clinician, recordBackup, ErrForbidden, "Dr Tom Halliwell (clinician) may not record a backup: a lead or an admin may."},
		{"a lead who left adds a referral", tm.left, addReferral, ErrConflict, "Dr Gone has been deactivated"},
		{"a lead who left adds a key", tm.left, addKey, ErrConflict, "Dr Gone has been deactivated"},
		{"a lead who left adds a clinician", tm.left, addClinician, ErrConflict, "Dr Gone has been deactivated"},
		{"nobody on the team", 99, addReferral, ErrNotFound, "clinician 99 does not exist"},
	} {
		t.Run(c.name, func(t *testing.T) {
			before, entries := count(t, s, "clinicians")+count(t, s, "referrals")+count(t, s, "notes"), count(t, s, "audit")
			err := c.change(actorOf(c.who), c.who)
			if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.says) {
				t.Fatalf("err = %v, want %v saying %q", err, c.want, c.says)
			}
			after := count(t, s, "clinicians") + count(t, s, "referrals") + count(t, s, "notes")
			if after != before || count(t, s, "audit") != entries {
				t.Errorf("refused, yet %d rows and %d audit entries were written", after-before, count(t, s, "audit")-entries)
			}
		})
	}
	// What each may do goes through, as does the file's owner at a command.
	for _, c := range []struct {
		name   string
		who    string
		id     int64
		change change
	}{
		{"admin adds a key", actorOf(tm.admin), tm.admin, addKey},
		{"admin records a backup", actorOf(tm.admin), tm.admin, recordBackup},
		{"clinician writes a note", actorOf(tm.clinician), tm.clinician, saveNote},
		{"clinician opens a case", actorOf(tm.clinician), tm.clinician, viewCase},
		{"lead changes a setting", actorOf(tm.lead), tm.lead, setting},
		{"lead binds", actorOf(tm.lead), tm.lead, bind},
		{"owner adds a clinician", "os:root", 0, addClinician},
	} {
		if err := c.change(c.who, c.id); err != nil {
			t.Errorf("%s: %v", c.name, err)
		}
	}
	mustVerify(t, s)
}
