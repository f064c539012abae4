//go:build race

package exec

// raceDetector tells tests whether they run under the race detector.
const raceDetector = true
