# Generates ctnn's exp table: for j < N, 2^(j/N) rounded to double (stored as its bits minus
# j << (52 - log2 N), so that adding k << (52 - log2 N) for k = q N + j gives 2^q 2^(j/N)), and
# the relative correction 2^(j/N) / hi - 1 rounded to double.
import sys
from fractions import Fraction
import mpmath
mpmath.mp.prec = 300
N = int(sys.argv[1]); shift = 52 - (N.bit_length() - 1)
def frac(m):
    s, man, e, bc = m._mpf_
    f = Fraction(man) * (Fraction(2) ** e)
    return -f if s else f
def bits(d):
    import struct
    return struct.unpack('<Q', struct.pack('<d', d))[0]
rows = []
for j in range(N):
    t = frac(mpmath.mpf(2) ** (mpmath.mpf(j) / N))
    hi = float(t)
    lo = float(t / Fraction(hi) - 1)
    rows.append((bits(hi) - (j << shift), lo))
mode = sys.argv[2]
if mode == 'scale':
    for i in range(0, N, 4):
        print('    ' + ', '.join('0x%016x' % r[0] for r in rows[i:i+4]) + ',')
else:
    for i in range(0, N, 4):
        print('    ' + ', '.join(r[1].hex() for r in rows[i:i+4]) + ',')
