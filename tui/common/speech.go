package common

// Speaker is a screen that can say what it shows in sentences, for the accessible mode:
// a screen reader hears the lines a screen speaks, in order, and after each key only the
// lines that changed. The first line names the screen and its state ("Referral queue, 15
// awaiting screening."); the next says where the cursor is and what is there ("1 of 15:
// Liam McAllister, overdue by 5 days 5 hours, not yet screened."); then any message,
// refusal or question waiting for an answer. No line relies on colour, layout or a mark
// a screen reader would not read.
type Speaker interface {
	Speech() []string
}
