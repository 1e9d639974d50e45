package domain

// LockMinutes is the idle lock that applies to one person (docs/RULES.md, "Idle lock"):
// their own minutes (config.toml, "idle-lock-minutes") when shorter than the service's,
// else the service's. A person may shorten the team's lock, never lengthen it: a
// personal setting must not weaken what the service decided protects its records.
// person 0 is "not set".
func LockMinutes(service, person int) int {
	if person > 0 && person < service {
		return person
	}
	return service
}
