// Package clock is the one place caseload reads the time. Everything else takes a
// Clock, so that tests, demos and the 48-hour screening clocks can be pinned to a
// known instant (CASELOAD_NOW) and never depend on today's date.
package clock

import (
	"fmt"
	"os"
	"sync"
	"time"

	// Embedded so that Europe/London resolves on machines without tzdata.
	_ "time/tzdata"
)

// Clock tells the current instant.
type Clock interface {
	Now() time.Time
}

// System is the machine's clock, in UTC.
type System struct{}

// Now returns the current instant in UTC.
func (System) Now() time.Time { return time.Now().UTC() }

// Fixed always returns the same instant: for tests and reproducible demos.
type Fixed time.Time

// Now returns the fixed instant in UTC.
func (f Fixed) Now() time.Time { return time.Time(f).UTC() }

// EnvVar names the environment variable that pins the clock.
const EnvVar = "CASELOAD_NOW"

// FromEnv returns a Fixed clock when CASELOAD_NOW holds an RFC 3339 instant, the
// system clock when it is unset, and an error naming the variable when it is malformed
// (a silently ignored typo would put every screening clock on the wrong time).
func FromEnv(getenv func(string) string) (Clock, error) {
	v := getenv(EnvVar)
	if v == "" {
		return System{}, nil
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return nil, fmt.Errorf("%s=%q is not an RFC 3339 instant such as 2026-11-24T09:00:00Z", EnvVar, v)
	}
	return Fixed(t), nil
}

// Default is FromEnv over the process environment.
func Default() (Clock, error) { return FromEnv(os.Getenv) }

// London is the zone every time is shown in. It is loaded once: time.LoadLocation looks
// for the zone on disk before the embedded copy, at every call, and the queue asks for it
// for every referral it shows (a third of loading 20,000 of them, when it was not kept).
func London() *time.Location { return london() }

var london = sync.OnceValue(func() *time.Location {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		// Unreachable: time/tzdata is embedded above.
		return time.UTC
	}
	return loc
})
