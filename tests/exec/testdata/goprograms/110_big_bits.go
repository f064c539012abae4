package main

import (
	"fmt"
	"math/big"
	"math/bits"
)

func fact(n int64) *big.Int {
	r := big.NewInt(1)
	for i := int64(2); i <= n; i++ {
		r.Mul(r, big.NewInt(i))
	}
	return r
}

func main() {
	fmt.Println(fact(30))
	f := fact(50)
	fmt.Println(len(f.String()), f.BitLen())
	a, _ := new(big.Int).SetString("123456789012345678901234567890", 10)
	q, m := new(big.Int).DivMod(a, big.NewInt(97), new(big.Int))
	fmt.Println(q, m)
	r := big.NewRat(3, 4)
	r.Add(r, big.NewRat(1, 6))
	fmt.Println(r, r.FloatString(5))
	fmt.Println(bits.OnesCount(255), bits.LeadingZeros64(1), bits.TrailingZeros(8), bits.Len(1023))
	hi, lo := bits.Mul64(1<<63, 4)
	fmt.Println(hi, lo, bits.RotateLeft8(0b10010001, 1), bits.Reverse8(1))
}
