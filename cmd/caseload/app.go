package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/store"
	"caseload/tui"
	"caseload/tui/spoken"
)

// flushFor bounds saving the drafts after the app stops: long enough for a write that
// waits on another session's, short enough that a closed terminal does not leave the
// process behind.
const flushFor = 10 * time.Second

// runApp opens the terminal app on an open store until the clinician quits. The OS
// account is the clinician it is bound to; an account bound to nobody is asked, in the
// app, which clinician it is, before anything else is shown. However the app stops (q,
// ctrl+c, SIGTERM, SIGHUP when the terminal closes, a fault), every draft still being
// typed is saved before the process ends.
func (a *cli) runApp(ctx context.Context, st *store.Store) error {
	// The screens' loads and saves run under their own context, not the one a signal
	// cancels: SIGTERM or SIGHUP stops the program (ctx), and the drafts must still be
	// saved after it; cancel then abandons whatever is left.
	appCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	defer cancel()
	osUser := strings.TrimPrefix(a.actor, "os:")
	log, logFile := openLog(a.env)
	defer logFile.Close()
	tui.LogTo(log)
	com, warning := a.personal(appCtx, log)
	me, bound, err := st.ClinicianByOSUser(ctx, osUser)
	if err != nil {
		return err
	}
	var svc tui.Services = st
	if bound {
		if !me.Active {
			return errors.New(deactivatedRefusal(osUser, me, st.Path()))
		}
		com = com.AsClinician(me)
		// The store reads for them as their access allows (docs/RULES.md, "Roles").
		svc = st.As(me)
	}
	com.Accessible = spoken.Wanted(a.accessible, com.Accessible, a.env("TERM"))
	app := tui.New(com, svc, osUser)
	if warning != "" {
		app.Warn(warning)
	}
	p, restore := a.program(ctx, app, com.Accessible) // accessible.go
	app.OnCrashInView(p.Quit)
	_, runErr := p.Run()
	restore()

	// The program has stopped, so nothing else touches the screens: save what they
	// hold, within flushFor.
	stop := time.AfterFunc(flushFor, cancel)
	flushErr := app.FlushDrafts()
	stop.Stop()
	c := app.Crash()
	if c == nil && errors.Is(runErr, tea.ErrProgramPanic) {
		// A panic outside the root's guards (in Bubble Tea itself): the program has
		// restored the terminal and printed its stack; it is still a fault, not a quit.
		c = &tui.Crash{Value: runErr, Stack: []byte("(the stack is the one printed above)")}
	}
	if c != nil {
		// The session's writer closed first, so the one file has one writer at a time.
		_ = logFile.Close()
		where, logErr := writeCrashLog(a.env, a.clock.Now(), c.Value, c.Stack)
		if logErr != nil {
			where = "no log (" + logErr.Error() + ")"
		}
		saved := "your drafts were saved"
		if flushErr != nil {
			saved = "a draft could not be saved (" + flushErr.Error() + ")"
		}
		return fmt.Errorf("caseload met a fault it could not recover from and closed; %s; the details for support are in %s", saved, where)
	}
	if r := app.Revoked(); r != "" {
		if flushErr != nil {
			return fmt.Errorf("%s (a draft could not be saved: %w)", r, flushErr)
		}
		return errors.New(r)
	}
	if err := app.Damaged(); err != nil {
		// Found by the check that runs after the first frame (H31): said again on the
		// way out, as a refusal at opening would have been.
		if flushErr != nil {
			return fmt.Errorf("%w (a draft could not be saved: %v)", err, flushErr)
		}
		return err
	}
	if flushErr != nil {
		return fmt.Errorf("a draft could not be saved as caseload closed: %w", flushErr)
	}
	if r := app.Closed(); r != "" {
		// Closed for want of a key (docs/RULES.md, "Idle lock"): not a fault, but the
		// clinician coming back to a shell deserves to know why the app is gone.
		fmt.Fprintln(a.stderr, r)
		return nil
	}
	if errors.Is(runErr, tea.ErrProgramKilled) || errors.Is(runErr, tea.ErrInterrupted) {
		return nil
	}
	return runErr
}
