package cluster_test

import (
	"fmt"

	"github.com/gotrain/gotrain/trainlib/cluster"
)

// A Status prints as a table for the terminal; HTML gives the same table
// for a notebook cell.
func ExampleStatus() {
	st := cluster.Status{Workers: []cluster.WorkerStatus{
		{Address: "127.0.0.1:40001", PID: 4242, Alive: true, Groups: []int{0}, Shards: 3, Rows: 300000, MemBytes: 96 << 20, BytesSent: 2 << 20, BytesReceived: 61 << 20},
		{Address: "127.0.0.1:40002", PID: 4243, Alive: false, LastError: "cluster: worker 127.0.0.1:40002 lost: connection lost"},
	}}
	fmt.Print(st)
	// Output:
	// ADDRESS          PID   STATE  GROUPS  SHARDS  ROWS    MEMORY    SENT     RECEIVED  LAST ERROR
	// 127.0.0.1:40001  4242  idle   [0]     3       300000  96.0 MiB  2.0 MiB  61.0 MiB  -
	// 127.0.0.1:40002  4243  lost   []      0       0       0 B       0 B      0 B       cluster: worker 127.0.0.1:40002 lost: connection lost
}
