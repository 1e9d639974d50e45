package queue

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
)

// Referrals is what the queue needs from the store.
type Referrals interface {
	Referrals(ctx context.Context) ([]domain.Referral, error)
	UnscreenedReferrals(ctx context.Context) ([]domain.Referral, error)
	LatestScreenedReferrals(ctx context.Context, limit int) ([]domain.Referral, error)
	CountReferrals(ctx context.Context) (int, error)
	Drafts(ctx context.Context, clinicianID int64) ([]domain.Note, error)
	// ReferralsMark moves whenever a referral changes, and only then.
	ReferralsMark(ctx context.Context) (int64, error)
}

// headScreened is how many screened referrals the first frame shows under the running
// clocks: more than any screen is tall.
const headScreened = 200

// headMsg is the top of the queue: every running clock and the latest screened. It
// comes first so the app opens at once on a large database; the rest follows.
type headMsg struct {
	rows    []row
	nameMax int // the longest name's width, measured here, off the UI goroutine
	total   int
	drafts  []domain.Note // the clinician's unsigned notes, oldest first
	now     time.Time
	err     error
}

// loadedMsg is the whole queue, and, when read again for a change (drafts set), the
// clinician's drafts and the instant it was read.
type loadedMsg struct {
	rows    []row
	nameMax int   // the longest name's width, measured with the rows
	mark    int64 // the referrals' mark, read before them
	same    bool  // the mark had not moved: no rows were read, the ones shown stand
	read    int   // which reload this is, counted from 1; 0 for the first load
	fresh   bool  // drafts and now were read with the rows
	drafts  []domain.Note
	now     time.Time
	err     error
}

// loadHead reads the top of the queue, and the clinician's unsigned drafts.
func (m *Model) loadHead() tea.Cmd {
	ctx, src, clk, loc, me := m.com.Ctx, m.src, m.com.Clock, m.com.London, m.com.Me.ID
	return func() tea.Msg {
		running, err := src.UnscreenedReferrals(ctx)
		if err != nil {
			return headMsg{err: err}
		}
		screened, err := src.LatestScreenedReferrals(ctx, headScreened)
		if err != nil {
			return headMsg{err: err}
		}
		total, err := src.CountReferrals(ctx)
		if err != nil {
			return headMsg{err: err}
		}
		drafts, err := src.Drafts(ctx, me)
		if err != nil {
			return headMsg{err: err}
		}
		now := clk.Now()
		rows := buildRows(append(running, screened...), now, loc)
		return headMsg{rows: rows, nameMax: widest(rows), total: total, drafts: drafts, now: now}
	}
}

// Load reads every referral: the second half of the first load, after its head.
func (m *Model) Load() tea.Cmd {
	ctx, src, clk, loc := m.com.Ctx, m.src, m.com.Clock, m.com.London
	return func() tea.Msg {
		mark, err := src.ReferralsMark(ctx) // before the rows: a change between is read next time
		if err != nil {
			return loadedMsg{err: err}
		}
		refs, err := src.Referrals(ctx)
		if err != nil {
			return loadedMsg{err: err}
		}
		rows := buildRows(refs, clk.Now(), loc)
		return loadedMsg{rows: rows, nameMax: widest(rows), mark: mark}
	}
}

// readAgain reads the clinician's drafts again after a change here or in another
// process, and the whole queue when a referral changed since the last read (its mark
// moved): a colleague's note or a case viewed costs no read of 20,000 referrals. It runs
// one at a time (m.loads): see reload and landed.
func (m *Model) readAgain() tea.Cmd {
	m.reads++
	read, known, ctx, src, clk, loc, me := m.reads, m.mark, m.com.Ctx, m.src, m.com.Clock, m.com.London, m.com.Me.ID
	return func() tea.Msg {
		mark, err := src.ReferralsMark(ctx)
		if err != nil {
			return loadedMsg{err: err}
		}
		drafts, err := src.Drafts(ctx, me)
		if err != nil {
			return loadedMsg{err: err}
		}
		now := clk.Now()
		msg := loadedMsg{mark: mark, read: read, fresh: true, drafts: drafts, now: now}
		if known != 0 && mark == known {
			msg.same = true
			return msg
		}
		refs, err := src.Referrals(ctx)
		if err != nil {
			return loadedMsg{err: err}
		}
		msg.rows = buildRows(refs, now, loc)
		msg.nameMax = widest(msg.rows)
		return msg
	}
}

// reload is readAgain now, or after the load that runs (nil then).
func (m *Model) reload() tea.Cmd { return m.loads.Ask(m.readAgain) }

// landed notes that a load's answer arrived: cmd, with the load asked for meanwhile.
func (m *Model) landed(cmd tea.Cmd) tea.Cmd { return m.loads.Land(cmd, m.readAgain) }
