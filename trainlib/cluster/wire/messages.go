package wire

import (
	"github.com/gotrain/gotrain/trainlib/data"
	"github.com/gotrain/gotrain/trainlib/gbdt"
)

// ProtocolVersion is the version of the driver ⇄ worker protocol. A driver
// and a worker talk only when their versions are equal. Version 4 sends
// histogram values with byte lengths instead of as varints (binary.go).
const ProtocolVersion = 4

// HelloRequest opens a driver's use of a worker: it checks the protocol
// version and starts the worker's driver lease.
type HelloRequest struct {
	Protocol int
	// LeaseMillis is how long the worker waits without hearing from the
	// driver before it exits; it counts only on a worker started without
	// a lease of its own (see worker.lease).
	LeaseMillis int64
}

// HelloResponse describes the worker.
type HelloResponse struct {
	Protocol int
	PID      int
	CPUs     int
}

// PingRequest is the driver's heartbeat; it renews the lease.
type PingRequest struct{ Seq int64 }

// PingResponse answers a ping with its sequence number.
type PingResponse struct{ Seq int64 }

// GlobRequest asks a worker which files match Pattern on its file system.
type GlobRequest struct{ Pattern string }

// GlobResponse lists the matching files in natural order.
type GlobResponse struct{ Files []string }

// ShardSpec is one shard of a group: a CSV file the worker reads (Path,
// resolved on the worker) or rows sent by the driver (Data).
type ShardSpec struct {
	Set   string
	Index int
	Path  string
	Data  *data.Dataset
}

// LoadRequest adds shards to a group, loading files with Options.
type LoadRequest struct {
	Group   int
	Shards  []ShardSpec
	Options data.Options
}

// LoadResponse describes the group after the load.
type LoadResponse struct {
	Rows     int64
	Features int
	Names    []string
	// Categories name the codes of categorical features (nil: none).
	Categories [][]string
	// Label is how this load read a label of two words (or of two numbers
	// other than 0 and 1): the value read as 0, then the one read as 1;
	// LabelCounts how many rows of the new shards hold each. Both are nil
	// for a label of 0s and 1s.
	Label       []string
	LabelCounts []int
	// Undecided is true when the load's files hold one value of a
	// two-valued label (Label[0], LabelCounts[0] times) and the options do
	// not say which it is: nothing was loaded, and the driver sends the
	// load again with Positive and Negative chosen over every group.
	Undecided bool
}

// GroupRequest names a group (for Shards and Drop).
type GroupRequest struct{ Group int }

// ShardsResponse lists a group's shards.
type ShardsResponse struct{ Shards []gbdt.ShardInfo }

// SummariesRequest is gbdt.Holder.Summaries for a group.
type SummariesRequest struct {
	Group int
	Req   gbdt.SummaryRequest
}

// SummariesResponse carries the summaries.
type SummariesResponse struct{ Summaries []gbdt.ShardSummary }

// SetCutsRequest is gbdt.Holder.SetCuts for a group.
type SetCutsRequest struct {
	Group int
	Cuts  *gbdt.Cuts
}

// Done is the empty answer of calls that return only an error.
type Done struct{ OK bool }

// StartRequest is gbdt.Holder.StartSession for a group.
type StartRequest struct {
	Group int
	Req   gbdt.StartRequest
}

// GradientsRequest is gbdt.Holder.Gradients for a group.
type GradientsRequest struct {
	Group int
	Req   gbdt.GradientRequest
}

// GradientsResponse carries the gradient statistics.
type GradientsResponse struct{ Stats gbdt.GradientStats }

// HistRequest is gbdt.Holder.BuildHistograms for a group.
type HistRequest struct {
	Group int
	Req   gbdt.HistRequest
}

// SplitRequest is gbdt.Holder.ApplySplits for a group.
type SplitRequest struct {
	Group int
	Req   gbdt.SplitRequest
}

// FinishRequest is gbdt.Holder.FinishTree for a group.
type FinishRequest struct {
	Group int
	Req   gbdt.FinishRequest
}

// ResidualsRequest is gbdt.Holder.Residuals for a group.
type ResidualsRequest struct {
	Group int
	Req   gbdt.ResidualRequest
}

// EndRequest is gbdt.Holder.EndSession for a group.
type EndRequest struct {
	Group   int
	Session gbdt.SessionID
}

// StatusRequest asks a worker for its status.
type StatusRequest struct{ Verbose bool }

// StatusResponse is what a worker reports about itself.
type StatusResponse struct {
	PID      int
	CPUs     int
	Groups   []int
	Shards   int
	Rows     int64
	MemBytes uint64
	Busy     int
	LastErr  string
}
