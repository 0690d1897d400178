# Rational minimax fit of S(z) = (x - tanh x) / x^3, z = x^2 in [0, Z], for relative error:
# S ~ P(z) / Q(z), deg P = m, deg Q = n, Q(0) = 1. Remez exchange with linearised equations.
import sys, mpmath
from mpmath import mpf, matrix, lu_solve
mpmath.mp.prec = 250
Z = mpf(sys.argv[1]); m = int(sys.argv[2]); n = int(sys.argv[3])
def S(z):
    if z == 0: return mpf(1) / 3
    x = mpmath.sqrt(z); return (x - mpmath.tanh(x)) / x**3
K = m + n + 2
pts = [Z * (1 - mpmath.cos(mpmath.pi * i / (K - 1))) / 2 for i in range(K)]
grid = [Z * k / 3000 for k in range(3001)]
Sg = [S(z) for z in grid]
qprev = lambda z: mpf(1)
for outer in range(30):
    for inner in range(8):
        A = matrix(K, K); b = matrix(K, 1)
        for i, z in enumerate(pts):
            s = S(z)
            for j in range(m + 1): A[i, j] = z ** j
            for j in range(1, n + 1): A[i, m + j] = -s * z ** j
            A[i, K - 1] = -(-1) ** i * s * qprev(z)
            b[i] = s
        sol = lu_solve(A, b)
        p = [sol[j] for j in range(m + 1)]; q = [mpf(1)] + [sol[m + j] for j in range(1, n + 1)]
        E = sol[K - 1]
        qprev = lambda z, q=q: mpmath.polyval(q[::-1], z)
    err = lambda z, s, p=p, q=q: mpmath.polyval(p[::-1], z) / mpmath.polyval(q[::-1], z) / s - 1
    ev = [err(z, s) for z, s in zip(grid, Sg)]
    segs = []
    for z, e in zip(grid, ev):
        sg = e >= 0
        if segs and segs[-1][2] == sg:
            if abs(e) > abs(segs[-1][1]): segs[-1][0], segs[-1][1] = z, e
        else: segs.append([z, e, sg])
    while len(segs) > K:
        if abs(segs[0][1]) < abs(segs[-1][1]): segs.pop(0)
        else: segs.pop()
    if len(segs) < K: break
    pts = [s_[0] for s_ in segs]
pd = [float(v) for v in p]; qd = [float(v) for v in q]
e = max(abs(mpmath.polyval([mpf(v) for v in pd[::-1]], z) / mpmath.polyval([mpf(v) for v in qd[::-1]], z) / s - 1) for z, s in zip(grid, Sg))
print('m=%d n=%d E=2^%s rounded err 2^%s' % (m, n, mpmath.nstr(mpmath.log(abs(E), 2), 4), mpmath.nstr(mpmath.log(e, 2), 4)))
print('P', ' '.join(v.hex() for v in pd)); print('Q', ' '.join(v.hex() for v in qd))
