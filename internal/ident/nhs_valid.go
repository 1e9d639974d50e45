package ident

// Valid reports whether n is an NHS number as ParseNHSNumber makes one: ten digits that
// pass the modulus 11 check. It is how a stored number is checked again as it is read
// (a damaged file is refused, never shown), without ParseNHSNumber's work on what a
// person typed: the queue reads 100,000 of them.
func (n NHSNumber) Valid() bool {
	if len(n) != 10 {
		return false
	}
	for i := range len(n) {
		if n[i] < '0' || n[i] > '9' {
			return false
		}
	}
	want, ok := nhsCheckDigit(string(n))
	return ok && n[9] == want
}
