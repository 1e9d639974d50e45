package domain

import (
	"sync"
	"sync/atomic"
)

// keptResettlement is checkResettlement with its answers kept: the rule depends only on
// the area as typed and the Approved Premises answer, and a list of 100,000 referrals
// holds a few hundred distinct areas, each read against the gazetteer (with its
// "Nearest known" for an area it does not know) once rather than on every row. At most
// maxResettlementKept answers are kept, so a file of ever-new typos cannot grow it.
func keptResettlement(name string, approvedPremises YesNo) Rule {
	key := string(approvedPremises) + "\x00" + name
	if r, ok := resettlementKept.Load(key); ok {
		return r.(Rule)
	}
	r := checkResettlement(name, approvedPremises)
	if resettlementCount.Add(1) <= maxResettlementKept {
		resettlementKept.Store(key, r)
	}
	return r
}

var (
	resettlementKept  sync.Map // approved premises, NUL, area -> Rule
	resettlementCount atomic.Int64
)

const maxResettlementKept = 4096
