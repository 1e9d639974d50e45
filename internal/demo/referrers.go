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
	domain.SourceProbation: {"Probation Service, Preston", "Probation Service, Barrow-in-Furness", "Probation Service, Blackburn"},
	domain.SourceNSDCT:     {"Probation NSD North West", "Counter Terrorism Policing North West"},
	domain.SourceReconnect: {"RECONNECT Lancashire and Cumbria"},
	domain.SourceOPD:       {"OPD Pathway, North West"},
	domain.SourceChannel:   {"Channel Panel, Lancashire", "Channel Panel, Cumbria"},
}

// referrer is who sent the referral. A self-referral comes from the person, by letter;
// "other" is a GP or a relative, whom the service records and then declines.
func (g *gen) referrer(src domain.Source, p domain.Person) domain.Referrer {
	switch src {
	case domain.SourceSelf:
		return domain.Referrer{Name: p.Name(), Org: "letter from the person"}
	case domain.SourceOther:
		if g.r.IntN(2) == 0 {
			return domain.Referrer{Name: "Dr Helen Marsh", Org: "GP practice, Ulverston", Email: "helen.marsh@example.org"}
		}
		return domain.Referrer{Name: "Family member (sister)", Org: ""}
	}
	name := referrerNames[g.r.IntN(len(referrerNames))]
	list := orgs[src]
	return domain.Referrer{
		Name:  name,
		Org:   list[g.r.IntN(len(list))],
		Email: strings.ToLower(strings.ReplaceAll(name, " ", ".")) + "@example.org",
	}
}

// reasons are short, fictional referral reasons. Some hold commas, quotation marks and
// line breaks on purpose: an export or import of the demo must survive them.
var reasons = []string{
	"Release planned within six months; COM requests psychological formulation to inform the risk management plan.",
	"Long history of violence in custody, with recent improvement.\nPOM reports low mood and poor sleep; would value ER's view before release.",
	"Complex presentation: trauma history, possible personality difficulties, and \"no trust in services\" in his own words.",
	"Moving to Approved Premises on release. Consultation requested with COM, POM and AP staff.",
	"Previously on OPD pathway, progressed well; needs continuity of psychological support after release.",
	"NSD cohort. Referral for joint risk formulation ahead of MAPPA level 3 meeting.",
	"Concerns about isolation, substance use and re-engagement with old peers on release, as noted at the last sentence planning meeting.",
}
