// Package cluster trains gradient-boosted trees over data held by
// `gotrain worker` processes, local or remote, through the gbdt.Holder seam.
//
// The pieces, from the wire up:
//
//   - The wire package holds the protocol's messages and their gob codec;
//     service.go defines the gRPC service by hand (a grpc.ServiceDesc over
//     that codec), so building needs no protoc and
//     `go generate` has nothing to drift. Every connection proves the
//     cluster secret by challenge–response before gRPC speaks on it
//     (auth.go; the secret never crosses the wire, TLS or not), failed
//     attempts are logged and slowed per peer (guard.go), and gRPC caps
//     message sizes before allocating. TLS (tls.go) comes from files, a
//     --tls-dir that `gotrain tls` writes, or a per-job CA (jobtls.go).
//   - Serve (serve.go) is the worker: it holds shard groups, each a
//     gbdt.LocalHolder, answers the Holder calls for them, reports its
//     status, and exits when its driver's lease runs out.
//   - Connect (connect.go) is the driver: it spawns workers (launch.go) or
//     dials given addresses (conn.go), deals CSV shards to them as
//     xgboost-ray does (load.go), and trains with gbdt.Train over one
//     remote holder per shard group (holder.go). A remote holder logs what
//     it needs to rebuild its group, so when its worker dies or hangs
//     (monitor.go) it moves the group to another worker and replays it:
//     the model is the same as without the fault.
//   - With Config.Ray, Connect runs the workers as actors of a job on a Ray
//     cluster instead (connect_ray.go): ray_package.go uploads this binary
//     and raylauncher/launch.py as the job's working_dir, ray.go submits the
//     job through Ray's Jobs REST API and reads the workers' addresses from
//     its log, and Close stops the job. The workers get only a digest of the
//     per-job secret (ray_digest.go), so the secret never appears in Ray,
//     and a per-job CA and certificate, so they serve only mutual TLS.
//   - Status (status.go) describes every worker, as text and as HTML.
package cluster
