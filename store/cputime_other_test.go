//go:build !unix

package store_test

import "time"

func processCPU() (time.Duration, bool) { return 0, false }
