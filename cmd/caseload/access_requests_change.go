package main

import (
	"context"
	"strconv"

	"github.com/spf13/cobra"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/store"
)

// oneID reads the single id argument of a subcommand that names a record.
func oneID(what, use string) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) != 1 {
			return usage("%s needs one %s: caseload %s", what, "id", use)
		}
		if id, err := strconv.ParseInt(args[0], 10, 64); err != nil || id <= 0 {
			return usage("%q is not an id: give the number the list shows", args[0])
		}
		return nil
	}
}

// dateFlag reads a YYYY-MM-DD flag; "" is today (London) when orToday, else refused.
func (a *cli) dateFlag(name, v string, orToday bool) (ident.Date, error) {
	if v == "" {
		if orToday {
			return ident.DateOf(a.clock.Now().In(a.london)), nil
		}
		return ident.Date{}, usage("--%s is needed: give a date as YYYY-MM-DD", name)
	}
	d, err := ident.ParseDate(v)
	if err != nil {
		return ident.Date{}, usage("--%s: %v", name, err)
	}
	return d, nil
}

func (a *cli) accessRequestAddCommand() *cobra.Command {
	var received, by string
	cmd := &cobra.Command{
		Use:     "add PERSON_ID --received DATE --by WHO",
		Short:   "Record a subject access request (due a month after it was received)",
		Example: "  caseload access-requests add --db team.db 12 --received 2026-11-30 --by \"the person, by letter\"",
		Args:    oneID("access-requests add", "access-requests add PERSON_ID --received DATE --by WHO"),
		RunE: a.runs(func(ctx context.Context, args []string) error {
			person, _ := strconv.ParseInt(args[0], 10, 64)
			on, err := a.dateFlag("received", received, true)
			if err != nil {
				return err
			}
			return a.withStore(ctx, func(st *store.Store) error {
				got, err := st.RecordAccessRequest(ctx, a.actor, a.clock.Now(),
					domain.AccessRequest{PersonID: person, ReceivedOn: on, RequestedBy: by})
				if err != nil {
					return err
				}
				return a.say("recorded request %d: due %s\n", got.ID, got.DueOn.Long())
			})
		}),
	}
	cmd.Flags().StringVar(&received, "received", "", "the day it was received (YYYY-MM-DD; default today)")
	cmd.Flags().StringVar(&by, "by", "", "who asked: the person, or who on their behalf")
	return cmd
}

func (a *cli) accessRequestExtendCommand() *cobra.Command {
	var to, reason string
	cmd := &cobra.Command{
		Use:     "extend ID --to DATE --reason WHY",
		Short:   "Extend a request once, by up to two months, with a reason",
		Example: "  caseload access-requests extend --db team.db 3 --to 2027-02-28 --reason \"records held by three prisons\"",
		Args:    oneID("access-requests extend", "access-requests extend ID --to DATE --reason WHY"),
		RunE: a.runs(func(ctx context.Context, args []string) error {
			id, _ := strconv.ParseInt(args[0], 10, 64)
			day, err := a.dateFlag("to", to, false)
			if err != nil {
				return err
			}
			return a.withStore(ctx, func(st *store.Store) error {
				got, err := st.ExtendAccessRequest(ctx, a.actor, a.clock.Now(), id, day, reason)
				if err != nil {
					return err
				}
				return a.say("request %d is now due %s\n", got.ID, got.Due().Long())
			})
		}),
	}
	cmd.Flags().StringVar(&to, "to", "", "the new day it is due (YYYY-MM-DD)")
	cmd.Flags().StringVar(&reason, "reason", "", "why it needs longer")
	return cmd
}

func (a *cli) accessRequestAnswerCommand() *cobra.Command {
	var on string
	cmd := &cobra.Command{
		Use:     "answer ID [--on DATE]",
		Short:   "Record a request answered: the record was sent",
		Example: "  caseload access-requests answer --db team.db 3 --on 2026-12-18",
		Args:    oneID("access-requests answer", "access-requests answer ID [--on DATE]"),
		RunE: a.runs(func(ctx context.Context, args []string) error {
			id, _ := strconv.ParseInt(args[0], 10, 64)
			day, err := a.dateFlag("on", on, true)
			if err != nil {
				return err
			}
			return a.withStore(ctx, func(st *store.Store) error {
				got, err := st.AnswerAccessRequest(ctx, a.actor, a.clock.Now(), id, day)
				if err != nil {
					return err
				}
				return a.say("request %d answered on %s\n", got.ID, got.AnsweredOn.Long())
			})
		}),
	}
	cmd.Flags().StringVar(&on, "on", "", "the day the record was sent (YYYY-MM-DD; default today)")
	return cmd
}
