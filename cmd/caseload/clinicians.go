package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"caseload/internal/csvfile"
	"caseload/internal/domain"
	"caseload/store"
)

func (a *cli) cliniciansCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "clinicians",
		Short: "Add, list, deactivate, bind or unbind the team's clinicians, set their access, and keep their keys",
		Long: "clinicians keeps the team's list: everything a clinician writes or signs carries\n" +
			"their id. A clinician who leaves is deactivated, never deleted, so old records\n" +
			"still name them.",
		// As with referrals: no subcommand is a usage error, so a typo fails loudly.
		RunE: a.runs(func(context.Context, []string) error {
			return usage("clinicians needs a command: add, list, deactivate, access, bind, unbind or keys")
		}),
	}
	cmd.AddCommand(a.clinicianAddCommand(), a.cliniciansListCommand(), a.clinicianDeactivateCommand(),
		a.clinicianAccessCommand(), a.clinicianBindCommand(), a.clinicianUnbindCommand(), a.clinicianKeysCommand())
	return cmd
}

func (a *cli) clinicianAddCommand() *cobra.Command {
	var name, role, registration, access string
	cmd := &cobra.Command{
		Use:   "add --name NAME --role ROLE [--registration REG] [--access lead|clinician|admin]",
		Short: "Add a clinician to the team",
		Long: "add records a new, active clinician and prints their id.\n" +
			"The role is free text; the team's roles are: clinical psychologist, assistant\n" +
			"psychologist, nurse, lead. The registration is the HCPC or NMC number, where the\n" +
			"role has one.\n" +
			"The access is what they may do in caseload: clinician (holds cases), lead (also\n" +
			"manages the team, keys and allocation) or admin (IT: keys and backups, never a\n" +
			"clinical record). Without --access, the role lead gives lead and any other role\n" +
			"clinician.",
		Example: "  caseload clinicians add --db team.db --name \"Dr Tom Halliwell\" --role \"clinical psychologist\" --registration PYL31958\n" +
			"  caseload clinicians add --db team.db --name \"Sanjay Mistry\" --role \"assistant psychologist\"\n" +
			"  caseload clinicians add --db team.db --name \"Ivy Okafor\" --role \"IT\" --access admin",
		Args: cobra.NoArgs,
	}
	cmd.RunE = a.runs(func(ctx context.Context, _ []string) error {
		// A flag left out is the command line's fault; one given blank is the value's.
		if !cmd.Flags().Changed("name") || !cmd.Flags().Changed("role") {
			return usage("clinicians add needs --name NAME and --role ROLE")
		}
		c := domain.Clinician{Name: strings.TrimSpace(name), Role: strings.TrimSpace(role),
			Registration: strings.TrimSpace(registration), Active: true}
		switch {
		case c.Name == "":
			return errors.New("--name is blank: give the clinician's name")
		case c.Role == "":
			return errors.New("--role is blank: give the clinician's role, e.g. clinical psychologist, assistant psychologist, nurse or lead")
		}
		if cmd.Flags().Changed("access") {
			a, err := domain.ParseAccess(access)
			if err != nil {
				return err
			}
			c.Access = a
		}
		return a.withStore(ctx, func(st *store.Store) error {
			id, err := st.AddClinician(ctx, a.actor, a.clock.Now(), c)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(a.stdout, "added clinician %d: %s, %s\n", id, c.Name, c.Role)
			return err
		})
	})
	cmd.Flags().StringVar(&name, "name", "", "the clinician's name as it should appear on their records")
	cmd.Flags().StringVar(&role, "role", "", "role, e.g. clinical psychologist, assistant psychologist, nurse or lead")
	cmd.Flags().StringVar(&registration, "registration", "", "registration number (HCPC or NMC), if the role has one")
	cmd.Flags().StringVar(&access, "access", "", "what they may do: clinician, lead or admin (default: lead for the role lead, else clinician)")
	_ = cmd.RegisterFlagCompletionFunc("access", cobra.FixedCompletions(accessWords(), cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("role", cobra.FixedCompletions(
		[]string{"clinical psychologist", "assistant psychologist", "nurse", "lead"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func (a *cli) cliniciansListCommand() *cobra.Command {
	var (
		format string
		pretty bool
	)
	cmd := &cobra.Command{
		Use:     "list",
		Short:   "Print every clinician, active or not",
		Long:    "list prints every clinician in the order they were added, deactivated ones too.",
		Example: "  caseload clinicians list --db team.db --format json",
		Args:    cobra.NoArgs,
		RunE: a.runs(func(ctx context.Context, _ []string) error {
			write, ok := clinicianFormat(format)
			if !ok {
				return usage("--format %q is not a format: use table, json or csv", format)
			}
			return a.withSnapshot(ctx, func(st *store.Store) error {
				cs, err := st.Clinicians(ctx)
				if err != nil {
					return err
				}
				return compactUnless(pretty || format != "json", a.stdout, func(w io.Writer) error { return write(w, cs) })
			})
		}),
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table, json or csv")
	prettyFlag(cmd, &pretty)
	return cmd
}

func (a *cli) clinicianDeactivateCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "deactivate ID",
		Short: "Deactivate a clinician who has left",
		Long: "deactivate stops a clinician using caseload. Their records keep their name;\n" +
			"nothing is deleted. ID is the number clinicians list shows.",
		Example: "  caseload clinicians deactivate --db team.db 4",
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usage("deactivate needs one clinician id: caseload clinicians deactivate ID")
			}
			return nil
		},
		RunE: a.runs(func(ctx context.Context, args []string) error {
			id, err := strconv.ParseInt(args[0], 10, 64)
			if err != nil || id <= 0 {
				return fmt.Errorf("%q is not a clinician id: give the number caseload clinicians list shows", args[0])
			}
			return a.withStore(ctx, func(st *store.Store) error {
				c, err := clinicianByID(ctx, st, id)
				if err != nil {
					return err
				}
				if !c.Active {
					// Asking twice is not an error: the clinician is where the script wants them.
					_, err := fmt.Fprintf(a.stdout, "clinician %d, %s, was already deactivated\n", c.ID, c.Name)
					return err
				}
				if err := st.DeactivateClinician(ctx, a.actor, a.clock.Now(), id); err != nil {
					return err
				}
				_, err = fmt.Fprintf(a.stdout, "deactivated clinician %d, %s\n", c.ID, c.Name)
				return err
			})
		}),
	}
}

// clinicianByID finds a clinician, or says the id is unknown in a sentence that says
// where to look.
func clinicianByID(ctx context.Context, st *store.Store, id int64) (domain.Clinician, error) {
	cs, err := st.Clinicians(ctx)
	if err != nil {
		return domain.Clinician{}, err
	}
	for _, c := range cs {
		if c.ID == id {
			return c, nil
		}
	}
	return domain.Clinician{}, fmt.Errorf("no clinician has id %d: see caseload clinicians list", id)
}

// clinicianJSON is the JSON contract of clinicians list: what is not recorded is null.
type clinicianJSON struct {
	ID           int64   `json:"id"`
	Name         string  `json:"name"`
	Role         string  `json:"role"`
	Registration *string `json:"registration"`
	OSUser       *string `json:"os_user"`
	Active       bool    `json:"active"`
	Access       string  `json:"access"`
}

type clinicianWriter func(w io.Writer, cs []domain.Clinician) error

func clinicianFormat(name string) (clinicianWriter, bool) {
	switch name {
	case "table":
		return writeClinicianTable, true
	case "json":
		return writeClinicianJSON, true
	case "csv":
		return writeClinicianCSV, true
	}
	return nil, false
}

func writeClinicianJSON(w io.Writer, cs []domain.Clinician) error {
	out := make([]clinicianJSON, 0, len(cs)) // never nil: no clinicians is [], not null
	for _, c := range cs {
		out = append(out, clinicianJSON{ID: c.ID, Name: c.Name, Role: c.Role,
			Registration: orNull(c.Registration), OSUser: orNull(c.OSUser), Active: c.Active, Access: string(c.Access)})
	}
	return encodeJSON(w, out)
}

// encodeJSON writes v indented, with &, < and > left as typed.
func encodeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// writeClinicianCSV writes every cell but the id through csvfile's SafeCell: a name or
// role typed as a formula stays text in a spreadsheet.
func writeClinicianCSV(w io.Writer, cs []domain.Clinician) error {
	cw := csvfile.NewWriter(w, []string{"id", "name", "role", "registration", "os_user", "active", "access"}, "id")
	for _, c := range cs {
		_ = cw.Write([]string{strconv.FormatInt(c.ID, 10), c.Name, c.Role, c.Registration, c.OSUser,
			strconv.FormatBool(c.Active), string(c.Access)})
	}
	return cw.Flush()
}

func writeClinicianTable(w io.Writer, cs []domain.Clinician) error {
	if len(cs) == 0 {
		_, err := fmt.Fprintln(w, "no clinicians: add one with caseload clinicians add")
		return err
	}
	rows := [][]string{{"ID", "NAME", "ROLE", "REGISTRATION", "OS USER", "ACTIVE", "ACCESS"}}
	for _, c := range cs {
		active := "yes"
		if !c.Active {
			active = "no"
		}
		rows = append(rows, []string{strconv.FormatInt(c.ID, 10), cell(c.Name, maxName), cell(c.Role, maxName),
			cell(c.Registration, maxName), cell(c.OSUser, maxName), active, string(c.Access)})
	}
	return writeColumns(w, rows)
}

// cell makes a value fit one table cell: on one line, at most width terminal cells, and
// "-" when there is nothing, so an empty column still reads as a column.
func cell(s string, width int) string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return "-"
	}
	if ansi.StringWidth(s) > width {
		s = ansi.Truncate(s, width, "…")
	}
	return s
}

// writeColumns writes rows as aligned columns two cells apart. Widths are terminal cells
// measured by ansi.StringWidth, so CJK, emoji and right-to-left text keep the columns
// straight; the last column is not padded.
func writeColumns(w io.Writer, rows [][]string) error {
	var widths []int
	for _, row := range rows {
		for i, c := range row {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], ansi.StringWidth(c))
		}
	}
	var b strings.Builder
	for _, row := range rows {
		for i, c := range row {
			b.WriteString(c)
			if i < len(row)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-ansi.StringWidth(c)+2))
			}
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}
