package form

import (
	"fmt"
	"reflect"
	"strings"

	"charm.land/huh/v2"

	"caseload/tui/spoken"
)

// Speech is the form in the accessible mode (common.Speaker): its title and what it is
// about, a change made elsewhere, the problems of a refused save, the confirmation when
// one is open, the discard warning or the focused field's error, then the focused field:
// its question, its choices and the keys, and its answer. The form stays the embedded
// huh form, driven by the same keys (docs/ACCESSIBILITY.md says why not huh's own
// accessible mode); only what is said is new.
func (m *Model) Speech() []string {
	out := []string{spoken.Sentence("Form: " + m.spec.Title)}
	if m.spec.Intro != nil {
		for _, l := range m.spec.Intro(1 << 16) {
			out = append(out, spoken.Sentence(l))
		}
	}
	if m.changed != "" {
		out = append(out, spoken.Sentence(m.changed))
	}
	if len(m.problems) > 0 {
		out = append(out, "Not saved. Put these right and submit again:")
		for _, p := range m.problems {
			out = append(out, spoken.Sentence(p))
		}
	}
	switch {
	case m.dialog != nil:
		return append(out, m.dialog.Speech()...)
	case m.saving:
		return append(out, "Saving.")
	case m.discarding:
		out = append(out, "Press escape again to discard this form, or any other key to keep typing.")
	}
	if errs := m.form.Errors(); len(errs) > 0 {
		out = append(out, spoken.Sentence("Not accepted: "+spoken.Capital(errs[0].Error())))
	}
	return append(out, m.fieldSpeech(m.form.GetFocusedField())...)
}

// heard is the text field in focus when it was first spoken, and its answer then: an
// answer being typed is not read back a letter at a time (the screen reader echoes the
// keys typed), but one found in the field on arriving at it (a date filled in, typing
// kept after a refused save) is.
type heard struct {
	field huh.Field
	value string
}

// fieldSpeech is the question in focus, then its answer.
func (m *Model) fieldSpeech(f huh.Field) []string {
	if f == nil {
		return nil
	}
	if m.heard.field != f { // arrived at f since the last speech
		m.heard = heard{field: f, value: fmt.Sprint(f.GetValue())}
	}
	title, required := question(f)
	about := title
	if required {
		about += ", required"
	}
	if d := evalString(f, "description"); d != "" {
		about += ". " + spoken.Capital(d)
	}
	switch f := f.(type) {
	case *huh.Input, *huh.Text:
		kind := "text"
		if _, ok := f.(*huh.Text); ok {
			kind = "text, several lines"
		}
		answer := spoken.Answer(m.heard.value)
		line := spoken.Sentence(about+", "+kind+"; "+answer) + " Type, then enter to go on."
		if p := placeholder(f); p != "" && m.heard.value == "" {
			line += " " + spoken.Sentence(spoken.Capital(p))
		}
		return []string{line}
	case *huh.Confirm:
		yes, no := text(private(f, "affirmative")), text(private(f, "negative"))
		chosen := no
		if v, _ := f.GetValue().(bool); v {
			chosen = yes
		}
		return []string{
			spoken.Sentence(about) + " " + spoken.Sentence("Answer "+yes+" or "+no+"; left and right choose, enter answers"),
			spoken.Sentence(title + " " + chosen + " is chosen"),
		}
	case *huh.Note:
		return []string{spoken.Sentence(about) + " Enter to go on."}
	}
	// A choice (huh.Select or MultiSelect of any type): its options are read by name.
	opts := private(f, "filteredOptions")
	if !opts.IsValid() || opts.Kind() != reflect.Slice {
		return []string{spoken.Sentence(about)}
	}
	var names, chosen []string
	for i := range opts.Len() {
		o := opts.Index(i)
		names = append(names, text(fieldOf(o, "Key")))
		if flag(fieldOf(o, "selected")) {
			chosen = append(chosen, names[i])
		}
	}
	if at, ok := number(private(f, "selected")); ok { // a Select
		if at >= 0 && at < len(names) {
			chosen = []string{names[at]}
		}
		return []string{
			spoken.Sentence(about) + " " + spoken.Sentence("A choice of "+strings.Join(names, " or ")+"; left and right, or up and down, choose, enter goes on"),
			spoken.Sentence(title + ": " + strings.Join(chosen, ", ") + " is chosen"),
		}
	}
	at, _ := number(private(f, "cursor"))
	cursor := ""
	if at >= 0 && at < len(names) {
		cursor = fmt.Sprintf("On %s, %d of %d.", names[at], at+1, len(names))
	}
	picked := "nothing is ticked"
	if len(chosen) > 0 {
		picked = strings.Join(chosen, ", ") + " ticked"
	}
	return []string{
		spoken.Sentence(about) + " " + spoken.Sentence("Tick any of "+strings.Join(names, ", ")+"; up and down move, space ticks, enter goes on"),
		spoken.Sentence(title+": "+picked) + " " + cursor,
	}
}

// question is a field's title as said, and whether the star marks it required.
func question(f huh.Field) (string, bool) {
	// An inline field's title ends with the colon its answer follows on the line.
	t := strings.TrimSuffix(strings.TrimSpace(evalString(f, "title")), ":")
	if !strings.Contains(t, "*") {
		return strings.TrimSpace(t), false
	}
	return strings.Join(strings.Fields(strings.ReplaceAll(t, "*", "")), " "), true
}

// huh keeps a field's title, description, placeholder and options private, and says
// them only by drawing them. Reading them by reflection (read only: reflect refuses to
// set or hand out a private value) is what lets the focused question be said as words
// rather than as its drawing's marks; TestFormSpeechReadsEveryKindOfField fails if a
// new huh moves them.
func private(f huh.Field, name string) reflect.Value { return fieldOf(reflect.ValueOf(f), name) }

// fieldOf is the field name of the struct v is or points to; the zero Value when v is
// no struct (a huh upgrade that moved it), which the readers below take as nothing.
func fieldOf(v reflect.Value, name string) reflect.Value {
	for v.IsValid() && (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface) {
		if v.IsNil() {
			return reflect.Value{}
		}
		v = v.Elem()
	}
	if !v.IsValid() || v.Kind() != reflect.Struct {
		return reflect.Value{}
	}
	return v.FieldByName(name)
}

// text, number and flag read a field found by reflection as what it should be, and say
// nothing (rather than panic, or "<invalid Value>" read aloud) when it is not.
func text(v reflect.Value) string {
	if v.IsValid() && v.Kind() == reflect.String {
		return v.String()
	}
	return ""
}

func number(v reflect.Value) (int, bool) {
	if v.IsValid() && v.CanInt() {
		return int(v.Int()), true
	}
	return 0, false
}

func flag(v reflect.Value) bool { return v.IsValid() && v.Kind() == reflect.Bool && v.Bool() }

// evalString is a field's huh.Eval[string] (a title, a description, a placeholder) as it
// stands.
func evalString(f huh.Field, name string) string {
	e := private(f, name)
	if !e.IsValid() || e.Kind() != reflect.Struct {
		return ""
	}
	if v := e.FieldByName("val"); v.IsValid() && v.Kind() == reflect.String {
		return v.String()
	}
	return ""
}

// placeholder is a text field's hint, which huh keeps in its bubbles input.
func placeholder(f huh.Field) string {
	for _, inner := range []string{"textinput", "textarea"} {
		if v := private(f, inner); v.IsValid() && v.Kind() == reflect.Struct {
			if p := v.FieldByName("Placeholder"); p.IsValid() && p.Kind() == reflect.String {
				return p.String()
			}
		}
	}
	return ""
}
