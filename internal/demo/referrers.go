package demo

import (
	"strings"

	"caseload/internal/domain"
)

// referrerNames are invented; their emails use the reserved example.org domain, so a demo
// can never mail anyone real.
var referrerNames = []string{"Rachel Dunmore", "Imran Patel", "Claire Ashworth", "Owen Pritchard",
	"Natalia Kowalska", "Femi Adebayo", "Hannah Lowther", "Graham Ackroyd", "Aisling Byrne", "Marcus Greenhalgh"}

// orgs are the kinds of team each accepted source refers from.
var orgs = map[domain.Source][]string{
	domain.SourceProbation: {"Probation Service, Preston", "Probation Service, Blackburn", "Probation Service, Barrow-in-Furness", "Probation Service, Carlisle"},
	domain.SourceNSDCT:     {"Probation NSD North West", "Counter Terrorism Policing North West"},
	domain.SourceReconnect: {"RECONNECT Lancashire and Cumbria"},
	domain.SourceOPD:       {"OPD Pathway, North West"},
	domain.SourceChannel:   {"Channel Panel, Lancashire", "Channel Panel, Cumbria"},
}

// referrer is who sent the referral. A self-referral comes from the person, by letter;
// "other" is a GP, whom the service records and then declines. A COM refers from the
// office for where the person is going, when that is known.
func (g *gen) referrer(src domain.Source, p domain.Person, area string) domain.Referrer {
	switch src {
	case domain.SourceSelf:
		return domain.Referrer{Name: p.Name(), Org: "letter from the person"}
	case domain.SourceOther:
		return domain.Referrer{Name: "Dr Helen Marsh", Org: "GP practice, Ulverston", Email: "helen.marsh@example.org"}
	}
	name := referrerNames[g.r.IntN(len(referrerNames))]
	list := orgs[src]
	if a, ok := domain.FindArea(area); ok && src == domain.SourceProbation {
		if a.County == domain.CountyCumbria {
			list = list[2:]
		} else {
			list = list[:2]
		}
	}
	return domain.Referrer{
		Name:  name,
		Org:   list[g.r.IntN(len(list))],
		Email: strings.ToLower(strings.ReplaceAll(name, " ", ".")) + "@example.org",
	}
}

// reasons are short, fictional referral reasons, each with the facts it fits (nil: any
// referral from a partner). Some hold commas, quotation marks and line breaks on
// purpose: an export or import of the demo must survive them.
var reasons = []struct {
	text string
	fits func(scenario) bool
}{
	{"Release planned within six months; COM requests psychological formulation to inform the risk management plan.",
		func(s scenario) bool { return s.release != noDate && s.release != tooEarly }},
	{"Long history of violence in custody, with recent improvement.\nPOM reports low mood and poor sleep; would value ER's view before release.", nil},
	{"Complex presentation: trauma history, possible personality difficulties, and \"no trust in services\" in his own words.", nil},
	{"Moving to Approved Premises on release. Consultation requested with COM, POM and AP staff.",
		func(s scenario) bool { return s.ap == domain.Yes }},
	{"Previously on OPD pathway, progressed well; needs continuity of psychological support after release.", nil},
	{"NSD cohort. Referral for joint risk formulation ahead of MAPPA level 3 meeting.",
		func(s scenario) bool { return s.group == 1 }},
	{"Concerns about isolation, substance use and re-engagement with old peers on release, as noted at the last sentence planning meeting.", nil},
}

// reason draws a reason that fits the referral; the person and a GP write their own.
func (g *gen) reason(s scenario) string {
	switch s.source {
	case domain.SourceSelf:
		return "Letter asking for help before release: \"I don't want to end up back inside, and I can't sort my head out on my own.\""
	case domain.SourceOther:
		return "GP letter: known to the practice before custody, with depression and heavy drinking; his family are worried about how he will cope on release."
	}
	for {
		r := reasons[g.r.IntN(len(reasons))]
		if r.fits == nil || r.fits(s) {
			return r.text
		}
	}
}
