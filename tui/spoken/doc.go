// Package spoken is the accessible mode (docs/ACCESSIBILITY.md): instead of drawing a
// frame, the app says what changed, as sentences a screen reader reads out. Driver wraps
// the root model; the program runs without Bubble Tea's renderer (no alternate screen,
// no borders, no redraw), still reading keys in raw mode, so every key works as it does
// on screen. After each key, once the root has settled (the screen it opened has loaded,
// the form has moved its focus), the driver writes the lines of the root's Frame that
// were not said before: the whole screen when another screen comes up, else only the
// lines that changed (the cursor's line, the filter's count, a field's answer), and the
// status line whenever a new message appears. Words turns a drawn line into a spoken one.
package spoken
