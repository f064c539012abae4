package main

import (
	"container/list"
	"fmt"
	"iter"
	"strings"
)

// OrderedMap keeps insertion order.
type OrderedMap[K comparable, V any] struct {
	keys []K
	m    map[K]V
}

func NewOrderedMap[K comparable, V any]() *OrderedMap[K, V] {
	return &OrderedMap[K, V]{m: make(map[K]V)}
}

func (o *OrderedMap[K, V]) Set(k K, v V) {
	if _, ok := o.m[k]; !ok {
		o.keys = append(o.keys, k)
	}
	o.m[k] = v
}

func (o *OrderedMap[K, V]) Get(k K) (V, bool) {
	v, ok := o.m[k]
	return v, ok
}

func (o *OrderedMap[K, V]) Delete(k K) {
	if _, ok := o.m[k]; !ok {
		return
	}
	delete(o.m, k)
	for i, x := range o.keys {
		if x == k {
			o.keys = append(o.keys[:i], o.keys[i+1:]...)
			break
		}
	}
}

func (o *OrderedMap[K, V]) All() iter.Seq2[K, V] {
	return func(yield func(K, V) bool) {
		for _, k := range o.keys {
			if !yield(k, o.m[k]) {
				return
			}
		}
	}
}

func (o *OrderedMap[K, V]) Len() int { return len(o.keys) }

type item[K comparable, V any] struct {
	key K
	val V
}

type Cache[K comparable, V any] struct {
	size  int
	order *list.List
	index map[K]*list.Element
}

func NewCache[K comparable, V any](size int) *Cache[K, V] {
	return &Cache[K, V]{size: size, order: list.New(), index: map[K]*list.Element{}}
}

func (c *Cache[K, V]) Get(k K) (V, bool) {
	if el, ok := c.index[k]; ok {
		c.order.MoveToFront(el)
		return el.Value.(item[K, V]).val, true
	}
	var zero V
	return zero, false
}

func (c *Cache[K, V]) Put(k K, v V) {
	if el, ok := c.index[k]; ok {
		el.Value = item[K, V]{k, v}
		c.order.MoveToFront(el)
		return
	}
	c.index[k] = c.order.PushFront(item[K, V]{k, v})
	if c.order.Len() > c.size {
		old := c.order.Back()
		c.order.Remove(old)
		delete(c.index, old.Value.(item[K, V]).key)
	}
}

func main() {
	om := NewOrderedMap[string, int]()
	for i, w := range strings.Fields("pear apple fig apple kiwi") {
		om.Set(w, i)
	}
	om.Delete("fig")
	for k, v := range om.All() {
		fmt.Printf("%s:%d ", k, v)
	}
	v, ok := om.Get("kiwi")
	fmt.Println(om.Len(), v, ok)

	c := NewCache[int, string](2)
	c.Put(1, "one")
	c.Put(2, "two")
	c.Get(1)
	c.Put(3, "three")
	_, has2 := c.Get(2)
	s1, _ := c.Get(1)
	c.Put(1, "uno")
	s1b, _ := c.Get(1)
	fmt.Println(has2, s1, s1b, c.order.Len())
}
