package domain

// NoPriorityGroup records that a clinician found none of the three priority groups
// applies, which is not the same as not having decided yet (0).
const NoPriorityGroup = -1

// PriorityGroupName names a priority group (docs/RULES.md, "Priority groups"), or "" for an unknown one.
func PriorityGroupName(g int) string {
	switch g {
	case 1:
		return "National Security Division cohort"
	case 2:
		return "At Risk of Extremism cohort (not NSD)"
	case 3:
		return "Other High / Very High RoSH cohort for violent or sexual harm"
	}
	return ""
}
