package involvement

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/huh/v2"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// typed holds what is chosen and typed, outliving any rebuild of the form.
type typed struct {
	category, level, asAt, note string
	active                      bool
	confirmed                   bool // asked afresh on every submission
}

// typedFrom starts the form from what is recorded; a new involvement starts active,
// as at today, its MAPPA category unknown until the partners say.
func typedFrom(v domain.ForumInvolvement, today ident.Date) *typed {
	if !recorded(v) {
		return &typed{category: string(domain.MAPPACategoryUnk), asAt: today.String(), active: true}
	}
	t := &typed{category: string(v.Category), asAt: v.AsAt.String(), note: v.Note, active: v.Active}
	if v.Level != 0 {
		t.level = strconv.Itoa(v.Level)
	}
	if t.category == "" {
		t.category = string(domain.MAPPACategoryUnk)
	}
	return t
}

func (t *typed) fields(f domain.Forum, today ident.Date) []*huh.Group {
	var fs []huh.Field
	if f == domain.ForumMAPPA {
		fs = append(fs,
			huh.NewSelect[string]().Title("MAPPA category *").Inline(true).Options(categories()...).Value(&t.category),
			huh.NewSelect[string]().Title("MAPPA level").Inline(true).Value(&t.level).Options(
				huh.NewOption("none", ""),
				huh.NewOption("1: ordinary agency management", "1"),
				huh.NewOption("2: active multi-agency management", "2"),
				huh.NewOption("3: as 2, with senior staff", "3")).
				Validate(func(v string) error {
					if v != "" && t.category == string(domain.MAPPANotMAPPA) {
						return errors.New("a person who is not MAPPA has no MAPPA level: choose none")
					}
					return nil
				}),
		)
	}
	fs = append(fs,
		huh.NewInput().Title("As at").Placeholder("(DD/MM/YYYY or YYYY-MM-DD: the day the partners gave it)").
			Value(&t.asAt).Validate(func(v string) error { _, err := asAt(v, today); return err }),
		huh.NewConfirm().Title("Is the forum's involvement active?").Affirmative("Active").Negative("Closed").Value(&t.active),
		huh.NewInput().Title("Note").CharLimit(500).Value(&t.note).Placeholder(notePlaceholder(f)),
		// A person's standing with a risk forum is a sensitive record: enter alone
		// through the fields never records it.
		huh.NewConfirm().Title("Record this for "+f.Label()+"?").Affirmative("Record").Negative("Not yet").Value(&t.confirmed),
	)
	t.confirmed = false
	return []*huh.Group{huh.NewGroup(fs...)}
}

// categories are the MAPPA categories as docs/RULES.md, "Risk forums" describes them.
func categories() []huh.Option[string] {
	words := map[domain.MAPPACategory]string{
		domain.MAPPACategory1:   "category 1: registered sexual offender",
		domain.MAPPACategory2:   "category 2: violent offender",
		domain.MAPPACategory3:   "category 3: other dangerous offender",
		domain.MAPPANotMAPPA:    "not MAPPA",
		domain.MAPPACategoryUnk: "not known",
	}
	opts := make([]huh.Option[string], len(domain.MAPPACategories))
	for i, c := range domain.MAPPACategories {
		opts[i] = huh.NewOption(words[c], string(c))
	}
	return opts
}

func notePlaceholder(f domain.Forum) string {
	switch f {
	case domain.ForumMARAC:
		return "e.g. the MARAC area"
	case domain.ForumChannel:
		return "e.g. the Channel case reference"
	}
	return "e.g. the MAPPA coordinator"
}

// asAt reads the as-at date: blank when not known, never after today.
func asAt(v string, today ident.Date) (ident.Date, error) {
	if strings.TrimSpace(v) == "" {
		return ident.Date{}, nil
	}
	d, err := ident.ParseDate(v)
	if err != nil {
		return d, err
	}
	if d.After(today) {
		return d, fmt.Errorf("the as-at date %s is after today: record what the partners have decided", d.Medium())
	}
	return d, nil
}

// involvement is v's case and forum with what is chosen and typed; the domain then
// checks the whole (a level for a person who is not MAPPA is refused, not dropped).
func (t *typed) involvement(v domain.ForumInvolvement, today ident.Date) (domain.ForumInvolvement, error) {
	out := domain.ForumInvolvement{CaseID: v.CaseID, Forum: v.Forum, Active: t.active, Note: strings.TrimSpace(t.note)}
	var err error
	if out.AsAt, err = asAt(t.asAt, today); err != nil {
		return out, err
	}
	if v.Forum == domain.ForumMAPPA {
		out.Category = domain.MAPPACategory(t.category)
		out.Level, _ = strconv.Atoi(t.level) // the options are "" and digits
	}
	return out, nil
}

// sentence is an error as the form shows it: a sentence with a capital and a stop.
func sentence(err error) string {
	s := strings.TrimSpace(err.Error())
	r, n := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[n:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}
