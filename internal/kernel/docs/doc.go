// Package docs holds the documentation the kernel shows when a notebook
// inspects a name (Shift-Tab): the signature and doc comment of every
// exported name of every package cells may import. It is generated at
// build time from the packages' sources by ./gen, which kernel/symbols'
// go:generate runs after extracting the symbols, and embedded, so the
// kernel needs no Go toolchain or sources at run time.
package docs
