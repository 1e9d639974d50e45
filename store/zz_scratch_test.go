package store

import (
	"context"
	"strings"
	"syscall"
	"testing"
	"time"
)

func cpu() time.Duration {
	var u syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &u)
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

func TestScratchAgg(t *testing.T) {
	ctx := context.Background()
	st, err := OpenReadOnly(ctx, "/root/.cache/caseload-bench/r100000-1-a92c8ac4f6ae.db", Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	inner := `SELECT concat_ws(char(31), r.id, p.given_name, p.family_name, ifnull(r.resettlement_area, ''), r.source, r.status, r.received_at, ifnull(r.screened_at, ''), ifnull(r.rosh, ''),
		ifnull(r.priority_group, 0), ifnull(r.complex_health_needs, ''), ifnull(r.approved_premises, ''),
		ifnull(r.expected_release_date, ''), ifnull(r.release_date_type, ''),
		ifnull(p.nhs_number, ''), ifnull(p.prison_number, ''), ifnull(p.pnc_id, ''), ifnull(p.crn, '')) AS x, r.id AS id
	FROM referrals r JOIN people p ON p.id = r.person_id WHERE r.imported = 0 AND r.id > ? ORDER BY r.id LIMIT 10000`
	for i := 0; i < 4; i++ {
		c0, w0 := cpu(), time.Now()
		after, n := 0, 0
		for {
			var s string
			var last int
			if err := st.db.QueryRowContext(ctx, `SELECT ifnull(group_concat(x, char(30)), ''), ifnull(max(id), 0) FROM (`+inner+`)`, after).Scan(&s, &last); err != nil {
				t.Fatal(err)
			}
			if s == "" {
				break
			}
			n += strings.Count(s, "\x1e") + 1
			after = last
		}
		c1, w1 := cpu(), time.Now()
		rows, _ := st.db.QueryContext(ctx, `SELECT r.id, x FROM (`+inner+`) AS r`, 0)
		_ = rows
		rows.Close()
		m := 0
		for after := 0; ; {
			rows, err := st.db.QueryContext(ctx, inner, after)
			if err != nil {
				t.Fatal(err)
			}
			k := 0
			for rows.Next() {
				var s string
				var id int
				rows.Scan(&s, &id)
				after = id
				k++
			}
			rows.Close()
			m += k
			if k == 0 {
				break
			}
		}
		t.Logf("aggregated %d rows: cpu %s wall %s; row by row %d: cpu %s wall %s", n, c1-c0, w1.Sub(w0), m, cpu()-c1, time.Since(w1))
	}
}
