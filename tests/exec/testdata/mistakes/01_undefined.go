package main

func main() {
	undefinedThing + 1
}
