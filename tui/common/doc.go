// Package common is what every screen of the terminal app shares: the Screen contract,
// the messages screens send to the root, the theme, and the Common value each screen is
// built with. Screens import it; it imports no screen, so the root can import them all.
package common
