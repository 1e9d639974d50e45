package domain

import "testing"

// The idle lock's minutes come from the settings, their default 15 when the settings do
// not hold them or hold a value the setting does not take (docs/RULES.md, "Idle lock").
func TestIdleLockMinutes(t *testing.T) {
	for _, tt := range []struct {
		name     string
		settings []Setting
		want     int
	}{
		{"no settings", nil, 15},
		{"the defaults", DefaultSettings(), 15},
		{"five", []Setting{{Key: SettingIdleLockMinutes, Value: "5"}}, 5},
		{"thirty", []Setting{{Key: SettingIdleLockMinutes, Value: "30"}}, 30},
		{"a value it does not take", []Setting{{Key: SettingIdleLockMinutes, Value: "0"}}, 15},
		{"not a number", []Setting{{Key: SettingIdleLockMinutes, Value: "soon"}}, 15},
		{"another setting", []Setting{{Key: SettingScreeningDeadline, Value: "5"}}, 15},
	} {
		if got := IdleLockMinutes(tt.settings); got != tt.want {
			t.Errorf("%s: %d minutes, want %d", tt.name, got, tt.want)
		}
	}
	if err := CheckSetting(SettingIdleLockMinutes, "7"); err == nil || err.Error() != `"7" is not a value of idle-lock-minutes: use 15, 5, 10, 20 or 30` {
		t.Errorf("7 minutes: %v", err)
	}
}
