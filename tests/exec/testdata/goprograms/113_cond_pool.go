package main

import (
	"bytes"
	"fmt"
	"sync"
)

type Queue struct {
	mu    sync.Mutex
	cond  *sync.Cond
	items []int
}

func NewQueue() *Queue {
	q := &Queue{}
	q.cond = sync.NewCond(&q.mu)
	return q
}

func (q *Queue) Put(v int) {
	q.mu.Lock()
	q.items = append(q.items, v)
	q.mu.Unlock()
	q.cond.Signal()
}

func (q *Queue) Get() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 {
		q.cond.Wait()
	}
	v := q.items[0]
	q.items = q.items[1:]
	return v
}

var pool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func main() {
	q := NewQueue()
	var wg sync.WaitGroup
	sum := 0
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 10; i++ {
			sum += q.Get()
		}
	}()
	for i := 1; i <= 10; i++ {
		q.Put(i)
	}
	wg.Wait()
	fmt.Println("sum", sum)
	b := pool.Get().(*bytes.Buffer)
	b.Reset()
	b.WriteString("pooled")
	fmt.Println(b.String())
	pool.Put(b)
	var once sync.Once
	for i := 0; i < 3; i++ {
		once.Do(func() { fmt.Println("once", i) })
	}
}
