package serve

import (
	"context"
	"net"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"caseload/internal/clock"
	"caseload/internal/testdb"
)

// BenchmarkThirtySessionsInTheQueue is thirty clinicians on one server at once, each in
// the referral queue moving the cursor (j, k, j, ...) as fast as the frames come: each
// iteration is one key in every session together, timed from the key written to the
// first bytes of the frame that answers it. It reports the keystroke-to-frame p50 and
// p99 over every key of the run (target: p99 at or under 50 ms, docs/PERFORMANCE.md)
// and the server's heap per open session.
func BenchmarkThirtySessionsInTheQueue(b *testing.B) {
	const sessions = 30
	st := testdb.Demo(b, testNow)
	pem, _, err := HostKey(filepath.Join(b.TempDir(), "host_ed25519"))
	if err != nil {
		b.Fatal(err)
	}
	signer := newSigner(b)
	key := mustParseKey(b, signer.PublicKey())
	if _, err := st.AddClinicianKey(context.Background(), "os:test", testNow, testdb.Clinician(b, st, "Dr Tom Halliwell").ID, key); err != nil {
		b.Fatal(err)
	}
	srv, err := New(Config{Store: st, Clock: clock.Fixed(testNow), HostKey: pem, PerAddress: Rate{Burst: 1000, Every: time.Millisecond}})
	if err != nil {
		b.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() { _ = srv.Serve(ctx, ln) }()
	defer func() {
		sctx, stop := context.WithTimeout(context.Background(), 30*time.Second)
		defer stop()
		_ = srv.Shutdown(sctx, "done")
	}()

	before := heapInUse()
	clients := make([]*benchClient, sessions)
	for i := range clients {
		clients[i] = dialBench(b, ln.Addr().String(), signer)
		clients[i].waitFrames(b, 5*time.Second) // Today
		clients[i].press(b, "r")                // the referral queue
	}
	time.Sleep(time.Second) // every queue loaded and drawn
	for _, c := range clients {
		c.drain()
	}
	perSession := float64(heapInUse()-before) / sessions

	var mu sync.Mutex
	var latencies []time.Duration
	keys := []string{"j", "k"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var wg sync.WaitGroup
		for _, c := range clients {
			wg.Add(1)
			go func() {
				defer wg.Done()
				d := c.press(b, keys[i%2])
				mu.Lock()
				latencies = append(latencies, d)
				mu.Unlock()
			}()
		}
		wg.Wait()
	}
	b.StopTimer()
	slices.Sort(latencies)
	b.ReportMetric(ms(latencies[len(latencies)/2]), "p50-ms")
	b.ReportMetric(ms(latencies[len(latencies)*99/100]), "p99-ms")
	b.ReportMetric(perSession/1024, "KiB/session")
	for _, c := range clients {
		c.conn.Close()
	}
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

// benchClient is a session whose output is only counted: each write is a frame's
// bytes arriving.
type benchClient struct {
	conn   *gossh.Client
	in     interface{ Write([]byte) (int, error) }
	frames chan struct{}
}

func (c *benchClient) Write(p []byte) (int, error) {
	select {
	case c.frames <- struct{}{}:
	default:
	}
	return len(p), nil
}

func (c *benchClient) drain() {
	for {
		select {
		case <-c.frames:
		default:
			return
		}
	}
}

func (c *benchClient) waitFrames(b *testing.B, within time.Duration) {
	select {
	case <-c.frames:
	case <-time.After(within):
		b.Fatal("no frame")
	}
}

// press types key and returns how long until the frame answering it began to arrive.
func (c *benchClient) press(b *testing.B, key string) time.Duration {
	c.drain()
	start := time.Now()
	if _, err := c.in.Write([]byte(key)); err != nil {
		b.Fatal(err)
	}
	select {
	case <-c.frames:
		return time.Since(start)
	case <-time.After(10 * time.Second):
		b.Fatalf("no frame within 10 s of %q", key)
	}
	return 0
}

func dialBench(b *testing.B, addr string, signer gossh.Signer) *benchClient {
	conn, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: "x", Auth: []gossh.AuthMethod{gossh.PublicKeys(signer)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey()})
	if err != nil {
		b.Fatal(err)
	}
	sess, err := conn.NewSession()
	if err != nil {
		b.Fatal(err)
	}
	c := &benchClient{conn: conn, frames: make(chan struct{}, 1)}
	sess.Stdout, sess.Stderr = c, c
	in, err := sess.StdinPipe()
	if err != nil {
		b.Fatal(err)
	}
	c.in = in
	if err := sess.RequestPty("xterm-256color", 30, 100, gossh.TerminalModes{}); err != nil {
		b.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		b.Fatal(err)
	}
	return c
}
