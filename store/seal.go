package store

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash/crc32"
	"sort"
	"strconv"
	"strings"
)

// A seal is what the audit remembers of a row it saw change: the SHA-256 of the row's
// after-image, so Verify can hold every row of the file to the last entry that touched it
// (docs/VERIFY.md). A row changed by anything but caseload no longer matches its seal; a
// row caseload never wrote has none; a row deleted behind its back is missing where its
// last seal says it should be.
//
// Each entry's detail carries the seals of the rows changed since the previous entry of
// its transaction, as "rows": [[table, key, hash, fields], ...]. fields holds four hex
// digits of each column's own hash (columns in name order), only so that Verify can
// name which field changed; the row's full hash is what decides.

// sealedTable is a table of records. key lists its primary-key columns: one INTEGER
// PRIMARY KEY for most, two for the forum tables, whose rowids VACUUM may renumber.
type sealedTable struct {
	name   string
	key    []string
	record string // what a person calls one row
}

// sealedTables are every table whose rows are records. The rest of the schema is the
// audit itself and the search indexes, which Verify checks against these tables
// (TestEveryTableIsSealedOrDerived keeps the two lists whole).
var sealedTables = []sealedTable{
	{"clinicians", []string{"id"}, "clinician"},
	{"people", []string{"id"}, "person"},
	{"referrals", []string{"id"}, "referral"},
	{"screenings", []string{"id"}, "screening decision"},
	{"consultations", []string{"id"}, "consultation"},
	{"withdrawals", []string{"id"}, "withdrawal"},
	{"cases", []string{"id"}, "case"},
	{"formulations", []string{"id"}, "formulation"},
	{"notes", []string{"id"}, "note"},
	{"addenda", []string{"id"}, "addendum"},
	{"case_release", []string{"case_id"}, "case release"},
	{"release_changes", []string{"id"}, "release date change"},
	{"sentence_dates", []string{"id"}, "sentence date"},
	{"forum_involvements", []string{"case_id", "forum"}, "forum involvement"},
	{"forum_meetings", []string{"id"}, "forum meeting"},
	{"forum_actions", []string{"meeting_id", "position"}, "forum action"},
	{"settings", []string{"id"}, "setting"},
	{"clinician_keys", []string{"id"}, "clinician key"},
	{"discharge_summaries", []string{"id"}, "discharge summary"},
	{"case_reopenings", []string{"id"}, "reopening"},
	{"handovers", []string{"id"}, "handover"},
	{"over_cap_allocations", []string{"id"}, "allocation past the cap"},
	{"access_requests", []string{"id"}, "subject access request"},
	{"retention_decisions", []string{"id"}, "retention decision"},
	{"measure_scores", []string{"id"}, "measure"},
	{"transition_outcomes", []string{"id"}, "transition outcome"},
	{"risk_judgements", []string{"id"}, "risk judgement"},
	{"measure_wordings", []string{"id"}, "measure wording"},
}

// derivedTables are not records: the audit, and what SQLite keeps for it and for the
// search indexes (Verify checks the indexes against the records they index).
var derivedTables = []string{"audit", "sqlite_sequence", "notes_search", "addenda_search", "formulations_search"}

// deletedSeal is the hash a seal carries for a row its entry deleted.
const deletedSeal = "deleted"

// keyText is a row's key as seals write it: the id, or the key columns joined by "/".
func (t sealedTable) keyText(prefix string) string {
	parts := make([]string, len(t.key))
	for i, k := range t.key {
		parts[i] = prefix + quoteIdent(k)
	}
	if len(parts) == 1 {
		return "CAST(" + parts[0] + " AS TEXT)"
	}
	return strings.Join(parts, " || '/' || ")
}

// orderBy lists the key columns, for reading a table in key order.
func (t sealedTable) orderBy() string {
	parts := make([]string, len(t.key))
	for i, k := range t.key {
		parts[i] = quoteIdent(k)
	}
	return strings.Join(parts, ", ")
}

// where selects one row by its key columns, in order, as parameters.
func (t sealedTable) where() string {
	parts := make([]string, len(t.key))
	for i, k := range t.key {
		parts[i] = quoteIdent(k) + " = ?"
	}
	return strings.Join(parts, " AND ")
}

// keyArgs splits a key text back into the values where binds.
func (t sealedTable) keyArgs(key string) []any {
	parts := strings.SplitN(key, "/", len(t.key))
	args := make([]any, len(parts))
	for i, p := range parts {
		if n, err := strconv.ParseInt(p, 10, 64); err == nil {
			args[i] = n
		} else {
			args[i] = p
		}
	}
	return args
}

func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// rowImage is the after-image of one row as its seal: the hash of the table, the key and
// every column that is not NULL (in name order, each a netstring of its name and of its
// type and value), and fields, four hex digits per column including NULLs. Leaving NULL
// columns out of the hash means a later migration that adds a column keeps every seal.
type rowImage struct {
	hash   string
	fields string
	names  []string // column names in name order, for naming a changed field
}

// layout is the name order of a result's columns, worked out once per query.
type layout struct {
	names []string // in name order
	order []int    // order[j] is the result column of names[j]
}

func layoutOf(names []string) layout {
	l := layout{order: make([]int, len(names)), names: make([]string, len(names))}
	for i := range l.order {
		l.order[i] = i
	}
	sort.Slice(l.order, func(a, b int) bool { return names[l.order[a]] < names[l.order[b]] })
	for j, i := range l.order {
		l.names[j] = names[i]
	}
	return l
}

// image seals one row of values in the result order the layout was made for.
func (l layout) image(table, key string, values []any) rowImage {
	h := sha256.New()
	buf := make([]byte, 0, 256)
	buf = appendNetstring(buf, table)
	buf = appendNetstring(buf, key)
	h.Write(buf)
	fields := make([]byte, 0, 4*len(l.order))
	for j, i := range l.order {
		v := valueText(values[i])
		if values[i] != nil {
			buf = appendNetstring(buf[:0], l.names[j])
			buf = appendNetstring(buf, v)
			h.Write(buf)
		}
		// Only for naming a changed field: a short non-cryptographic hash is enough
		// (the row's SHA-256 is what decides), and CRC-32 is the processor's own
		// instruction, so a megabyte of note costs next to nothing.
		sum := crc32.Update(crc32.ChecksumIEEE([]byte(l.names[j])), crc32.IEEETable, []byte(v))
		fields = hex.AppendEncode(fields, []byte{byte(sum >> 8), byte(sum)})
	}
	return rowImage{hash: hex.EncodeToString(h.Sum(nil)), fields: string(fields), names: l.names}
}

// valueText is a column value with its storage class, so 1 and '1' differ.
func valueText(v any) string {
	switch x := v.(type) {
	case nil:
		return "n"
	case int64:
		return "i" + strconv.FormatInt(x, 10)
	case float64:
		return "r" + strconv.FormatFloat(x, 'g', -1, 64)
	case string:
		return "t" + x
	case []byte:
		return "b" + string(x)
	case bool: // the driver does not return these from STRICT tables; kept exact anyway
		return "i" + strconv.FormatBool(x)
	default:
		return fmt.Sprintf("?%v", x)
	}
}

func appendNetstring(b []byte, s string) []byte {
	b = strconv.AppendInt(b, int64(len(s)), 10)
	b = append(b, ':')
	b = append(b, s...)
	return append(b, ',')
}

// changedFields names the columns whose four-digit hashes differ between a seal and the
// row now, or nil when the seal's columns cannot be lined up with the row's.
func changedFields(sealed string, now rowImage) []string {
	if len(sealed) != len(now.fields) {
		return nil
	}
	var names []string
	for i := 0; i+4 <= len(sealed); i += 4 {
		if sealed[i:i+4] != now.fields[i:i+4] {
			names = append(names, now.names[i/4])
		}
	}
	return names
}
