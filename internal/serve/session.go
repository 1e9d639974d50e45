package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2/bubbletea"

	"caseload/store"
	"caseload/tui"
	"caseload/tui/common"
	"caseload/tui/spoken"
)

// run is one clinician's session: the app, as them, until they quit, the connection
// drops, the server stops or their key is revoked. However it ends, the drafts they
// were typing are saved before the session closes.
func (s *Server) run(sess ssh.Session, w who) {
	pty, windows, ok := sess.Pty()
	if !ok {
		s.refuse(sess, "caseload is a terminal app: connect with ssh -t (ssh -t -p PORT SERVER).", "no terminal", w.address)
		return
	}
	if len(sess.Command()) > 0 {
		s.refuse(sess, "caseload runs only its app over SSH: connect without a command.", "a command was given", w.address)
		return
	}
	// The screens' loads and saves outlive the connection (ctx), so that a closed
	// terminal still has its drafts saved; cancel abandons what is left after that.
	appCtx, cancel := context.WithCancel(context.WithoutCancel(sess.Context()))
	defer cancel()
	com := common.NewCommon(appCtx, s.cfg.Clock, "").AsClinician(w.clinician).WithLook(look(sess))
	if s.cfg.ArmAfter > 0 {
		com.ArmAfter = s.cfg.ArmAfter
	}
	com.Accessible = spoken.Wanted(false, false, pty.Term) // the client's TERM=dumb (spoken.go)
	// The session reads through a view as its clinician: the store refuses what their
	// access may not read, whatever the screens ask.
	app := tui.New(com, served{Store: s.cfg.Store.As(w.clinician), srv: s}, "")
	app.InTeam()
	// The session's own terminal, size and colours (bubbletea.MakeOptions reads the
	// client's TERM and NO_COLOR, never the server's environment); no signal handler:
	// the server's signals are the server's, and reach each session as StopMsg.
	// The program, and everything that serves it, ends with the session's channel:
	// through a shared connection (ssh ControlMaster, PuTTY's connection sharing) a
	// closed terminal ends the channel but not the connection, and the app must not
	// run on unseen holding the clinician's drafts.
	runCtx, stop := context.WithCancel(sess.Context())
	defer stop()
	opts := append(bubbletea.MakeOptions(sess), tea.WithoutSignalHandler(), tea.WithContext(runCtx),
		tea.WithInput(untilClosed{r: sess, stop: stop}))
	var model tea.Model = app
	if com.Accessible {
		var more []tea.ProgramOption
		model, more = spokenSession(sess, pty, app)
		opts = append(opts, more...)
	}
	p := tea.NewProgram(model, opts...)
	app.OnCrashInView(p.Quit)
	l, err := s.hub.join(w, p, s.cfg.MaxSessions)
	switch {
	case errors.Is(err, errStopping):
		s.refuse(sess, "The caseload server is stopping: connect again in a minute.", "stopping", w.address)
		return
	case err != nil:
		s.refuse(sess, fmt.Sprintf("caseload already has %d sessions open, the most it allows: try again when a colleague has closed theirs.", s.cfg.MaxSessions),
			"too many sessions", w.address)
		return
	}
	defer s.hub.leave(l)
	if stop := s.hub.stillIn(appCtx, w); stop.Reason != "" {
		// Revoked between the key's look-up and joining: the hub looked before this
		// session was there to be told.
		s.refuse(sess, stop.Reason, stop.Why+" while connecting", w.address)
		return
	}
	detail := store.SessionDetail{ClinicianID: w.clinician.ID, Fingerprint: w.fingerprint, Address: w.address,
		Width: pty.Window.Width, Height: pty.Window.Height}
	if err := s.cfg.Store.RecordSession(appCtx, com.Actor, s.cfg.Clock.Now(), store.ActionSessionStarted, detail); err != nil {
		// A session the audit cannot name is not opened.
		s.cfg.Log.Error("session not audited", "clinician_id", w.clinician.ID, "error", err.Error())
		s.refuse(sess, "caseload cannot record your session just now, so it has not opened: try again in a minute, and tell IT if it goes on.",
			"audit failed", w.address)
		return
	}
	s.cfg.Log.Info("session started", "clinician_id", w.clinician.ID, "fingerprint", w.fingerprint, "address", w.address,
		"width", pty.Window.Width, "height", pty.Window.Height, "term", pty.Term)
	go resizes(runCtx, p, windows)
	if s.cfg.Tick > 0 {
		app.TickEvery(s.cfg.Tick)
	}

	_, runErr := p.Run()
	ended := s.finish(app, cancel, runErr)
	s.cfg.Log.Info("session ended", "clinician_id", w.clinician.ID, "fingerprint", w.fingerprint, "address", w.address, "why", ended.why)
	detail.Reason = ended.why
	// Its own time: the flush may have used up appCtx's.
	endCtx, endCancel := context.WithTimeout(context.WithoutCancel(appCtx), lookupFor)
	defer endCancel()
	if err := s.cfg.Store.RecordSession(endCtx, com.Actor, s.cfg.Clock.Now(), store.ActionSessionEnded, detail); err != nil {
		s.cfg.Log.Error("session end not audited", "clinician_id", w.clinician.ID, "error", err.Error())
	}
	if ended.say != "" {
		_, _ = sess.Write([]byte(ended.say + "\r\n"))
	}
	_ = sess.Exit(ended.code)
}

// resizes passes every window change to the program until the session ends.
func resizes(ctx context.Context, p *tea.Program, windows <-chan ssh.Window) {
	for {
		select {
		case <-ctx.Done():
			return
		case win, ok := <-windows:
			if !ok {
				return
			}
			p.Send(tea.WindowSizeMsg{Width: win.Width, Height: win.Height})
		}
	}
}

// ending is how a session ended: what the log says, what the clinician is told, the
// exit status their ssh returns.
type ending struct {
	why, say string
	code     int
}

// finish saves the drafts once the program has stopped (nothing else touches the
// screens then) and says how the session ended.
func (s *Server) finish(app *tui.App, cancel context.CancelFunc, runErr error) ending {
	stop := time.AfterFunc(s.cfg.FlushFor, cancel)
	flushErr := app.FlushDrafts()
	stop.Stop()
	saved := "your drafts are saved"
	if flushErr != nil {
		saved = "a draft could not be saved (" + flushErr.Error() + ")"
		// Its words may quote a fault's value, which may quote what was typed.
		s.cfg.Log.Error("draft not saved at the end of a session", "error_type", fmt.Sprintf("%T", flushErr))
	}
	switch {
	case errors.Is(runErr, tea.ErrProgramPanic) && app.Crash() == nil:
		// A panic Bubble Tea caught outside the app's own guards (it prints the value
		// to the server's stderr itself); a fault, not a closed connection.
		s.cfg.Log.Error("the app panicked in a session, outside its guards")
		return ending{why: "fault", say: "caseload met a fault and closed this session; " + saved + ". IT can find the details in the server's log.", code: 1}
	case app.Crash() != nil:
		c := app.Crash()
		// The stack names code, not records; the panic's value might hold typed text,
		// so only its type is logged.
		s.cfg.Log.Error("the app panicked in a session", "value_type", fmt.Sprintf("%T", c.Value), "stack", string(c.Stack))
		return ending{why: "fault", say: "caseload met a fault and closed this session; " + saved + ". IT can find the details in the server's log.", code: 1}
	case app.Stopped().Reason != "":
		stopped := app.Stopped()
		say := stopped.Reason
		if flushErr != nil {
			say += " (" + saved + ")"
		}
		return ending{why: stopped.Why, say: say}
	case app.Revoked() != "":
		return ending{why: "identity changed", say: app.Revoked()}
	case app.Closed() != "":
		return ending{why: "idle", say: app.Closed()}
	case errors.Is(runErr, tea.ErrProgramKilled), errors.Is(runErr, context.Canceled):
		return ending{why: "connection closed", code: 0}
	case runErr != nil:
		s.cfg.Log.Error("session stopped with an error", "error", runErr.Error())
		return ending{why: "error", say: "caseload stopped: " + saved + ".", code: 1}
	case flushErr != nil:
		return ending{why: "quit", say: "caseload closed, but " + saved + ".", code: 1}
	}
	return ending{why: "quit"}
}

// untilClosed is the session's input: its end (EOF, or an error) is the end of the
// session, which the program's own reader would only stop reading at.
type untilClosed struct {
	r    io.Reader
	stop context.CancelFunc
}

func (u untilClosed) Read(p []byte) (int, error) {
	n, err := u.r.Read(p)
	if err != nil {
		u.stop()
	}
	return n, err
}

// served is a session's store as the app sees it, with what IT's screen asks of the
// server itself (tui/admin.Sessions).
type served struct {
	*store.Store
	srv *Server
}

// OpenSessions is how many sessions the server has open, and the most it allows.
func (s served) OpenSessions() (int, int) { return s.srv.Sessions(), s.srv.cfg.MaxSessions }
