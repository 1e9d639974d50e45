// Package search finds words across signed notes, their addenda, formulations and the
// reader's own drafts, as the person types, and opens what it found.
package search

import (
	"context"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/textsafe"
)

// Source is what the search needs from the store.
type Source interface {
	// Search returns up to limit matches of query that viewer may read: everything
	// signed and viewer's own drafts.
	Search(ctx context.Context, viewer int64, query string, limit int) ([]domain.SearchResult, error)
	// RecordSearch and RecordSearchOpened keep in the audit each search run, with its
	// words, and which of its results was opened (docs/RULES.md, "What is audited").
	RecordSearch(ctx context.Context, actor string, at time.Time, query string, results int) (int64, error)
	RecordSearchOpened(ctx context.Context, actor string, at time.Time, search int64, kind string, id, noteID int64) error
}

const (
	// limit is more results than anyone reads; past it the words need narrowing.
	limit = 50
	// pause is how long typing must stop before a search runs, so a word typed
	// quickly costs one query, not one a letter.
	pause = 250 * time.Millisecond
)

// pausedMsg arrives pause after an edit; seq says which edit, so only the last runs. A
// timer's message reaches every screen, so it names its search too.
type pausedMsg struct {
	m   *Model
	seq int
}

// resultsMsg answers query. Answers can overtake each other, so one for a query no
// longer in the box is dropped.
type resultsMsg struct {
	query string
	hits  []hit
	err   error
	// audit is the search's audit entry (0 when not kept), audited why it was not.
	audit   int64
	audited error
}

// Model is the search screen.
type Model struct {
	com    common.Common
	src    Source
	keys   KeyMap
	width  int
	height int

	input    textinput.Model
	seq      int    // edits so far, so a pause after an older edit is ignored
	answered string // the query the hits answer; "" before any
	audit    int64  // the audit entry of that search, which an opened result names
	failed   bool   // the search for answered failed
	hits     []hit
	cursor   int // index into hits
	offset   int // first hit on screen
}

// New builds the search with the box focused.
func New(com common.Common, src Source) *Model {
	in := textinput.New()
	in.Prompt = "Search: "
	in.Placeholder = "words to find"
	in.CharLimit = 200
	in.Focus()
	return &Model{com: com, src: src, keys: DefaultKeyMap(), input: in}
}

// Init starts the cursor blinking in the box.
func (m *Model) Init() tea.Cmd { return textinput.Blink }

// Title names the screen.
func (m *Model) Title() string { return "Search" }

// Capturing is true while the box has the focus: every printable key is text.
func (m *Model) Capturing() bool { return m.input.Focused() }

// SetSize fits the box and the results to a new size.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.input.SetWidth(max(w-len(m.input.Prompt)-1, 1))
	m.clamp()
}

func (m *Model) query() string { return strings.TrimSpace(m.input.Value()) }

// search runs query for the signed-in clinician, off the UI goroutine, and keeps it
// in the audit when the person ran it (a rerun after a colleague's change is not kept
// again): the words and how many results. A failed audit write is said, and the
// results still show.
func (m *Model) search(query string, audit bool) tea.Cmd {
	ctx, src, me, loc, actor, clk := m.com.Ctx, m.src, m.com.Me.ID, m.com.London, m.com.Actor, m.com.Clock
	return func() tea.Msg {
		res, err := src.Search(ctx, me, query, limit)
		if err != nil {
			return resultsMsg{query: query, err: err}
		}
		msg := resultsMsg{query: query, hits: buildHits(res, loc)}
		if audit {
			msg.audit, msg.audited = src.RecordSearch(ctx, actor, clk.Now(), query, len(res))
		}
		return msg
	}
}

// opened is the command that keeps which result of the search was opened.
func (m *Model) opened(h hit) tea.Cmd {
	if m.audit == 0 {
		return nil
	}
	ctx, src, actor, clk, search := m.com.Ctx, m.src, m.com.Actor, m.com.Clock, m.audit
	return func() tea.Msg {
		if err := src.RecordSearchOpened(ctx, actor, clk.Now(), search, h.res.Kind, h.res.ID, h.res.NoteID); err != nil {
			return common.ErrorMsg{Err: fmt.Errorf("the audit could not keep which result was opened: %w", err)}
		}
		return nil
	}
}

// Update applies a message.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case pausedMsg:
		// Typing back to the query already answered needs no search, and one would
		// move the cursor the person may have moved since.
		q := m.query()
		if msg.m == m && msg.seq == m.seq && q != "" && (q != m.answered || m.failed) {
			return m, m.search(q, true)
		}
	case resultsMsg:
		if msg.query != m.query() {
			return m, nil
		}
		m.answered, m.failed, m.hits = msg.query, msg.err != nil, msg.hits
		m.cursor, m.offset = 0, 0
		if msg.audit != 0 || msg.audited != nil {
			m.audit = msg.audit
		}
		if msg.err != nil {
			return m, common.Cmd(common.ErrorMsg{Err: msg.err})
		}
		if msg.audited != nil {
			return m, common.Cmd(common.ErrorMsg{Err: fmt.Errorf("the audit could not keep this search: %w", msg.audited)})
		}
	case common.CaseChangedMsg:
		// A note signed elsewhere may now match, or a draft have gone.
		if m.answered != "" {
			return m, m.search(m.answered, false)
		}
	case tea.KeyPressMsg:
		return m, m.updateKeys(msg)
	case common.PointerMsg:
		return m, m.pointer(msg)
	case tea.PasteMsg:
		if !m.input.Focused() {
			return m, nil
		}
		return m, m.typed(msg)
	default:
		// The box's own messages, such as the cursor's blink.
		var cmd tea.Cmd
		m.input, cmd = m.input.Update(msg)
		return m, cmd
	}
	return m, nil
}

func (m *Model) updateKeys(msg tea.KeyPressMsg) tea.Cmd {
	typing := m.input.Focused()
	switch {
	case key.Matches(msg, m.keys.Open):
		if m.cursor < len(m.hits) {
			h := m.hits[m.cursor]
			return tea.Batch(common.Cmd(h.open()), m.opened(h))
		}
		return nil
	case key.Matches(msg, m.keys.Clear) && m.input.Value() != "":
		m.input.SetValue("")
		m.edited()
		return m.input.Focus()
	case key.Matches(msg, m.keys.Back):
		return common.Back
	case msg.String() == "tab" || !typing && key.Matches(msg, m.keys.Focus):
		if typing {
			m.input.Blur()
			return nil
		}
		return m.input.Focus()
	// While typing, j and k are letters; only the arrows and page keys move.
	case key.Matches(msg, m.keys.Up) && (!typing || msg.Text == ""):
		m.move(-1)
		return nil
	case key.Matches(msg, m.keys.Down) && (!typing || msg.Text == ""):
		m.move(1)
		return nil
	case key.Matches(msg, m.keys.PageUp):
		m.move(-m.pageSize())
		return nil
	case key.Matches(msg, m.keys.PageDown):
		m.move(m.pageSize())
		return nil
	}
	if !typing {
		return nil
	}
	return m.typed(msg)
}

// typed hands a key or a paste to the box (through textsafe, which keeps it from
// crashing and a paste on one line) and searches once typing pauses.
func (m *Model) typed(msg tea.Msg) tea.Cmd {
	before := m.input.Value()
	var cmd tea.Cmd
	m.input, cmd = textsafe.Update(m.input, msg)
	if m.input.Value() == before {
		return cmd
	}
	seq := m.edited()
	return tea.Batch(cmd, tea.Tick(pause, func(time.Time) tea.Msg { return pausedMsg{m: m, seq: seq} }))
}

// edited notes that the box changed: a pause after an earlier edit no longer searches,
// and an empty box has nothing to show.
func (m *Model) edited() int {
	m.seq++
	if m.query() == "" {
		m.answered, m.failed, m.hits = "", false, nil
		m.cursor, m.offset = 0, 0
	}
	return m.seq
}
