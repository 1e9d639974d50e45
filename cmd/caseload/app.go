package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"caseload/internal/clock"
	"caseload/store"
	"caseload/tui"
	"caseload/tui/common"
)

// runApp opens the terminal app on an open store until the clinician quits. The OS
// account is the clinician it is bound to; an account bound to nobody is asked, in the
// app, which clinician it is, before anything else is shown.
func runApp(ctx context.Context, st *store.Store, clk clock.Clock, actor string) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // abandons any load still running when the app quits
	osUser := strings.TrimPrefix(actor, "os:")
	com := common.NewCommon(ctx, clk, actor)
	me, bound, err := st.ClinicianByOSUser(ctx, osUser)
	if err != nil {
		return err
	}
	if bound {
		if !me.Active {
			return fmt.Errorf("account %s belongs to %s, who is no longer an active clinician: ask a lead", osUser, me.Name)
		}
		com = com.AsClinician(me)
	}
	app := tui.New(com, st, osUser)
	_, err = tea.NewProgram(app, tea.WithContext(ctx)).Run()
	if errors.Is(err, tea.ErrProgramKilled) || errors.Is(err, tea.ErrInterrupted) {
		return nil
	}
	return err
}
