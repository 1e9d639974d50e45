package releaseform

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/huh/v2"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// meanings is what each kind of release date means, in a few words (docs/RULES.md, "Release dates and the countdown").
var meanings = map[domain.ReleaseDateType]string{
	domain.ReleaseConfirmed: "confirmed release date",
	domain.ReleaseCRD:       "conditional release, on licence",
	domain.ReleaseARD:       "automatic release, no licence",
	domain.ReleasePED:       "parole eligibility: release not certain",
	domain.ReleaseHDCED:     "HDC (tag) eligibility: not a release date",
	domain.ReleaseHDCAD:     "HDC (tag) approved",
	domain.ReleaseAPD:       "approved parole date",
	domain.ReleasePRRD:      "post-recall release",
	domain.ReleaseOther:     "another date from the POM or COM",
	domain.ReleaseLED:       "licence expiry: not a release date",
	domain.ReleaseSED:       "sentence expiry: not a release date",
	domain.ReleaseSLED:      "sentence and licence expiry: not a release date",
	domain.ReleaseTUSED:     "top-up supervision expiry: not a release date",
}

// kindOptions offers every kind of sentence date with its meaning and what is held of
// it, then "not stated" when a date of no stated kind is held.
func kindOptions(held domain.SentenceDates) []huh.Option[string] {
	opts := make([]huh.Option[string], 0, len(domain.SentenceDateKinds)+1)
	label := func(k domain.ReleaseDateType, name string) string {
		if d := held.Of(k); !d.Date.IsZero() {
			return name + " (held: " + heldWords(d) + ")"
		}
		return name
	}
	for _, k := range domain.SentenceDateKinds {
		// The kind first and short, so a narrow screen still tells LED from SLED; what
		// it means is the field's description.
		opts = append(opts, huh.NewOption(label(k, string(k)), string(k)))
	}
	if !held.Of("").Date.IsZero() {
		opts = append(opts, huh.NewOption(label("", "not stated"), ""))
	}
	return opts
}

// kindMeaning is what a kind of date means, for the field's description.
func kindMeaning(k domain.ReleaseDateType) string {
	if k == "" {
		return "a date whose kind was not stated"
	}
	return meanings[k]
}

// keepConfirmed leaves whether a date is confirmed as it is held; a new day is not
// confirmed until someone says so (the prison confirmed the old day, not this one).
const keepConfirmed = "keep"

// eventWords names the day asked for after an event.
var eventWords = map[happening]string{
	released:   "Day of release *",
	recalled:   "Day of recall to custody *",
	reReleased: "Day of re-release *",
}

func (a *answers) fields(held domain.SentenceDates, today ident.Date) []*huh.Group {
	return []*huh.Group{
		huh.NewGroup(
			huh.NewSelect[string]().Title("What has happened?").Value(&a.what).Options(
				huh.NewOption("A release or sentence date changed", string(dateChanged)),
				huh.NewOption("Released", string(released)),
				huh.NewOption("Recalled to custody", string(recalled)),
				huh.NewOption("Re-released after recall", string(reReleased))),
		),
		huh.NewGroup(
			huh.NewSelect[string]().Title("Which date?").Inline(true).Options(kindOptions(held)...).Value(&a.kind).
				DescriptionFunc(func() string { return kindMeaning(domain.ReleaseDateType(a.kind)) }, &a.kind),
			// The kind is in the title: on a short screen "Which date?" has scrolled away.
			huh.NewInput().TitleFunc(func() string {
				return "New day of the " + domain.SentenceDateName(domain.ReleaseDateType(a.kind)) + " (YYYY-MM-DD or DD/MM/YYYY)"
			}, &a.kind).Value(&a.date).
				DescriptionFunc(func() string { return dayHint(held, domain.ReleaseDateType(a.kind)) }, &a.kind).
				Validate(func(v string) error {
					if s := strings.TrimSpace(v); s == "" || strings.EqualFold(s, unknownWord) {
						return nil
					}
					_, err := ident.ParseDate(v)
					return err
				}),
			// A select, not huh's confirm, so the answer is written out rather than shown
			// by the highlight of a button alone.
			huh.NewSelect[string]().Title("Confirmed?").Inline(true).Value(&a.confirmed).Options(
				huh.NewOption("as held (a new day is not)", keepConfirmed),
				huh.NewOption("no: as given, may still move", "no"),
				huh.NewOption("yes: confirmed (e.g. on NOMIS)", "yes")),
			huh.NewText().Title("Reason *").Lines(2).CharLimit(2000).Value(&a.reason).
				Description("e.g. parole refused, date recalculated, recall, new sentence").
				Validate(func(v string) error {
					if strings.TrimSpace(v) == "" {
						return errors.New("say why the release date changed: e.g. parole refused, date recalculated, recall, new sentence")
					}
					return nil
				}),
		).WithHideFunc(func() bool { return happening(a.what) != dateChanged }),
		huh.NewGroup(
			huh.NewInput().TitleFunc(func() string { return eventWords[happening(a.what)] }, &a.what).
				Value(&a.on).Description("YYYY-MM-DD or DD/MM/YYYY; today or before").
				Validate(func(v string) error {
					d, err := ident.ParseDate(v)
					if err == nil && d.After(today) {
						return fmt.Errorf("%s is after today (%s): record it on the day or after", d, today)
					}
					return err
				}),
		).WithHideFunc(func() bool { return happening(a.what) == dateChanged }),
		a.recallGroup(),
	}
}

// recallGroup asks why the person was recalled and for a confirmation: a recall is not
// replaced once recorded (finding 11), so enter alone through the fields never records
// one. The confirmation is asked afresh on every build, that is after every refusal.
func (a *answers) recallGroup() *huh.Group {
	a.sure = false
	return huh.NewGroup(
		huh.NewText().Title("Reason for the recall *").Lines(2).CharLimit(2000).Value(&a.why).
			Description("e.g. breach of licence conditions, further offence, risk escalating").
			Validate(func(v string) error {
				if strings.TrimSpace(v) == "" {
					return errors.New(noRecallReason)
				}
				return nil
			}),
		huh.NewConfirm().Title("Record this recall to custody? It cannot be replaced once recorded.").
			Affirmative("Record").Negative("Not yet").Value(&a.sure),
	).WithHideFunc(func() bool { return happening(a.what) != recalled })
}

// unknownWord typed as the day removes the date: it is no longer known.
const unknownWord = "unknown"

// dayHint says what the day field does for the kind chosen, and what is held of it.
func dayHint(held domain.SentenceDates, k domain.ReleaseDateType) string {
	d := held.Of(k)
	if d.Date.IsZero() {
		return "none held yet"
	}
	return "held: " + heldWords(d) + "; blank keeps it, " + unknownWord + " removes it"
}

// heldWords is a date held, its kind already named: "30 Jul 2027, confirmed".
func heldWords(d domain.ReleaseDate) string {
	if d.SaysConfirmed() {
		return d.Date.Medium() + ", confirmed"
	}
	return d.Date.Medium()
}

const noRecallReason = "say why the person was recalled: e.g. breach of licence conditions, further offence"
