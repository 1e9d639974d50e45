package countdowns

// legendRoom is the height from which the legend of the bar's marks is kept at the
// foot: below it, every line goes to the cases.
const legendRoom = 10
