package form

import (
	"reflect"
	"testing"
)

// The speech reads huh's private fields by reflection; should an upgrade move or
// retype one, each reader says nothing rather than panic or say "<invalid Value>".
func TestReflectionReadersSayNothingWhenAFieldMoved(t *testing.T) {
	type option struct {
		Key      string
		selected bool
		cursor   int
	}
	var none *option
	o := &option{Key: "screen in", selected: true, cursor: 2}
	if got := text(fieldOf(reflect.ValueOf(o), "Key")); got != "screen in" {
		t.Errorf("text of Key is %q", got)
	}
	if !flag(fieldOf(reflect.ValueOf(o), "selected")) {
		t.Error("selected not read")
	}
	if n, ok := number(fieldOf(reflect.ValueOf(o), "cursor")); !ok || n != 2 {
		t.Errorf("cursor %d, %v", n, ok)
	}
	for name, v := range map[string]reflect.Value{
		"a field not there":  fieldOf(reflect.ValueOf(o), "Title"),
		"a nil pointer":      fieldOf(reflect.ValueOf(none), "Key"),
		"not a struct":       fieldOf(reflect.ValueOf(42), "Key"),
		"the zero Value":     fieldOf(reflect.Value{}, "Key"),
		"a string as number": reflect.ValueOf("two"),
	} {
		if text(v) != "" && name != "a string as number" {
			t.Errorf("%s: text %q", name, text(v))
		}
		if _, ok := number(v); ok {
			t.Errorf("%s: read as a number", name)
		}
		if flag(v) {
			t.Errorf("%s: read as true", name)
		}
	}
	if text(fieldOf(reflect.ValueOf(o), "cursor")) != "" {
		t.Error("an int read as text")
	}
}
