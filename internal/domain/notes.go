package domain

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"caseload/internal/clock"
)

// NoteType is the kind of contact a clinical note records.
type NoteType string

// The note types.
const (
	NoteFaceToFace       NoteType = "face-to-face"
	NoteTelephone        NoteType = "telephone"
	NoteVideo            NoteType = "video"
	NoteInCustody        NoteType = "in-custody"
	NoteProfessionals    NoteType = "professionals-meeting"
	NoteMDT              NoteType = "mdt"
	NoteRiskForum        NoteType = "risk-forum"
	NoteAttemptedContact NoteType = "attempted-contact"
	NoteOther            NoteType = "other"
)

// NoteTypes lists the types in the order forms offer them.
var NoteTypes = []NoteType{NoteFaceToFace, NoteTelephone, NoteVideo, NoteInCustody, NoteProfessionals,
	NoteMDT, NoteRiskForum, NoteAttemptedContact, NoteOther}

// Label is the type as a clinician says it.
func (t NoteType) Label() string {
	switch t {
	case NoteFaceToFace:
		return "face to face"
	case NoteInCustody:
		return "in custody"
	case NoteProfessionals:
		return "professionals meeting"
	case NoteMDT:
		return "MDT"
	case NoteRiskForum:
		return "risk forum"
	case NoteAttemptedContact:
		return "attempted contact"
	}
	return string(t)
}

// Valid reports whether t is a known type.
func (t NoteType) Valid() bool {
	for _, v := range NoteTypes {
		if v == t {
			return true
		}
	}
	return false
}

// LateEntryAfter is how long after the contact a note may be written before it is a late
// entry, and how old an unsigned draft may grow before it is flagged (docs/RULES.md, "Clinical notes": local
// policy, a default the service must confirm).
const LateEntryAfter = 24 * time.Hour

// Note is the record of one contact. A draft belongs to its author and may change; once
// signed it never changes again, and only gains addenda.
type Note struct {
	ID       int64
	CaseID   int64
	AuthorID int64
	Type     NoteType
	// ContactAt is when the contact happened, not when the note was written.
	ContactAt       time.Time
	DurationMinutes int
	Present         string // who was present
	Text            string
	// Revision is 1 when the draft is started and one more on every save. A save or a
	// signing names the revision it was made from, and the store refuses it unless that
	// is still the latest, so nothing is overwritten or signed unseen. Not signed content.
	Revision  int
	CreatedAt time.Time
	UpdatedAt time.Time
	SignedAt  time.Time // zero while a draft
	// Hash is the SHA-256 of the signed content (SignedNoteHash), set when signed.
	Hash    string
	Addenda []Addendum
}

// Signed reports whether the note has been signed.
func (n Note) Signed() bool { return !n.SignedAt.IsZero() }

// LateEntry reports whether the note was written (or, once signed, signed) more than
// LateEntryAfter after the contact, so it is labelled as a late entry with both times.
func (n Note) LateEntry() bool {
	written := n.CreatedAt
	if n.Signed() {
		written = n.SignedAt
	}
	return !n.ContactAt.IsZero() && written.Sub(n.ContactAt) > LateEntryAfter
}

// StaleDraft reports whether an unsigned note has waited more than LateEntryAfter since
// it was started, so the home screen flags it: notes should be contemporaneous.
func (n Note) StaleDraft(now time.Time) bool {
	return !n.Signed() && now.Sub(n.CreatedAt) > LateEntryAfter
}

// ErrSigned is returned for any attempt to change a signed record.
var ErrSigned = errors.New("signed records cannot be changed")

// CheckForSigning returns why a draft cannot be signed by signer at now, or nil.
func (n Note) CheckForSigning(signer int64, now time.Time) error {
	switch {
	case n.Signed():
		return fmt.Errorf("%w: this note was signed on %s; a correction is added as an addendum (a)", ErrSigned,
			n.SignedAt.In(clock.London()).Format("2 Jan 2006 at 15:04"))
	case n.AuthorID != signer:
		return errors.New("only the author of a draft can sign it")
	case !n.Type.Valid():
		return errors.New("choose the type of contact")
	case n.ContactAt.IsZero():
		return errors.New("give the date and time of the contact")
	case n.ContactAt.After(now):
		return errors.New("the contact time is in the future: record a contact once it has happened")
	case n.DurationMinutes < 0:
		return errors.New("the duration cannot be negative")
	case strings.TrimSpace(n.Text) == "":
		return errors.New("the note is empty: write what happened before signing")
	}
	return nil
}

// AddendumKind says why an addendum was added to a signed note.
type AddendumKind string

// The addendum kinds.
const (
	AddendumCorrection AddendumKind = "correction"
	AddendumLaterInfo  AddendumKind = "later-information"
)

// Addendum is a signed addition to a signed note, by its own author: the only way a
// signed note changes.
type Addendum struct {
	ID       int64
	NoteID   int64
	AuthorID int64
	Kind     AddendumKind
	Text     string
	SignedAt time.Time
	Hash     string
}

// CheckAddendum returns why an addendum cannot be added to note n, or nil.
func CheckAddendum(n Note, a Addendum) error {
	switch {
	case !n.Signed():
		return errors.New("a draft is edited, not given addenda: sign the note first")
	case a.Kind != AddendumCorrection && a.Kind != AddendumLaterInfo:
		return errors.New("say whether the addendum is a correction or later information")
	case strings.TrimSpace(a.Text) == "":
		return errors.New("the addendum is empty")
	}
	return nil
}
