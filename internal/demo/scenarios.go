package demo

import (
	"time"

	"caseload/internal/domain"
)

// scenario is one demo referral's story: who, from whom, how long ago it arrived, how
// long screening took (zero while unscreened), where it stands, and the facts that decide
// eligibility. Written out by hand, not drawn at random, so that every state, source, RoSH
// level, priority group and kind of area is certain to appear.
type scenario struct {
	given, family string
	source        domain.Source
	ago, took     time.Duration
	status        domain.ReferralStatus
	rosh          domain.RoSH
	group         int
	area          string
}

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

	received     = domain.StatusReceived
	screenedIn   = domain.StatusScreenedIn
	screenedOut  = domain.StatusScreenedOut
	consultation = domain.StatusConsultation
	accepted     = domain.StatusAccepted
	notAccepted  = domain.StatusNotAccepted
	withdrawn    = domain.StatusWithdrawn

	low      = domain.RoSHLow
	medium   = domain.RoSHMedium
	high     = domain.RoSHHigh
	veryHigh = domain.RoSHVeryHigh
)

var scenarios = []scenario{
	// Awaiting screening: from just arrived, through due soon (under 12 hours left), to
	// overdue by hours and by days.
	{"يوسف", "الحداد", probation, 12 * m, 0, received, high, 1, "Preston"},
	{"Zoë", "Whitworth-Hale", opd, 1*h + 5*m, 0, received, veryHigh, 3, "Lancaster"},
	{"Siobhán", "O'Connor", nsdct, 3*h + 20*m, 0, received, "", 0, ""},
	{"Łukasz", "Wiśniewski", reconnect, 7*h + 40*m, 0, received, medium, 3, "Blackpool"},
	{"Minh", "Nguyễn", channel, 19 * h, 0, received, high, 2, "Blackburn with Darwen"},
	{"Rhys", "ap Gwilym", probation, 22 * h, 0, received, high, 3, "Ribble Valley"},
	{"Øyvind", "Haugland", self, 26 * h, 0, received, "", 0, "Cumberland"},
	{"Oluwaseun", "Adeyemi", probation, 36*h + 45*m, 0, received, veryHigh, 3, "Burnley"},
	{"Kwame", "Mensah-Bonsu", nsdct, 40*h + 10*m, 0, received, high, 1, "Pendle"},
	{"浩然", "陈", other, 44*h + 30*m, 0, received, low, 0, "Manchester"},
	{"Connor", "O'Neill", probation, 47*h + 20*m, 0, received, high, 3, "Westmorland and Furness"},
	{"Arjun", "Sharma", opd, 50 * h, 0, received, veryHigh, 3, "Hyndburn"},
	{"Mohammed", "Rahman", probation, 53*h + 12*m, 0, received, high, 0, ""},
	{"Tomasz", "Kowalczyk", reconnect, 61 * h, 0, received, medium, 0, "Wyre"},
	{"Darren", "Hargreaves", probation, 4*d + 2*h, 0, received, high, 3, "Fylde"},
	{"Liam", "McAllister", channel, 7*d + 5*h, 0, received, high, 2, "Rossendale"},

	// Screened within the 48 hours, in and out.
	{"Jean-Luc", "Berthelot", probation, 3 * d, 20 * h, screenedIn, veryHigh, 1, "South Ribble"},
	{"François", "D'Arcy", opd, 2*d + 20*h, 12 * h, screenedIn, high, 3, "Westmorland and Furness"},
	{"Chidi", "Okafor", opd, 5 * d, 31 * h, screenedIn, high, 3, "West Lancashire"},
	{"Dmitri", "Volkov", nsdct, 6 * d, 9 * h, screenedIn, veryHigh, 1, "Cumberland"},
	{"Vikram", "Singh-Dhillon", probation, 2*d + 4*h, 28 * h, screenedIn, high, 3, "Blackpool"},
	{"Hamza", "Qureshi", channel, 9 * d, 40 * h, screenedIn, high, 2, "Blackburn with Darwen"},
	{"Gareth", "Llewellyn-Jones", reconnect, 12 * d, 47 * h, screenedIn, high, 3, "Lancaster"},
	{"Bogdan", "Popescu", self, 4 * d, 6 * h, screenedOut, medium, 0, "Preston"},
	{"Jamal", "Whitfield", other, 8 * d, 26 * h, screenedOut, "", 0, ""},
	{"Aleksandar", "Petrović", probation, 10 * d, 30 * h, screenedOut, low, 0, "Leeds"},
	{"José Ángel", "Fernández", probation, 14 * d, 44 * h, screenedOut, medium, 3, "Manchester"},

	// Screened late.
	{"Tariq", "Hussain", probation, 6 * d, 52*h + 10*m, screenedIn, high, 3, "Burnley"},
	{"Kieran", "Bell", reconnect, 11 * d, 70 * h, screenedOut, medium, 0, "Blackpool"},
	{"Mehmet", "Yılmaz", nsdct, 20 * d, 100 * h, screenedIn, veryHigh, 1, "Preston"},

	// Further along: consultation, decisions, withdrawals.
	{"Søren", "Kjærgaard", probation, 25 * d, 30 * h, consultation, high, 3, "Pendle"},
	{"Björn", "Ekström", opd, 30 * d, 22 * h, consultation, veryHigh, 3, "Lancaster"},
	{"Ioan", "Evans", channel, 18 * d, 45 * h, consultation, high, 2, "Hyndburn"},
	{"Patrick", "Kavanagh-Reilly", probation, 60 * d, 20 * h, accepted, veryHigh, 3, "Cumberland"},
	{"Nathaniel", "Brown", nsdct, 90 * d, 8 * h, accepted, veryHigh, 1, "Blackburn with Darwen"},
	{"Ciarán", "Ó Súilleabháin", reconnect, 45 * d, 60 * h, accepted, high, 3, "Westmorland and Furness"},
	{"Andrzej", "Nowak", probation, 40 * d, 30 * h, notAccepted, high, 3, "Chorley"},
	{"Kofi", "Boateng", opd, 75 * d, 36 * h, notAccepted, high, 3, "Wyre"},
	{"Samir", "Benali", probation, 35 * d, 24 * h, withdrawn, high, 3, "Preston"},
	{"Stuart", "Pickering", channel, 50 * d, 40 * h, withdrawn, high, 2, "Fylde"},
}
