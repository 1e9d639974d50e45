package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"caseload/internal/domain"
	"caseload/store"
)

func (a *cli) searchCommand() *cobra.Command {
	var (
		format string
		pretty bool
		as     int64
		limit  int
	)
	cmd := &cobra.Command{
		Use:   "search QUERY...",
		Short: "Find notes, addenda and formulations by their words",
		Long: "search finds the words of QUERY in the clinical notes, their addenda and the\n" +
			"formulations, as the app's search does, and prints each match's kind, case, person\n" +
			"and date with the matching words in context, marked [like this].\n" +
			"Signed records are found for everyone; a draft only for its author: the clinician\n" +
			"bound to your OS account (--as, if given, must name them). Dates in json are UTC\n" +
			"(RFC 3339); the table shows London time.",
		Example: "  caseload search --db team.db relapse prevention\n" +
			"  caseload search --db team.db --format json \"sister\"",
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usage("search needs the words to find: caseload search QUERY...")
			}
			return nil
		},
	}
	cmd.RunE = a.runs(func(ctx context.Context, args []string) error {
		write, ok := searchFormat(format)
		if !ok {
			return usage("--format %q is not a format: use table or json", format)
		}
		if limit < 1 {
			return usage("--limit %d: give how many matches to print, at least 1", limit)
		}
		query := strings.Join(args, " ")
		if strings.TrimSpace(query) == "" {
			return errors.New("the search is blank: give the words to find")
		}
		return a.withSnapshot(ctx, func(st *store.Store) error {
			viewer, err := a.searchViewer(ctx, st, cmd.Flags().Changed("as"), as)
			if err != nil {
				return err
			}
			found, err := st.Search(ctx, viewer, query, limit)
			if err != nil {
				return err
			}
			return compactUnless(pretty || format != "json", a.stdout, func(w io.Writer) error { return write(w, found, query, a.london) })
		})
	})
	cmd.Flags().StringVar(&format, "format", "table", "output format: table or json")
	prettyFlag(cmd, &pretty)
	cmd.Flags().Int64Var(&as, "as", 0, "the clinician id bound to your OS account, whose own drafts are found too; any other is refused")
	cmd.Flags().IntVar(&limit, "limit", 50, "print at most this many matches, best first")
	return cmd
}

// searchViewer is whose drafts the search may find: the clinician bound to this OS
// account, else nobody (0), when only signed records are found. --as names that same
// clinician or is refused: a draft is its author's alone, and an account may not search
// as someone else (issue 12, finding 6). A deactivated clinician is refused before
// anything is shown, as the app refuses them.
func (a *cli) searchViewer(ctx context.Context, st *store.Store, asGiven bool, as int64) (int64, error) {
	if asGiven {
		if _, err := clinicianByID(ctx, st, as); err != nil {
			return 0, fmt.Errorf("--as %d: %w", as, err)
		}
	}
	osUser := strings.TrimPrefix(a.actor, "os:")
	c, bound, err := st.ClinicianByOSUser(ctx, osUser)
	switch {
	case err != nil:
		return 0, err
	case asGiven && !bound:
		return 0, fmt.Errorf("--as %d: account %s is not bound to a clinician, and a search finds only your own drafts: "+
			"ask a lead to bind your account (caseload clinicians bind), or leave out --as to search signed records", as, osUser)
	case asGiven && c.ID != as:
		return 0, fmt.Errorf("--as %d: account %s is %s (clinician %d), and a search finds only your own drafts: leave out --as",
			as, osUser, c.Name, c.ID)
	case !bound:
		return 0, nil
	case !c.Active:
		return 0, fmt.Errorf("account %s belongs to %s, who is no longer an active clinician: ask a lead", osUser, c.Name)
	}
	return c.ID, nil
}

// searchJSON is the JSON contract of search: note_id only for an addendum, and a date
// that is not recorded is null.
type searchJSON struct {
	Kind    string  `json:"kind"`
	ID      int64   `json:"id"`
	NoteID  *int64  `json:"note_id"`
	CaseID  int64   `json:"case_id"`
	Person  string  `json:"person"`
	Date    *string `json:"date"`
	Signed  bool    `json:"signed"`
	Snippet string  `json:"snippet"`
}

type searchWriter func(w io.Writer, rs []domain.SearchResult, query string, london *time.Location) error

func searchFormat(name string) (searchWriter, bool) {
	switch name {
	case "table":
		return writeSearchTable, true
	case "json":
		return writeSearchJSON, true
	}
	return nil, false
}

func writeSearchJSON(w io.Writer, rs []domain.SearchResult, _ string, _ *time.Location) error {
	out := make([]searchJSON, 0, len(rs)) // never nil: nothing found is [], not null
	for _, r := range rs {
		j := searchJSON{Kind: r.Kind, ID: r.ID, CaseID: r.CaseID, Person: r.Person, Signed: r.Signed, Snippet: r.Snippet}
		if r.Kind == "addendum" {
			j.NoteID = &r.NoteID
		}
		if !r.When.IsZero() {
			j.Date = orNull(utc(r.When))
		}
		out = append(out, j)
	}
	return encodeJSON(w, out)
}

// kindLabel is the kind as the app's search shows it: "draft" added when unsigned, as
// a draft may still change.
func kindLabel(r domain.SearchResult) string {
	if r.Signed {
		return r.Kind
	}
	return r.Kind + " draft"
}

func writeSearchTable(w io.Writer, rs []domain.SearchResult, query string, london *time.Location) error {
	if len(rs) == 0 {
		_, err := fmt.Fprintf(w, "nothing found for %q\n", query)
		return err
	}
	// The snippet goes last: it is the long one, and the last column is not padded.
	rows := [][]string{{"KIND", "CASE", "PERSON", "DATE", "FOUND"}}
	for _, r := range rs {
		date := "-"
		if !r.When.IsZero() {
			date = r.When.In(london).Format("Mon 02 Jan 2006 15:04")
		}
		rows = append(rows, []string{kindLabel(r), strconv.FormatInt(r.CaseID, 10), cell(r.Person, maxName),
			date, snippetCell(r.Snippet)})
	}
	return writeColumns(w, rows)
}

// snippetCell puts a snippet on one line. It is not cut short: the store already keeps it
// to a few words around each match, and a cut could drop a match's closing bracket.
func snippetCell(s string) string { return strings.Join(strings.Fields(s), " ") }
