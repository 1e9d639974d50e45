// Package tui is the root of the terminal app. It owns the stack of screens, the window
// size, the global keys (quit, help), the status line and the clock tick, and routes
// everything else to the screens; it holds no screen's state and no rule of the service.
package tui

import (
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/tui/caseload"
	"caseload/tui/caseview"
	"caseload/tui/common"
	"caseload/tui/consultation"
	"caseload/tui/countdowns"
	"caseload/tui/formulationeditor"
	"caseload/tui/forummeeting"
	"caseload/tui/forums"
	"caseload/tui/home"
	"caseload/tui/identity"
	"caseload/tui/involvement"
	"caseload/tui/note"
	"caseload/tui/noteeditor"
	"caseload/tui/queue"
	"caseload/tui/referral"
	"caseload/tui/referralform"
	"caseload/tui/releaseform"
	"caseload/tui/screening"
	"caseload/tui/search"
	"caseload/tui/withdrawal"
)

// Services is everything the screens need from the store, as each screen's own small
// interface; the store satisfies all of them.
type Services interface {
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
}

// TickEvery is how often on-screen clocks move; minutes are the finest unit they show.
const TickEvery = time.Minute

// Minimum size below which the app asks for a larger window rather than draw nonsense.
const (
	MinWidth  = 40
	MinHeight = 8
)

// App is the root model.
type App struct {
	com   common.Common
	svc   Services
	keys  KeyMap
	help  help.Model
	stack []common.Screen

	width, height int
	tickEvery     time.Duration
	now           time.Time
	showHelp      bool
	status        status
}

// New builds the app with the day's agenda (what is due) as its home screen. When com
// has no clinician yet, it first asks which clinician osUser is, and shows nothing else.
func New(com common.Common, svc Services, osUser string) *App {
	h := help.New()
	h.Styles = help.DefaultStyles(com.Theme.Dark)
	a := &App{com: com, svc: svc, keys: DefaultKeyMap(), help: h, now: com.Clock.Now(), tickEvery: TickEvery}
	if com.Me.ID == 0 {
		a.stack = []common.Screen{identity.New(com, svc, osUser)}
	} else {
		a.stack = []common.Screen{home.New(com, svc)}
	}
	return a
}

// StopTicking stops the clock tick, for tests that send TickMsg themselves.
func (a *App) StopTicking() { a.tickEvery = 0 }

// Init starts the home screen, the clock tick, and asks the terminal for its background.
func (a *App) Init() tea.Cmd {
	return tea.Batch(a.top().Init(), a.tick(), tea.RequestBackgroundColor)
}

func (a *App) tick() tea.Cmd {
	if a.tickEvery <= 0 {
		return nil
	}
	return common.Tick(a.com, a.tickEvery)
}

func (a *App) top() common.Screen { return a.stack[len(a.stack)-1] }

// Update routes a message: global keys first, keys to the screen on top, and every other
// message to every screen, since each screen's results are its own private types.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.width, a.height = msg.Width, msg.Height
		a.help.SetWidth(msg.Width)
		for _, s := range a.stack {
			s.SetSize(a.contentSize())
		}
		return a, nil
	case tea.BackgroundColorMsg:
		*a.com.Theme = *common.NewTheme(msg.IsDark())
		a.help.Styles = help.DefaultStyles(msg.IsDark())
	case common.TickMsg:
		a.now = msg.Now
		return a, tea.Batch(a.broadcast(msg), a.tick())
	case tea.KeyPressMsg:
		return a, a.key(msg)
	case common.OpenReferralMsg:
		return a, a.push(referral.New(a.com, a.svc, msg.ID))
	case identity.SignedInMsg:
		a.com = a.com.AsClinician(msg.Clinician)
		a.stack = []common.Screen{home.New(a.com, a.svc)}
		a.stack[0].SetSize(a.contentSize())
		a.status = status{text: "Signed in as " + msg.Clinician.Name + "."}
		return a, a.stack[0].Init()
	case common.OpenCaseloadMsg:
		return a, a.push(caseload.New(a.com, a.svc))
	case common.OpenQueueMsg:
		return a, a.push(queue.New(a.com, a.svc))
	case common.OpenCountdownsMsg:
		return a, a.push(countdowns.New(a.com, a.svc))
	case common.OpenForumsMsg:
		return a, a.push(forums.New(a.com, a.svc))
	case common.OpenHomeMsg:
		a.stack = a.stack[:1]
		return a, nil
	case common.ChangeReleaseMsg:
		return a, a.push(releaseform.New(a.com, a.svc, msg.CaseID, msg.Person, msg.Release))
	case common.EditForumMeetingMsg:
		return a, a.push(forummeeting.New(a.com, a.svc, msg.Person, msg.Meeting))
	case common.EditInvolvementMsg:
		return a, a.push(involvement.New(a.com, a.svc, msg.Person, msg.Involvement))
	case common.OpenCaseMsg:
		return a, a.push(caseview.New(a.com, a.svc, msg.CaseID, msg.Tab))
	case common.OpenNoteMsg:
		return a, a.push(note.New(a.com, a.svc, msg.NoteID))
	case common.EditNoteMsg:
		return a, a.push(noteeditor.New(a.com, a.svc, msg.Note))
	case common.EditFormulationMsg:
		return a, a.push(formulationeditor.New(a.com, a.svc, msg.CaseID))
	case note.AddendumMsg:
		return a, a.push(note.NewAddendum(a.com, a.svc, msg.Note))
	case common.OpenSearchMsg:
		return a, a.push(search.New(a.com, a.svc))
	case common.NewReferralMsg:
		return a, a.push(referralform.New(a.com, a.svc))
	case common.EditReferralMsg:
		return a, a.push(referralform.Edit(a.com, a.svc, msg.Referral))
	case common.ScreenReferralMsg:
		return a, a.push(screening.New(a.com, a.svc, msg.Referral))
	case common.ConsultMsg:
		return a, a.push(consultation.New(a.com, a.svc, msg.Referral, msg.Clinicians))
	case common.WithdrawMsg:
		return a, a.push(withdrawal.New(a.com, a.svc, msg.Referral))
	case common.BackMsg:
		if len(a.stack) > 1 {
			a.stack = a.stack[:len(a.stack)-1]
		}
		return a, nil
	case common.ErrorMsg:
		a.status = errorStatus(msg.Err)
		return a, nil
	case common.InfoMsg:
		a.status = status{text: msg.Text}
		return a, nil
	}
	return a, a.broadcast(msg)
}

func (a *App) key(msg tea.KeyPressMsg) tea.Cmd {
	a.status = status{} // a keystroke acknowledges the last message
	if key.Matches(msg, a.keys.ForceQuit) {
		return tea.Quit
	}
	// While the window is too small nothing is on screen to act on: a key pressed
	// blind must not record a release or sign a note.
	if a.width < MinWidth || a.height < MinHeight {
		return nil
	}
	if a.showHelp {
		if key.Matches(msg, a.keys.Help, a.keys.CloseHelp) {
			a.showHelp = false
		}
		return nil
	}
	if key.Matches(msg, a.keys.Search) && a.com.Me.ID != 0 {
		return common.Cmd(common.OpenSearchMsg{})
	}
	if !a.top().Capturing() {
		switch {
		case key.Matches(msg, a.keys.Help):
			a.showHelp = true
			return nil
		case key.Matches(msg, a.keys.Quit) && len(a.stack) == 1:
			return tea.Quit
		}
	}
	s, cmd := a.top().Update(msg)
	a.stack[len(a.stack)-1] = s
	return cmd
}

func (a *App) push(s common.Screen) tea.Cmd {
	s.SetSize(a.contentSize())
	a.stack = append(a.stack, s)
	a.showHelp = false
	return s.Init()
}

func (a *App) broadcast(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	for i, s := range a.stack {
		var cmd tea.Cmd
		a.stack[i], cmd = s.Update(msg)
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

// contentSize is the room a screen gets: the window less the title bar, the status line
// and the help line.
func (a *App) contentSize() (int, int) {
	return a.width, max(a.height-3, 0)
}
