package store

import (
	"context"
	"testing"
	"time"
)

const cols17 = `r.id, r.source, r.status, r.received_at, ifnull(r.screened_at,''), ifnull(r.rosh,''), ifnull(r.priority_group,0), ifnull(r.complex_health_needs,''), ifnull(r.resettlement_area,''), ifnull(r.approved_premises,''), ifnull(r.expected_release_date,''), ifnull(r.release_date_type,''), p.given_name || ' ' || p.family_name, ifnull(p.nhs_number,''), ifnull(p.prison_number,''), ifnull(p.pnc_id,''), ifnull(p.crn,'')`
const concat = `r.id, concat_ws(char(31), r.source, r.status, r.received_at, r.screened_at, r.rosh, r.priority_group, r.complex_health_needs, r.resettlement_area, r.approved_premises, r.expected_release_date, r.release_date_type, p.given_name, p.family_name, p.nhs_number, p.prison_number, p.pnc_id, p.crn)`

func TestScratchRead(t *testing.T) {
	ctx := context.Background()
	st, err := OpenReadOnly(ctx, "/root/.cache/caseload-bench/r100000-1-a92c8ac4f6ae.db", Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for i := 0; i < 3; i++ {
		start := time.Now()
		rows, err := st.db.QueryContext(ctx, `SELECT `+cols17+` FROM referrals r JOIN people p ON p.id = r.person_id WHERE r.imported = 0`)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		var id, pg int64
		var a, b, c, d, e, f, g, h, i2, j, k, l, m, o, p string
		for rows.Next() {
			if err := rows.Scan(&id, &a, &b, &c, &d, &e, &pg, &f, &g, &h, &i2, &j, &k, &l, &m, &o, &p); err != nil {
				t.Fatal(err)
			}
			n++
		}
		rows.Close()
		t1 := time.Since(start)
		start = time.Now()
		rows, err = st.db.QueryContext(ctx, `SELECT `+concat+` FROM referrals r JOIN people p ON p.id = r.person_id WHERE r.imported = 0`)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			if err := rows.Scan(&id, &a); err != nil {
				t.Fatal(err)
			}
		}
		rows.Close()
		t2 := time.Since(start)
		start = time.Now()
		rows, err = st.db.QueryContext(ctx, `SELECT group_concat(x, char(30)) FROM (SELECT concat_ws(char(31), r.id, r.source, r.status, r.received_at, r.screened_at, r.rosh, r.priority_group, r.complex_health_needs, r.resettlement_area, r.approved_premises, r.expected_release_date, r.release_date_type, p.given_name, p.family_name, p.nhs_number, p.prison_number, p.pnc_id, p.crn) AS x, r.id/2000 AS page FROM referrals r JOIN people p ON p.id = r.person_id WHERE r.imported = 0) GROUP BY page`)
		if err != nil {
			t.Fatal(err)
		}
		bytes := 0
		for rows.Next() {
			if err := rows.Scan(&a); err != nil {
				t.Fatal(err)
			}
			bytes += len(a)
		}
		rows.Close()
		t3 := time.Since(start)
		t.Logf("%d rows: 17 columns %s; one concatenated %s; grouped %s (%d bytes)", n, t1, t2, t3, bytes)
	}
}
