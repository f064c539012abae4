package exec

import "testing"

// In a method of a generic type, a literal of a generic type passed to a
// compiled function (container/list's PushFront) and another assigned to
// a compiled struct's field (list.Element.Value) both work (litargs.go):
// yaegi v0.16.1 failed the second with "reflect.Value.Call: call of nil
// function".
func TestGenericLiteralsIntoCompiledCalls(t *testing.T) {
	s := newSession(t)
	_, r := mustRun(t, s, `import (
	"container/list"
	"fmt"
)

type entry[K comparable, V any] struct {
	key K
	val V
}

type LRU[K comparable, V any] struct {
	ll    *list.List
	items map[K]*list.Element
}

func (c *LRU[K, V]) Put(k K, v V) {
	if el, ok := c.items[k]; ok {
		el.Value = entry[K, V]{k, v}
		return
	}
	c.items[k] = c.ll.PushFront(entry[K, V]{key: k, val: v})
}

func main() {
	c := &LRU[string, int]{ll: list.New(), items: map[string]*list.Element{}}
	c.Put("a", 1)
	c.Put("b", 2)
	c.Put("a", 3)
	for el := c.ll.Front(); el != nil; el = el.Next() {
		fmt.Print(el.Value.(entry[string, int]).val, " ")
	}
	fmt.Println()
}`)
	if got, want := r.text("stdout")+r.text("stderr"), "2 3 \n"; got != want {
		t.Fatalf("printed %q, want %q", got, want)
	}
}
