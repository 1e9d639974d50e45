package autosave

// Heard is the field in focus when an editor was last said in the accessible mode, and
// its text then. Text being typed is not read back a letter at a time (the screen
// reader echoes the keys), but text found in a field on arriving at it, or put there by
// loading the other version in a conflict, is: the editors say Value, never the field's
// text as it is now.
type Heard struct {
	At       int
	Value    string
	conflict *Conflict
	said     bool
}

// Arrive notes field at as heard, with its text read now, unless it already was: the
// same field under the same conflict (or none) keeps the text it was heard with.
func (h *Heard) Arrive(at int, conflict *Conflict, text func() string) {
	if !h.said || h.At != at || h.conflict != conflict {
		*h = Heard{At: at, Value: text(), conflict: conflict, said: true}
	}
}

// SavedSpeech is whether an editor's draft is saved yet, as the accessible mode says it:
// the same words in every editor, and never "saving", which would come and go with every
// pause in typing.
func SavedSpeech(saved bool) string {
	if !saved {
		return "Not saved yet: the draft starts when you type, and saves itself when you pause."
	}
	return "Draft saved; it saves itself when you pause typing."
}
