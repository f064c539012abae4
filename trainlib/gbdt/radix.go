package gbdt

import "math"

// sortFloat32s sorts values (no NaN) ascending with an LSD radix sort on
// their order-preserving uint32 keys: three 11-bit passes, linear time.
// Summaries sort every column of every shard, which comparison sorting
// made the largest cost of the sketch.
func sortFloat32s(values []float32) {
	var sc sortScratch
	sc.sort(values)
}

// sortScratch holds a radix sort's buffers for reuse.
type sortScratch struct{ keys, tmp []uint32 }

// sort sorts values as sortFloat32s, reusing sc's buffers.
func (sc *sortScratch) sort(values []float32) {
	n := len(values)
	if n < 256 {
		insertionSort(values)
		return
	}
	if cap(sc.keys) < n {
		sc.keys, sc.tmp = make([]uint32, n), make([]uint32, n)
	}
	keys, tmp := sc.keys[:n], sc.tmp[:n]
	for i, v := range values {
		u := math.Float32bits(v)
		if u&0x80000000 != 0 {
			u = ^u
		} else {
			u |= 0x80000000
		}
		keys[i] = u
	}
	var count [2048]int
	for shift := uint(0); shift < 33; shift += 11 {
		clear(count[:])
		for _, k := range keys {
			count[(k>>shift)&2047]++
		}
		sum := 0
		for i, c := range count {
			count[i] = sum
			sum += c
		}
		for _, k := range keys {
			d := (k >> shift) & 2047
			tmp[count[d]] = k
			count[d]++
		}
		keys, tmp = tmp, keys
	}
	for i, u := range keys {
		if u&0x80000000 != 0 {
			u &^= 0x80000000
		} else {
			u = ^u
		}
		values[i] = math.Float32frombits(u)
	}
}

func insertionSort(v []float32) {
	for i := 1; i < len(v); i++ {
		for j := i; j > 0 && v[j] < v[j-1]; j-- {
			v[j], v[j-1] = v[j-1], v[j]
		}
	}
}
