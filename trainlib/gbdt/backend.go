package gbdt

import "context"

// SessionID names one training session on a Holder. Several sessions (the
// trials of a tuning run) may share a Holder's binned shards at once; all
// per-training state is keyed by it.
type SessionID string

// Holder holds some shards of the data and does the row-level work of
// training on them. It is the seam between the driver (Train, which owns
// the algorithm) and the data: LocalHolder implements it in process, the
// cluster package over gRPC. A Holder's session state is derived only from
// its shards, the cuts and the trees built so far, so a lost holder's shards
// can be loaded elsewhere and a session restarted there with StartSession.
//
// Calls for one session come from one driver goroutine, in order; calls for
// different sessions may run concurrently. Every method must return
// promptly when ctx is cancelled.
type Holder interface {
	// Shards describes the shards this holder holds.
	Shards(ctx context.Context) ([]ShardInfo, error)
	// Summaries returns, for each training shard it holds, a mergeable
	// quantile summary of every feature (see Summarize and MergeSummaries).
	Summaries(ctx context.Context, req SummaryRequest) ([]ShardSummary, error)
	// SetCuts bins every shard it holds with cuts, once: a call with cuts
	// of the same Fingerprint as the current ones does nothing.
	SetCuts(ctx context.Context, cuts *Cuts) error
	// StartSession creates (or re-creates, after a failure) a session: the
	// margins of every row are the base margin plus the leaf values of
	// req.Trees.
	StartSession(ctx context.Context, req StartRequest) error
	// Gradients computes the gradients of a new round from the current
	// margins, applies row subsampling and puts every training row in the
	// root node. It returns the statistics the driver needs to choose the
	// fixed-point scale.
	Gradients(ctx context.Context, req GradientRequest) (GradientStats, error)
	// BuildHistograms returns the quantised gradient histograms of the
	// requested nodes over the holder's training rows.
	BuildHistograms(ctx context.Context, req HistRequest) (*HistResponse, error)
	// ApplySplits routes the rows of split nodes to their children and
	// returns how many rows each child received.
	ApplySplits(ctx context.Context, req SplitRequest) (*SplitResponse, error)
	// FinishTree adds the finished tree's leaf values to the margins of
	// all rows and returns the partial evaluation statistics of the
	// requested sets after this round.
	FinishTree(ctx context.Context, req FinishRequest) (*EvalResponse, error)
	// Residuals returns, for each requested node of the tree being built,
	// label minus margin of output Group of the node's training rows in
	// the round's sample, with their weights: what adaptive leaves
	// (reg:absoluteerror, reg:quantileerror) and the base score estimates
	// take quantiles of.
	Residuals(ctx context.Context, req ResidualRequest) (*ResidualResponse, error)
	// EndSession frees a session's state. Binned shards stay.
	EndSession(ctx context.Context, id SessionID) error
}

// ResidualRequest asks for the residuals of Nodes for output Group.
type ResidualRequest struct {
	Session SessionID
	Group   int
	Nodes   []int32
}

// ResidualResponse holds one list of residuals per requested node, in
// request order, with their weights (Weights[i] nil when every row weighs
// 1).
type ResidualResponse struct {
	Values  [][]float32
	Weights [][]float32
}

// ShardInfo describes one shard: which data set it belongs to ("train" or
// an eval set's name), its position Index in that set's shard list, and its
// size.
type ShardInfo struct {
	Set      string
	Index    int
	Rows     int
	Features int
	// LabelSum is the weighted sum of the shard's labels and WeightSum
	// the sum of its weights (its rows when unweighted), for the base
	// score.
	LabelSum  float64
	WeightSum float64
	// Names and Categories are the shard's data.Dataset Names and
	// Categories: Train names the model's features and finds the
	// categorical ones from the first training shard's when Options leaves
	// them out.
	Names      []string
	Categories [][]string
}

// SummaryRequest asks for per-feature quantile summaries of at most Size
// entries each (the driver asks for a multiple of max_bin).
type SummaryRequest struct {
	Set  string
	Size int
}

// ShardSummary is one training shard's quantile summaries, one per feature.
type ShardSummary struct {
	Index    int
	Features []Summary
}

// Cuts are the global bin boundaries of every feature. A value v of
// feature f falls into bin b, the first b with v < Values[f][b] (the last
// bin when there is none); a split at bin b sends bins 0..b left, that is
// v < Values[f][b]. A feature with missing values has its missing rows in
// an extra bin numbered len(Values[f]).
type Cuts struct {
	Values     [][]float32
	HasMissing []bool
	// Categorical marks categorical features (nil when there are none):
	// their cut values are each category code present in training plus
	// one, so every category has a bin of its own (categorical.go).
	Categorical []bool
}

// StartRequest starts a session on a holder.
type StartRequest struct {
	Session   SessionID
	Objective string
	ObjParams ObjParams
	// BaseMargins are the margins every row starts from, one per model
	// output (class or quantile; one for other objectives).
	BaseMargins []float32
	// Trees are the trees built so far (empty for a new training); the
	// holder adds their leaf values to the margins, tree by tree: tree i
	// adds to output i mod len(BaseMargins), as XGBoost's tree_info.
	Trees []BinTree
	// Threads bounds the goroutines the holder uses for this session; 0
	// means GOMAXPROCS.
	Threads int
	// Cuts fingerprint the holder's binning must match.
	CutsFingerprint uint64
}

// GradientRequest starts tree Group of round Round of a session (a round
// has one tree per model output). Group 0 computes every output's
// gradients from the margins of the previous round; every group puts the
// training rows back into the root node with its output's gradients. Rows
// are sampled with probability Subsample by a hash of (Seed, shard index,
// row, round), so the sample does not depend on which holder holds a shard.
type GradientRequest struct {
	Session   SessionID
	Round     int
	Group     int
	Subsample float64
	Seed      uint64
}

// GradientStats summarises a holder's gradients of one round. The driver
// takes the maximum over holders to choose a fixed-point scale under
// which no histogram sum can overflow.
type GradientStats struct {
	Rows       int64
	MaxAbsGrad float64
	MaxHess    float64
}

// HistRequest asks for the histograms of Nodes (node ids of the tree
// being built). Scale converts gradients to fixed point: a row's quantised
// gradient is round(g·Scale), likewise its hessian; it is the same for
// every call of a round.
type HistRequest struct {
	Session SessionID
	Round   int
	Scale   float64
	Nodes   []int32
}

// HistResponse holds one histogram per requested node, in request order.
// The caller owns it: a holder must not reuse its slices.
type HistResponse struct {
	Hists []NodeHist
}

// NodeHist is a node's histogram: for each bin of each feature (feature
// f's bins start at offset Σ_{f'<f} bins(f'), missing bin included), the
// sums of quantised gradients and hessians of the node's rows falling into
// that bin, interleaved as Grad/Hess pairs in Bins[2k], Bins[2k+1]. Total
// holds the node's own sums, Rows its row count.
type NodeHist struct {
	Node  int32
	Bins  []int64
	Total [2]int64
	Rows  int64
}

// Split routes node Node's rows: bin ≤ Bin of Feature goes to Left,
// otherwise to Right; missing values go left iff DefaultLeft.
type Split struct {
	Node        int32
	Feature     int32
	Bin         int32
	DefaultLeft bool
	Left, Right int32
	// Categories, at a categorical split, lists the bins sent right
	// (sorted); every other bin goes left, the missing bin as DefaultLeft
	// says. Nil at a numeric split.
	Categories []int32
}

// SplitRequest applies the splits of one tree level. Build, when not
// empty, also asks for the histograms of those nodes (children of the
// splits) once the rows are routed, as BuildHistograms with Round and
// Scale would give them: one call per level instead of two, for holders
// across a network.
type SplitRequest struct {
	Session SessionID
	Splits  []Split
	Build   []int32
	Round   int
	Scale   float64
}

// SplitResponse gives, per split in request order, the rows routed left
// and right, and the histograms of the request's Build nodes in Hists.
type SplitResponse struct {
	LeftRows, RightRows []int64
	Hists               []NodeHist
}

// BinTree is a tree in bin space, as the holders need it: node ids are the
// ids used while building. For an internal node, Feature ≥ 0 and bins ≤
// Bin go to Left; for a leaf, Feature is -1 and Value is its (scaled) leaf
// value. Nodes that never received rows may be absent leaves.
type BinTree struct {
	Feature     []int32
	Bin         []int32
	DefaultLeft []bool
	Left, Right []int32
	Value       []float32
	// Categories holds, per node, the bins a categorical split sends
	// right (nil at other nodes); nil when the tree has none.
	Categories [][]int32
}

// FinishRequest ends the current tree: the holder adds Tree's leaf values
// to the margins of output Group of every row, then evaluates Sets with
// Metrics (the driver asks for them with a round's last tree).
type FinishRequest struct {
	Session SessionID
	Round   int
	Group   int
	Tree    BinTree
	Sets    []string
	Metrics []string
}

// EvalResponse holds per-shard evaluation statistics for each requested
// set, which the driver combines in shard order.
type EvalResponse struct {
	Shards []ShardEval
}

// ShardEval holds one shard's partial metric sums after a round.
type ShardEval struct {
	Set   string
	Index int
	Count int64
	// Sums holds, for metric i of the request, the weighted sum of its
	// per-row terms in Sums[2i] and the sum of weights in Sums[2i+1].
	Sums []float64
	// Scores, Labels and Weights are the shard's predictions, labels and
	// weights (nil: all 1), sent only when the auc metric is requested
	// (AUC needs a global ranking).
	Scores  []float32
	Labels  []float32
	Weights []float32
}
