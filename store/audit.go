package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// AuditEntry is one link of the audit chain: who (Actor) did what (Action) to which
// record (Entity, EntityID) and when, with a small JSON Detail of ids and codes (never
// notes; names and identifiers only in "referral.corrected", whose old values the audit
// is the only record of).
type AuditEntry struct {
	ID       int64
	At       time.Time
	Actor    string // "os:alice", "clinician:3", "import", ...
	Action   string // "referral.added", ...
	Entity   string // "referral", "clinician", "database"
	EntityID int64
	Detail   string // JSON
	PrevHash string
	Hash     string
}

// genesis is the prev_hash of the first entry.
var genesis = strings.Repeat("0", 64)

// canonical is the byte string an entry's hash covers: each of id, at, actor, action,
// entity, entity_id and detail, in that order, as a netstring ("<byte length>:<bytes>,").
// The length prefixes make it unambiguous: no choice of field values can produce the
// same bytes as different values, so moving text from one field to the next changes
// the hash. at is the stored text (RFC 3339, UTC, seconds) and the integers are
// decimal, so the hash can be re-computed from the table by anyone, in any language:
//
//	hash = hex(SHA-256(prev_hash || canonical))   with prev_hash as its 64 hex characters
func canonical(id int64, at, actor, action, entity string, entityID int64, detail string) []byte {
	var b []byte
	for _, f := range []string{strconv.FormatInt(id, 10), at, actor, action, entity, strconv.FormatInt(entityID, 10), detail} {
		b = strconv.AppendInt(b, int64(len(f)), 10)
		b = append(b, ':')
		b = append(b, f...)
		b = append(b, ',')
	}
	return b
}

func entryHash(prevHash string, canon []byte) string {
	h := sha256.New()
	h.Write([]byte(prevHash))
	h.Write(canon)
	return hex.EncodeToString(h.Sum(nil))
}

// chain appends entries to the audit table within one transaction. It reads the tail
// once and then extends it in memory, so a batch of 20,000 referrals does not re-read
// it 20,000 times; that is only sound because the transaction is IMMEDIATE (nobody else
// can append meanwhile) and prev_hash is UNIQUE (a fork would fail the insert anyway).
type chain struct {
	lastID   int64
	lastHash string
	insert   *sql.Stmt
	seals    sealer
	// permitted remembers "actor action" pairs already allowed in this transaction,
	// so a batch by one clinician asks once (permit).
	permitted map[string]bool
}

func openChain(ctx context.Context, tx *sql.Tx) (*chain, error) {
	c := &chain{lastHash: genesis, seals: sealer{tx: tx}}
	err := tx.QueryRowContext(ctx, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").Scan(&c.lastID, &c.lastHash)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	c.insert, err = tx.PrepareContext(ctx, `INSERT INTO audit
		(id, at, actor, action, entity, entity_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	return c, err
}

// append writes one entry. detail is marshalled to JSON (struct field order, or sorted
// map keys) with the seals of the rows changed since the last entry added as "rows",
// and that is what the hash covers.
func (c *chain) append(ctx context.Context, actor string, at time.Time, action, entity string, entityID int64, detail any) (AuditEntry, error) {
	seals, err := c.seals.take(ctx)
	if err != nil {
		return AuditEntry{}, err
	}
	return c.appendSealed(ctx, actor, at, action, entity, entityID, detail, seals)
}

// appendSealed is append with the seals given rather than taken from the watch.
func (c *chain) appendSealed(ctx context.Context, actor string, at time.Time, action, entity string, entityID int64, detail any, seals []seal) (AuditEntry, error) {
	if err := checkActor(actor); err != nil {
		return AuditEntry{}, err
	}
	if err := c.permit(ctx, actor, action); err != nil {
		return AuditEntry{}, err
	}
	if why := instantProblem(at); why != "" {
		return AuditEntry{}, &Error{Kind: ErrInvalid, Msg: "the time of the change " + why}
	}
	js, err := json.Marshal(detail)
	if err != nil {
		return AuditEntry{}, fmt.Errorf("audit detail: %w", err)
	}
	if js, err = withSeals(js, seals); err != nil {
		return AuditEntry{}, err
	}
	e := AuditEntry{ID: c.lastID + 1, At: at.UTC().Truncate(time.Second), Actor: actor, Action: action,
		Entity: entity, EntityID: entityID, Detail: string(js), PrevHash: c.lastHash}
	stamp := formatTime(e.At)
	e.Hash = entryHash(e.PrevHash, canonical(e.ID, stamp, actor, action, entity, entityID, e.Detail))
	if _, err := c.insert.ExecContext(ctx, e.ID, stamp, actor, action, entity, entityID, e.Detail, e.PrevHash, e.Hash); err != nil {
		return AuditEntry{}, err
	}
	c.lastID, c.lastHash = e.ID, e.Hash
	return e, nil
}

// checkActor keeps the audit's "who" readable: it is shown in terminals and reports.
func checkActor(actor string) error {
	if strings.TrimSpace(actor) == "" || len(actor) > 200 || strings.IndexFunc(actor, unicode.IsControl) >= 0 {
		return &Error{Kind: ErrInvalid, Msg: fmt.Sprintf("actor %q cannot go in the audit: say who made the change, e.g. os:alice", actor)}
	}
	return nil
}

// AuditEntries returns the audit entries about one record, oldest first.
func (s *Store) AuditEntries(ctx context.Context, entity string, entityID int64) ([]AuditEntry, error) {
	if err := s.reader("read a record's audit"); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, at, actor, action, entity, entity_id, detail, prev_hash, hash
		FROM audit WHERE entity = ? AND entity_id = ? ORDER BY id`, entity, entityID)
	if err != nil {
		return nil, normalise(err, s.path, s.busy, "reading the audit")
	}
	defer rows.Close()
	var es []AuditEntry
	for rows.Next() {
		var e AuditEntry
		var at string
		if err := rows.Scan(&e.ID, &at, &e.Actor, &e.Action, &e.Entity, &e.EntityID, &e.Detail, &e.PrevHash, &e.Hash); err != nil {
			return nil, normalise(err, s.path, s.busy, "reading the audit")
		}
		if e.At, err = parseTime(at); err != nil {
			return nil, newError(ErrCorrupt, s.path, "audit entry %d in %s has a bad time %q", e.ID, s.path, at)
		}
		es = append(es, e)
	}
	if err := rows.Err(); err != nil {
		return nil, normalise(err, s.path, s.busy, "reading the audit")
	}
	return es, nil
}

// formatTime is the one way instants are stored: UTC RFC 3339 to the second.
func formatTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func parseTime(s string) (time.Time, error) { return time.Parse(time.RFC3339, s) }

// instantProblem says why t cannot be stored ("" when it can): zero means not given,
// and years outside 1900-9999 are typos that RFC 3339 text cannot sort or hold.
func instantProblem(t time.Time) string {
	switch y := t.UTC().Year(); {
	case t.IsZero():
		return "is missing"
	case y < 1900 || y > 9999:
		return fmt.Sprintf("%s is out of range", t.UTC().Format(time.RFC3339))
	}
	return ""
}

// withSeals adds seals to a detail object as its last member, "rows".
func withSeals(js []byte, seals []seal) ([]byte, error) {
	if len(seals) == 0 {
		return js, nil
	}
	rows, err := json.Marshal(seals)
	if err != nil {
		return nil, fmt.Errorf("audit seals: %w", err)
	}
	switch s := string(js); {
	case s == "null" || s == "{}":
		return append(append([]byte(`{"rows":`), rows...), '}'), nil
	case strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}"):
		out := append([]byte(s[:len(s)-1]), `,"rows":`...)
		return append(append(out, rows...), '}'), nil
	}
	return nil, fmt.Errorf("audit detail %s is not an object, so it cannot carry its seals", js)
}
