package main

import (
	"context"
	"fmt"
	"strconv"

	"github.com/spf13/cobra"

	"caseload/internal/domain"
	"caseload/store"
)

// accessWords are the accesses as typed, for help and completion.
func accessWords() []string {
	out := make([]string, len(domain.Accesses))
	for i, a := range domain.Accesses {
		out[i] = string(a)
	}
	return out
}

func (a *cli) clinicianAccessCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "access ID lead|clinician|admin",
		Short: "Set what a clinician may do in caseload",
		Long: "access sets what clinician ID may do (docs/RULES.md, \"Roles\"): clinician holds\n" +
			"cases; lead also manages the team, keys and allocation and reads the audit log;\n" +
			"admin is IT, who looks after keys and backups and never opens a clinical record.\n" +
			"It is audited. The team's last active lead cannot be given another access: make\n" +
			"someone else a lead first.",
		Example:   "  caseload clinicians access --db team.db 5 admin",
		ValidArgs: accessWords(),
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 2 {
				return usage("access needs a clinician id and an access: caseload clinicians access ID lead|clinician|admin")
			}
			return nil
		},
		RunE: a.runs(func(ctx context.Context, args []string) error {
			id, err := strconv.ParseInt(args[0], 10, 64)
			if err != nil || id <= 0 {
				return fmt.Errorf("%q is not a clinician id: give the number caseload clinicians list shows", args[0])
			}
			to, err := domain.ParseAccess(args[1])
			if err != nil {
				return err
			}
			return a.withStore(ctx, func(st *store.Store) error {
				c, err := clinicianByID(ctx, st, id)
				if err != nil {
					return err
				}
				changed, err := st.SetClinicianAccess(ctx, a.actor, a.clock.Now(), id, to)
				if err != nil {
					return err
				}
				if !changed {
					// Asking twice is not an error: the clinician is where the script wants them.
					_, err = fmt.Fprintf(a.stdout, "clinician %d, %s, already has %s access\n", c.ID, c.Name, to)
					return err
				}
				_, err = fmt.Fprintf(a.stdout, "clinician %d, %s, now has %s access (was %s)\n", c.ID, c.Name, to, c.Access)
				return err
			})
		}),
	}
}
