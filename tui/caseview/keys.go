package caseview

import "charm.land/bubbles/v2/key"

// KeyMap is the case view's keys.
type KeyMap struct {
	Up, Down, Back, NextTab, PrevTab        key.Binding
	Summary, Formulation, Notes, Timeline   key.Binding
	Open, New, Edit, Sign, History, Compare key.Binding
	Mark, Pathway, Forums, Release          key.Binding
	Duplicate                               key.Binding
	Discharge, CloseCase, Reopen, HandOver  key.Binding
	Outcomes, Measure, Correct              key.Binding
	Transition, Judgement                   key.Binding
}

// DefaultKeyMap returns the case view's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:          key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:        key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Back:        key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		NextTab:     key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next tab")),
		PrevTab:     key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous tab")),
		Summary:     key.NewBinding(key.WithKeys("1"), key.WithHelp("1", "summary")),
		Formulation: key.NewBinding(key.WithKeys("2"), key.WithHelp("2", "formulation")),
		Notes:       key.NewBinding(key.WithKeys("3"), key.WithHelp("3", "notes")),
		Timeline:    key.NewBinding(key.WithKeys("4"), key.WithHelp("4", "timeline")),
		Open:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		New:         key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "new note")),
		Edit:        key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit draft")),
		Sign:        key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sign draft")),
		History:     key.NewBinding(key.WithKeys("h"), key.WithHelp("h", "versions")),
		Compare:     key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "compare")),
		Mark:        key.NewBinding(key.WithKeys("space", "m"), key.WithHelp("space", "mark to compare")),
		Pathway:     key.NewBinding(key.WithKeys("5"), key.WithHelp("5", "pathway")),
		Forums:      key.NewBinding(key.WithKeys("6"), key.WithHelp("6", "forums")),
		Release:     key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "release date")),
		Duplicate:   key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "same person?")),
		Discharge:   key.NewBinding(key.WithKeys("7"), key.WithHelp("7", "discharge")),
		CloseCase:   key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "close the case")),
		Reopen:      key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "reopen (lead)")),
		HandOver:    key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "hand over")),
		Outcomes:    key.NewBinding(key.WithKeys("8"), key.WithHelp("8", "outcomes")),
		Measure:     key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "take a measure")),
		Correct:     key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "correct this score")),
		Transition:  key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "transition outcomes")),
		Judgement:   key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "HCR-20 judgement")),
	}
}

// newMeeting is n as the forums tab names it in the help footer.
var newMeeting = key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "new meeting"))
