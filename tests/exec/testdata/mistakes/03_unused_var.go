package main

func main() {
	y := 2
}
