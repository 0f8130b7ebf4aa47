# Generates the integer ALU tests (rv32ui register/immediate ops, rv32um,
# rv32uzba, rv32uzbb, rv32uzbs).  Expected values are computed with Python
# integers straight from the definitions in the RISC-V ISA manual.
# Usage: python3 tools/gen_int.py   (rewrites the files it owns)
import os, sys
M = 0xffffffff
def u(x): return x & M
def s(x):
    x &= M
    return x - (1 << 32) if x & 0x80000000 else x
def h(x): return "0x%08x" % u(x)

# ---- spec definitions ----
def div(a, b):
    a, b = s(a), s(b)
    if b == 0: return -1
    if a == -2**31 and b == -1: return a
    q = abs(a) // abs(b)
    return q if (a < 0) == (b < 0) else -q
def rem(a, b):
    a, b = s(a), s(b)
    if b == 0: return a
    if a == -2**31 and b == -1: return 0
    return a - div(a, b) * b
def divu(a, b): return M if u(b) == 0 else u(a) // u(b)
def remu(a, b): return u(a) if u(b) == 0 else u(a) % u(b)
def clz(a):
    a = u(a); n = 0
    for i in range(31, -1, -1):
        if a >> i & 1: break
        n += 1
    return n
def ctz(a):
    a = u(a); n = 0
    for i in range(32):
        if a >> i & 1: break
        n += 1
    return n
def rol(a, b): b &= 31; a = u(a); return u((a << b) | (a >> ((32 - b) & 31))) if b else a
def ror(a, b): b &= 31; a = u(a); return u((a >> b) | (a << (32 - b))) if b else a
def orcb(a):
    r = 0
    for i in range(4):
        if (u(a) >> (8 * i)) & 0xff: r |= 0xff << (8 * i)
    return r
def rev8(a): return int.from_bytes(u(a).to_bytes(4, 'little'), 'big')
def sext(a, bits):
    a &= (1 << bits) - 1
    return a - (1 << bits) if a >> (bits - 1) else a

RR = {
 'add': lambda a, b: a + b, 'sub': lambda a, b: a - b,
 'sll': lambda a, b: u(a) << (b & 31), 'srl': lambda a, b: u(a) >> (b & 31),
 'sra': lambda a, b: s(a) >> (b & 31),
 'slt': lambda a, b: int(s(a) < s(b)), 'sltu': lambda a, b: int(u(a) < u(b)),
 'xor': lambda a, b: a ^ b, 'or': lambda a, b: a | b, 'and': lambda a, b: a & b,
 'mul': lambda a, b: s(a) * s(b), 'mulh': lambda a, b: (s(a) * s(b)) >> 32,
 'mulhsu': lambda a, b: (s(a) * u(b)) >> 32, 'mulhu': lambda a, b: (u(a) * u(b)) >> 32,
 'div': div, 'divu': divu, 'rem': rem, 'remu': remu,
 'sh1add': lambda a, b: (a << 1) + b, 'sh2add': lambda a, b: (a << 2) + b,
 'sh3add': lambda a, b: (a << 3) + b,
 'andn': lambda a, b: a & ~b, 'orn': lambda a, b: a | ~b, 'xnor': lambda a, b: ~(a ^ b),
 'max': lambda a, b: max(s(a), s(b)), 'min': lambda a, b: min(s(a), s(b)),
 'maxu': lambda a, b: max(u(a), u(b)), 'minu': lambda a, b: min(u(a), u(b)),
 'rol': rol, 'ror': ror,
 'bclr': lambda a, b: a & ~(1 << (b & 31)), 'bset': lambda a, b: a | (1 << (b & 31)),
 'binv': lambda a, b: a ^ (1 << (b & 31)), 'bext': lambda a, b: (u(a) >> (b & 31)) & 1,
}
RI = {
 'addi': lambda a, i: a + i, 'slti': lambda a, i: int(s(a) < i),
 'sltiu': lambda a, i: int(u(a) < u(i)), 'xori': lambda a, i: a ^ i,
 'ori': lambda a, i: a | i, 'andi': lambda a, i: a & i,
 'slli': lambda a, i: u(a) << i, 'srli': lambda a, i: u(a) >> i, 'srai': lambda a, i: s(a) >> i,
 'rori': ror,
 'bclri': RR['bclr'], 'bseti': RR['bset'], 'binvi': RR['binv'], 'bexti': RR['bext'],
}
R1 = {
 'clz': clz, 'ctz': ctz, 'cpop': lambda a: bin(u(a)).count('1'),
 'sext.b': lambda a: sext(a, 8), 'sext.h': lambda a: sext(a, 16),
 'zext.h': lambda a: a & 0xffff, 'orc.b': orcb, 'rev8': rev8,
}

GENERIC = [(0, 0), (1, 1), (3, 7), (0, 0xffff8000), (0x80000000, 0), (0x80000000, 0xffff8000),
           (0, 0x7fff), (0x7fffffff, 0), (0x7fffffff, 0x7fff), (0x80000000, 0x7fff),
           (0x7fffffff, 0xffff8000), (0, 0xffffffff), (0xffffffff, 1), (0xffffffff, 0xffffffff),
           (1, 0x7fffffff), (0x7fffffff, 1), (0x80000000, 0x80000000), (0x80000000, 0xffffffff),
           (0x12345678, 0x9abcdef0), (0xdeadbeef, 0x0badf00d), (0xff00ff00, 0x0f0f0f0f),
           (0x00ff00ff, 0xf0f0f0f0), (0xfffffff9, 5), (5, 0xfffffff9)]
SHIFT = [(0x80000000, 0), (0x80000000, 1), (0x80000000, 7), (0x80000000, 14), (0x80000000, 31),
         (0xffffffff, 0), (0xffffffff, 1), (0xffffffff, 7), (0xffffffff, 14), (0xffffffff, 31),
         (0x21212121, 0), (0x21212121, 1), (0x21212121, 7), (0x21212121, 14), (0x21212121, 31),
         (0x81818181, 3), (0x7fffffff, 30),
         # only rs2[4:0] counts
         (0x21212121, 32), (0x21212121, 33), (0x21212121, 0xffffffe7), (0x21212121, 0xffffffff),
         (0x81818181, 0xfffffffe), (0x12345678, 0x40), (0x87654321, 0x3f)]
DIVP = [(20, 6), (-20 & M, 6), (20, -6 & M), (-20 & M, -6 & M), (7, 7), (0, 5), (5, 1),
        (0x80000000, 1), (0x80000000, 0xffffffff), (0x80000000, 2), (0x7fffffff, 0xffffffff),
        (0x7fffffff, 0x80000000), (0x80000000, 0x80000000), (0xffffffff, 0xffffffff),
        (0xffffffff, 2), (1, 0xffffffff), (0x12345678, 0x1234), (0xdeadbeef, 0x10),
        # division by zero
        (1, 0), (0, 0), (0xffffffff, 0), (0x80000000, 0), (0x7fffffff, 0), (0xdeadbeef, 0)]
MULP = [(0, 0), (1, 1), (3, 7), (0, 0xffff8000), (0x80000000, 0), (0x80000000, 0xffff8000),
        (0xaaaaaaab, 0x0002fe7d), (0x0002fe7d, 0xaaaaaaab), (0xff000000, 0xff000000),
        (0xffffffff, 0xffffffff), (0xffffffff, 1), (1, 0xffffffff), (0x80000000, 0x80000000),
        (0x80000000, 0x7fffffff), (0x7fffffff, 0x7fffffff), (0x80000000, 0xffffffff),
        (0xffffffff, 0x80000000), (0x12345678, 0x9abcdef0), (0xdeadbeef, 0xdeadbeef),
        (0x0000ffff, 0xffff0000), (0xfffffffe, 0x7fffffff), (0x7fffffff, 0xfffffffe)]
MINMAX = GENERIC + [(0xffffffff, 0), (0, 0xffffffff), (0x80000000, 0x7fffffff), (0x7fffffff, 0x80000000),
                    (5, 5), (0xfffffffe, 0xffffffff)]
BITP = [(0, 0), (0, 5), (0, 31), (0xffffffff, 0), (0xffffffff, 13), (0xffffffff, 31),
        (0x12345678, 3), (0x12345678, 4), (0x12345678, 28), (0x80000000, 31), (0x80000000, 30),
        (0x00000001, 0), (0xdeadbeef, 16), (0xdeadbeef, 17),
        (0x12345678, 35), (0x12345678, 0xffffffe4), (0xffffffff, 0xffffffff), (0x0, 0x20)]
UNARY = [0, 1, 2, 0x80, 0xff, 0x7f, 0x100, 0x7fff, 0x8000, 0xffff, 0x10000, 0x7fffffff, 0x80000000,
         0xffffffff, 0xfffffffe, 0x12345678, 0xdeadbeef, 0x00f00000, 0x80000001, 0x01000100,
         0x0000ff80, 0x00008000, 0x00ff0000, 0x40000000, 0x00000f00, 0xff00ff00]

def pairs_for(op):
    if op in ('sll', 'srl', 'sra', 'rol', 'ror'): return SHIFT
    if op in ('div', 'divu', 'rem', 'remu'): return DIVP
    if op.startswith('mul'): return MULP
    if op in ('max', 'min', 'maxu', 'minu'): return MINMAX
    if op in ('bclr', 'bset', 'binv', 'bext'): return BITP
    return GENERIC

HDR = """// %s: %s
// Generated by tools/gen_int.py.
// Expected values follow the definition of the instruction in the RISC-V
// ISA manual.
#include "rvt.h"
RVT_BEGIN
"""
def emit(path, title, desc, lines):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    n = sum(1 for l in lines if l.lstrip().startswith('TEST') or l.lstrip().startswith('TCASE'))
    assert n <= 254, (path, n)
    with open(path, 'w') as f:
        f.write(HDR % (title, desc))
        for l in lines: f.write(l + "\n")
        f.write("RVT_END\n")

def gen_rr(path, op, desc):
    f = RR[op]; L = []; n = 0
    def nx(): nonlocal n; n += 1; return n
    L.append("  // basic values")
    for a, b in pairs_for(op):
        L.append("  TEST_RR(%d, %s, %s, %s, %s)" % (nx(), op, h(f(a, b)), h(a), h(b)))
    pa, pb = pairs_for(op)[-6 if len(pairs_for(op)) > 6 else 0]
    a, b = 0x0e000e07, 0x00000005
    L.append("  // register aliasing: rd=rs1, rd=rs2, rs1=rs2")
    L.append("  TEST_RR_D1(%d, %s, %s, %s, %s)" % (nx(), op, h(f(a, b)), h(a), h(b)))
    L.append("  TEST_RR_D2(%d, %s, %s, %s, %s)" % (nx(), op, h(f(a, b)), h(a), h(b)))
    L.append("  TEST_RR_SAME(%d, %s, %s, %s)" % (nx(), op, h(f(a, a)), h(a)))
    L.append("  // x0 as a source reads 0, as a destination is not written")
    L.append("  TEST_RR_Z1(%d, %s, %s, %s)" % (nx(), op, h(f(0, b)), h(b)))
    L.append("  TEST_RR_Z2(%d, %s, %s, %s)" % (nx(), op, h(f(a, 0)), h(a)))
    L.append("  TEST_RR_ZD(%d, %s, %s, %s)" % (nx(), op, h(a), h(b)))
    L.append("  // high registers")
    a, b = 0xf00dcafe, 0x00000013
    L.append("  TEST_RR_HI(%d, %s, %s, %s, %s)" % (nx(), op, h(f(a, b)), h(a), h(b)))
    emit(path, op, desc, L)

def gen_ri(path, op, desc, pairs):
    f = RI[op]; L = []; n = 0
    def nx(): nonlocal n; n += 1; return n
    L.append("  // basic values")
    for a, i in pairs:
        L.append("  TEST_RI(%d, %s, %s, %s, %d)" % (nx(), op, h(f(a, i)), h(a), i))
    a, i = pairs[len(pairs) // 2]
    L.append("  // rd=rs1, rs1=x0, rd=x0")
    L.append("  TEST_RI_D1(%d, %s, %s, %s, %d)" % (nx(), op, h(f(a, i)), h(a), i))
    L.append("  TEST_RI_Z1(%d, %s, %s, %d)" % (nx(), op, h(f(0, i)), i))
    L.append("  TEST_RI_ZD(%d, %s, %s, %d)" % (nx(), op, h(a), i))
    emit(path, op, desc, L)

def gen_r(path, op, desc):
    f = R1[op]; L = []; n = 0
    def nx(): nonlocal n; n += 1; return n
    L.append("  // basic values")
    for a in UNARY:
        L.append("  TEST_R(%d, %s, %s, %s)" % (nx(), op, h(f(a)), h(a)))
    a = 0x00f0ff80
    L.append("  // rd=rs1, rd=x0")
    L.append("  TEST_R_D1(%d, %s, %s, %s)" % (nx(), op, h(f(a)), h(a)))
    L.append("  TEST_R_ZD(%d, %s, %s)" % (nx(), op, h(a)))
    emit(path, op, desc, L)

IMMP = [(0, 0), (1, 1), (3, 7), (0, -2048), (0x80000000, 0), (0x80000000, -2048), (0, 2047),
        (0x7fffffff, 0), (0x7fffffff, 2047), (0x80000000, 2047), (0x7fffffff, -2048),
        (0, -1), (0xffffffff, 1), (0xffffffff, -1), (0x7fffffff, 1), (0x12345678, 0x678),
        (0x12345678, -0x679), (0xff00ff00, 0x0f0), (0x00ff00ff, -0x10), (0xfffffff9, 5),
        (5, -7), (0xfffffffe, -1), (0xffffffff, -2), (0x7ff, 0x7ff), (0xfffff800, -2048)]
SHIMM = [(0x80000000, 0), (0x80000000, 1), (0x80000000, 7), (0x80000000, 14), (0x80000000, 31),
         (0xffffffff, 0), (0xffffffff, 1), (0xffffffff, 7), (0xffffffff, 14), (0xffffffff, 31),
         (0x21212121, 0), (0x21212121, 1), (0x21212121, 7), (0x21212121, 14), (0x21212121, 31),
         (0x81818181, 3), (0x7fffffff, 30), (0x12345678, 16), (0xdeadbeef, 4)]
BITIMM = [(0, 0), (0, 5), (0, 31), (0xffffffff, 0), (0xffffffff, 13), (0xffffffff, 31),
          (0x12345678, 3), (0x12345678, 4), (0x12345678, 28), (0x80000000, 31), (0x80000000, 30),
          (0x00000001, 0), (0xdeadbeef, 16), (0xdeadbeef, 17), (0x55555555, 1), (0x55555555, 2)]

R = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..') + '/'
desc = {
 'add': 'integer addition, wraps modulo 2^32', 'sub': 'integer subtraction, wraps modulo 2^32',
 'sll': 'shift left logical by rs2[4:0]', 'srl': 'shift right logical by rs2[4:0]',
 'sra': 'shift right arithmetic by rs2[4:0]', 'slt': 'set if less than (signed)',
 'sltu': 'set if less than (unsigned)', 'xor': 'bitwise xor', 'or': 'bitwise or', 'and': 'bitwise and',
 'addi': 'add sign-extended 12-bit immediate', 'slti': 'set if less than immediate (signed)',
 'sltiu': 'set if less than sign-extended immediate, compared unsigned',
 'xori': 'xor with sign-extended immediate', 'ori': 'or with sign-extended immediate',
 'andi': 'and with sign-extended immediate', 'slli': 'shift left logical immediate',
 'srli': 'shift right logical immediate', 'srai': 'shift right arithmetic immediate',
 'mul': 'low 32 bits of the product', 'mulh': 'high 32 bits of signed x signed product',
 'mulhsu': 'high 32 bits of signed rs1 x unsigned rs2 product',
 'mulhu': 'high 32 bits of unsigned x unsigned product',
 'div': 'signed division rounding toward zero; x/0 = -1, -2^31/-1 = -2^31',
 'divu': 'unsigned division; x/0 = 2^32-1', 'rem': 'signed remainder (sign of dividend); x%0 = x, -2^31%-1 = 0',
 'remu': 'unsigned remainder; x%0 = x',
 'sh1add': 'rs2 + (rs1 << 1)', 'sh2add': 'rs2 + (rs1 << 2)', 'sh3add': 'rs2 + (rs1 << 3)',
 'andn': 'rs1 & ~rs2', 'orn': 'rs1 | ~rs2', 'xnor': '~(rs1 ^ rs2)',
 'max': 'signed maximum', 'maxu': 'unsigned maximum', 'min': 'signed minimum', 'minu': 'unsigned minimum',
 'rol': 'rotate left by rs2[4:0]', 'ror': 'rotate right by rs2[4:0]', 'rori': 'rotate right by immediate',
 'clz': 'count leading zeros (32 for 0)', 'ctz': 'count trailing zeros (32 for 0)',
 'cpop': 'count set bits', 'sext.b': 'sign-extend byte', 'sext.h': 'sign-extend halfword',
 'zext.h': 'zero-extend halfword', 'orc.b': 'bitwise OR-combine within each byte',
 'rev8': 'byte-reverse register',
 'bclr': 'clear bit rs2[4:0]', 'bset': 'set bit rs2[4:0]', 'binv': 'invert bit rs2[4:0]',
 'bext': 'extract bit rs2[4:0]', 'bclri': 'clear bit shamt', 'bseti': 'set bit shamt',
 'binvi': 'invert bit shamt', 'bexti': 'extract bit shamt',
}
for op in ['add', 'sub', 'sll', 'srl', 'sra', 'slt', 'sltu', 'xor', 'or', 'and']:
    gen_rr(R + 'rv32ui/%s.S' % op, op, desc[op])
for op in ['addi', 'slti', 'sltiu', 'xori', 'ori', 'andi']:
    gen_ri(R + 'rv32ui/%s.S' % op, op, desc[op], IMMP)
for op in ['slli', 'srli', 'srai']:
    gen_ri(R + 'rv32ui/%s.S' % op, op, desc[op], SHIMM)
for op in ['mul', 'mulh', 'mulhsu', 'mulhu', 'div', 'divu', 'rem', 'remu']:
    gen_rr(R + 'rv32um/%s.S' % op, op, desc[op])
for op in ['sh1add', 'sh2add', 'sh3add']:
    gen_rr(R + 'rv32uzba/%s.S' % op, op, desc[op])
for op in ['andn', 'orn', 'xnor', 'max', 'maxu', 'min', 'minu', 'rol', 'ror']:
    gen_rr(R + 'rv32uzbb/%s.S' % op, op, desc[op])
gen_ri(R + 'rv32uzbb/rori.S', 'rori', desc['rori'], SHIMM)
for op in ['clz', 'ctz', 'cpop', 'sext.b', 'sext.h', 'zext.h', 'orc.b', 'rev8']:
    gen_r(R + 'rv32uzbb/%s.S' % op.replace('.', '_'), op, desc[op])
for op in ['bclr', 'bset', 'binv', 'bext']:
    gen_rr(R + 'rv32uzbs/%s.S' % op, op, desc[op])
for op in ['bclri', 'bseti', 'binvi', 'bexti']:
    gen_ri(R + 'rv32uzbs/%s.S' % op, op, desc[op], BITIMM)
