package main

import (
	"context"
	"errors"

	tea "charm.land/bubbletea/v2"

	"caseload/internal/clock"
	"caseload/store"
	"caseload/tui"
	"caseload/tui/common"
)

// runApp opens the terminal app on an open store until the clinician quits.
func runApp(ctx context.Context, st *store.Store, clk clock.Clock, actor string) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // abandons any load still running when the app quits
	app := tui.New(common.NewCommon(ctx, clk, actor), st)
	_, err := tea.NewProgram(app, tea.WithContext(ctx)).Run()
	if errors.Is(err, tea.ErrProgramKilled) || errors.Is(err, tea.ErrInterrupted) {
		return nil
	}
	return err
}
