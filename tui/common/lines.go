package common

// Exactly is lines made exactly n lines, each w cells wide: padded with blank lines,
// or cut with the last kept one ending "…". Text above a form keeps its room with it
// whatever it says, so the form under it does not jump as it changes.
func Exactly(lines []string, n, w int) []string {
	if n <= 0 {
		return nil
	}
	if len(lines) > n {
		lines = append(lines[:n-1:n-1], Clip(lines[n-1]+" …", w))
	}
	out := make([]string, n)
	for i := range out {
		if i < len(lines) {
			out[i] = Fit(lines[i], w)
		} else {
			out[i] = Fit("", w)
		}
	}
	return out
}
