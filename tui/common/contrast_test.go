package common

import (
	"image/color"
	"math"
	"testing"
)

// The footer is never faint: in the dark and light themes every part of it (keys, their
// words, the separators) is at least 4.5:1 against the background the theme is for
// (WCAG 2.2's AA for text), as the issue found bubbles' default greys were not.
func TestFooterIsReadable(t *testing.T) {
	for _, dark := range []bool{true, false} {
		th := NewTheme(dark)
		var bg color.Color = color.White
		if dark {
			bg = color.Black
		}
		h := th.Help
		for name, fg := range map[string]color.Color{
			"key": h.ShortKey.GetForeground(), "words": h.ShortDesc.GetForeground(),
			"separator": h.ShortSeparator.GetForeground(), "help's words": h.FullDesc.GetForeground(),
		} {
			if r := contrast(fg, bg); r < 4.5 {
				t.Errorf("%s theme: the footer's %s is %.1f:1 against its background, want 4.5:1 at least", th.Name, name, r)
			}
		}
	}
}

func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}
