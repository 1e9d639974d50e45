package demo

import (
	"fmt"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// prisons are the six local prisons of DOMAIN 5.2.
var prisons = []string{"HMP Preston", "HMP Garth", "HMP Wymott", "HMP Lancaster Farms", "HMP Kirkham", "HMP Haverigg"}

// person starts a referral about a made-up person: aged 19 to 69, held in a local prison,
// with identifiers that pass the ident parsers. A few identifiers are left unknown, as
// they are in real referrals. The caller gives the NHS number, which must be unique.
func (g *gen) person(given, family string) domain.Referral {
	p := domain.Person{GivenName: given, FamilyName: family, DateOfBirth: g.dateOfBirth()}
	if g.r.IntN(10) != 0 {
		p.PrisonNumber = g.prisonNumber()
	}
	if g.r.IntN(4) != 0 {
		p.PNCID = g.pncID(p.DateOfBirth)
	}
	if g.r.IntN(6) != 0 {
		p.CRN = g.crn()
	}
	return domain.Referral{Person: p, CurrentPrison: prisons[g.r.IntN(len(prisons))]}
}

// dateOfBirth gives an age between 19 and 69 on now's London date: y whole years back,
// then up to 364 days more, so the birthday never crosses into another year of age.
func (g *gen) dateOfBirth() ident.Date {
	today := g.now.In(g.london)
	years := 19 + g.r.IntN(51)
	dob := time.Date(today.Year()-years, today.Month(), today.Day(), 12, 0, 0, 0, time.UTC)
	return ident.DateOf(dob.AddDate(0, 0, -g.r.IntN(365)))
}

// uniqueNHSNumber draws NHS numbers in the 999 test range until one passes the modulus
// 11 check (ident.ParseNHSNumber is the judge) and has not been used before.
func (g *gen) uniqueNHSNumber() ident.NHSNumber {
	for {
		n, err := ident.ParseNHSNumber(nhsNumber(999_000_000 + g.r.IntN(1_000_000)))
		if err == nil && !g.nhs[n] {
			g.nhs[n] = true
			return n
		}
	}
}

// nhsNumber appends the modulus 11 check digit to nine digits. When the nine digits admit
// none (c = 10), it appends 0 and ParseNHSNumber refuses it.
func nhsNumber(body int) string {
	s := fmt.Sprintf("%09d", body)
	sum := 0
	for i := range 9 {
		sum += int(s[i]-'0') * (10 - i)
	}
	switch c := 11 - sum%11; c {
	case 10, 11:
		return s + "0"
	default:
		return s + string(rune('0'+c))
	}
}

const upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

func (g *gen) letter() byte { return upper[g.r.IntN(len(upper))] }

// prisonNumber has the NOMIS shape A1234BC; there is no check digit to get right.
func (g *gen) prisonNumber() ident.PrisonNumber {
	return ident.PrisonNumber(fmt.Sprintf("%c%04d%c%c", g.letter(), g.r.IntN(10000), g.letter(), g.letter()))
}

func (g *gen) crn() ident.CRN {
	return ident.CRN(fmt.Sprintf("%c%06d", g.letter(), g.r.IntN(1_000_000)))
}

// pncID is issued in a year after the person's sixteenth birthday and before now's year.
func (g *gen) pncID(dob ident.Date) ident.PNCID {
	first := max(dob.Year+16, 1990)
	last := g.now.Year() - 1
	year := first
	if last > first {
		year += g.r.IntN(last - first + 1)
	}
	return pncID(year, g.r.IntN(10_000_000))
}

// pncLetters omits I, O and S, which the PNC never uses as check letters (DOMAIN 2.3).
const pncLetters = "ZABCDEFGHJKLMNPQRTUVWXY"

// pncID writes the canonical YYYY/NNNNNNNC with the check letter of DOMAIN 2.3.
func pncID(year, serial int) ident.PNCID {
	c := pncLetters[((year%100)*10_000_000+serial)%23]
	return ident.PNCID(fmt.Sprintf("%04d/%07d%c", year, serial, c))
}
