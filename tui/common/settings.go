package common

// SettingsChangedMsg tells the root that the Settings screen changed how the app looks
// or locks: the person's theme (auto, dark, light, high-contrast, no-colour) and idle
// lock minutes (0: the service's), and that the service's settings may have changed, so
// the root reads them again.
type SettingsChangedMsg struct {
	Theme       string
	LockMinutes int
}

// OpenSettingsMsg asks the root to open the Settings screen.
type OpenSettingsMsg struct{}
