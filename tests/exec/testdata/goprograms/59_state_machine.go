package main

import (
	"fmt"
	"strings"
)

type State int

const (
	Idle State = iota
	Running
	Paused
	Stopped
)

func (s State) String() string {
	return [...]string{"Idle", "Running", "Paused", "Stopped"}[s]
}

type Event string

type transition struct {
	from State
	ev   Event
}

type Machine struct {
	state   State
	table   map[transition]State
	history []string
}

func NewMachine() *Machine {
	return &Machine{
		table: map[transition]State{
			{Idle, "start"}:    Running,
			{Running, "pause"}: Paused,
			{Paused, "resume"}: Running,
			{Running, "stop"}:  Stopped,
			{Paused, "stop"}:   Stopped,
		},
	}
}

func (m *Machine) Fire(ev Event) error {
	next, ok := m.table[transition{m.state, ev}]
	if !ok {
		return fmt.Errorf("no transition from %s on %q", m.state.String(), ev)
	}
	m.history = append(m.history, m.state.String()+"->"+next.String())
	m.state = next
	return nil
}

func main() {
	m := NewMachine()
	for _, ev := range []Event{"start", "pause", "start", "resume", "stop", "resume"} {
		if err := m.Fire(ev); err != nil {
			fmt.Println("error:", err)
		}
	}
	fmt.Println(strings.Join(m.history, ", "))
	fmt.Println("final:", m.state.String(), int(m.state))
}
