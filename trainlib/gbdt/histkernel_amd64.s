#include "textflag.h"

// func histDenseAsm(hist *pair, nhist int, bins *uint8, gh *pair, nrows int, rows []int32, off *int, nf, ahead int) (sg, sh int64, bad bool)
//
// For each row r of rows: adds gh[r] to hist[off[f]+bins[r*nf+f]] for every
// feature f, with one 16-byte load, PADDQ and store per update, and sums
// gh[r]. Rows at or past nrows and bin indices at or past nhist stop the
// loop with bad set (the caller panics). Codes are read four at a time.
// Rows ahead rows on are prefetched when ahead > 0.
//
// Registers: DI hist, SI bins, DX gh, R8 rows, R9 len(rows), R10 off,
// R11 nf, R14 ahead, R15 nf-4, BP nhist, CX row index, R12 the row's
// codes, R13 feature, AX BX scratch, X0 the row's pair, X1 the sums.
TEXT ·histDenseAsm(SB), NOSPLIT, $8-105
	MOVQ hist+0(FP), DI
	MOVQ nhist+8(FP), BP
	MOVQ bins+16(FP), SI
	MOVQ gh+24(FP), DX
	MOVQ rows_base+40(FP), R8
	MOVQ rows_len+48(FP), R9
	MOVQ off+64(FP), R10
	MOVQ nf+72(FP), R11
	MOVQ ahead+80(FP), R14
	MOVQ R11, R15
	SUBQ $4, R15
	PXOR X1, X1
	XORQ CX, CX

row:
	CMPQ CX, R9
	JGE  done
	TESTQ R14, R14
	JEQ  load
	LEAQ (CX)(R14*1), AX
	CMPQ AX, R9
	JGE  load
	MOVLQSX (R8)(AX*4), AX
	MOVQ AX, BX
	SHLQ $4, BX
	PREFETCHT0 (DX)(BX*1)
	IMULQ R11, AX
	PREFETCHT0 (SI)(AX*1)
	LEAQ -1(SI)(AX*1), AX
	PREFETCHT0 (AX)(R11*1)

load:
	MOVLQSX (R8)(CX*4), AX
	CMPQ AX, nrows+32(FP)
	JAE  bad
	MOVQ AX, BX
	SHLQ $4, BX
	MOVOU (DX)(BX*1), X0
	PADDQ X0, X1
	IMULQ R11, AX
	LEAQ (SI)(AX*1), R12
	XORQ R13, R13

quad:
	CMPQ R13, R15
	JGT  single
	MOVL (R12)(R13*1), BX
	MOVBQZX BX, AX
	ADDQ (R10)(R13*8), AX
	CMPQ AX, BP
	JAE  bad
	SHLQ $4, AX
	MOVOU (DI)(AX*1), X2
	PADDQ X0, X2
	MOVOU X2, (DI)(AX*1)
	SHRL $8, BX
	MOVBQZX BX, AX
	ADDQ 8(R10)(R13*8), AX
	CMPQ AX, BP
	JAE  bad
	SHLQ $4, AX
	MOVOU (DI)(AX*1), X2
	PADDQ X0, X2
	MOVOU X2, (DI)(AX*1)
	SHRL $8, BX
	MOVBQZX BX, AX
	ADDQ 16(R10)(R13*8), AX
	CMPQ AX, BP
	JAE  bad
	SHLQ $4, AX
	MOVOU (DI)(AX*1), X2
	PADDQ X0, X2
	MOVOU X2, (DI)(AX*1)
	SHRL $8, BX
	ADDQ 24(R10)(R13*8), BX
	CMPQ BX, BP
	JAE  bad
	SHLQ $4, BX
	MOVOU (DI)(BX*1), X2
	PADDQ X0, X2
	MOVOU X2, (DI)(BX*1)
	ADDQ $4, R13
	JMP  quad

single:
	CMPQ R13, R11
	JGE  next
	MOVBQZX (R12)(R13*1), AX
	ADDQ (R10)(R13*8), AX
	CMPQ AX, BP
	JAE  bad
	SHLQ $4, AX
	MOVOU (DI)(AX*1), X2
	PADDQ X0, X2
	MOVOU X2, (DI)(AX*1)
	INCQ R13
	JMP  single

next:
	INCQ CX
	JMP  row

done:
	MOVQ X1, sg+88(FP)
	PSRLDQ $8, X1
	MOVQ X1, sh+96(FP)
	MOVB $0, bad+104(FP)
	RET

bad:
	MOVQ X1, sg+88(FP)
	PSRLDQ $8, X1
	MOVQ X1, sh+96(FP)
	MOVB $1, bad+104(FP)
	RET

// func histSparseAsm(hist *pair, nhist int, ptr *int64, ents *uint16, nents int, gh *pair, nrows int, rows []int32, ahead int) (sg, sh int64, bad bool)
//
// For each row r of rows: adds gh[r] to hist[e] for every entry e of
// ents[ptr[r]:ptr[r+1]] (one 16-byte load, PADDQ and store each) and sums
// gh[r]. A row at or past nrows, entry bounds outside [0, nents] or out of
// order, or an entry at or past nhist stop the loop with bad set. When
// ahead > 0, the row ahead rows on has its pair and entries prefetched,
// and the one twice as far its entry bounds.
//
// Registers: DI hist, BP nhist, R10 ptr, SI ents, R15 nents, DX gh,
// R11 nrows, R8 rows, R9 len(rows), R14 ahead, CX row index, R12 entry,
// R13 end of the row's entries, AX BX scratch, X0 the row's pair, X1 sums.
TEXT ·histSparseAsm(SB), NOSPLIT, $8-105
	MOVQ hist+0(FP), DI
	MOVQ nhist+8(FP), BP
	MOVQ ptr+16(FP), R10
	MOVQ ents+24(FP), SI
	MOVQ nents+32(FP), R15
	MOVQ gh+40(FP), DX
	MOVQ nrows+48(FP), R11
	MOVQ rows_base+56(FP), R8
	MOVQ rows_len+64(FP), R9
	MOVQ ahead+80(FP), R14
	PXOR X1, X1
	XORQ CX, CX

srow:
	CMPQ CX, R9
	JGE  sdone
	TESTQ R14, R14
	JEQ  sload
	LEAQ (CX)(R14*1), AX
	CMPQ AX, R9
	JGE  sload
	MOVLQSX (R8)(AX*4), AX
	CMPQ AX, R11
	JAE  sload
	MOVQ AX, BX
	SHLQ $4, BX
	PREFETCHT0 (DX)(BX*1)
	MOVQ (R10)(AX*8), BX
	LEAQ (SI)(BX*2), BX
	PREFETCHT0 (BX)
	LEAQ (CX)(R14*2), AX
	LEAQ -1(R9), BX
	CMPQ AX, BX
	CMOVQGT BX, AX
	MOVLQSX (R8)(AX*4), AX
	LEAQ (R10)(AX*8), AX
	PREFETCHT0 (AX)

sload:
	MOVLQSX (R8)(CX*4), AX
	CMPQ AX, R11
	JAE  sbad
	MOVQ AX, BX
	SHLQ $4, BX
	MOVOU (DX)(BX*1), X0
	PADDQ X0, X1
	MOVQ (R10)(AX*8), R12
	MOVQ 8(R10)(AX*8), R13
	CMPQ R13, R15
	JA   sbad
	CMPQ R12, R13
	JA   sbad

sent:
	CMPQ R12, R13
	JGE  snext
	MOVWQZX (SI)(R12*2), AX
	CMPQ AX, BP
	JAE  sbad
	SHLQ $4, AX
	MOVOU (DI)(AX*1), X2
	PADDQ X0, X2
	MOVOU X2, (DI)(AX*1)
	INCQ R12
	JMP  sent

snext:
	INCQ CX
	JMP  srow

sdone:
	MOVQ X1, sg+88(FP)
	PSRLDQ $8, X1
	MOVQ X1, sh+96(FP)
	MOVB $0, bad+104(FP)
	RET

sbad:
	MOVQ X1, sg+88(FP)
	PSRLDQ $8, X1
	MOVQ X1, sh+96(FP)
	MOVB $1, bad+104(FP)
	RET

// func histPackedAsm(hist *pair, packed *uint16, stride int, gh *pair, nrows int, rows []int32, ahead int) (sg, sh int64, bad bool)
//
// For each row r of rows: adds gh[r] to hist[e] for every entry e of the
// packed row at packed[r*stride:] (its count, then the entries) and sums
// gh[r]. The caller has checked that every entry is inside hist, so only
// rows are checked: one at or past nrows, or whose count does not fit its
// stride, stops the loop with bad set. Entries go four, then one at a
// step, each update five instructions (entry, scale, load, add, store).
// When ahead > 0, the row ahead rows on has its pair and slots
// prefetched.
//
// Registers: DI hist, SI packed, R10 stride in bytes, BP stride-1, DX gh,
// R11 nrows, R8 rows, R9 len(rows), R14 ahead, CX row index, R12 entry
// address, R13 end of the row's entries, AX BX scratch, X0 the row's
// pair, X1 the sums.
TEXT ·histPackedAsm(SB), NOSPLIT, $8-89
	MOVQ hist+0(FP), DI
	MOVQ packed+8(FP), SI
	MOVQ stride+16(FP), BP
	LEAQ (BP)(BP*1), R10
	DECQ BP
	MOVQ gh+24(FP), DX
	MOVQ nrows+32(FP), R11
	MOVQ rows_base+40(FP), R8
	MOVQ rows_len+48(FP), R9
	MOVQ ahead+64(FP), R14
	PXOR X1, X1
	XORQ CX, CX

prow:
	CMPQ CX, R9
	JGE  pdone
	TESTQ R14, R14
	JEQ  pload
	LEAQ (CX)(R14*1), AX
	CMPQ AX, R9
	JGE  pload
	MOVLQSX (R8)(AX*4), AX
	MOVQ AX, BX
	SHLQ $4, BX
	PREFETCHT0 (DX)(BX*1)
	IMULQ R10, AX
	PREFETCHT0 (SI)(AX*1)
	LEAQ -2(SI)(AX*1), AX
	PREFETCHT0 (AX)(R10*1)

pload:
	MOVLQSX (R8)(CX*4), AX
	CMPQ AX, R11
	JAE  pbad
	MOVQ AX, BX
	SHLQ $4, BX
	MOVOU (DX)(BX*1), X0
	PADDQ X0, X1
	IMULQ R10, AX
	LEAQ (SI)(AX*1), R12
	MOVWQZX (R12), R13
	CMPQ R13, BP
	JA   pbad
	LEAQ 2(R12)(R13*2), R13
	ADDQ $2, R12

#define PUPDATE(k) \
	MOVWQZX k(R12), BX \
	SHLQ $4, BX \
	MOVOU (DI)(BX*1), X2 \
	PADDQ X0, X2 \
	MOVOU X2, (DI)(BX*1)

pquad:
	LEAQ 8(R12), AX
	CMPQ AX, R13
	JA   psingle
	PUPDATE(0)
	PUPDATE(2)
	PUPDATE(4)
	PUPDATE(6)
	MOVQ AX, R12
	JMP  pquad

psingle:
	CMPQ R12, R13
	JAE  pnext
	PUPDATE(0)
	ADDQ $2, R12
	JMP  psingle

pnext:
	INCQ CX
	JMP  prow

pdone:
	MOVQ X1, sg+72(FP)
	PSRLDQ $8, X1
	MOVQ X1, sh+80(FP)
	MOVB $0, bad+88(FP)
	RET

pbad:
	MOVQ X1, sg+72(FP)
	PSRLDQ $8, X1
	MOVQ X1, sh+80(FP)
	MOVB $1, bad+88(FP)
	RET
