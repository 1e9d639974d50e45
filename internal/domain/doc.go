// Package domain holds the rules of the Enhanced RECONNECT service as pure functions over
// plain types: referrals and where they come from, the 48-hour screening clock, and (as
// the service grows) eligibility, the pathway and the risk forums. It does no I/O and reads
// no clock of its own: every rule that depends on time takes the instant as an argument,
// so that the same facts always give the same answer.
package domain
