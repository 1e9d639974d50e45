package demo

import (
	"time"

	"caseload/internal/domain"
)

// scenario is one demo referral as it arrived: who, from whom, how long before now it
// reached the service, and the facts that decide eligibility. Written out by hand, not
// drawn at random, so that every verdict, source, RoSH level, priority group, kind of
// area and screening clock is certain to appear. What happened to it afterwards is its
// story (stories.go), applied through the domain's own decisions.
type scenario struct {
	given, family string
	source        domain.Source
	ago           time.Duration
	rosh          domain.RoSH
	group         int
	health        domain.YesNo
	area          string
	ap            domain.YesNo
	// release is the expected release in days after the London date of receipt, or
	// noDate when not known. Up to 175 days keeps the six-month window open at
	// receipt whatever the month (six calendar months are never under 181 days).
	release int
}

// noDate is a release date not known yet (remand, or a parole decision awaited).
const noDate = 0

// tooEarly is a release about 14 months after receipt: the window is months from
// opening, yet it is under the 18 months the demo ever looks ahead.
const tooEarly = 426

const (
	m = time.Minute
	h = time.Hour
	d = 24 * time.Hour
)

// Shorter names keep the table readable.
const (
	probation = domain.SourceProbation
	nsdct     = domain.SourceNSDCT
	reconnect = domain.SourceReconnect
	opd       = domain.SourceOPD
	channel   = domain.SourceChannel
	self      = domain.SourceSelf
	other     = domain.SourceOther

	low      = domain.RoSHLow
	medium   = domain.RoSHMedium
	high     = domain.RoSHHigh
	veryHigh = domain.RoSHVeryHigh

	yes     = domain.Yes
	no      = domain.No
	unknown = domain.YesNo("")

	none = domain.NoPriorityGroup
)

// scenarios: about half eligible, a quarter incomplete (one or two facts missing) and a
// quarter not eligible, each of those for one clear reason. The comment at the end of
// each line is the verdict at receipt and what the story does with it.
var scenarios = []scenario{
	// Awaiting screening at now: from just arrived, through due and due soon (under
	// 12 hours left), to overdue by hours and by days.
	{"يوسف", "الحداد", probation, 12 * m, high, 1, yes, "Preston", no, 150},                         // eligible
	{"Zoë", "Whitworth-Hale", opd, 1*h + 5*m, veryHigh, 3, yes, "Lancaster", yes, 120},              // eligible, AP
	{"Siobhán", "O'Connor", nsdct, 3*h + 20*m, "", 1, yes, "", unknown, 130},                        // incomplete: RoSH, area
	{"Łukasz", "Wiśniewski", reconnect, 7*h + 40*m, high, none, yes, "Blackpool", no, 70},           // not eligible: no priority group
	{"Minh", "Nguyễn", channel, 19 * h, high, 2, yes, "Blackburn with Darwen", no, 165},             // eligible
	{"Rhys", "ap Gwilym", probation, 22 * h, high, 3, unknown, "Ribble Valley", no, 80},             // incomplete: health needs
	{"Øyvind", "Haugland", self, 26 * h, high, 3, yes, "Cumberland", unknown, 90},                   // not eligible: self-referral; screened out
	{"Oluwaseun", "Adeyemi", probation, 36*h + 45*m, veryHigh, 3, yes, "Burnley", no, 45},           // eligible
	{"Kwame", "Mensah-Bonsu", nsdct, 40*h + 10*m, high, 1, yes, "Pendle", yes, 100},                 // eligible, AP
	{"浩然", "陈", other, 44*h + 30*m, high, 3, yes, "Westmorland and Furness", no, 110},               // not eligible: a GP referred
	{"Connor", "O'Neill", probation, 47*h + 20*m, high, 3, yes, "Westmorland and Furness", yes, 30}, // eligible, AP
	{"Arjun", "Sharma", opd, 50 * h, veryHigh, 3, yes, "Hyndburn", no, 140},                         // eligible
	{"Mohammed", "Rahman", probation, 53*h + 12*m, high, 0, yes, "", unknown, 60},                   // incomplete: priority group, area
	{"Tomasz", "Kowalczyk", reconnect, 61 * h, high, 3, yes, "Prestn", no, 90},                      // incomplete: "Prestn" is not known (nearest: Preston)
	{"Darren", "Hargreaves", probation, 4*d + 2*h, high, 3, yes, "Fylde", no, noDate},               // incomplete: no release date
	{"Liam", "McAllister", channel, 7*d + 5*h, high, 2, unknown, "Rossendale", no, 155},             // incomplete: health needs

	// Screened, on time and late; some awaiting consultation.
	{"Jean-Luc", "Berthelot", probation, 3 * d, veryHigh, 1, yes, "South Ribble", no, 95},              // eligible; in
	{"François", "D'Arcy", opd, 2*d + 20*h, high, 3, yes, "Westmorland and Furness", yes, 130},         // eligible, AP; in
	{"Chidi", "Okafor", opd, 5 * d, high, 3, yes, "West Lancashire", no, noDate},                       // incomplete: no release date; in with a reason
	{"Dmitri", "Volkov", nsdct, 6 * d, veryHigh, 1, yes, "Carlisle", no, 170},                          // eligible (Carlisle, now Cumberland); in
	{"Vikram", "Singh-Dhillon", probation, 2*d + 4*h, "", 3, yes, "Blackpool", no, 85},                 // incomplete: RoSH; in with a reason
	{"Hamza", "Qureshi", channel, 9 * d, high, 2, no, "Blackburn with Darwen", no, 120},                // not eligible: no complex health needs; out
	{"Gareth", "Llewellyn-Jones", reconnect, 12 * d, high, 3, unknown, "Lancaster", no, 60},            // incomplete: health needs; in with a reason
	{"Bogdan", "Popescu", probation, 4 * d, medium, 3, yes, "Preston", no, 75},                         // not eligible: Medium RoSH; out
	{"Jamal", "Whitfield", probation, 8 * d, high, 3, yes, "Chorley", no, tooEarly},                    // not eligible: too early; out
	{"Aleksandar", "Petrović", probation, 10 * d, low, 3, yes, "Burnley", no, 50},                      // not eligible: Low RoSH; out
	{"José Ángel", "Fernández", probation, 14 * d, high, 3, yes, "Manchester", no, 100},                // not eligible: Manchester; out
	{"Tariq", "Hussain", probation, 6 * d, high, 3, yes, "Burnley", no, 110},                           // eligible; in late
	{"Kieran", "Bell", reconnect, 11 * d, veryHigh, 3, yes, "Leeds", no, 65},                           // not eligible: Leeds; out late
	{"Mehmet", "Yılmaz", nsdct, 20 * d, veryHigh, 1, yes, "", yes, 120},                                // incomplete: area; in with a reason
	{"Søren", "Kjærgaard", probation, 25 * d, high, 3, yes, "Pendle", no, 140},                         // eligible; in, consultation deferred
	{"Björn", "Ekström", opd, 30 * d, veryHigh, 3, yes, "Lancaster", no, 150},                          // eligible; deferred, then accepted
	{"Ioan", "Evans", channel, 18 * d, high, 0, yes, "Hyndburn", no, 100},                              // incomplete: priority group; in with a reason
	{"Patrick", "Kavanagh-Reilly", probation, 60 * d, veryHigh, 3, yes, "Cumberland", no, 100},         // eligible; accepted
	{"Nathaniel", "Brown", nsdct, 90 * d, veryHigh, 1, yes, "Blackburn with Darwen", yes, 60},          // eligible, AP; accepted, since released
	{"Ciarán", "Ó Súilleabháin", reconnect, 45 * d, high, 3, yes, "Westmorland and Furness", yes, 120}, // eligible, AP; accepted
	{"Andrzej", "Nowak", probation, 40 * d, high, 3, yes, "Chorley", no, 90},                           // eligible; not accepted
	{"Kofi", "Boateng", opd, 75 * d, high, 3, yes, "Wyre", unknown, 70},                                // eligible; accepted, since released
	{"Samir", "Benali", probation, 30 * h, high, 3, yes, "Preston", no, 110},                           // eligible; withdrawn before screening
	{"Stuart", "Pickering", channel, 50 * d, high, 2, yes, "Fylde", no, 80},                            // eligible; in, then withdrawn
}
