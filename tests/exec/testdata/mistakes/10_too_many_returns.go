package main

func half(n int) int {
	return n / 2, n % 2
}

func main() { half(3) }
