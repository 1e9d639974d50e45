package domain

import "strings"

// Describe is the outcome in words, only what was recorded, in the order the form asks
// it: "GP registered on 3 Mar 2027; accommodation: approved premises; community mental
// health referred". "nothing recorded" when it holds nothing.
func (o TransitionOutcome) Describe() string {
	var parts []string
	switch {
	case o.GPRegistered == Yes && !o.GPRegisteredOn.IsZero():
		parts = append(parts, "GP registered on "+o.GPRegisteredOn.Medium())
	case o.GPRegistered == Yes:
		parts = append(parts, "GP registered")
	case o.GPRegistered == No:
		parts = append(parts, "not registered with a GP")
	}
	if o.Accommodation != "" {
		parts = append(parts, "accommodation: "+o.Accommodation.Words())
	}
	for _, l := range []struct {
		service string
		link    ServiceLink
	}{{"community mental health", o.MentalHealth}, {"substance use", o.SubstanceUse}, {"physical health", o.PhysicalHealth}} {
		if l.link != "" {
			parts = append(parts, l.service+" "+string(l.link))
		}
	}
	switch o.Recalled {
	case Yes:
		parts = append(parts, "recalled")
	case No:
		parts = append(parts, "not recalled")
	}
	switch o.MAPPALevel {
	case "":
	case MAPPALevelNone:
		parts = append(parts, o.MAPPALevel.Words())
	default:
		parts = append(parts, "MAPPA "+o.MAPPALevel.Words())
	}
	if o.RoSH != "" {
		parts = append(parts, "RoSH "+o.RoSH.Label())
	}
	if len(parts) == 0 {
		return "nothing recorded"
	}
	return strings.Join(parts, "; ")
}

// StandingOutcomes are the outcomes that stand at each time point: the last recorded
// there, from outcomes oldest first.
func StandingOutcomes(outcomes []TransitionOutcome) map[TimePoint]TransitionOutcome {
	out := map[TimePoint]TransitionOutcome{}
	for _, o := range outcomes {
		out[o.Point] = o
	}
	return out
}
