// Package ident parses, validates and formats the UK identifiers and dates that
// caseload records hold (NHS number, NOMIS prison number, PNC ID, nDelius CRN,
// postcode, calendar dates and typed-in local times), so that every value is
// checked once at the edge, stored in one canonical form, and rejected with a
// sentence a clinician can act on; it uses only the standard library and never
// reads the clock itself.
package ident
