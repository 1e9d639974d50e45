package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"caseload/internal/export"
	"caseload/store"
)

func (a *cli) exportCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write a person's whole record, for a subject access request",
		RunE: a.runs(func(context.Context, []string) error {
			return usage("export needs a command: person")
		}),
	}
	cmd.AddCommand(a.exportPersonCommand())
	return cmd
}

func (a *cli) exportPersonCommand() *cobra.Command {
	var (
		out   string
		force bool
	)
	cmd := &cobra.Command{
		Use:   "person PERSON_ID --out FILE.pdf|FILE.html|FILE.md",
		Short: "Write a person's whole record (signed records only) for a subject access request",
		Long: "export person writes everything the service holds about one person, readable by them:\n" +
			"their details, every referral with its screening (and checklist), consultations and\n" +
			"withdrawal, each case with every signed note and addendum, every signed formulation\n" +
			"version, release history, forums, handovers and discharge summaries. Drafts are never\n" +
			"written. A cover page says who asked for it and when, and lists for the reviewer the\n" +
			"notes whose \"who was present\" names other people (marked ⚑): nothing is removed, a\n" +
			"reviewer decides. The format is the file's extension; the file is made readable by\n" +
			"you only, and an existing one is refused unless --force. Each export is audited\n" +
			"(person.exported, with ids and counts), in the same transaction as the reading.",
		Example: "  caseload export person --db team.db 12 --out record-12.pdf\n" +
			"  caseload export person --db team.db 12 --out record-12.html --force",
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usage("export person needs one PERSON_ID: caseload export person --db FILE PERSON_ID --out FILE.pdf")
			}
			return nil
		},
	}
	cmd.RunE = a.runs(func(ctx context.Context, args []string) error {
		id, err := strconv.ParseInt(args[0], 10, 64)
		if err != nil || id <= 0 {
			return usage("%q is not a person's id: give the number, as the referral and case lists show it", args[0])
		}
		format, err := export.FormatOf(out)
		if err != nil {
			return usage("%v", err)
		}
		// Refused before anything is read or audited: an export that could not be
		// written would leave an audit entry for a record nobody has.
		if err := export.CheckTarget(out, force); err != nil {
			return err
		}
		return a.withStore(ctx, func(st *store.Store) error {
			now := a.clock.Now()
			rec, err := st.ExportPersonRecord(ctx, a.actor, now, id, string(format))
			if err != nil {
				return err
			}
			doc := export.Build(rec, now, a.exporter(ctx, st))
			data, err := export.Render(doc, format)
			if err != nil {
				return err
			}
			if err := export.WriteFile(out, data, force); err != nil {
				return err
			}
			c := doc.Cover
			_, err = fmt.Fprintf(a.stdout, "wrote %s: the record of person %d (%d notes, %d of them name other people, marked %s for the reviewer)\n",
				out, id, c.Counts.Notes, c.Flagged, export.FlagMark)
			return err
		})
	})
	cmd.Flags().StringVar(&out, "out", "", "the file to write: .pdf, .html or .md says the format")
	cmd.Flags().BoolVar(&force, "force", false, "replace the file if it exists")
	return cmd
}

// exporter is who the cover says made the export: the clinician bound to this account,
// with the account, else the account alone.
func (a *cli) exporter(ctx context.Context, st *store.Store) string {
	account := strings.TrimPrefix(a.actor, "os:")
	if c, bound, err := st.ClinicianByOSUser(ctx, account); err == nil && bound {
		return fmt.Sprintf("%s (account %s)", c.Name, account)
	}
	return "account " + account
}
