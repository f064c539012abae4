package cluster

import (
	"context"
	"fmt"
	"runtime/debug"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// serviceName is the gRPC service of a worker.
const serviceName = "gotrain.cluster.v1.Worker"

// Method names of the worker service.
const (
	mHello     = "Hello"
	mPing      = "Ping"
	mGlob      = "Glob"
	mLoad      = "Load"
	mDrop      = "Drop"
	mShards    = "Shards"
	mSummaries = "Summaries"
	mSetCuts   = "SetCuts"
	mStart     = "StartSession"
	mGradients = "Gradients"
	mHist      = "BuildHistograms"
	mSplits    = "ApplySplits"
	mFinish    = "FinishTree"
	mResiduals = "Residuals"
	mEnd       = "EndSession"
	mStatus    = "Status"
)

// fullMethod returns the gRPC path of method m.
func fullMethod(m string) string { return "/" + serviceName + "/" + m }

// unary makes the descriptor of one unary method (the connection proved
// the secret before any call could arrive). The handler turns a panic into an
// Internal error (the worker stays up) and counts the call as busy work
// unless it is housekeeping.
func unary[Req, Resp any](name string, fn func(w *worker, ctx context.Context, in *Req) (*Resp, error)) grpc.MethodDesc {
	return grpc.MethodDesc{MethodName: name, Handler: func(srv any, ctx context.Context, dec func(any) error, ic grpc.UnaryServerInterceptor) (any, error) {
		w := srv.(*worker)
		in := new(Req)
		if err := dec(in); err != nil {
			return nil, status.Errorf(codes.InvalidArgument, "cluster: %s: bad request: %v", name, err)
		}
		h := func(ctx context.Context, req any) (out any, err error) {
			w.touch()
			if name != mPing && name != mStatus && name != mHello {
				w.busy.Add(1)
				defer w.busy.Add(-1)
			}
			defer func() {
				if p := recover(); p != nil {
					err = status.Errorf(codes.Internal, "cluster: worker panicked in %s: %v\n%s", name, p, debug.Stack())
				}
				if err != nil {
					w.noteErr(name, err)
				}
			}()
			r, err := fn(w, ctx, req.(*Req))
			if err != nil {
				return nil, toStatus(ctx, err)
			}
			return r, nil
		}
		if ic == nil {
			return h(ctx, in)
		}
		return ic(ctx, in, &grpc.UnaryServerInfo{Server: srv, FullMethod: fullMethod(name)}, h)
	}}
}

// toStatus maps a handler error to a gRPC status: cancellation stays
// cancellation, everything else keeps its message.
func toStatus(ctx context.Context, err error) error {
	if _, ok := status.FromError(err); ok {
		return err
	}
	if ctx.Err() != nil {
		return status.Error(codes.Canceled, fmt.Sprintf("cluster: cancelled: %v", err))
	}
	return status.Error(codes.FailedPrecondition, err.Error())
}

// serviceDesc describes the worker service for grpc.Server.RegisterService.
func serviceDesc() *grpc.ServiceDesc {
	return &grpc.ServiceDesc{
		ServiceName: serviceName,
		HandlerType: (*any)(nil),
		Methods: []grpc.MethodDesc{
			unary(mHello, (*worker).hello),
			unary(mPing, (*worker).ping),
			unary(mGlob, (*worker).glob),
			unary(mLoad, (*worker).load),
			unary(mDrop, (*worker).drop),
			unary(mShards, (*worker).shards),
			unary(mSummaries, (*worker).summaries),
			unary(mSetCuts, (*worker).setCuts),
			unary(mStart, (*worker).start),
			unary(mGradients, (*worker).gradients),
			unary(mHist, (*worker).hist),
			unary(mSplits, (*worker).splits),
			unary(mFinish, (*worker).finish),
			unary(mResiduals, (*worker).residuals),
			unary(mEnd, (*worker).end),
			unary(mStatus, (*worker).status),
		},
		Metadata: "hand-written: see messages.go",
	}
}
