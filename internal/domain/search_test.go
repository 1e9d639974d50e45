package domain

import (
	"strings"
	"testing"
)

func TestFoldForSearch(t *testing.T) {
	tests := []struct{ typed, name string }{
		{"oneill", "Connor O'Neill"},
		{"o'neill", "Connor O’Neill"},
		{"siobhan", "Siobhán"},
		{"zoe whitworthhale", "Zoë Whitworth-Hale"},
		{"lukasz wisniewski", "Łukasz Wiśniewski"},
		{"oyvind", "Øyvind Haugland"},
		{"nguyen", "Minh Nguyễn"},
		{"yilmaz", "Mehmet Yılmaz"},
		{"يوسف", "يوسف الحداد"},
		{"陈", "浩然 陈"},
		{"999 000 0018", "999 000 0018"},
	}
	for _, tt := range tests {
		if !strings.Contains(FoldForSearch(tt.name), FoldForSearch(tt.typed)) {
			t.Errorf("%q does not find %q (%q in %q)", tt.typed, tt.name, FoldForSearch(tt.typed), FoldForSearch(tt.name))
		}
	}
	if strings.Contains(FoldForSearch("Connor O'Neill"), FoldForSearch("oneil l")) {
		t.Error("folding must not join words the person typed apart")
	}
}

func FuzzFoldForSearch(f *testing.F) {
	f.Add("Zoë O'Neill-Łukasz")
	f.Fuzz(func(t *testing.T, s string) {
		once := FoldForSearch(s)
		if FoldForSearch(once) != once {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, once, FoldForSearch(once))
		}
	})
}
