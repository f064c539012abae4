package main

import (
	"errors"
	"fmt"
)

var (
	ErrInsufficient = errors.New("insufficient funds")
	ErrInvalid      = errors.New("invalid amount")
	ErrFrozen       = errors.New("account frozen")
)

type Account struct {
	ID      string
	balance int
	frozen  bool
	ledger  []int
}

func (a *Account) Deposit(n int) error {
	if n <= 0 {
		return fmt.Errorf("deposit %d to %s: %w", n, a.ID, ErrInvalid)
	}
	if a.frozen {
		return fmt.Errorf("deposit to %s: %w", a.ID, ErrFrozen)
	}
	a.balance += n
	a.ledger = append(a.ledger, n)
	return nil
}

func (a *Account) Withdraw(n int) error {
	switch {
	case n <= 0:
		return fmt.Errorf("withdraw %d: %w", n, ErrInvalid)
	case a.frozen:
		return fmt.Errorf("withdraw from %s: %w", a.ID, ErrFrozen)
	case n > a.balance:
		return fmt.Errorf("withdraw %d from %s (balance %d): %w", n, a.ID, a.balance, ErrInsufficient)
	}
	a.balance -= n
	a.ledger = append(a.ledger, -n)
	return nil
}

func Transfer(from, to *Account, n int) (err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("transfer failed: %w", err)
		}
	}()
	if err := from.Withdraw(n); err != nil {
		return err
	}
	if err := to.Deposit(n); err != nil {
		from.balance += n
		return err
	}
	return nil
}

func main() {
	a := &Account{ID: "A"}
	b := &Account{ID: "B"}
	fmt.Println(a.Deposit(100), a.Deposit(-5))
	fmt.Println(Transfer(a, b, 30))
	err := Transfer(a, b, 500)
	fmt.Println(err)
	fmt.Println(errors.Is(err, ErrInsufficient), errors.Is(err, ErrFrozen))
	b.frozen = true
	err = Transfer(a, b, 10)
	fmt.Println(err, errors.Is(err, ErrFrozen))
	fmt.Println(a.balance, b.balance, a.ledger, b.ledger)
	for _, target := range []error{ErrInvalid, ErrInsufficient, ErrFrozen} {
		switch {
		case errors.Is(err, target):
			fmt.Println("matched", target)
		}
	}
}
