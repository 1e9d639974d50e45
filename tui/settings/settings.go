// Package settings is the Settings screen (docs/CONFIG.md): the person's own settings,
// written back to their config.toml, and the service's, stored in the database, which
// a lead changes there and everyone else reads with why they cannot. A change is chosen
// with ← and → and saved with enter, one line at a time; a service setting is saved
// only if it still holds what the lead was shown (store.SetSettingSeen).
package settings

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/internal/config"
	"caseload/internal/domain"
	"caseload/tui/common"
)

// Source is what the screen needs from the store.
type Source interface {
	Settings(ctx context.Context) ([]domain.Setting, error)
	// SetSettingSeen changes a service setting if it still holds seen (the value shown).
	SetSettingSeen(ctx context.Context, actor string, at time.Time, key, seen, value string) (bool, error)
}

// loadedMsg is the service's settings and the person's file as read.
type loadedMsg struct {
	service  []domain.Setting
	err      error
	personal config.Settings
	problems []config.Problem
}

// savedMsg is one line's save: what to say, or why it failed.
type savedMsg struct {
	said string
	err  error
}

// Model is the Settings screen.
type Model struct {
	com    common.Common
	src    Source
	path   string // the person's config.toml; "" when this session has none (team mode)
	keys   KeyMap
	width  int
	height int

	loaded   bool
	saving   bool
	personal config.Settings
	problems []config.Problem
	service  []domain.Setting
	rows     []row
	cursor   int
	top      int // the first line drawn
}

// New builds the screen on the person's config file at path ("" for none).
func New(com common.Common, src Source, path string) *Model {
	return &Model{com: com, src: src, path: path, keys: DefaultKeyMap()}
}

// Init reads both kinds of settings.
func (m *Model) Init() tea.Cmd { return m.load() }

// Title names the screen.
func (m *Model) Title() string { return "Settings" }

// Capturing is always false: the screen takes no text.
func (m *Model) Capturing() bool { return false }

// Settling is true while loading or saving, so keys wait for the lines they mean.
func (m *Model) Settling() bool { return !m.loaded || m.saving }

// SetSize keeps the size.
func (m *Model) SetSize(w, h int) { m.width, m.height = w, h }

func (m *Model) load() tea.Cmd {
	ctx, src, path := m.com.Ctx, m.src, m.path
	return func() tea.Msg {
		msg := loadedMsg{personal: config.Defaults()}
		msg.service, msg.err = src.Settings(ctx)
		if path != "" {
			msg.personal, msg.problems = config.Load(path)
		}
		return msg
	}
}
