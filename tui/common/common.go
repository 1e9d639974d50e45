package common

import (
	"context"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/internal/clock"
	"caseload/internal/domain"
)

// Common is handed to every screen when it is built: the time source, the zone times
// are shown in, the theme, and who is using the app. Services are passed separately, as
// each screen's own small interface.
type Common struct {
	// Ctx lives as long as the app and is cancelled when it quits, so loads and saves
	// started by commands can be abandoned rather than outliving the session.
	Ctx    context.Context
	Clock  clock.Clock
	London *time.Location
	Theme  *Theme
	// Actor is who the audit chain records for changes made in this session:
	// "clinician:N" once the session's clinician is known.
	Actor string
	// Me is the clinician using the app; everything they write or sign carries Me.ID.
	Me domain.Clinician
	// ArmAfter is how long a confirmation ignores keys after it opens (see
	// component/confirm); tests that drive whole flows shorten it.
	ArmAfter time.Duration
	// Mouse is the person's setting (config.toml, "mouse"; off by default, since taking
	// the mouse stops the terminal's own copying of text): wheel, click and double click
	// reach the screens as common.PointerMsg.
	Mouse bool
	// Accessible is the screen-reader mode (--accessible, the setting, or TERM=dumb): no
	// alternate screen, no borders, and after each key only what changed, in sentences
	// (common.Speaker).
	Accessible bool
	// Look is the theme the person chose and what the terminal says of its background
	// (look.go); the root redraws Theme from it when the terminal answers.
	Look Look
	// LockMinutes is the person's own idle lock (config.toml, "idle-lock-minutes"), 0
	// for the service's; it only ever shortens the service's (docs/RULES.md, "Idle lock").
	LockMinutes int
	// ConfigPath is the person's config.toml, which the Settings screen writes; "" in
	// team mode, where a session has the server's defaults and saves none.
	ConfigPath string
}

// AsClinician returns the shared value for a session of clinician c.
func (c Common) AsClinician(me domain.Clinician) Common {
	c.Me = me
	c.Actor = fmt.Sprintf("clinician:%d", me.ID)
	return c
}

// NewCommon builds the shared value with the dark theme. The theme is shared by pointer:
// the root rewrites it in place when the terminal reports a light background, and every
// screen draws with the new one from its next frame.
func NewCommon(ctx context.Context, clk clock.Clock, actor string) Common {
	return Common{Ctx: ctx, Clock: clk, ArmAfter: 400 * time.Millisecond, London: clock.London(), Theme: NewTheme(true), Actor: actor,
		Look: Look{Choice: "auto", Dark: true}}
}

// WithLook returns the shared value drawn with look's theme, a new one that screens
// built from it share.
func (c Common) WithLook(look Look) Common {
	c.Look, c.Theme = look, look.Theme()
	return c
}

// Arm returns the command that delivers msg once a confirmation has been open for
// ArmAfter. It is a timer (tea.Tick, started now, as the dialog opens), not a command
// that sleeps: the root holds the keys typed after a key until that key's commands come
// back, and keys typed while a confirmation arms are meant to be ignored, not delayed
// and then fed to it. With ArmAfter 0 (tests that drive whole flows, whose driver skips
// timers) it arms at once.
func (c Common) Arm(msg tea.Msg) tea.Cmd {
	if c.ArmAfter <= 0 {
		return Cmd(msg)
	}
	return tea.Tick(c.ArmAfter, func(time.Time) tea.Msg { return msg })
}
