package track

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path"
	"strings"
)

// artifactRoot turns a run's artifact URI into the path below the server's
// artifact proxy: "mlflow-artifacts:/1/abc/artifacts" → "1/abc/artifacts".
// Servers that do not proxy artifacts hand out other schemes (file:, s3:),
// which would need a shared filesystem or cloud credentials; they are
// refused with the remedy.
func artifactRoot(artifactURI string) (string, error) {
	u, err := url.Parse(artifactURI)
	if err != nil || u.Scheme != "mlflow-artifacts" {
		return "", fmt.Errorf("run artifact location %q is not served by the tracking server's artifact proxy: start the server with --artifacts-destination (or --serve-artifacts) so gotrain can upload over HTTP", artifactURI)
	}
	return strings.Trim(u.Path, "/"), nil
}

// cleanArtifactPath checks a relative artifact path such as "model/MLmodel".
func cleanArtifactPath(p string) (string, error) {
	c := path.Clean("/" + p)[1:]
	if p == "" || c == "" || c != strings.TrimSuffix(p, "/") || strings.Contains(p, "\\") {
		return "", fmt.Errorf("artifact path %q must be a relative slash-separated path without . or .. parts, such as \"charts/gain.png\"", p)
	}
	return c, nil
}

// UploadArtifact sends the local file to artifactPath (relative, slash
// separated) under the run whose artifact URI is artifactURI, through the
// server's artifact proxy. Uploading the same file again overwrites it.
func (c *Client) UploadArtifact(ctx context.Context, artifactURI, artifactPath, localFile string) error {
	f, err := os.Open(localFile)
	if err != nil {
		return permanent(fmt.Errorf("upload artifact %s: %w", artifactPath, err))
	}
	defer f.Close()
	return c.upload(ctx, artifactURI, artifactPath, f)
}

// upload sends body to artifactPath below artifactURI through the artifact
// proxy.
func (c *Client) upload(ctx context.Context, artifactURI, artifactPath string, body io.Reader) error {
	root, err := artifactRoot(artifactURI)
	if err != nil {
		return permanent(err)
	}
	rel, err := cleanArtifactPath(artifactPath)
	if err != nil {
		return permanent(err)
	}
	return c.send(ctx, http.MethodPut, pathArtifacts+"/"+root+"/"+rel, nil, body, "application/octet-stream", nil)
}
