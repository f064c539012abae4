package exec

import (
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha3"
	"crypto/x509"
	"encoding/binary"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"sync/atomic"
	"unicode"
	"unicode/utf16"

	"github.com/traefik/yaegi/interp"
)

// newerStd are the standard library's names, not generic, that Go 1.23
// to 1.26 added and yaegi v0.16.1's symbol tables (made with Go 1.22)
// lack: without them a cell's `sha3.Sum256` or `binary.Append`, which
// the type check accepts, failed with `unable to find source` or `has
// no symbol`. The values are the kernel's own compiled ones. (Generic
// functions and the iterator functions are Go source: package gostd.)
// Methods added to older types need nothing: they come with the type.
var newerStd = interp.Exports{
	"crypto/cipher/cipher": {
		"NewGCMWithRandomNonce": reflect.ValueOf(cipher.NewGCMWithRandomNonce),
	},
	"crypto/rand/rand": {
		"Text": reflect.ValueOf(rand.Text),
	},
	"crypto/sha3/sha3": {
		"New224":       reflect.ValueOf(sha3.New224),
		"New256":       reflect.ValueOf(sha3.New256),
		"New384":       reflect.ValueOf(sha3.New384),
		"New512":       reflect.ValueOf(sha3.New512),
		"NewCSHAKE128": reflect.ValueOf(sha3.NewCSHAKE128),
		"NewCSHAKE256": reflect.ValueOf(sha3.NewCSHAKE256),
		"NewSHAKE128":  reflect.ValueOf(sha3.NewSHAKE128),
		"NewSHAKE256":  reflect.ValueOf(sha3.NewSHAKE256),
		"Sum224":       reflect.ValueOf(sha3.Sum224),
		"Sum256":       reflect.ValueOf(sha3.Sum256),
		"Sum384":       reflect.ValueOf(sha3.Sum384),
		"Sum512":       reflect.ValueOf(sha3.Sum512),
		"SumSHAKE128":  reflect.ValueOf(sha3.SumSHAKE128),
		"SumSHAKE256":  reflect.ValueOf(sha3.SumSHAKE256),
		"SHA3":         reflect.ValueOf((*sha3.SHA3)(nil)),
		"SHAKE":        reflect.ValueOf((*sha3.SHAKE)(nil)),
	},
	"crypto/x509/x509": {
		"ParseOID": reflect.ValueOf(x509.ParseOID),
	},
	"encoding/binary/binary": {
		"Append": reflect.ValueOf(binary.Append),
		"Decode": reflect.ValueOf(binary.Decode),
		"Encode": reflect.ValueOf(binary.Encode),
	},
	"io/fs/fs": {
		"Lstat":    reflect.ValueOf(fs.Lstat),
		"ReadLink": reflect.ValueOf(fs.ReadLink),
	},
	"log/slog/slog": {
		"DiscardHandler":  reflect.ValueOf(&slog.DiscardHandler).Elem(),
		"GroupAttrs":      reflect.ValueOf(slog.GroupAttrs),
		"MultiHandler":    reflect.ValueOf((*slog.MultiHandler)(nil)),
		"NewMultiHandler": reflect.ValueOf(slog.NewMultiHandler),
	},
	"os/os": {
		"CopyFS":      reflect.ValueOf(os.CopyFS),
		"ErrNoHandle": reflect.ValueOf(&os.ErrNoHandle).Elem(),
		"OpenInRoot":  reflect.ValueOf(os.OpenInRoot),
		"OpenRoot":    reflect.ValueOf(os.OpenRoot),
		"Root":        reflect.ValueOf((*os.Root)(nil)),
	},
	"path/filepath/filepath": {
		"Localize": reflect.ValueOf(filepath.Localize),
	},
	"reflect/reflect": {
		"SliceAt": reflect.ValueOf(reflect.SliceAt),
	},
	"sync/atomic/atomic": {
		"AndInt32":   reflect.ValueOf(atomic.AndInt32),
		"AndInt64":   reflect.ValueOf(atomic.AndInt64),
		"AndUint32":  reflect.ValueOf(atomic.AndUint32),
		"AndUint64":  reflect.ValueOf(atomic.AndUint64),
		"AndUintptr": reflect.ValueOf(atomic.AndUintptr),
		"OrInt32":    reflect.ValueOf(atomic.OrInt32),
		"OrInt64":    reflect.ValueOf(atomic.OrInt64),
		"OrUint32":   reflect.ValueOf(atomic.OrUint32),
		"OrUint64":   reflect.ValueOf(atomic.OrUint64),
		"OrUintptr":  reflect.ValueOf(atomic.OrUintptr),
	},
	"unicode/unicode": {
		"CategoryAliases": reflect.ValueOf(&unicode.CategoryAliases).Elem(),
		"Cn":              reflect.ValueOf(&unicode.Cn).Elem(),
		"LC":              reflect.ValueOf(&unicode.LC).Elem(),
	},
	"unicode/utf16/utf16": {
		"RuneLen": reflect.ValueOf(utf16.RuneLen),
	},
}
