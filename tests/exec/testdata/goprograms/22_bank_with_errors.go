package main

import (
	"errors"
	"fmt"
)

var ErrInsufficient = errors.New("insufficient funds")

type Bank struct {
	accounts map[string]int
}

func NewBank() *Bank { return &Bank{accounts: map[string]int{}} }

func (b *Bank) Deposit(name string, amt int) { b.accounts[name] += amt }

func (b *Bank) Transfer(from, to string, amt int) error {
	if b.accounts[from] < amt {
		return fmt.Errorf("transfer %d from %s: %w", amt, from, ErrInsufficient)
	}
	b.accounts[from] -= amt
	b.accounts[to] += amt
	return nil
}

func main() {
	b := NewBank()
	b.Deposit("ann", 100)
	if err := b.Transfer("ann", "bob", 30); err != nil {
		fmt.Println(err)
	}
	err := b.Transfer("bob", "ann", 50)
	fmt.Println(err, errors.Is(err, ErrInsufficient))
	fmt.Println(b.accounts["ann"], b.accounts["bob"])
}
