package queue

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
)

// Referrals is what the queue needs from the store.
type Referrals interface {
	// QueueHead and QueuePage read what a row shows of each referral (store.QueueHead).
	QueueHead(ctx context.Context, screened int, each func(*domain.Referral)) error
	QueuePage(ctx context.Context, after int64, limit int, each func(*domain.Referral)) (n int, last int64, err error)
	CountReferrals(ctx context.Context) (int, error)
	Drafts(ctx context.Context, clinicianID int64) ([]domain.Note, error)
	// ReferralsMark moves whenever a referral changes, and only then.
	ReferralsMark(ctx context.Context) (int64, error)
}

// headScreened is how many screened referrals the first frame shows under the running
// clocks: more than any screen is tall.
const headScreened = 200

// pageSize is how many referrals one read of the store takes: the store's connection is
// free between pages for the reads of other screens, and each page's texts are one
// string (maker).
const pageSize = 10_000

// headMsg is the top of the queue: every running clock and the latest screened. It
// comes first so the app opens at once on a large database; the rest follows.
type headMsg struct {
	rows    []row
	keys    []matchKey // the rows' match keys, made here with them (keysOf)
	nameMax int        // the longest name's width, measured here, off the UI goroutine
	total   int
	drafts  []domain.Note // the clinician's unsigned notes, oldest first
	now     time.Time
	mark    int64 // the referrals' mark, read before them
	whole   bool  // the head is every referral: the queue has loaded
	err     error
}

// loadedMsg is the whole queue, and, when read again for a change (drafts set), the
// clinician's drafts and the instant it was read.
type loadedMsg struct {
	rows    []row
	keys    []matchKey // the rows' match keys, made here with them (keysOf)
	nameMax int        // the longest name's width, measured with the rows
	mark    int64      // the referrals' mark, read before them
	same    bool       // the mark had not moved: no rows were read, the ones shown stand
	read    int        // which reload this is, counted from 1; 0 for the first load
	fresh   bool       // drafts and now were read with the rows
	drafts  []domain.Note
	now     time.Time
	err     error
}

// pageMsg is a read of every referral part way through: the next page follows.
type pageMsg struct{ r *reading }

// reading is a read of every referral, a page at a time. It belongs to the commands
// that read it, one after another, never to the model: loadedMsg hands its rows over.
type reading struct {
	ctx   context.Context
	src   Referrals
	limit int // referrals a page
	rows  maker
	after int64     // the last id read
	done  loadedMsg // what the read lands as, its rows to come
}

// loadHead reads the top of the queue, and the clinician's unsigned drafts. The mark
// comes first: when the head holds every referral (a backlog just imported is all
// running clocks) it is the whole queue, and none is read twice.
func (m *Model) loadHead() tea.Cmd {
	ctx, src, clk, me, screened := m.com.Ctx, m.src, m.com.Clock, m.com.Me.ID, m.screened
	return func() tea.Msg {
		mark, err := src.ReferralsMark(ctx)
		if err != nil {
			return headMsg{err: err}
		}
		now := clk.Now()
		k := maker{now: now}
		if err := src.QueueHead(ctx, screened, k.add); err != nil {
			return headMsg{err: err}
		}
		k.page()
		total, err := src.CountReferrals(ctx)
		if err != nil {
			return headMsg{err: err}
		}
		drafts, err := src.Drafts(ctx, me)
		if err != nil {
			return headMsg{err: err}
		}
		rows := sorted(k.rows)
		return headMsg{rows: rows, keys: keysOf(rows), nameMax: k.widest, total: total, drafts: drafts, now: now,
			mark: mark, whole: len(k.rows) == total}
	}
}

// Load reads every referral: the second half of the first load, after its head.
func (m *Model) Load() tea.Cmd {
	ctx, src, clk, total := m.com.Ctx, m.src, m.com.Clock, m.total
	return func() tea.Msg {
		mark, err := src.ReferralsMark(ctx) // before the rows: a change between is read next time
		if err != nil {
			return loadedMsg{err: err}
		}
		return m.reading(clk.Now(), total, loadedMsg{mark: mark}).next()
	}
}

// readAgain reads the clinician's drafts again after a change here or in another
// process, and the whole queue when a referral changed since the last read (its mark
// moved): a colleague's note or a case viewed costs no read of 20,000 referrals. It runs
// one at a time (m.loads): see reload and landed.
func (m *Model) readAgain() tea.Cmd {
	m.reads++
	read, known, ctx, src, clk, me, total := m.reads, m.mark, m.com.Ctx, m.src, m.com.Clock, m.com.Me.ID, len(m.list.Rows())
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
		return m.reading(now, total, msg).next()
	}
}

// reading starts a read of every referral, its rows made at now, room made for about
// total, to land as done.
func (m *Model) reading(now time.Time, total int, done loadedMsg) *reading {
	return &reading{ctx: m.com.Ctx, src: m.src, limit: m.page, done: done,
		rows: maker{now: now, rows: make([]row, 0, total+total/64)}}
}

// next reads the page after the last, off the UI goroutine: the next page's message,
// or, after the last page, the whole queue sorted.
func (r *reading) next() tea.Msg {
	n, last, err := r.src.QueuePage(r.ctx, r.after, r.limit, r.rows.add)
	if err != nil {
		return loadedMsg{err: err}
	}
	r.rows.page()
	if n == r.limit {
		r.after = last
		return pageMsg{r: r}
	}
	r.done.rows, r.done.nameMax = sorted(r.rows.rows), r.rows.widest
	r.done.keys = keysOf(r.done.rows)
	return r.done
}

// reload is readAgain now, or after the load that runs (nil then).
func (m *Model) reload() tea.Cmd { return m.loads.Ask(m.readAgain) }

// landed notes that a load's answer arrived: cmd, with the load asked for meanwhile.
func (m *Model) landed(cmd tea.Cmd) tea.Cmd { return m.loads.Land(cmd, m.readAgain) }
