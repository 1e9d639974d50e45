package domain

import "testing"

func TestClinicianLoadStanding(t *testing.T) {
	active := Clinician{ID: 3, Name: "Dr Ann Test", Active: true}
	left := Clinician{ID: 4, Name: "Dr Gone Test"}
	tests := []struct {
		name     string
		l        ClinicianLoad
		who      string
		standing string
		alarming bool
	}{
		{"under the cap", ClinicianLoad{Clinician: active, Open: 7, Cap: 8}, "Dr Ann Test", "", false},
		{"at the cap", ClinicianLoad{Clinician: active, Open: 8, Cap: 8}, "Dr Ann Test", "at the cap", false},
		{"over the cap", ClinicianLoad{Clinician: active, Open: 10, Cap: 8}, "Dr Ann Test", "over the cap by 2", true},
		{"no cap", ClinicianLoad{Clinician: active, Open: 10}, "Dr Ann Test", "", false},
		{"left holding cases", ClinicianLoad{Clinician: left, Open: 9, Cap: 8}, "Dr Gone Test", "left: hand over", true},
		{"left holding none", ClinicianLoad{Clinician: left, Cap: 8}, "Dr Gone Test", "deactivated", false},
		{"nobody holds", ClinicianLoad{Open: 2, Cap: 8}, "unallocated", "to allocate", true},
		{"no name", ClinicianLoad{Clinician: Clinician{ID: 5, Active: true}, Cap: 8}, "clinician 5", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.l.Who(); got != tt.who {
				t.Errorf("Who = %q, want %q", got, tt.who)
			}
			if got := tt.l.Standing(); got != tt.standing {
				t.Errorf("Standing = %q, want %q", got, tt.standing)
			}
			if got := tt.l.Alarming(); got != tt.alarming {
				t.Errorf("Alarming = %v, want %v", got, tt.alarming)
			}
		})
	}
}
