package serve

import (
	"net"
	"testing"
	"time"
)

type stepClock struct{ now time.Time }

func (c *stepClock) Now() time.Time { return c.now }

// TestLimiter: a burst from one address, then one every interval; other addresses have
// their own bucket; a bucket refills over time up to the burst and no further.
func TestLimiter(t *testing.T) {
	a := &net.TCPAddr{IP: net.IPv4(10, 0, 0, 1), Port: 5000}
	aOtherPort := &net.TCPAddr{IP: net.IPv4(10, 0, 0, 1), Port: 5001}
	b := &net.TCPAddr{IP: net.IPv4(10, 0, 0, 2), Port: 5000}
	start := time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name  string
		steps []struct {
			after time.Duration
			addr  net.Addr
			want  bool
		}
	}{
		{"a burst of three, then refused", steps(0, a, true, 0, a, true, 0, aOtherPort, true, 0, a, false)},
		{"another address is not held back", steps(0, a, true, 0, a, true, 0, a, true, 0, b, true)},
		{"one more after each interval", steps(0, a, true, 0, a, true, 0, a, true, 5*time.Second, a, false, 1*time.Second, a, true, 0, a, false)},
		{"an hour idle refills to the burst only", steps(0, a, true, time.Hour, a, true, 0, a, true, 0, a, true, 0, a, false)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			clk := &stepClock{now: start}
			l := newLimiter(Rate{Burst: 3, Every: 6 * time.Second}, clk)
			for i, s := range tt.steps {
				clk.now = clk.now.Add(s.after)
				if got := l.allow(s.addr); got != s.want {
					t.Errorf("step %d (%s after, %s): allowed %v, want %v", i, s.after, s.addr, got, s.want)
				}
			}
		})
	}
}

func steps(args ...any) []struct {
	after time.Duration
	addr  net.Addr
	want  bool
} {
	var out []struct {
		after time.Duration
		addr  net.Addr
		want  bool
	}
	for i := 0; i+2 < len(args); i += 3 {
		out = append(out, struct {
			after time.Duration
			addr  net.Addr
			want  bool
		}{durationOf(args[i]), args[i+1].(net.Addr), args[i+2].(bool)})
	}
	return out
}

func durationOf(v any) time.Duration {
	if d, ok := v.(time.Duration); ok {
		return d
	}
	return time.Duration(v.(int))
}
