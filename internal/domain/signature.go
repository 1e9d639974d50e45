package domain

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"time"
)

// The signature of a record is the SHA-256 of its content in one canonical encoding:
// every field as its length, a colon, its bytes and a comma, in a fixed order. The
// length prefixes make the encoding unambiguous whatever the text holds, so no two
// different records share an encoding. caseload verify recomputes these hashes.

type canon struct{ b strings.Builder }

func (c *canon) s(v string) *canon {
	c.b.WriteString(strconv.Itoa(len(v)))
	c.b.WriteByte(':')
	c.b.WriteString(v)
	c.b.WriteByte(',')
	return c
}

func (c *canon) i(v int64) *canon { return c.s(strconv.FormatInt(v, 10)) }

func (c *canon) t(v time.Time) *canon {
	if v.IsZero() {
		return c.s("")
	}
	return c.s(v.UTC().Format(time.RFC3339))
}

func (c *canon) sum() string {
	h := sha256.Sum256([]byte(c.b.String()))
	return hex.EncodeToString(h[:])
}

// SignedNoteHash is the signature of a note's content as signed: who wrote it, about
// which case, the contact, and the text.
func SignedNoteHash(n Note) string {
	c := &canon{}
	c.s("note").i(n.ID).i(n.CaseID).i(n.AuthorID).s(string(n.Type)).t(n.ContactAt)
	c.i(int64(n.DurationMinutes)).s(n.Present).s(n.Text).t(n.SignedAt)
	return c.sum()
}

// AddendumHash is the signature of an addendum.
func AddendumHash(a Addendum) string {
	c := &canon{}
	c.s("addendum").i(a.ID).i(a.NoteID).i(a.AuthorID).s(string(a.Kind)).s(a.Text).t(a.SignedAt)
	return c.sum()
}

// FormulationHash is the signature of a formulation version: every section in
// formulation order, empty ones included, so a section emptied later would not match.
func FormulationHash(f Formulation) string {
	c := &canon{}
	c.s("formulation").i(f.ID).i(f.CaseID).i(int64(f.Version)).i(f.SupersedesID).i(f.AuthorID)
	for _, s := range FormulationSections {
		c.s(string(s.ID)).s(f.Sections[s.ID])
	}
	c.t(f.SignedAt)
	return c.sum()
}
