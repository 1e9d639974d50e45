// Package report computes what the pilot achieves over a period (docs/RULES.md,
// "Reports"): referrals, decisions, the 48-hour screening measure, days to a
// consultation decision, the caseload month by month, releases, recalls, discharges and
// outcomes. It is pure: Build turns the Facts the store reads into a Report, with no
// I/O and no clock of its own (the period is given), so every figure is a table test
// on hand-worked numbers.
package report
