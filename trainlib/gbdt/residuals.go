package gbdt

import (
	"context"
	"fmt"
)

// Residuals implements Holder.
func (h *LocalHolder) Residuals(ctx context.Context, req ResidualRequest) (*ResidualResponse, error) {
	s, err := h.session(req.Session)
	if err != nil {
		return nil, err
	}
	if req.Group < 0 || req.Group >= s.k {
		return nil, fmt.Errorf("gbdt: session %q: residuals of output %d asked for a model of %d outputs", req.Session, req.Group, s.k)
	}
	out := &ResidualResponse{Values: make([][]float32, len(req.Nodes)), Weights: make([][]float32, len(req.Nodes))}
	for i, n := range req.Nodes {
		if n < 0 || len(s.train) > 0 && int(n) >= len(s.train[0].seg) {
			return nil, fmt.Errorf("gbdt: session %q: node %d does not exist on this holder", req.Session, n)
		}
		for _, ts := range s.train {
			sg := ts.seg[n]
			lab, wts := ts.sh.data.Label, ts.sh.data.Weight
			for _, r := range ts.rows[sg[0]:sg[1]] {
				// Rows outside the round's sample have no hessian.
				if ts.hess[r] == 0 && (wts == nil || wts[r] != 0) {
					continue
				}
				out.Values[i] = append(out.Values[i], lab[r]-ts.margin[int(r)*s.k+req.Group])
				if wts != nil {
					out.Weights[i] = append(out.Weights[i], wts[r])
				}
			}
		}
	}
	return out, ctx.Err()
}
