package main

import (
	"context"
	"fmt"
	"io"
	"strconv"

	"github.com/spf13/cobra"

	"caseload/internal/csvfile"
	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/store"
)

// accessRequestJSON is a subject access request as the headless list writes it.
type accessRequestJSON struct {
	ID              int64   `json:"id"`
	PersonID        int64   `json:"person_id"`
	Person          string  `json:"person"`
	ReceivedOn      string  `json:"received_on"`
	RequestedBy     string  `json:"requested_by"`
	DueOn           string  `json:"due_on"`
	ExtendedTo      *string `json:"extended_to"`
	ExtensionReason *string `json:"extension_reason"`
	AnsweredOn      *string `json:"answered_on"`
	DaysLeft        *int    `json:"days_left"` // open only: negative when overdue
}

func (a *cli) accessRequestsCommand() *cobra.Command {
	var format string
	var all, pretty bool
	cmd := &cobra.Command{
		Use:     "access-requests",
		Aliases: []string{"sar"},
		Short:   "List subject access requests, or record, extend or answer one",
		Long: "access-requests lists the open subject access requests, the soonest due first\n" +
			"(--all: every request, the newest first). A request is due one calendar month\n" +
			"after it was received (UK GDPR article 15), and may be extended once by up to two\n" +
			"more months with a reason. caseload export person writes the record to send.\n" +
			"Recording, extending and answering are a lead's; each is audited.",
		Example: "  caseload access-requests --db team.db\n" +
			"  caseload access-requests add --db team.db 12 --received 2026-11-30 --by \"the person, by letter\"",
		Args: cobra.NoArgs,
		RunE: a.runs(func(ctx context.Context, _ []string) error {
			write, ok := map[string]func(io.Writer, []accessRequestJSON) error{"table": accessRequestsTable,
				"json": accessRequestsJSON, "csv": accessRequestsCSV}[format]
			if !ok {
				return usage("--format %q is not a format: use table, json or csv", format)
			}
			return a.withSnapshot(ctx, func(st *store.Store) error {
				read := st.OpenAccessRequests
				if all {
					read = st.AccessRequests
				}
				reqs, err := read(ctx)
				if err != nil {
					return err
				}
				rows := accessRequestRows(reqs, ident.DateOf(a.clock.Now().In(a.london)))
				return compactUnless(pretty || format != "json", a.stdout, func(w io.Writer) error { return write(w, rows) })
			})
		}),
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table, json or csv")
	cmd.Flags().BoolVar(&all, "all", false, "every request, answered ones too")
	prettyFlag(cmd, &pretty)
	cmd.AddCommand(a.accessRequestAddCommand(), a.accessRequestExtendCommand(), a.accessRequestAnswerCommand())
	return cmd
}

func accessRequestRows(reqs []domain.AccessRequestOn, today ident.Date) []accessRequestJSON {
	out := make([]accessRequestJSON, 0, len(reqs))
	for _, r := range reqs {
		row := accessRequestJSON{ID: r.ID, PersonID: r.PersonID, Person: r.Person, ReceivedOn: r.ReceivedOn.String(),
			RequestedBy: r.RequestedBy, DueOn: r.DueOn.String(), ExtendedTo: orNull(r.ExtendedTo.String()),
			ExtensionReason: orNull(r.ExtensionReason), AnsweredOn: orNull(r.AnsweredOn.String())}
		if r.Open() {
			n := today.DaysUntil(r.Due())
			row.DaysLeft = &n
		}
		out = append(out, row)
	}
	return out
}

func accessRequestsJSON(w io.Writer, rows []accessRequestJSON) error { return indentedJSON(w, rows) }

func accessRequestsCSV(w io.Writer, rows []accessRequestJSON) error {
	cw := csvfile.NewWriter(w, []string{"id", "person_id", "person", "received_on", "requested_by", "due_on", "extended_to",
		"extension_reason", "answered_on", "days_left"}, "id", "person_id", "received_on", "due_on", "extended_to", "answered_on", "days_left")
	for _, r := range rows {
		_ = cw.Write([]string{strconv.FormatInt(r.ID, 10), strconv.FormatInt(r.PersonID, 10), r.Person, r.ReceivedOn,
			r.RequestedBy, r.DueOn, deref(r.ExtendedTo), deref(r.ExtensionReason), deref(r.AnsweredOn), num(r.DaysLeft)})
	}
	return cw.Flush()
}

func accessRequestsTable(w io.Writer, rows []accessRequestJSON) error {
	if len(rows) == 0 {
		_, err := fmt.Fprintln(w, "No subject access request is open.")
		return err
	}
	table := [][]string{{"ID", "PERSON", "RECEIVED", "DUE", "STANDS", "ASKED BY"}}
	for _, r := range rows {
		due, stands := r.DueOn, "answered on "+deref(r.AnsweredOn)
		if r.ExtendedTo != nil {
			due = *r.ExtendedTo + " (extended)"
		}
		if r.DaysLeft != nil {
			stands = dueWords(*r.DaysLeft)
		}
		table = append(table, []string{strconv.FormatInt(r.ID, 10), tableName(r.Person), r.ReceivedOn, due, stands,
			tableName(r.RequestedBy)})
	}
	_, err := io.WriteString(w, aligned(table))
	return err
}

// dueWords is an open request's days left in words.
func dueWords(n int) string {
	switch {
	case n < 0:
		return fmt.Sprintf("OVERDUE by %d days", -n)
	case n == 0:
		return "due today"
	case n == 1:
		return "due tomorrow"
	}
	return fmt.Sprintf("due in %d days", n)
}
