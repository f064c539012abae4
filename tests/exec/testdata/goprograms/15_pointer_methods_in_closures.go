package main

import (
	"fmt"
	"sync"
)

type Account struct {
	mu      sync.Mutex
	balance int
	history []int
}

func (a *Account) Deposit(n int) {
	a.mu.Lock()
	a.balance += n
	a.history = append(a.history, n)
	a.mu.Unlock()
}

func (a *Account) Balance() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.balance
}

func main() {
	acct := &Account{}
	var wg sync.WaitGroup
	deposit := acct.Deposit
	for i := 1; i <= 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			deposit(i)
		}()
	}
	wg.Wait()
	fmt.Println(acct.Balance(), len(acct.history))
}
