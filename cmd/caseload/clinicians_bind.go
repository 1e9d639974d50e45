package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"caseload/internal/domain"
	"caseload/store"
)

// On a local database a clinician is bound to their OS account the first time they
// open the app, and asked to confirm it. bind and unbind are a lead's way to set it
// from the command line: to bind an account ahead of first use, undo a wrong binding,
// or free the account of a clinician who has been deactivated.

func (a *cli) clinicianBindCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "bind --os-user NAME ID",
		Short: "Bind an OS account to a clinician",
		Long: "bind makes OS account NAME clinician ID: what is written or signed from that\n" +
			"account carries their name. One account is one clinician, and a clinician has one\n" +
			"account: to move a binding, unbind it first. ID is the number clinicians list shows.",
		Example: "  caseload clinicians bind --db team.db --os-user thalliwell 2",
	}
	return a.bindingCommand(cmd, "the OS account, as whoami prints it",
		func(ctx context.Context, st *store.Store, c domain.Clinician, account string) error {
			if c.OSUser == account {
				return a.say("OS account %s was already bound to clinician %d, %s\n", account, c.ID, c.Name)
			}
			if err := st.BindClinician(ctx, a.actor, a.clock.Now(), c.ID, account); err != nil {
				return err
			}
			return a.say("bound OS account %s to clinician %d, %s\n", account, c.ID, c.Name)
		})
}

func (a *cli) clinicianUnbindCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "unbind --os-user NAME ID",
		Short: "Unbind an OS account from a clinician",
		Long: "unbind undoes the binding of OS account NAME to clinician ID, so the account can be\n" +
			"bound again: to the right clinician after a wrong choice, or to whoever uses the\n" +
			"account of a clinician who has left. Both are named, so a slip of the id cannot\n" +
			"unbind someone else. What the clinician wrote stays theirs.",
		Example: "  caseload clinicians unbind --db team.db --os-user thalliwell 2",
	}
	return a.bindingCommand(cmd, "the OS account, as clinicians list shows it",
		func(ctx context.Context, st *store.Store, c domain.Clinician, account string) error {
			if err := st.UnbindClinician(ctx, a.actor, a.clock.Now(), c.ID, account); err != nil {
				return err
			}
			if c.OSUser == "" {
				// Asking twice is not an error: the account is where the script wants it.
				return a.say("clinician %d, %s, was not bound to an OS account\n", c.ID, c.Name)
			}
			return a.say("unbound OS account %s from clinician %d, %s\n", account, c.ID, c.Name)
		})
}

// bindingCommand is what bind and unbind share: the --os-user flag and one clinician
// id, read and checked, the clinician looked up in the store, then act.
func (a *cli) bindingCommand(cmd *cobra.Command, flagHelp string,
	act func(ctx context.Context, st *store.Store, c domain.Clinician, account string) error) *cobra.Command {
	var osUser string
	verb := strings.Fields(cmd.Use)[0]
	cmd.Args = oneClinicianID(verb)
	cmd.RunE = a.runs(func(ctx context.Context, args []string) error {
		id, account, err := bindingArgs(cmd, verb, osUser, args)
		if err != nil {
			return err
		}
		return a.withStore(ctx, func(st *store.Store) error {
			c, err := clinicianByID(ctx, st, id)
			if err != nil {
				return err
			}
			return act(ctx, st, c, account)
		})
	})
	cmd.Flags().StringVar(&osUser, "os-user", "", flagHelp)
	return cmd
}

// oneClinicianID checks the command line of bind or unbind: one clinician id.
func oneClinicianID(verb string) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) != 1 {
			return usage("%s needs --os-user NAME and one clinician id: caseload clinicians %s --os-user NAME ID", verb, verb)
		}
		return nil
	}
}

// bindingArgs reads the account and the id. A flag left out is the command line's
// fault; one given blank, or an id that is not a number, is the value's.
func bindingArgs(cmd *cobra.Command, verb, osUser string, args []string) (int64, string, error) {
	if !cmd.Flags().Changed("os-user") {
		return 0, "", usage("%s needs --os-user NAME and one clinician id: caseload clinicians %s --os-user NAME ID", verb, verb)
	}
	account := strings.TrimSpace(osUser)
	if account == "" {
		return 0, "", errors.New("--os-user is blank: give the account name, as whoami prints it")
	}
	id, err := strconv.ParseInt(args[0], 10, 64)
	if err != nil || id <= 0 {
		return 0, "", fmt.Errorf("%q is not a clinician id: give the number caseload clinicians list shows", args[0])
	}
	return id, account, nil
}

func (a *cli) say(format string, args ...any) error {
	_, err := fmt.Fprintf(a.stdout, format, args...)
	return err
}

// deactivatedRefusal is the app's refusal of an account bound to a clinician who has
// been deactivated, naming the command a lead runs to free the account (db is the
// database file, as store.Store.Path gives it).
func deactivatedRefusal(osUser string, me domain.Clinician, db string) string {
	return fmt.Sprintf("account %s belongs to %s, who is no longer an active clinician: "+
		"ask a lead to run caseload clinicians unbind --os-user %s %d --db %s",
		osUser, me.Name, shellWord(osUser), me.ID, shellWord(db))
}

// shellWord quotes s for a POSIX shell when it needs it, so the command can be pasted.
func shellWord(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("/._-+:@", r))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
