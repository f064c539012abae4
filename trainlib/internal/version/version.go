// Package version holds gotrain's release version at the bottom of the
// layers, so that any package can name it (MLflow tags, the worker
// handshake) without importing the trainlib root and, through it, the
// cluster. Users read it as trainlib.Version.
package version

// Version is gotrain's release version.
const Version = "0.1.0-dev"
