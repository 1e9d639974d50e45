package demo

import (
	"maps"
	"slices"
	"strings"
	"time"

	"caseload/internal/clock"
	"caseload/internal/domain"
)

// EntryKind is what an Entry writes in a case's record.
type EntryKind string

// The writes a demo case record is made of, each applied through the store method of
// the same name, so the store's own rules (a draft belongs to its author, only the
// author signs it, signed records never change) hold for the demo as for real use.
const (
	EntryNote            EntryKind = "note"             // SaveNoteDraft: a note started, or its draft saved again
	EntrySignNote        EntryKind = "sign-note"        // SignNote
	EntryAddendum        EntryKind = "addendum"         // AddAddendum to a signed note
	EntryFormulation     EntryKind = "formulation"      // SaveFormulationDraft: a version started, or saved again
	EntrySignFormulation EntryKind = "sign-formulation" // SignFormulation
)

// Entry is one write in the record of a case the demo's decisions opened.
type Entry struct {
	// Referral is an index into Referrals(now): the case is the one its accepted
	// consultation opened.
	Referral int
	// At is when it was written: after the case opened, before now.
	At time.Time
	// By is who wrote it, an index into Clinicians().
	By   int
	Kind EntryKind
	// Note numbers the notes of CaseRecords(now) from 0, in the order they were
	// started (EntryNote, EntrySignNote, EntryAddendum).
	Note int
	// Version is the formulation version, counted within the case from 1
	// (EntryFormulation, EntrySignFormulation).
	Version int
	// Draft is what an EntryNote saves: type, contact time, duration, who was present
	// and text. ID, CaseID and AuthorID are the caller's to fill.
	Draft domain.Note
	// Addendum is what an EntryAddendum adds: its kind and text.
	Addendum domain.Addendum
	// Sections are what an EntryFormulation saves: the whole version as it then
	// stands (empty sections are absent).
	Sections map[domain.SectionID]string
}

// CaseRecords returns the record of each case Decisions(now) opens, as its clinicians
// wrote it, in time order: formulation versions (signed, revised, and drafts), notes
// of every kind of contact, signed shortly after the contact or, once, as a late entry,
// addenda, and a few unsigned drafts, one of them started more than a day before now.
// Contacts are at London working hours on weekdays counted back from now, so the record
// reads the same whenever the demo is made; everything is after its case opened and
// before now.
func CaseRecords(now time.Time) []Entry {
	now = now.UTC()
	rs, prisons := build(now)
	london := clock.London()
	opened := map[int]time.Time{}
	for _, a := range Decisions(now) {
		if a.Kind == ActionConsult && a.Consultation.Outcome == domain.ConsultAccepted {
			opened[a.Referral] = a.At
		}
	}
	var out []Entry
	notes := 0
	for i, s := range scenarios {
		r := rs[i]
		cr, ok := caseRecords[s.given+" "+s.family]
		at, open := opened[i]
		if !ok || !open {
			continue
		}
		tl := timeline{now: now, opened: at, london: london}
		fill := strings.NewReplacer("{COM}", comName(i, r), "{POM}", pomName(i), "{prison}", prisons[i]).Replace
		add := func(e Entry) {
			e.Referral = i
			out = append(out, e)
		}
		for v, ver := range cr.formulation {
			for _, sv := range ver.saves {
				add(Entry{At: sv.at(tl), By: ver.by, Kind: EntryFormulation, Version: v + 1, Sections: maps.Clone(sv.sections)})
			}
			if ver.signed != nil {
				add(Entry{At: ver.signed(tl), By: ver.by, Kind: EntrySignFormulation, Version: v + 1})
			}
		}
		for _, n := range cr.notes {
			contact := n.at(tl)
			draft := domain.Note{Type: n.kind, ContactAt: contact, DurationMinutes: n.minutes,
				Present: fill(n.present), Text: fill(n.text)}
			// Written up a little after the contact ended, and signed a few minutes on,
			// the gaps varying from note to note.
			written := contact.Add(time.Duration(n.minutes+10+notes*7%25) * time.Minute)
			if n.written != nil {
				written = n.written(tl)
			}
			add(Entry{At: written, By: n.by, Kind: EntryNote, Note: notes, Draft: draft})
			last := written
			if n.more != "" {
				more := draft
				more.Text += fill(n.more)
				last = n.moreAt(tl)
				add(Entry{At: last, By: n.by, Kind: EntryNote, Note: notes, Draft: more})
			}
			if !n.draft {
				last = last.Add(time.Duration(6+notes*11%20) * time.Minute)
				add(Entry{At: last, By: n.by, Kind: EntrySignNote, Note: notes})
			}
			for _, a := range n.addenda {
				add(Entry{At: a.at(tl), By: a.by, Kind: EntryAddendum, Note: notes,
					Addendum: domain.Addendum{Kind: a.kind, Text: fill(a.text)}})
			}
			notes++
		}
	}
	slices.SortStableFunc(out, func(a, b Entry) int { return a.At.Compare(b.At) })
	return out
}

// caseRecord is what the team wrote in one case: its formulation versions in order,
// and its notes in the order of their contacts.
type caseRecord struct {
	formulation []version
	notes       []noteStory
}

// version is one formulation version: started by its author at the first save, saved
// again at each later one (each save holds the whole version), then signed, or left a
// draft when signed is nil.
type version struct {
	by     int
	saves  []save
	signed when
}

type save struct {
	at       when
	sections map[domain.SectionID]string
}

// noteStory is one contact and its note.
type noteStory struct {
	by      int
	kind    domain.NoteType
	at      when // the contact
	minutes int
	// present and text may name {COM}, {POM} and {prison}, filled from the referral
	// as its consultations name them.
	present, text string
	// written is when the draft was started, when it was not just after the contact
	// (a late entry); nil otherwise.
	written when
	// more is text added when the draft was saved again at moreAt.
	more   string
	moreAt when
	// draft leaves the note unsigned.
	draft   bool
	addenda []addendumStory
}

type addendumStory struct {
	by   int
	at   when
	kind domain.AddendumKind
	text string
}

// timeline is what the times of one case's record are counted from.
type timeline struct {
	now, opened time.Time
	london      *time.Location
}

// when is a moment in a case's record.
type when func(tl timeline) time.Time

// weekday is hh:mm London time on the k-th weekday before now's London date.
func weekday(k, hh, mm int) when {
	return func(tl timeline) time.Time {
		l := tl.now.In(tl.london)
		day := time.Date(l.Year(), l.Month(), l.Day(), 12, 0, 0, 0, tl.london)
		for n := 0; n < k; {
			day = day.AddDate(0, 0, -1)
			if workday(day) {
				n++
			}
		}
		return time.Date(day.Year(), day.Month(), day.Day(), hh, mm, 0, 0, tl.london).UTC()
	}
}

// lately is d after the latest 09:30 or 14:30, London time, on a weekday, at least
// two hours before now: on a working day, earlier today or yesterday afternoon, so a
// note of it drafted since is not yet a day old; after a weekend, Friday afternoon.
func lately(d time.Duration) when {
	return func(tl timeline) time.Time {
		limit := tl.now.Add(-2 * time.Hour)
		l := tl.now.In(tl.london)
		for back := 0; ; back++ {
			day := time.Date(l.Year(), l.Month(), l.Day()-back, 12, 0, 0, 0, tl.london)
			if !workday(day) {
				continue
			}
			for _, hm := range [][2]int{{14, 30}, {9, 30}} {
				t := time.Date(day.Year(), day.Month(), day.Day(), hm[0], hm[1], 0, 0, tl.london)
				if !t.After(limit) {
					return t.Add(d).UTC()
				}
			}
		}
	}
}

// afterOpening is d after the consultation that opened the case.
func afterOpening(d time.Duration) when {
	return func(tl timeline) time.Time { return tl.opened.Add(d) }
}

func workday(t time.Time) bool { return t.Weekday() != time.Saturday && t.Weekday() != time.Sunday }

// revise is a new version of a formulation: base with changes, where "" empties a
// section.
func revise(base, changes map[domain.SectionID]string) map[domain.SectionID]string {
	out := maps.Clone(base)
	for id, text := range changes {
		if text == "" {
			delete(out, id)
		} else {
			out[id] = text
		}
	}
	return out
}
