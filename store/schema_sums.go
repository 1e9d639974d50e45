package store

import (
	"bufio"
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// schemaSumsFile holds, for each schema version v, the SHA-256 of the schema that
// migrations 1..v make (schemaSum): "v sum" a line. TestSchemaSums checks it against the
// embedded migrations; after adding a migration, regenerate it with
//
//	go test ./store -run TestSchemaSums -update
//
//go:embed schema_sums.txt
var schemaSumsFile string

// schemaSums is schemaSumsFile parsed, once: version to hex sum.
var schemaSums = sync.OnceValue(func() map[int]string {
	sums := map[int]string{}
	sc := bufio.NewScanner(strings.NewReader(schemaSumsFile))
	for sc.Scan() {
		v, sum, ok := strings.Cut(sc.Text(), " ")
		if n, err := strconv.Atoi(v); ok && err == nil {
			sums[n] = sum
		}
	}
	return sums
})

// schemaSum is the SHA-256 of the database's schema: every table, index, trigger and
// view in sqlite_schema, by type and name, with its SQL stripped of comments and runs
// of spaces (a comment inside a CREATE is kept by SQLite, and editing one is not a
// change of schema). Root pages are left out (they differ between equal schemas), and
// so are the statistics tables ANALYZE may add. It reads the schema alone, so its cost
// does not grow with the rows.
func schemaSum(ctx context.Context, q querier) (string, error) {
	rows, err := q.QueryContext(ctx, `SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema
		WHERE name NOT LIKE 'sqlite\_stat%' ESCAPE '\' ORDER BY type, name`)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	h := sha256.New()
	for rows.Next() {
		var typ, name, table, text string
		if err := rows.Scan(&typ, &name, &table, &text); err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\n", typ, name, table, plainSQL(text))
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// plainSQL drops comments and folds whitespace to one space, outside quoted text.
func plainSQL(s string) string {
	var b strings.Builder
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\'' || c == '"' || c == '`':
			end := strings.IndexByte(s[i+1:], c)
			if end < 0 {
				end = len(s) - i - 1
			}
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteString(s[i : i+end+2])
			i += end + 1
			continue
		case c == '-' && i+1 < len(s) && s[i+1] == '-':
			if nl := strings.IndexByte(s[i:], '\n'); nl >= 0 {
				i += nl
			} else {
				i = len(s)
			}
			space = true
			continue
		case c == '/' && i+1 < len(s) && s[i+1] == '*':
			if end := strings.Index(s[i+2:], "*/"); end >= 0 {
				i += end + 3
			} else {
				i = len(s)
			}
			space = true
			continue
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteByte(c)
	}
	return b.String()
}

// checkSchema refuses a database whose schema is not the one its user_version says:
// another program changed its tables or triggers, or set user_version by hand. Migrating
// it would run a step on tables that already have it (or lack what it needs), and
// opening it would let the app write through a schema whose rules were not ours.
func checkSchema(ctx context.Context, q querier, path string, version int) error {
	got, err := schemaSum(ctx, q)
	if err != nil {
		return err
	}
	if want, ok := schemaSums()[version]; !ok || got != want {
		return newError(ErrSchemaChanged, path,
			"the schema of %s does not match its version (%d): it was changed by another program, so caseload will not use it and has left it as it was; restore it from a backup",
			path, version)
	}
	return nil
}
