# IEEE 754 reference with exact rational arithmetic (fractions.Fraction), used
# by gen_fp.py to compute the expected values of the F/D tests from the
# RISC-V rules:
#  - tininess detected after rounding; UF = tiny and inexact
#  - NaN results are the canonical NaN; NV on sNaN inputs
#  - FMIN/FMAX per IEEE 754-2019 minimumNumber/maximumNumber (-0 < +0)
#  - FCVT to integer saturates, NV on NaN / out of range
from fractions import Fraction as F
import struct, math
NX, UF, OF, DZ, NV = 1, 2, 4, 8, 16
RM = {'rne': 0, 'rtz': 1, 'rdn': 2, 'rup': 3, 'rmm': 4}

class Fmt:
    def __init__(s, p, eb, name):
        s.p, s.eb, s.name = p, eb, name
        s.bias = (1 << (eb - 1)) - 1
        s.emin, s.emax = 1 - s.bias, s.bias
        s.width = p + eb
        s.qnan = ((1 << eb) - 1) << (p - 1) | (1 << (p - 2))
        s.maxfin = F((1 << p) - 1) * F(2) ** (s.emax - s.p + 1)
    def inf(s, neg): return (neg << (s.width - 1)) | (((1 << s.eb) - 1) << (s.p - 1))
    def zero(s, neg): return neg << (s.width - 1)
    def maxbits(s, neg): return s.inf(neg) - 1
S = Fmt(24, 8, 's'); D = Fmt(53, 11, 'd')

def decode(f, b):
    sign = b >> (f.width - 1) & 1
    e = b >> (f.p - 1) & ((1 << f.eb) - 1)
    m = b & ((1 << (f.p - 1)) - 1)
    if e == (1 << f.eb) - 1:
        if m == 0: return ('inf', sign, None)
        return ('snan' if not (m >> (f.p - 2)) else 'qnan', sign, None)
    if e == 0:
        v = F(m) * F(2) ** (f.emin - f.p + 1)
        return ('zero' if m == 0 else 'sub', sign, -v if sign else v)
    v = F(m + (1 << (f.p - 1))) * F(2) ** (e - f.bias - f.p + 1)
    return ('norm', sign, -v if sign else v)

def ilog2(a):  # floor(log2(a)) for Fraction a > 0
    e = a.numerator.bit_length() - a.denominator.bit_length()
    while F(2) ** e > a: e -= 1
    while F(2) ** (e + 1) <= a: e += 1
    return e

def rint(q, rm, neg):  # q >= 0 Fraction -> integer per rounding mode
    fl = q.numerator // q.denominator
    fr = q - fl
    if fr == 0: return fl
    if rm == 'rne': return fl + 1 if fr > F(1, 2) or (fr == F(1, 2) and fl & 1) else fl
    if rm == 'rmm': return fl + 1 if fr >= F(1, 2) else fl
    if rm == 'rtz': return fl
    if rm == 'rdn': return fl + 1 if neg else fl
    if rm == 'rup': return fl if neg else fl + 1
    raise ValueError(rm)

def encode(f, v, neg):  # v exact representable magnitude
    if v == 0: return f.zero(neg)
    if v < F(2) ** f.emin:
        m = v / F(2) ** (f.emin - f.p + 1); assert m.denominator == 1
        return (neg << (f.width - 1)) | int(m)
    e = ilog2(v)
    m = v / F(2) ** (e - f.p + 1); assert m.denominator == 1
    return (neg << (f.width - 1)) | ((e + f.bias) << (f.p - 1)) | (int(m) - (1 << (f.p - 1)))

def round_val(f, x, rm):  # x nonzero Fraction -> (bits, flags)
    neg = x < 0; a = abs(x)
    e = ilog2(a)
    # tininess after rounding: round with unbounded exponent
    q = e - f.p + 1
    r1 = rint(a / F(2) ** q, rm, neg) * F(2) ** q
    tiny = r1 < F(2) ** f.emin
    q = max(e, f.emin) - f.p + 1
    n = a / F(2) ** q
    ni = rint(n, rm, neg)
    inexact = ni != n
    v = ni * F(2) ** q
    flags = NX if inexact else 0
    if v > f.maxfin:
        away = rm in ('rne', 'rmm') or (rm == 'rup' and not neg) or (rm == 'rdn' and neg)
        return (f.inf(neg) if away else f.maxbits(neg)), OF | NX
    if tiny and inexact: flags |= UF
    return encode(f, v, neg), flags

def isnan(c): return c in ('snan', 'qnan')

def nan_result(f, *cls):
    return f.qnan, (NV if 'snan' in cls else 0)

def zero_sum_sign(sa, sb, rm):  # exact zero sum of two zeros / cancel
    pass

def add(f, a, b, rm='rne', negb=False):
    ca, sa, va = decode(f, a); cb, sb, vb = decode(f, b)
    if negb:
        sb ^= 1; vb = -vb if vb is not None else None
    if isnan(ca) or isnan(cb): return nan_result(f, ca, cb)
    if ca == 'inf' and cb == 'inf':
        if sa != sb: return f.qnan, NV
        return f.inf(sa), 0
    if ca == 'inf': return f.inf(sa), 0
    if cb == 'inf': return f.inf(sb), 0
    s = va + vb
    if s == 0:
        if ca == 'zero' and cb == 'zero' and sa == sb: return f.zero(sa), 0
        return f.zero(1 if rm == 'rdn' else 0), 0
    return round_val(f, s, rm)

def sub(f, a, b, rm='rne'): return add(f, a, b, rm, negb=True)

def mul(f, a, b, rm='rne'):
    ca, sa, va = decode(f, a); cb, sb, vb = decode(f, b)
    if isnan(ca) or isnan(cb): return nan_result(f, ca, cb)
    s = sa ^ sb
    if (ca == 'inf' and cb == 'zero') or (cb == 'inf' and ca == 'zero'): return f.qnan, NV
    if ca == 'inf' or cb == 'inf': return f.inf(s), 0
    if ca == 'zero' or cb == 'zero': return f.zero(s), 0
    return round_val(f, va * vb, rm)

def div(f, a, b, rm='rne'):
    ca, sa, va = decode(f, a); cb, sb, vb = decode(f, b)
    if isnan(ca) or isnan(cb): return nan_result(f, ca, cb)
    s = sa ^ sb
    if ca == 'inf' and cb == 'inf': return f.qnan, NV
    if ca == 'zero' and cb == 'zero': return f.qnan, NV
    if ca == 'inf': return f.inf(s), 0
    if cb == 'inf': return f.zero(s), 0
    if cb == 'zero': return f.inf(s), DZ
    if ca == 'zero': return f.zero(s), 0
    return round_val(f, va / vb, rm)

def sqrt(f, a, rm='rne'):
    ca, sa, va = decode(f, a)
    if isnan(ca): return nan_result(f, ca)
    if ca == 'zero': return a, 0
    if sa: return f.qnan, NV
    if ca == 'inf': return a, 0
    K = 1400
    N = va * F(2) ** (2 * K); assert N.denominator == 1
    r = math.isqrt(int(N))
    if r * r == N: return round_val(f, F(r) / F(2) ** K, rm)
    return round_val(f, (F(r) + F(1, 2)) / F(2) ** K, rm)

def fma(f, a, b, c, rm='rne', negp=False, negc=False):
    ca, sa, va = decode(f, a); cb, sb, vb = decode(f, b); cc, sc, vc = decode(f, c)
    if (ca == 'inf' and cb == 'zero') or (cb == 'inf' and ca == 'zero'):
        return f.qnan, NV
    if isnan(ca) or isnan(cb) or isnan(cc): return nan_result(f, ca, cb, cc)
    sp = sa ^ sb ^ negp; sc ^= negc
    if ca == 'inf' or cb == 'inf':
        if cc == 'inf' and sc != sp: return f.qnan, NV
        return f.inf(sp), 0
    if cc == 'inf': return f.inf(sc), 0
    p = va * vb * (-1 if negp else 1)
    cv = vc * (-1 if negc else 1)
    s = p + cv
    if s == 0:
        pzero = ca == 'zero' or cb == 'zero'
        if pzero and cc == 'zero' and sp == sc: return f.zero(sp), 0
        return f.zero(1 if rm == 'rdn' else 0), 0
    return round_val(f, s, rm)

def minmax(f, a, b, ismax):
    ca, sa, va = decode(f, a); cb, sb, vb = decode(f, b)
    fl = NV if 'snan' in (ca, cb) else 0
    if isnan(ca) and isnan(cb): return f.qnan, fl
    if isnan(ca): return b, fl
    if isnan(cb): return a, fl
    def key(c, s, v):
        if c == 'inf': return (F(-1) if s else F(1)) * F(2) ** 5000, 0
        return v, (-1 if s else 1) if c == 'zero' else 0
    ka, kb = key(ca, sa, va), key(cb, sb, vb)
    if ismax: return (a if ka >= kb else b), fl
    return (a if ka <= kb else b), fl

def cmp(f, a, b, op):
    ca, sa, va = decode(f, a); cb, sb, vb = decode(f, b)
    if isnan(ca) or isnan(cb):
        if op == 'eq': return 0, (NV if 'snan' in (ca, cb) else 0)
        return 0, NV
    def val(c, s, v):
        if c == 'inf': return (F(-1) if s else F(1)) * F(2) ** 5000
        return v
    x, y = val(ca, sa, va), val(cb, sb, vb)
    return int({'eq': x == y, 'lt': x < y, 'le': x <= y}[op]), 0

def fclass(f, a):
    c, s, v = decode(f, a)
    i = {'inf': 0, 'norm': 1, 'sub': 2, 'zero': 3}
    if c == 'snan': return 1 << 8
    if c == 'qnan': return 1 << 9
    return 1 << (i[c] if s else 7 - i[c])

def to_int(f, a, rm, signed):
    c, s, v = decode(f, a)
    lo, hi = (-2**31, 2**31 - 1) if signed else (0, 2**32 - 1)
    if isnan(c): return hi & 0xffffffff, NV
    if c == 'inf': return (lo if s else hi) & 0xffffffff, NV
    if c == 'zero': return 0, 0
    n = rint(abs(v), rm, v < 0) * (-1 if v < 0 else 1)
    if n < lo: return lo & 0xffffffff, NV
    if n > hi: return hi & 0xffffffff, NV
    return n & 0xffffffff, (NX if n != v else 0)

def from_int(f, x, rm, signed):
    x &= 0xffffffff
    if signed and x >> 31: x -= 1 << 32
    if x == 0: return 0, 0
    return round_val(f, F(x), rm)

def convert(fdst, fsrc, a, rm='rne'):
    c, s, v = decode(fsrc, a)
    if isnan(c): return nan_result(fdst, c)
    if c == 'inf': return fdst.inf(s), 0
    if c == 'zero': return fdst.zero(s), 0
    return round_val(fdst, v, rm)

# float -> bits helpers
def sbits(x):
    b = struct.unpack('<I', struct.pack('<f', x))[0]
    assert struct.unpack('<f', struct.pack('<I', b))[0] == x or x != x, x
    return b
def dbits(x): return struct.unpack('<Q', struct.pack('<d', x))[0]
