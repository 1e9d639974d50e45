package domain

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// A Setting is one setting of the whole service, held in the database so that every
// clinician's app applies the same rule (docs/RULES.md, "Screening deadline").
type Setting struct {
	Key   string
	Value string
	// About says what the setting decides, for `caseload settings`.
	About string
	// Values are the values it takes, the default first.
	Values []string
	// Takes says what values it takes where listing them all would not be read:
	// "" when Values say it.
	Takes string
}

// SettingScreeningDeadline is the key of the screening deadline rule (DeadlineRule).
const SettingScreeningDeadline = "screening-deadline"

// SettingIdleLockMinutes is the key of how many minutes without a key lock the app
// (docs/RULES.md, "Idle lock"); IdleLockMinutes reads its value.
const SettingIdleLockMinutes = "idle-lock-minutes"

// SettingCaseloadCap is the key of the caseload cap (docs/RULES.md, "Caseload sizes");
// CaseloadCap reads its value.
const SettingCaseloadCap = "caseload-cap"

// SettingMeasureTimePoints is the key of the time points at which measures are
// routinely taken (docs/RULES.md, "When to measure"); MeasureTimePoints reads its value.
const SettingMeasureTimePoints = "measure-time-points"

// timePointChoices are the values measure-time-points takes: every time point first,
// then each smaller choice of them, always in the order of a case.
func timePointChoices() []string {
	var out []string
	n := len(TimePoints)
	for mask := 1<<n - 1; mask > 0; mask-- {
		var ps []string
		for i, p := range TimePoints {
			if mask&(1<<(n-1-i)) != 0 {
				ps = append(ps, string(p))
			}
		}
		out = append(out, strings.Join(ps, ","))
	}
	return out
}

// DefaultSettings are the service's settings at their defaults, in the order they are
// listed.
func DefaultSettings() []Setting {
	rules := make([]string, len(DeadlineRules))
	for i, r := range DeadlineRules {
		rules[i] = string(r)
	}
	return []Setting{{Key: SettingScreeningDeadline, Value: rules[0], Values: rules,
		About: "when screening is due: 48 elapsed hours after receipt, or the same time on the second working day after it"},
		{Key: SettingIdleLockMinutes, Value: "15", Values: []string{"15", "5", "10", "20", "30"},
			About: "minutes without a key before the app locks, saving drafts and hiding the record until enter"},
		{Key: SettingCaseloadCap, Value: "8", Values: []string{"8", "4", "5", "6", "7", "9", "10", "12", "15", "20"},
			About: "open cases one clinician holds before allocating another warns and asks for a reason"},
		{Key: SettingMeasureTimePoints, Value: timePointChoices()[0], Values: timePointChoices(),
			Takes: "acceptance, release, six-months and discharge, or some of them, joined by commas in that order",
			About: "the time points at which outcome measures are taken, joined by commas: acceptance, release, six-months, discharge"}}
}

// DefaultSetting is the setting key at its default; false for a key the service does
// not have.
func DefaultSetting(key string) (Setting, bool) {
	for _, s := range DefaultSettings() {
		if s.Key == key {
			return s, true
		}
	}
	return Setting{}, false
}

// CheckSetting refuses a key the service does not have, or a value its setting does
// not take, in one sentence naming what it takes.
func CheckSetting(key, value string) error {
	s, ok := DefaultSetting(key)
	if !ok {
		var keys []string
		for _, s := range DefaultSettings() {
			keys = append(keys, s.Key)
		}
		return fmt.Errorf("%q is not a setting: the settings are %s", key, strings.Join(keys, ", "))
	}
	for _, v := range s.Values {
		if v == value {
			return nil
		}
	}
	if key == SettingMeasureTimePoints { // fifteen values: say what makes one instead
		if _, err := ParseTimePoints(value); err != nil {
			return fmt.Errorf("%q is not a value of %s: %w", value, key, err)
		}
	}
	return fmt.Errorf("%q is not a value of %s: use %s", value, key, orList(s.Values))
}

// orList joins values as "a or b", "a, b or c".
func orList(values []string) string {
	if len(values) < 2 {
		return strings.Join(values, "")
	}
	return strings.Join(values[:len(values)-1], ", ") + " or " + values[len(values)-1]
}

// IdleLockMinutes is the idle lock's minutes among settings: its default when settings
// do not hold it or hold a value it does not take (docs/RULES.md, "Idle lock").
func IdleLockMinutes(settings []Setting) int {
	def, _ := DefaultSetting(SettingIdleLockMinutes)
	n, _ := strconv.Atoi(def.Value)
	for _, s := range settings {
		if s.Key != SettingIdleLockMinutes || CheckSetting(s.Key, s.Value) != nil {
			continue
		}
		if v, err := strconv.Atoi(s.Value); err == nil && v > 0 {
			n = v
		}
	}
	return n
}

// CaseloadCap is the caseload cap among settings: DefaultCaseloadCap when settings do
// not hold it or hold a value it does not take (docs/RULES.md, "Caseload sizes").
func CaseloadCap(settings []Setting) int {
	for _, s := range settings {
		if s.Key != SettingCaseloadCap || CheckSetting(s.Key, s.Value) != nil {
			continue
		}
		if v, err := strconv.Atoi(s.Value); err == nil && v > 0 {
			return v
		}
	}
	return DefaultCaseloadCap
}

// MeasureTimePoints are the time points among settings at which measures are taken:
// every time point when settings do not hold it or hold a value it does not take
// (docs/RULES.md, "When to measure").
func MeasureTimePoints(settings []Setting) []TimePoint {
	for _, s := range settings {
		if s.Key != SettingMeasureTimePoints || CheckSetting(s.Key, s.Value) != nil {
			continue
		}
		if ps, err := ParseTimePoints(s.Value); err == nil {
			return ps
		}
	}
	return slices.Clone(TimePoints)
}
