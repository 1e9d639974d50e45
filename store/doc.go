// Package store keeps the caseload in one embedded SQLite file (modernc.org/sqlite, no
// cgo): it opens the file only when it is a healthy caseload database that this binary
// understands, refusing anything else with one sentence and without touching it; it
// brings the schema forward with embedded migrations; and it makes every change in one
// IMMEDIATE transaction together with its entry in a hash-chained, append-only audit
// table, so that no change can be saved without its record of who made it. It speaks
// in the types of internal/domain and turns driver errors into a few named kinds
// (ErrLocked, ErrConflict, ...) that the UI can put into words.
package store
