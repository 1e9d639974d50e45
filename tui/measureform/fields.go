package measureform

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"charm.land/huh/v2"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/tui/common"
	"caseload/tui/component/chart"
)

// fields are the questions: what was taken and when (with the reason of a correction),
// then one page for each measure, shown when it is the one chosen: its items, or its
// totals.
func (a *answers) fields(o common.RecordMeasureMsg, today ident.Date) []*huh.Group {
	first := []huh.Field{}
	if o.Replaces.ID == 0 {
		first = append(first, huh.NewSelect[string]().Title("Measure").Inline(true).Options(measureOptions()...).
			Value(&a.measure).DescriptionFunc(func() string { return about(a.measure) }, &a.measure))
	} else {
		first = append(first, huh.NewText().Title("Why is the score corrected? *").Lines(2).CharLimit(1000).Value(&a.why).
			Description("e.g. item 4 entered as 3, the form says 1").
			Validate(func(v string) error {
				if strings.TrimSpace(v) == "" {
					return errors.New("say why the earlier score is corrected")
				}
				return nil
			}))
	}
	first = append(first,
		huh.NewSelect[string]().Title("Time point").Inline(true).Options(pointOptions()...).Value(&a.point),
		huh.NewInput().Title("Day taken * (YYYY-MM-DD or DD/MM/YYYY)").Value(&a.day).CharLimit(10).
			Validate(func(v string) error { _, err := dayTaken(v, today); return err }))
	groups := []*huh.Group{huh.NewGroup(first...)}
	for _, d := range domain.Measures() {
		page := huh.NewGroup(a.totalFields(d)...)
		if d.Entry == domain.EntryItems {
			page = huh.NewGroup(a.itemFields(d, o.Wordings[d.ID])...).
				Description(fmt.Sprintf("Each item %s; leave it blank if not answered.", responsesWords(d)))
		}
		id := d.ID
		groups = append(groups, page.WithHideFunc(func() bool { return a.measure != id }))
	}
	return groups
}

// itemFields ask each item's response, by its number and the service's wording where
// it entered one; blank is not answered.
func (a *answers) itemFields(d domain.MeasureDefinition, wordings map[int]string) []huh.Field {
	typed := a.items[d.ID]
	out := make([]huh.Field, len(d.Items))
	for i, it := range d.Items {
		title := fmt.Sprintf("Item %d", it.Number)
		if w := cmp.Or(it.Wording, wordings[it.Number]); w != "" {
			title += " · " + w
		}
		out[i] = huh.NewInput().Title(title + " ").Inline(true).Value(&typed[i]).CharLimit(width(d)).
			Validate(func(v string) error { _, err := response(d, v); return err })
	}
	return out
}

// totalFields ask each scale's total: the first is needed, the subscales are not.
func (a *answers) totalFields(d domain.MeasureDefinition) []huh.Field {
	typed := a.totals[d.ID]
	out := make([]huh.Field, len(d.Scales))
	for i, s := range d.Scales {
		title := fmt.Sprintf("%s of %s * (%s to %s)", common.Capital(s.Name), d.Name, chart.Number(s.Min), chart.Number(s.Max))
		if i > 0 {
			title = fmt.Sprintf("%s (%s to %s; blank if not scored)", common.Capital(s.Name), chart.Number(s.Min), chart.Number(s.Max))
		}
		needed := i == 0
		out[i] = huh.NewInput().Title(title).Value(&typed[i]).CharLimit(6).Validate(func(v string) error {
			if needed && strings.TrimSpace(v) == "" {
				return fmt.Errorf("give the %s of %s", s.Name, d.Name)
			}
			_, _, err := total(d, s, v)
			return err
		})
	}
	return out
}

// measureOptions offer every measure the app has, named with how it is entered.
func measureOptions() []huh.Option[string] {
	var out []huh.Option[string]
	for _, d := range domain.Measures() {
		out = append(out, huh.NewOption(d.Name, d.ID))
	}
	return out
}

// pointOptions offer each time point, then between them.
func pointOptions() []huh.Option[string] {
	var out []huh.Option[string]
	for _, p := range domain.TimePoints {
		out = append(out, huh.NewOption(p.Words(), string(p)))
	}
	return append(out, huh.NewOption(domain.TimePoint("").Words(), ""))
}

// about is what the measure chosen is, and how it is entered.
func about(id string) string {
	d, ok := domain.MeasureByID(id)
	if !ok {
		return ""
	}
	if d.Entry == domain.EntryItems {
		return fmt.Sprintf("%d items, each %s; next page", len(d.Items), responsesWords(d))
	}
	return "entered as totals scored on the trust's licensed form; next page"
}

// dayTaken reads the day a measure was taken: a day, and not after today.
func dayTaken(v string, today ident.Date) (ident.Date, error) {
	d, err := ident.ParseDate(v)
	if err == nil && d.After(today) {
		return d, fmt.Errorf("%s is after today (%s): give the day it was taken", d, today)
	}
	return d, err
}

// response reads one item's response: blank is not answered.
func response(d domain.MeasureDefinition, v string) (int, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return domain.MissingAnswer, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || !slices.ContainsFunc(d.Options, func(o domain.MeasureOption) bool { return o.Value == n }) {
		return 0, fmt.Errorf("type %s, or leave it blank if not answered", responsesWords(d))
	}
	return n, nil
}

// responsesWords are the responses an item takes: "0 to 4".
func responsesWords(d domain.MeasureDefinition) string {
	lo, hi := d.Options[0].Value, d.Options[0].Value
	for _, o := range d.Options {
		lo, hi = min(lo, o.Value), max(hi, o.Value)
	}
	return fmt.Sprintf("%d to %d", lo, hi)
}

// width is how many characters the largest response takes.
func width(d domain.MeasureDefinition) int {
	n := 1
	for _, o := range d.Options {
		n = max(n, len(strconv.Itoa(o.Value)))
	}
	return n
}
