// Package reports is the Reports screen: what the pilot achieved over a period, for a
// commissioner (docs/RULES.md, "Reports"): referrals, decisions, the 48-hour screening
// measure, days to a consultation decision, the caseload month by month, releases,
// recalls and discharges, and outcomes, each as a table and a chart drawn in plain
// runes. Everyone may read it; a lead also sees each clinician's share. The figures
// are worked out by internal/report from the facts the store reads, in a command, never
// in Update or View.
package reports

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/internal/ident"
	"caseload/internal/report"
	"caseload/tui/common"
)

// Source is what the Reports screen needs from the store.
type Source interface {
	// ReportFacts reads what the figures for the days from to to are worked out from.
	ReportFacts(ctx context.Context, from, to ident.Date) (report.Facts, error)
}

// beforeAnything is where "since the first referral" asks the facts from: before any
// referral the service can have received.
var beforeAnything = ident.MustDate(2000, 1, 1)

// loadedMsg is the report for a period, or why it could not be made.
type loadedMsg struct {
	seq    int
	period period
	report report.Report
	err    error
}

// Model is the Reports screen.
type Model struct {
	com           common.Common
	src           Source
	keys          KeyMap
	width, height int

	period  period
	today   ident.Date // the London day the period was chosen on
	seq     int        // the load whose answer is awaited; older answers are dropped
	loading bool       // a load for period runs
	again   bool       // the data changed while it ran: load once more when it lands
	failed  bool
	loaded  bool
	report  report.Report
	lines   []string // the report drawn at the width
	offset  int      // the first line on screen
	starts  []int    // the line each section's heading is on
	part    int      // the section page down last moved to, in the accessible mode (speech.go)
}

// New builds the screen on the last 12 months. It reads nothing until Init's command
// runs.
func New(com common.Common, src Source) *Model {
	now := today(com)
	return &Model{com: com, src: src, keys: DefaultKeyMap(), period: latest(lastYear, now), today: now}
}

// today is the London day now.
func today(com common.Common) ident.Date { return ident.DateOf(com.Clock.Now().In(com.London)) }

// Init reads the figures for the first period.
func (m *Model) Init() tea.Cmd { return m.load() }

// Title names the screen.
func (m *Model) Title() string { return "Reports" }

// Capturing is always false: the screen takes no text.
func (m *Model) Capturing() bool { return false }

// Settling is true until the first figures land, so keys typed while they load (j j)
// scroll the report they were meant for.
func (m *Model) Settling() bool { return !m.loaded && !m.failed }

// SetSize draws the report again for the new width.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.draw()
}

// load reads the facts and works the figures out for the period, off the UI goroutine.
// Since the first referral, the period starts on the London day it was received.
func (m *Model) load() tea.Cmd {
	m.seq++
	m.loading = true
	ctx, src, p, seq, loc := m.com.Ctx, m.src, m.period, m.seq, m.com.London
	return func() tea.Msg {
		from := p.from
		if p.span == sinceFirst {
			from = beforeAnything
		}
		facts, err := src.ReportFacts(ctx, from, p.to)
		if err != nil {
			return loadedMsg{seq: seq, period: p, err: err}
		}
		if p.span == sinceFirst {
			p.from = firstReceived(facts, loc, p.to)
		}
		return loadedMsg{seq: seq, period: p, report: report.Build(facts, p.from, p.to)}
	}
}

// firstReceived is the London day the first referral was received, or to when there
// is none.
func firstReceived(f report.Facts, loc *time.Location, to ident.Date) ident.Date {
	first := to
	for _, r := range f.Referrals {
		if d := ident.DateOf(r.ReceivedAt.In(loc)); d.Before(first) {
			first = d
		}
	}
	return first
}

// Update applies a message.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.seq != m.seq {
			return m, nil // a period since left
		}
		m.loading = false
		var again tea.Cmd
		if m.again {
			m.again, again = false, m.load()
		}
		if msg.err != nil {
			m.failed = true
			m.draw()
			return m, tea.Batch(common.Cmd(common.ErrorMsg{Err: msg.err}), again)
		}
		m.failed, m.loaded, m.period, m.report = false, true, msg.period, msg.report
		m.draw()
		return m, again
	case common.CaseChangedMsg, common.ReferralChangedMsg, common.DataChangedMsg:
		// A decision, release or closing here or in a colleague's session: the figures
		// shown stay until the new ones land, and a change while they load asks for
		// one more load, never a pile of them.
		if m.loading {
			m.again = true
			return m, nil
		}
		return m, m.load()
	case common.TickMsg:
		// A new London day moves a period that ended today on to the new today.
		if now := ident.DateOf(msg.Now.In(m.com.London)); now != m.today {
			if m.period.to == m.today {
				m.period = latest(m.period.span, now)
			}
			m.today = now
			return m, m.load()
		}
	case tea.KeyPressMsg:
		return m, m.updateKeys(msg)
	}
	return m, nil
}
