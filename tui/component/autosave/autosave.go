// Package autosave is the saving both editors (the note, the formulation) share, so the
// two can no longer drift apart (issue 10, finding 13): a draft saves itself SaveAfter
// after typing stops, never two saves at once, again when typed into during a save, on
// close, and at once when the app flushes before exit. Every save names the revision it
// was made from (the store refuses an older one: docs/HAZARDS.md, "lost draft").
package autosave

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/tui/common"
)

// SaveAfter is the pause in typing after which a draft saves itself.
const SaveAfter = 2 * time.Second

// Spec is what the component needs from its editor, for drafts of type T.
type Spec[T any] struct {
	// Typed is the draft as on screen now. It is called in Update or Flush, never in a
	// command, so it may read the editor's fields.
	Typed func() T
	// Rebase puts typed on the identity and revision of base, the draft as last stored
	// (its zero value: not stored yet).
	Rebase func(typed, base T) T
	// Write stores the draft (the store's save) and returns it as stored. It runs in a
	// command, one at a time.
	Write func(ctx context.Context, d T) (T, error)
	// Keep stores typed somewhere new (a new draft) when the app is stopping and the
	// store refuses Write: another window saved or signed the draft a moment ago, and
	// this editor has not heard yet. Nil: the refusal is reported, and the text lost.
	Keep func(ctx context.Context, typed T) error
	// Ctx is the session's context: the app cancels it only after flushing, and then to
	// bound how long a closing app may wait on another writer's lock.
	Ctx context.Context
}

// ids gives every component its own identity, carried by its messages, so a timer or a
// save of another editor (or of an earlier one on the same draft) never acts here.
var ids atomic.Int64

// Model is one editor's autosave.
type Model[T any] struct {
	spec  Spec[T]
	id    int64
	store *stored[T]
	last  T // the draft as last stored, as the loop last heard (store.base may be newer)

	edits   int  // bumped on every change
	saved   int  // the edit count last stored
	saving  bool // a save is under way: never two at once
	closing bool // close once what is pending is stored
	held    bool // in conflict: no save until the person chooses
}

// stored is the draft as last stored, shared by the saves run from Update and by Flush,
// which the root may run outside the program loop while a save is still under way: the
// lock makes them take turns, and each writes on the revision the one before stored.
type stored[T any] struct {
	mu   sync.Mutex
	base T
	// edits is the edit count of what base holds: a save of older typing that reaches the
	// lock after a newer one (a flush overtaking a save under way) writes nothing.
	edits int
}

// New starts the autosave of a draft stored as base (its zero value for a new one).
func New[T any](spec Spec[T], base T) *Model[T] {
	return &Model[T]{spec: spec, id: ids.Add(1), store: &stored[T]{base: base}, last: base}
}

type dueMsg struct {
	id    int64
	edits int
}

type savedMsg[T any] struct {
	id    int64
	edits int
	draft T
	err   error
}

// Outcome is what Update tells the editor: whether the message was this component's, a
// save that landed (Saved, with the draft as stored) or was refused (Err), and whether
// the editor may now close (Close).
type Outcome[T any] struct {
	Mine  bool
	Saved bool
	Draft T
	Err   error
	Close bool
}

// Changed notes an edit and returns the timer that saves once typing pauses.
func (m *Model[T]) Changed() tea.Cmd {
	m.edits++
	id, edits := m.id, m.edits
	return tea.Tick(SaveAfter, func(time.Time) tea.Msg { return dueMsg{id: id, edits: edits} })
}

// Unsaved reports typing not yet stored (a save under way counts as not yet).
func (m *Model[T]) Unsaved() bool { return m.edits != m.saved }

// Saving reports a save under way.
func (m *Model[T]) Saving() bool { return m.saving }

// Base is the draft as last stored, as this editor last heard: it takes no lock, so a
// View never waits on a save under way.
func (m *Model[T]) Base() T { return m.last }

// Hold stops saving while the draft is in conflict (changed or signed elsewhere), until
// the person chooses; Flush still saves, on whatever base the editor has chosen.
func (m *Model[T]) Hold() { m.held, m.closing = true, false }

// Reset makes base the draft the next save writes over, and releases a Hold: the latest
// revision, to save over it on purpose; or a draft not stored yet, to keep the text as
// a new draft. The typing counts as unsaved until the next save lands.
func (m *Model[T]) Reset(base T) {
	m.setBase(base)
	if m.edits == m.saved {
		m.edits++
	}
	m.held, m.closing = false, false
}

// Load makes base the draft on screen, as stored, with nothing unsaved: the editor has
// replaced what was typed with it.
func (m *Model[T]) Load(base T) {
	m.setBase(base)
	m.edits++
	m.saved = m.edits
	m.held, m.closing = false, false
}

func (m *Model[T]) setBase(base T) {
	m.last = base
	m.store.mu.Lock()
	m.store.base = base
	m.store.mu.Unlock()
}

// Update handles the component's own messages; Mine is false for any other.
func (m *Model[T]) Update(msg tea.Msg) (Outcome[T], tea.Cmd) {
	switch msg := msg.(type) {
	case dueMsg:
		if msg.id != m.id {
			return Outcome[T]{}, nil
		}
		if msg.edits == m.edits && m.Unsaved() && !m.saving && !m.held {
			return Outcome[T]{Mine: true}, m.start()
		}
		return Outcome[T]{Mine: true}, nil
	case savedMsg[T]:
		if msg.id != m.id {
			return Outcome[T]{}, nil
		}
		m.saving = false
		if msg.err != nil {
			m.closing = false
			return Outcome[T]{Mine: true, Err: msg.err}, nil
		}
		m.saved, m.last = max(m.saved, msg.edits), msg.draft
		out := Outcome[T]{Mine: true, Saved: true, Draft: msg.draft}
		switch {
		case m.Unsaved(): // typed during the save: store that too
			return out, m.start()
		case m.closing:
			out.Close = true
		}
		return out, nil
	}
	return Outcome[T]{}, nil
}

// Save stores the draft now (ctrl+s). While a save is under way it does nothing more:
// that save's landing stores anything typed since.
func (m *Model[T]) Save() tea.Cmd {
	if m.saving || m.held {
		return nil
	}
	return m.start()
}

// Close asks to close: done when nothing is pending, else the editor is told Close once
// the pending save lands.
func (m *Model[T]) Close() (done bool, cmd tea.Cmd) {
	if !m.Unsaved() && !m.saving {
		return true, nil
	}
	m.closing = true
	if m.saving {
		return false, nil
	}
	return false, m.start()
}

// start runs one save of the draft as typed now.
func (m *Model[T]) start() tea.Cmd {
	m.saving = true
	typed, id, edits := m.spec.Typed(), m.id, m.edits
	write := m.write(typed, edits)
	return func() tea.Msg {
		d, err := write()
		return savedMsg[T]{id: id, edits: edits, draft: d, err: err}
	}
}

func (s Spec[T]) ctx() context.Context {
	if s.Ctx == nil {
		return context.Background()
	}
	return s.Ctx
}

// write stores typed (the typing up to edit count edits) on the revision last stored,
// waiting for any save under way.
func (m *Model[T]) write(typed T, edits int) func() (T, error) {
	st, spec := m.store, m.spec
	return func() (T, error) {
		st.mu.Lock()
		defer st.mu.Unlock()
		if edits < st.edits {
			return st.base, nil // newer typing is already stored
		}
		d, err := spec.Write(spec.ctx(), spec.Rebase(typed, st.base))
		if err == nil {
			st.base, st.edits = d, edits
		}
		return d, err
	}
}

// Flush is common.Flusher's: the command that stores what is typed now, whatever the
// timer says, and returns common.FlushedMsg. It does the saving itself, waiting for any
// save under way, so it works when run directly after the program loop has ended. Nil
// when nothing is pending.
func (m *Model[T]) Flush() tea.Cmd {
	if !m.Unsaved() && !m.saving {
		return nil
	}
	typed, spec := m.spec.Typed(), m.spec
	write := m.write(typed, m.edits)
	return func() tea.Msg {
		_, err := write()
		if err != nil && spec.Keep != nil {
			// Whatever refused it (a newer revision, a signature, another's draft), the
			// text goes somewhere it can be found; only if that fails too is it said.
			if kerr := spec.Keep(spec.ctx(), typed); kerr != nil {
				return common.FlushedMsg{Err: errors.Join(err, kerr)}
			}
			err = nil
		}
		return common.FlushedMsg{Err: err}
	}
}
