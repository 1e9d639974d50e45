package releaseform

import (
	"sync"

	"caseload/internal/domain"
)

// facts are the release facts the form acts on: those it opened on, until a save is
// refused because someone changed the date being recorded; then the facts as they are
// now, read again, so that the person, told what the date now is, can save again over
// it on purpose without losing what they typed. The save's command sets them off the UI
// goroutine, hence the lock.
type facts struct {
	mu sync.Mutex
	r  domain.CaseRelease
}

func (f *facts) get() domain.CaseRelease {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.r
}

func (f *facts) set(r domain.CaseRelease) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.r = r
}
