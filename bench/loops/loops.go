package main

func floatSum(n int) float64 {
	s := 0.0
	for i := 0; i < n; i++ {
		s += float64(i) * 0.5
	}
	return s
}

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func mapCount(n int) int {
	m := map[int]int{}
	for i := 0; i < n; i++ {
		m[i%1000]++
	}
	return len(m)
}
