// Package fastmath holds float32 elementary functions that answer exactly what
// rounding math's float64 result to float32 answers, bit for bit, at a
// fraction of its cost. The boosting loop and the metrics call them once
// per row per round (the sigmoid of every prediction, the logarithm of
// every logloss term), and XGBoost computes them in float32: models and
// printed metrics stay what they were with math's functions.
//
// Each function evaluates its result in float64 to within a known bound,
// far tighter than float32's precision, and rounds it when that interval
// of uncertainty rounds to one float32 (then it is also what math's
// result rounds to); when a float32 rounding boundary lies inside the
// interval (about one input in a thousand), or the input is outside the fast
// path's range, it calls math itself. The tests check every 61st float32
// bit pattern; F32_ALL=1 checks all 2^32 of them.
package fastmath
