package serve

import (
	"net"
	"sync"
	"time"

	"caseload/internal/clock"
)

// limiter is a token bucket an address: a burst of sessions, then one an interval.
// It counts sessions, which come only after a key was accepted; a flood of failed
// handshakes is the firewall's to stop (docs/DEPLOY.md).
type limiter struct {
	mu      sync.Mutex
	rate    Rate
	clock   clock.Clock
	buckets map[string]*bucket
}

type bucket struct {
	tokens float64
	at     time.Time
}

// maxAddresses bounds the buckets kept: past it, full buckets are dropped.
const maxAddresses = 4096

func newLimiter(r Rate, clk clock.Clock) *limiter {
	return &limiter{rate: r, clock: clk, buckets: map[string]*bucket{}}
}

func (l *limiter) allow(addr net.Addr) bool {
	host := addr.String()
	if tcp, ok := addr.(*net.TCPAddr); ok {
		host = tcp.IP.String()
	}
	now := l.clock.Now()
	l.mu.Lock()
	defer l.mu.Unlock()
	b, ok := l.buckets[host]
	if !ok {
		if len(l.buckets) >= maxAddresses {
			l.forgetFull(now)
		}
		b = &bucket{tokens: float64(l.rate.Burst), at: now}
		l.buckets[host] = b
	}
	b.refill(now, l.rate)
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

func (b *bucket) refill(now time.Time, r Rate) {
	if r.Every > 0 && now.After(b.at) {
		b.tokens = min(float64(r.Burst), b.tokens+float64(now.Sub(b.at))/float64(r.Every))
	}
	b.at = now
}

func (l *limiter) forgetFull(now time.Time) {
	for host, b := range l.buckets {
		b.refill(now, l.rate)
		if b.tokens >= float64(l.rate.Burst) {
			delete(l.buckets, host)
		}
	}
}
