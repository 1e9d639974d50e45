package serve

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/store"
	"caseload/tui"
)

// watchEvery is how often the server looks for changes made outside it (caseload's
// commands run on the server), for every session at once.
const watchEvery = time.Second

// hub is every open session: it tells each of a change the moment one is committed,
// closes a session whose key or clinician is no longer in use, and stops them all.
type hub struct {
	store *store.Store
	log   *slog.Logger
	wake  chan struct{} // a change to look at; holds one, so a burst of commits is one look

	mu       sync.Mutex
	sessions map[*live]struct{}
	stopping string // the reason every session is being closed, once Shutdown began
	left     chan struct{}
}

// live is one open session.
type live struct {
	who  who
	p    *tea.Program
	wake chan struct{} // the news for this program; holds one
	done chan struct{}
	once sync.Once
}

func newHub(st *store.Store, log *slog.Logger) *hub {
	return &hub{store: st, log: log, wake: make(chan struct{}, 1), sessions: map[*live]struct{}{}, left: make(chan struct{}, 1)}
}

var errStopping = errors.New("the server is stopping")

// join adds a session, unless the server is stopping or max are already open.
func (h *hub) join(w who, p *tea.Program, max int) (*live, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.stopping != "" {
		return nil, errStopping
	}
	if len(h.sessions) >= max {
		return nil, errFull
	}
	l := &live{who: w, p: p, wake: make(chan struct{}, 1), done: make(chan struct{})}
	h.sessions[l] = struct{}{}
	go l.pass()
	return l, nil
}

var errFull = errors.New("too many sessions")

func (h *hub) leave(l *live) {
	l.once.Do(func() { close(l.done) })
	h.mu.Lock()
	delete(h.sessions, l)
	h.mu.Unlock()
	select {
	case h.left <- struct{}{}:
	default:
	}
}

func (h *hub) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.sessions)
}

// pass hands this session's news to its program one at a time: Send waits for the
// program to take it, and a session busy drawing must not hold up the others.
func (l *live) pass() {
	for {
		select {
		case <-l.done:
			return
		case <-l.wake:
			l.p.Send(tui.ChangedMsg{})
		}
	}
}

// changed is the store's commit hook: it only notes the news, since the committing
// session waits for it.
func (h *hub) changed() {
	select {
	case h.wake <- struct{}{}:
	default:
	}
}

// watch delivers the news until ctx ends: after each commit in this process at once,
// and after another process's commit within watchEvery.
func (h *hub) watch(ctx context.Context) {
	t := time.NewTicker(watchEvery)
	defer t.Stop()
	var version int64
	for {
		select {
		case <-ctx.Done():
			return
		case <-h.wake:
			h.tell(ctx)
		case <-t.C:
			v, err := h.store.DataVersion(ctx)
			if err != nil {
				continue // the sessions' own reads say so if the file has really gone
			}
			if version != 0 && v != version {
				h.tell(ctx)
			}
			version = v
		}
	}
}

// tell closes the sessions whose key was revoked, clinician deactivated or access
// changed, and wakes every other one. The keys and the team are read once for all the
// sessions: a commit must not cost a look-up a session on the connection they share.
func (h *hub) tell(ctx context.Context) {
	h.mu.Lock()
	all := make([]*live, 0, len(h.sessions))
	for l := range h.sessions {
		all = append(all, l)
	}
	h.mu.Unlock()
	holders, err := h.holders(ctx)
	for _, l := range all {
		if err == nil {
			c, ok := holders[l.who.fingerprint]
			if stop := verdict(c, ok, l.who); stop.Reason != "" {
				h.log.Info("session closed", "clinician_id", l.who.clinician.ID, "fingerprint", l.who.fingerprint, "why", stop.Why)
				go l.p.Send(stop)
				continue
			}
		} // else: the sessions' own reads and writes report a file that has gone
		select {
		case l.wake <- struct{}{}:
		default:
		}
	}
}

// holders is the clinician of every key in use, by fingerprint.
func (h *hub) holders(ctx context.Context) (map[string]domain.Clinician, error) {
	team, err := h.store.Clinicians(ctx)
	if err != nil {
		return nil, err
	}
	keys, err := h.store.ClinicianKeys(ctx)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]domain.Clinician, len(team))
	for _, c := range team {
		byID[c.ID] = c
	}
	out := make(map[string]domain.Clinician, len(keys))
	for _, k := range keys {
		if c, ok := byID[k.ClinicianID]; ok && k.RevokedAt.IsZero() {
			out[k.Key.Fingerprint] = c
		}
	}
	return out, nil
}

// stillIn is why one session's clinician may no longer use it, or the zero StopMsg.
func (h *hub) stillIn(ctx context.Context, w who) tui.StopMsg {
	c, ok, err := h.store.ClinicianByKey(ctx, w.fingerprint)
	if err != nil {
		return tui.StopMsg{} // the session's own reads and writes report a file that has gone
	}
	return verdict(c, ok, w)
}

// verdict is why the clinician now holding a session's key (ok false: no one) ends it,
// or the zero StopMsg.
func verdict(c domain.Clinician, ok bool, w who) tui.StopMsg {
	switch {
	case !ok || c.ID != w.clinician.ID:
		return tui.StopMsg{Why: "key revoked",
			Reason: "Your key has been revoked by a lead, so caseload has closed; your drafts are saved."}
	case !c.Active:
		return tui.StopMsg{Why: "deactivated",
			Reason: c.Name + " has been deactivated by a lead, so caseload has closed; your drafts are saved."}
	case c.Access != w.clinician.Access:
		// The session's view and screens were made for the old access.
		return tui.StopMsg{Why: "access changed",
			Reason: "A lead has made " + c.Name + " " + string(c.Access) + ", so caseload has closed; connect again to work as that. Your drafts are saved."}
	}
	return tui.StopMsg{}
}

// stopAll tells every session to close for reason, and refuses new ones.
func (h *hub) stopAll(reason string) {
	h.mu.Lock()
	h.stopping = reason
	all := make([]*live, 0, len(h.sessions))
	for l := range h.sessions {
		all = append(all, l)
	}
	h.mu.Unlock()
	for _, l := range all {
		go l.p.Send(tui.StopMsg{Reason: reason, Why: "server stopping"})
	}
}

// wait returns when every session has left, or ctx ends.
func (h *hub) wait(ctx context.Context) error {
	for h.count() > 0 {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-h.left:
		case <-time.After(100 * time.Millisecond):
		}
	}
	return nil
}
