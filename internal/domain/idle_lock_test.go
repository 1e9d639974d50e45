package domain

import "testing"

func TestLockMinutes(t *testing.T) {
	cases := []struct {
		name                  string
		service, person, want int
	}{
		{"the person has not set one: the service's", 15, 0, 15},
		{"shorter: the person's", 15, 5, 5},
		{"longer: the service's, never weakened", 15, 30, 15},
		{"equal", 10, 10, 10},
		{"negative is not set", 15, -1, 15},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := LockMinutes(c.service, c.person); got != c.want {
				t.Errorf("LockMinutes(%d, %d) = %d, want %d", c.service, c.person, got, c.want)
			}
		})
	}
}
