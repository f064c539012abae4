package main

import (
	"errors"
	"fmt"
	"sort"
)

// Accounts behind an interface, sentinel and typed errors, and a
// report sorted by a Stringer, as in many bank-account exercises.

var ErrInsufficient = errors.New("insufficient funds")

type LimitError struct {
	Account string
	Limit   int
}

func (e LimitError) Error() string {
	return fmt.Sprintf("%s: over the limit of %d", e.Account, e.Limit)
}

type Account interface {
	Deposit(n int) error
	Withdraw(n int) error
	Balance() int
	fmt.Stringer
}

type Checking struct {
	name    string
	balance int
}

func (c *Checking) Deposit(n int) error { c.balance += n; return nil }
func (c *Checking) Withdraw(n int) error {
	if n > c.balance {
		return fmt.Errorf("%s: withdraw %d: %w", c.name, n, ErrInsufficient)
	}
	c.balance -= n
	return nil
}
func (c *Checking) Balance() int   { return c.balance }
func (c *Checking) String() string { return fmt.Sprintf("checking %s: %d", c.name, c.balance) }

type Savings struct {
	Checking
	limit int
}

func (s *Savings) Withdraw(n int) error {
	if n > s.limit {
		return &LimitError{s.name, s.limit}
	}
	return s.Checking.Withdraw(n)
}
func (s *Savings) String() string { return fmt.Sprintf("savings %s: %d", s.name, s.balance) }

func main() {
	accts := []Account{&Checking{"alice", 100}, &Savings{Checking{"bob", 500}, 200}}
	for _, a := range accts {
		a.Deposit(50)
		for _, amt := range []int{120, 300} {
			err := a.Withdraw(amt)
			var le *LimitError
			switch {
			case err == nil:
				fmt.Println("ok", amt, a)
			case errors.Is(err, ErrInsufficient):
				fmt.Println("refused:", err)
			case errors.As(err, &le):
				fmt.Println("limit", le.Limit, "for", le.Account)
			}
		}
	}
	sort.Slice(accts, func(i, j int) bool { return accts[i].Balance() > accts[j].Balance() })
	fmt.Println(accts)
	total := 0
	for _, a := range accts {
		total += a.Balance()
	}
	fmt.Printf("total %d in %d accounts\n", total, len(accts))
}
