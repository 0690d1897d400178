# Minimax fit of e^r - 1 = r + c2 r^2 + ... + c_deg r^deg on |r| <= a, for the error relative to
# e^r - 1 (so that expm1 near 0 is as accurate as exp), by Remez exchange on u = r / a.
# Usage: remez_exp.py a deg
import sys, mpmath
from mpmath import mpf, exp, matrix, lu_solve
mpmath.mp.prec = 200
a = mpf(sys.argv[1]); deg = int(sys.argv[2])
n = deg - 1                                   # unknowns: d_j = c_{j+2} a^(j+1), j < n
f = lambda u: (exp(a * u) - 1 - a * u) / (a * u) / u   # = sum d_j u^j
w = lambda u: abs(u) * (a * u) / (exp(a * u) - 1)      # error relative to e^r - 1
grid = [mpf(2 * k - 6000) / 6000 for k in range(6001) if k != 3000]
pts = [-mpmath.cos(mpmath.pi * (i + mpf(1) / 2) / (n + 1)) for i in range(n + 1)]
pts = [p if abs(p) > 1e-9 else mpf(1) / 7 for p in pts]
for it in range(40):
    A = matrix(n + 1, n + 1); b = matrix(n + 1, 1)
    for i, u in enumerate(pts):
        for j in range(n): A[i, j] = u ** j
        A[i, n] = (-1) ** i / w(u)
        b[i] = f(u)
    sol = lu_solve(A, b)
    d = [sol[j] for j in range(n)]
    err = lambda u, d=d: (f(u) - sum(dj * u ** j for j, dj in enumerate(d))) * w(u)
    segs = []
    for u in grid:
        e = err(u); s = e >= 0
        if segs and segs[-1][2] == s:
            if abs(e) > abs(segs[-1][1]): segs[-1][0], segs[-1][1] = u, e
        else: segs.append([u, e, s])
    while len(segs) > n + 1:
        if abs(segs[0][1]) < abs(segs[-1][1]): segs.pop(0)
        else: segs.pop()
    if len(segs) < n + 1: break
    pts = [s[0] for s in segs]
c = [float(dj / a ** (j + 1)) for j, dj in enumerate(d)]
e = max(abs((exp(a * u) - 1 - a * u - sum(mpf(cj) * (a * u) ** (j + 2) for j, cj in enumerate(c))) / (exp(a * u) - 1)) for u in grid)
print(' '.join(x.hex() for x in c), '| relative err 2^%s' % mpmath.nstr(mpmath.log(e, 2), 4))
