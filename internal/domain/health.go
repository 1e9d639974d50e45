package domain

import "time"

// FileHealth is what IT is shown of the database file itself, beside the last backup
// and verify: where it is, how big, and which schema it holds against the schema this
// caseload knows (a file ahead of it was brought forward by a newer caseload).
type FileHealth struct {
	Path   string // as the server names it, for the commands to run on it
	Bytes  int64  // the main file, without its write-ahead log
	Schema int    // the schema version the file holds
	Known  int    // the newest schema this caseload knows
}

// SafetyLines are the lines a lead's Today shows for the last backup and verify
// (docs/RULES.md, "Backup and verify on Today"), for a screen that shows them to
// whoever looks after the file (IT's admin screen).
func SafetyLines(s SafetyChecks, now time.Time) []AgendaItem { return safetyItems(s, true, now) }
