package transitionform

import (
	"fmt"
	"strings"

	"charm.land/huh/v2"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// fields ask the point, then the questions of that point only.
func (a *answers) fields(st *standing, today ident.Date) []*huh.Group {
	var points []huh.Option[string]
	for _, p := range domain.OutcomePoints {
		points = append(points, huh.NewOption(p.Words(), string(p)))
	}
	groups := []*huh.Group{huh.NewGroup(huh.NewSelect[string]().Title("Outcomes at").Inline(true).Options(points...).
		Value(&a.point).DescriptionFunc(func() string { return asked(domain.TimePoint(a.point)) }, &a.point))}
	for _, p := range domain.OutcomePoints {
		t := a.at[p]
		var fs []huh.Field
		if p == domain.PointRelease {
			fs = append(fs, choose("Registered with a GP by release day?", &t.gp, yesNo()),
				huh.NewInput().Title("Registered with the GP on (YYYY-MM-DD; blank if not known)").Value(&t.gpOn).CharLimit(10).
					Validate(func(v string) error { _, err := gpDay(v, today); return err }))
		}
		if p != domain.PointAcceptance {
			fs = append(fs, choose("Accommodation", &t.accommodation, accommodations()),
				choose("Community mental health", &t.mentalHealth, links()),
				choose("Substance use service", &t.substanceUse, links()),
				choose("Physical health services", &t.physicalHealth, links()))
		}
		if p == domain.PointDischarge {
			fs = append(fs, choose("Recalled to custody while with the service?", &t.recalled, yesNo()))
		}
		if p != domain.PointRelease {
			fs = append(fs, choose("MAPPA", &t.mappa, mappa()), choose("RoSH", &t.rosh, rosh()))
		}
		point := p
		groups = append(groups, huh.NewGroup(fs...).WithHideFunc(func() bool { return domain.TimePoint(a.point) != point }))
	}
	return groups
}

// asked says what is recorded at point p.
func asked(p domain.TimePoint) string {
	switch p {
	case domain.PointAcceptance:
		return "MAPPA level and RoSH"
	case domain.PointRelease:
		return "GP registration, accommodation, links with services"
	}
	return "accommodation, links with services, recall, MAPPA level and RoSH"
}

// choose is an inline choice, "not recorded" first.
func choose(title string, v *string, opts []huh.Option[string]) huh.Field {
	return huh.NewSelect[string]().Title(title).Inline(true).Value(v).
		Options(append([]huh.Option[string]{huh.NewOption("not recorded", "")}, opts...)...)
}

func yesNo() []huh.Option[string] {
	return []huh.Option[string]{huh.NewOption("yes", string(domain.Yes)), huh.NewOption("no", string(domain.No))}
}

func accommodations() []huh.Option[string] {
	var out []huh.Option[string]
	for _, v := range domain.Accommodations {
		out = append(out, huh.NewOption(v.Words(), string(v)))
	}
	return out
}

func links() []huh.Option[string] {
	var out []huh.Option[string]
	for _, v := range domain.ServiceLinks {
		out = append(out, huh.NewOption(string(v), string(v)))
	}
	return out
}

func mappa() []huh.Option[string] {
	var out []huh.Option[string]
	for _, v := range domain.MAPPALevels {
		out = append(out, huh.NewOption(v.Words(), string(v)))
	}
	return out
}

func rosh() []huh.Option[string] {
	var out []huh.Option[string]
	for _, v := range domain.RoSHLevels {
		out = append(out, huh.NewOption(v.Label(), string(v)))
	}
	return out
}

// gpDay reads the day of GP registration: blank when not known, else a day not after
// today.
func gpDay(v string, today ident.Date) (ident.Date, error) {
	if strings.TrimSpace(v) == "" {
		return ident.Date{}, nil
	}
	d, err := ident.ParseDate(v)
	if err == nil && d.After(today) {
		return d, fmt.Errorf("%s is after today (%s): the GP registration cannot be after today", d, today)
	}
	return d, err
}
