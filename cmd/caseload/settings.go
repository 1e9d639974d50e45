package main

import (
	"cmp"
	"context"
	"strings"

	"github.com/spf13/cobra"

	"caseload/store"
)

// settings shows and changes the settings of the whole service, held in the database so
// that every clinician's app applies the same rule (docs/RULES.md, "Screening deadline").
func (a *cli) settingsCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "settings",
		Short: "Show the service's settings, or change one",
		Long: "settings prints every setting of the service with its value and the values it\n" +
			"takes. settings set changes one, for every clinician, and the audit records who\n" +
			"changed it and when.",
		Example: "  caseload settings --db team.db\n  caseload settings set --db team.db screening-deadline 2-working-days",
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 0 {
				return usage("settings takes no arguments: caseload settings, or caseload settings set KEY VALUE")
			}
			return nil
		},
		RunE: a.runs(func(ctx context.Context, _ []string) error {
			return a.withSnapshot(ctx, func(st *store.Store) error {
				ss, err := st.Settings(ctx)
				if err != nil {
					return err
				}
				rows := [][]string{{"SETTING", "VALUE", "VALUES", "WHAT IT DECIDES"}}
				for _, s := range ss {
					rows = append(rows, []string{s.Key, s.Value, cmp.Or(s.Takes, strings.Join(s.Values, ", ")), s.About})
				}
				return writeColumns(a.stdout, rows)
			})
		}),
	}
	cmd.AddCommand(a.settingsSetCommand())
	return cmd
}

func (a *cli) settingsSetCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "set KEY VALUE",
		Short: "Change a setting for the whole service",
		Long: "set changes setting KEY to VALUE for every clinician: their apps pick it up at\n" +
			"once. caseload settings lists the keys and the values each takes.",
		Example: "  caseload settings set --db team.db screening-deadline 2-working-days\n" +
			"  caseload settings set --db team.db screening-deadline 48-hours",
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 2 {
				return usage("settings set needs a setting and a value: caseload settings set KEY VALUE")
			}
			return nil
		},
		RunE: a.runs(func(ctx context.Context, args []string) error {
			key, value := args[0], args[1]
			return a.withStore(ctx, func(st *store.Store) error {
				changed, err := st.SetSetting(ctx, a.actor, a.clock.Now(), key, value)
				if err != nil {
					return err
				}
				if !changed {
					return a.say("%s was already %s\n", key, value)
				}
				return a.say("%s is now %s for every clinician\n", key, value)
			})
		}),
	}
}
