// Package tui is the root of the terminal app. It owns the stack of screens, the window
// size, the global keys (quit, help, search), the status line, the clock tick and the
// watch for colleagues' changes. It routes keys to the top screen, each command's
// result to the screen that asked, and a few named messages to all; it holds no
// screen's state and no rule of the service.
package tui

import (
	"context"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/tui/accessform"
	"caseload/tui/accessrequests"
	"caseload/tui/admin"
	"caseload/tui/auditlog"
	"caseload/tui/caseload"
	"caseload/tui/caseview"
	"caseload/tui/closedcases"
	"caseload/tui/closing"
	"caseload/tui/common"
	"caseload/tui/consultation"
	"caseload/tui/countdowns"
	"caseload/tui/formulationeditor"
	"caseload/tui/forummeeting"
	"caseload/tui/forums"
	"caseload/tui/handover"
	"caseload/tui/home"
	"caseload/tui/identity"
	"caseload/tui/involvement"
	"caseload/tui/measureform"
	"caseload/tui/note"
	"caseload/tui/noteeditor"
	"caseload/tui/palette"
	"caseload/tui/queue"
	"caseload/tui/referral"
	"caseload/tui/referralform"
	"caseload/tui/releaseform"
	"caseload/tui/reopen"
	"caseload/tui/reports"
	"caseload/tui/riskform"
	"caseload/tui/screening"
	"caseload/tui/search"
	"caseload/tui/settings"
	"caseload/tui/teamload"
	"caseload/tui/transitionform"
	"caseload/tui/withdrawal"
)

// Services is everything the screens need from the store, as each screen's own small
// interface; the store satisfies all of them.
type Services interface {
	// Sound is the verdict of the file's full check, run after opening (sound.go).
	Sound(ctx context.Context) error
	queue.Referrals
	referral.Source
	referralform.Saver
	screening.Saver
	consultation.Saver
	withdrawal.Saver
	identity.Source
	caseview.Source
	note.Source
	note.AddendumSaver
	noteeditor.Saver
	formulationeditor.Source
	caseload.Source
	search.Source
	home.Source
	countdowns.Source
	forums.Source
	releaseform.Saver
	forummeeting.Saver
	involvement.Saver
	admin.Source
	auditlog.Source
	teamload.Source
	accessrequests.Source
	reports.Source
	accessform.Saver
	closing.Source
	closedcases.Source
	handover.Source
	reopen.Source
	settings.Source
	measureform.Saver
	transitionform.Saver
	riskform.Saver
	Watcher
	Identity
	Settings
}

// TickEvery is how often on-screen clocks move; minutes are the finest unit they show.
const TickEvery = time.Minute

// Minimum size below which the app asks for a larger window rather than draw nonsense.
const (
	MinWidth  = 40
	MinHeight = 8
)

// layer is a screen on the stack with the id its commands' results are addressed to.
type layer struct {
	id int
	s  common.Screen
}

// App is the root model.
type App struct {
	com    common.Common
	svc    Services
	keys   KeyMap
	help   help.Model
	stack  []layer
	lastID int

	width, height int
	tickEvery     time.Duration
	watchEvery    time.Duration
	version       int64
	now           time.Time
	showHelp      bool
	helpv         helpView        // the help's filter and scroll (help.go)
	palette       *palette.Model  // the open command palette, or nil (palette.go)
	paletteOn     int             // the layer the palette's actions are for
	paletteDo     []paletteChoice // what each of its items does
	status        status
	damaged       status // the file failed its full check (sound.go)
	damagedErr    error
	hold          keyHold
	crash         *Crash
	osUser        string  // the account the session's clinician is bound to
	brand         string  // "caseload · " as the title bar draws it, styled once a theme
	revoked       string  // why the app closed itself: the account's clinician changed
	stopped       StopMsg // why the server closed the session (team.go)
	idle          idle    // the idle lock (lock.go)
	clicks        clicks  // the last click, to tell a double click (mouse.go)
	// quit stops the program from outside Update (after a panic in View, which returns
	// no command); set by whoever runs the program, nil in tests.
	quit func()
}

// OnCrashInView gives the app the way to stop its program when drawing panics: View
// returns no command, so it cannot ask to quit as Update does.
func (a *App) OnCrashInView(quit func()) { a.quit = quit }

// New builds the app with the day's agenda (what is due) as its home screen, or for IT's
// admin the admin screen (homeScreen). When com has no clinician yet, it first asks
// which clinician osUser is, and shows nothing else.
func New(com common.Common, svc Services, osUser string) *App {
	h := help.New()
	h.Styles = com.Theme.Help
	a := &App{com: com, svc: svc, keys: DefaultKeyMap(), help: h, now: com.Clock.Now(),
		tickEvery: TickEvery, watchEvery: WatchEvery, osUser: osUser, brand: brand(com.Theme)}
	if com.Me.ID == 0 {
		a.stack = []layer{a.layer(identity.New(com, svc, osUser))}
	} else {
		a.stack = []layer{a.layer(homeScreen(com, svc))}
	}
	return a
}

func (a *App) layer(s common.Screen) layer {
	a.lastID++
	return layer{id: a.lastID, s: s}
}

// StopTicking stops the clock tick and the watch for other processes' changes, for
// tests that send TickMsg and watchMsg themselves.
func (a *App) StopTicking() { a.tickEvery, a.watchEvery = 0, 0 }

// Init starts the home screen, the clock tick and the watch, and asks the terminal for
// its background.
func (a *App) Init() (cmd tea.Cmd) {
	defer a.recovered(&cmd)
	a.idle.last = a.now // the idle lock counts from the start
	return tea.Batch(wrap(a.stack[0].id, 0, a.top().Init()), a.tick(), wrap(0, 0, a.readVersion()),
		wrap(0, 0, a.readSettings()), wrap(0, 0, a.readSound()), tea.RequestBackgroundColor)
}

func (a *App) tick() tea.Cmd {
	if a.tickEvery <= 0 {
		return nil
	}
	return common.Tick(a.com, a.tickEvery)
}

func (a *App) top() common.Screen { return a.stack[len(a.stack)-1].s }

// Update routes a message: keys to the screen on top (held while the last one settles),
// a command's result to the screen that asked for it, requests to the root, and the
// few broadcast messages to every screen. A panic anywhere in it stops the app cleanly.
func (a *App) Update(msg tea.Msg) (m tea.Model, cmd tea.Cmd) {
	m = a // kept on a panic: the program still needs its model to stop cleanly
	if a.crash != nil {
		// Stopping: the quit is on its way, but keys already queued (a burst, a paste)
		// must not reach a screen that has just failed.
		return m, nil
	}
	defer a.recovered(&cmd)
	cmd = a.update(msg)
	return m, tea.Batch(cmd, a.release())
}

func (a *App) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case reply:
		a.returned(msg.hold, 0)
		if fromTea(msg.msg) {
			inner := msg.msg
			return func() tea.Msg { return inner }
		}
		return a.handle(msg.msg, msg.to, msg.hold)
	case expand:
		cmd, counted := rebuild(msg)
		a.returned(msg.hold, counted)
		return cmd
	case crashed:
		a.crash = msg.c
		return tea.Quit
	case holdExpiredMsg:
		a.expire(msg.seq)
		return nil
	case tea.KeyPressMsg:
		if key.Matches(msg, a.keys.ForceQuit) {
			a.handOver()
			return tea.Quit
		}
		if !a.pressed(msg) || a.queue(msg) {
			return nil
		}
		return a.press(msg)
	case tea.PasteMsg:
		if !a.pressed(msg) || a.queue(msg) {
			return nil
		}
		return a.press(msg)
	case tea.MouseMsg, clickedMsg:
		return a.mouse(msg) // mouse.go: only when the person turned the mouse on
	case tea.PasteStartMsg, tea.PasteEndMsg, tea.KeyReleaseMsg:
		return nil // input reaches a screen as key presses and whole pastes only
	case tea.WindowSizeMsg:
		a.width, a.height = msg.Width, msg.Height
		a.help.SetWidth(msg.Width)
		if a.palette != nil {
			a.palette.SetSize(a.contentSize())
		}
		for _, l := range a.stack {
			l.s.SetSize(a.contentSize())
		}
		return nil
	case tea.BackgroundColorMsg:
		a.com.Look = a.com.Look.Answered(msg.IsDark())
		a.restyle()
		return a.broadcast(msg)
	case watchMsg:
		return wrap(0, 0, a.readVersion())
	case ChangedMsg, StopMsg:
		return a.team(msg)
	}
	return a.handle(msg, 0, 0)
}

// handle acts on a message from screen from (0: the root or the program): the root's
// requests, then broadcasts, then the screen's own result back to it.
func (a *App) handle(msg tea.Msg, from, hold int) tea.Cmd {
	switch msg := msg.(type) {
	case nil:
		return nil
	case versionMsg:
		return a.noticed(msg)
	case soundMsg:
		a.soundRead(msg)
		return nil
	case identityMsg:
		return a.identityRead(msg)
	case common.TickMsg:
		a.now = msg.Now
		return tea.Batch(a.broadcast(msg), a.tick(), a.idleTick(msg.Now))
	case settingsMsg:
		a.settingsRead(msg)
		return nil
	case common.SettingsChangedMsg:
		return a.settingsChanged(msg)
	case lockFlushedMsg:
		a.lockFlushed(msg)
		return nil
	case common.BackMsg:
		if len(a.stack) > 1 && (from == 0 || from == a.stack[len(a.stack)-1].id) {
			a.stack = a.stack[:len(a.stack)-1]
		}
		return nil
	case common.OpenHomeMsg:
		a.stack = a.stack[:1]
		return nil
	case common.OpenAuditLogMsg:
		return a.forLead(hold, "only a lead can read the audit log", func() common.Screen { return auditlog.New(a.com, a.svc) })
	case common.OpenTeamMsg:
		return a.forLead(hold, "only a lead can see the team's caseloads", func() common.Screen { return teamload.New(a.com, a.svc) })
	case common.OpenAccessRequestsMsg:
		return a.forLead(hold, "only a lead can see and answer subject access requests",
			func() common.Screen { return accessrequests.New(a.com, a.svc) })
	case common.ErrorMsg:
		logged(a.top(), msg.Err)
		a.status = errorStatus(msg.Err)
		return nil
	case common.InfoMsg:
		a.status = status{text: msg.Text}
		return nil
	case identity.SignedInMsg:
		a.com = a.com.AsClinician(msg.Clinician)
		a.stack = nil
		a.status = status{text: "Signed in as " + msg.Clinician.Name + "."}
		return a.push(homeScreen(a.com, a.svc), hold)
	}
	if s := a.opened(msg); s != nil {
		if a.refusesOpening() {
			return nil
		}
		return a.push(s, hold)
	}
	if from == 0 || broadcasts(msg) {
		return a.broadcast(msg)
	}
	return a.deliver(from, msg)
}

func (a *App) key(msg tea.KeyPressMsg, hold int) tea.Cmd {
	a.status = status{} // a keystroke acknowledges the last message
	// While the window is too small nothing is on screen to act on: a key pressed
	// blind must not record a release or sign a note.
	if a.width < MinWidth || a.height < MinHeight {
		return nil
	}
	if a.showHelp {
		a.helpKey(msg)
		return nil
	}
	if a.paletteOpen() {
		return a.paletteKey(msg, hold)
	}
	// Global keys wait while a form or editor takes text: half-way through a field,
	// ctrl+f or ? would leave the typing behind a screen it cannot be seen from.
	if !a.top().Capturing() {
		switch {
		case key.Matches(msg, a.keys.Search) && a.com.Me.ID != 0:
			return wrap(0, hold, common.Cmd(common.OpenSearchMsg{}))
		case key.Matches(msg, a.keys.Help):
			a.openHelp()
			return nil
		case key.Matches(msg, a.keys.Palette) && a.com.Me.ID != 0:
			a.openPalette()
			return nil
		case key.Matches(msg, a.keys.Quit) && len(a.stack) == 1:
			return tea.Quit
		}
	}
	l := a.stack[len(a.stack)-1]
	s, cmd := l.s.Update(msg)
	a.stack[len(a.stack)-1].s = s
	return wrap(l.id, hold, cmd)
}

// paste gives pasted text to the screen on top when it takes text: pasted into a list,
// its letters would act as keys. Each screen decides what a newline means in its field.
func (a *App) paste(msg tea.PasteMsg, hold int) tea.Cmd {
	if a.width < MinWidth || a.height < MinHeight || a.showHelp {
		return nil
	}
	if a.paletteOpen() {
		a.palette.Update(msg) // into the query, never into the screen under it
		return nil
	}
	if !a.top().Capturing() {
		return nil
	}
	l := a.stack[len(a.stack)-1]
	s, cmd := l.s.Update(msg)
	a.stack[len(a.stack)-1].s = s
	return wrap(l.id, hold, cmd)
}

// push opens s on top; its first commands count towards the key hold that asked for it,
// so keys typed after `n` wait for the form they were meant for.
func (a *App) push(s common.Screen, hold int) tea.Cmd {
	s.SetSize(a.contentSize())
	l := a.layer(s)
	a.stack = append(a.stack, l)
	a.showHelp = false
	a.palette = nil
	cmd := wrap(l.id, hold, s.Init())
	if cmd != nil && !isTimer(cmd) {
		a.counted(hold)
	}
	return cmd
}

// deliver gives a screen its own command's result; a screen that has closed since asked
// hears nothing.
func (a *App) deliver(to int, msg tea.Msg) tea.Cmd {
	for i, l := range a.stack {
		if l.id == to {
			var cmd tea.Cmd
			a.stack[i].s, cmd = l.s.Update(msg)
			return wrap(l.id, 0, cmd)
		}
	}
	return nil
}

func (a *App) broadcast(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	for i, l := range a.stack {
		var cmd tea.Cmd
		a.stack[i].s, cmd = l.s.Update(msg)
		cmds = append(cmds, wrap(l.id, 0, cmd))
	}
	return tea.Batch(cmds...)
}

// contentSize is the room a screen gets: the window less the title bar, the status line
// and the help line.
func (a *App) contentSize() (int, int) {
	return a.width, max(a.height-3, 0)
}
