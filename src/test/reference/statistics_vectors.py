"""Reference vectors for the statistics tests of issue 14 (quant/risk, quant/factors, quant/models/linear).

Run from this folder:  python3 statistics_vectors.py
Needs numpy, scipy, pandas, statsmodels 0.15 and arch 8.0. Each block prints the numbers pasted into the Java
test named in its heading; the inputs come from reference_series.py (the same series as ReferenceSeries.java).
"""
import itertools

import numpy as np
import pandas as pd
import scipy.stats as ss
import statsmodels.api as sm
from arch.bootstrap import optimal_block_length

from reference_series import ReferenceSeries

np.set_printoptions(precision=17)


def show(name, value):
    print(f"{name} = {np.array2string(np.asarray(value), precision=17, separator=', ')}")


def hac_mean(x, lags):
    """statsmodels OLS on a constant with Newey-West errors, as NeweyWest.meanTest."""
    r = sm.OLS(x, np.ones((len(x), 1))).fit(cov_type='HAC', cov_kwds={'maxlags': lags, 'use_correction': True},
                                            use_t=True)
    return r.params[0], r.bse[0], r.tvalues[0], r.pvalues[0]


print("== NeweyWestTest ==")
x = 0.02 + 0.05 * ReferenceSeries(11).moving_average(300, 4)
show("ma4 lags 4 (mean, se, t, p)", hac_mean(x, 4))
show("ma4 lags 0 (mean, se, t, p)", hac_mean(x, 0))
y = 0.01 + 0.1 * ReferenceSeries(12).moving_average(500, 19)
show("ma19 lags 19 (mean, se, t, p)", hac_mean(y, 19))
show("ma19 longRunVariance lags 19 (statsmodels S_hac_simple / n)",
     sm.stats.sandwich_covariance.S_hac_simple(y - y.mean(), nlags=19)[0, 0] / len(y))

print("== DieboldMarianoTest ==")


def hln(d, h):
    """Harvey, Leybourne & Newbold (1997), eq. (1)-(3): unweighted autocovariances, t(T-1)."""
    t = len(d)
    m = d.mean()
    g = [np.sum((d[k:] - m) * (d[:t - k] - m)) / t for k in range(h)]
    v = g[0] + 2 * sum(g[1:])
    fallback = v <= 0
    if fallback:
        v = g[0] + 2 * sum((1 - k / h) * g[k] for k in range(1, h))
    dm = m / np.sqrt(v / t)
    star = dm * np.sqrt((t + 1 - 2 * h + h * (h - 1) / t) / t)
    return dm, 2 * ss.norm.cdf(-abs(dm)), star, 2 * ss.t.cdf(-abs(star), t - 1), v, fallback


d = 0.15 + ReferenceSeries(21).moving_average(400, 4)
show("ma4 h=5 (dm, p, hln, p_hln, S, fellBack)", hln(d, 5))
e = ReferenceSeries(23).gaussians(201)
d2 = 0.05 + e[1:] - e[:-1]  # over-differenced: gamma0 + 2 gamma1 is negative for this seed
show("difference h=2 seed 23 (dm, p, hln, p_hln, S, fellBack)", hln(d2, 2))

print("== OptimalBlockLengthTest (arch.bootstrap.optimal_block_length) ==")
for name, series in [("ar1 phi 0.5 n 500 seed 31", ReferenceSeries(31).autoregressive(500, 0.5)),
                     ("white noise n 1000 seed 32", ReferenceSeries(32).gaussians(1000)),
                     ("ma19 n 1100 seed 33", ReferenceSeries(33).moving_average(1100, 19)),
                     ("ar1 phi 0.9 n 250 seed 34", ReferenceSeries(34).autoregressive(250, 0.9))]:
    r = optimal_block_length(series)
    show(name + " (stationary, circular)", [r["stationary"][0], r["circular"][0]])

print("== SharpeDifferenceBootstrapTest: Politis-Romano stationary bootstrap variance ==")
z = ReferenceSeries(35).autoregressive(300, 0.4)
n = len(z)
p = 1 / 8
m = z.mean()
g = [np.sum((z[k:] - m) * (z[:n - k] - m)) / n for k in range(n)]
w = [(1 - k / n) * (1 - p) ** k + (k / n) * (1 - p) ** (n - k) for k in range(n)]
show("ar1 0.4 n 300 p 1/8 sigma2_SB", g[0] + 2 * sum(w[k] * g[k] for k in range(1, n)))

print("== DeflatedSharpeRatioTest: Bailey & Lopez de Prado (2014) numerical example ==")
sr_ann, v_ann, trials, t_obs, skew, kurt, year = 2.5, 0.5, 100, 1250, -3.0, 10.0, 250
emc = 0.5772156649015329
sr0 = np.sqrt(v_ann / year) * ((1 - emc) * ss.norm.ppf(1 - 1 / trials) + emc * ss.norm.ppf(1 - 1 / (trials * np.e)))
sr = sr_ann / np.sqrt(year)
dsr = ss.norm.cdf((sr - sr0) * np.sqrt(t_obs - 1) / np.sqrt(1 - skew * sr + (kurt - 1) / 4 * sr ** 2))
show("SR0 daily, DSR", [sr0, dsr])

print("== BacktestOverfittingTest (pypbo.pbo algorithm: rankdata, w = rank/(N+1), linregress) ==")


def sharpe(m):
    return m.mean(axis=0) / m.std(axis=0, ddof=1)


def pbo(mat, s):
    t, n_cfg = mat.shape
    mat = mat[t % s:]
    sub = mat.shape[0] // s
    blocks = [mat[i * sub:(i + 1) * sub] for i in range(s)]
    logits, r_is, r_oos = [], [], []
    for combo in itertools.combinations(range(s), s // 2):
        j = np.concatenate([blocks[i] for i in combo])
        jbar = np.concatenate([blocks[i] for i in range(s) if i not in combo])
        r, rbar = sharpe(j), sharpe(jbar)
        best = int(np.argmax(r))
        wbar = ss.rankdata(rbar)[best] / (n_cfg + 1)
        logits.append(np.log(wbar / (1 - wbar)))
        r_is.append(r[best])
        r_oos.append(rbar[best])
    logits = np.array(logits)
    lm = ss.linregress(r_is, r_oos)
    return np.mean(logits <= 0), lm.slope, lm.intercept, np.mean(np.array(r_oos) < 0), logits


rs = ReferenceSeries(41)
mat = np.array([[0.01 * rs.gaussian() + 0.0005 * c for c in range(6)] for _ in range(67)])
prob, slope, intercept, loss, logits = pbo(mat, 8)
show("T 67 N 6 S 8 (pbo, slope, intercept, probLoss)", [prob, slope, intercept, loss])
show("first five logits", logits[:5])

print("== EwmaCovarianceTest (pandas ewm(alpha=1-0.94, adjust=True).mean() of cross products) ==")
rs = ReferenceSeries(51)
r = np.array([[0.01 * rs.gaussian() for _ in range(3)] for _ in range(30)])
cov = np.zeros((3, 3))
for i in range(3):
    for j in range(3):
        cov[i, j] = pd.Series(r[:, i] * r[:, j]).ewm(alpha=1 - 0.94, adjust=True).mean().iloc[-1]
show("30 days x 3 assets", cov)

print("== PortfolioValueAtRiskTest (numpy percentile, scipy skew/kurtosis bias=False, norm.ppf) ==")
g = ReferenceSeries(61).gaussians(500)
ret = 0.0004 + 0.01 * (g + 0.3 * (g ** 2 - 1))
q = ss.norm.ppf(0.05)
s = ss.skew(ret, bias=False)
k = ss.kurtosis(ret, bias=False)
zcf = q + (q ** 2 - 1) * s / 6 + (q ** 3 - 3 * q) * k / 24 - (2 * q ** 3 - 5 * q) * s ** 2 / 36
show("historical 95, cornish-fisher 95, skew, excess kurtosis",
     [np.percentile(ret, 5), ret.mean() + zcf * ret.std(ddof=1), s, k])
q99 = ss.norm.ppf(0.01)
z99 = q99 + (q99 ** 2 - 1) * s / 6 + (q99 ** 3 - 3 * q99) * k / 24 - (2 * q99 ** 3 - 5 * q99) * s ** 2 / 36
show("historical 99, cornish-fisher 99", [np.percentile(ret, 1), ret.mean() + z99 * ret.std(ddof=1)])

print("== VarBacktestTest (scipy.stats.chi2.sf on the Kupiec / Christoffersen likelihood ratios) ==")


def xlogy(a, b):
    return 0.0 if a == 0 else a * np.log(b)


def var_tests(hits, p):
    n, x = len(hits), int(hits.sum())
    pi = x / n
    uc = -2 * (xlogy(n - x, 1 - p) + xlogy(x, p) - xlogy(n - x, 1 - pi) - xlogy(x, pi))
    a, b = hits[:-1], hits[1:]
    n00, n01 = int(np.sum((a == 0) & (b == 0))), int(np.sum((a == 0) & (b == 1)))
    n10, n11 = int(np.sum((a == 1) & (b == 0))), int(np.sum((a == 1) & (b == 1)))
    p01 = n01 / (n00 + n01) if n00 + n01 else 0.0
    p11 = n11 / (n10 + n11) if n10 + n11 else 0.0
    p2 = (n01 + n11) / (n00 + n01 + n10 + n11)
    ind = -2 * (xlogy(n00 + n10, 1 - p2) + xlogy(n01 + n11, p2)
                - xlogy(n00, 1 - p01) - xlogy(n01, p01) - xlogy(n10, 1 - p11) - xlogy(n11, p11))
    return [x, n00, n01, n10, n11, uc, ss.chi2.sf(uc, 1), ind, ss.chi2.sf(ind, 1), uc + ind, ss.chi2.sf(uc + ind, 2)]


rs = ReferenceSeries(71)
hits = np.array([1 if rs.uniform() < 0.07 else 0 for _ in range(500)])
show("iid 7% n 500 (x, n00, n01, n10, n11, uc, p, ind, p, cc, p)", var_tests(hits, 0.05))
rs = ReferenceSeries(72)
clustered = np.zeros(500, dtype=int)
for t in range(500):
    prob = 0.25 if t > 0 and clustered[t - 1] == 1 else 0.04
    clustered[t] = 1 if rs.uniform() < prob else 0
show("clustered n 500 (x, n00, n01, n10, n11, uc, p, ind, p, cc, p)", var_tests(clustered, 0.05))

print("== PanelInferenceTest (statsmodels OLS cluster / hac-groupsum; Fama-MacBeth = lstsq per date + HAC) ==")
dates, names, lag = 60, 40, 4
rs = ReferenceSeries(81)
f1 = np.array([[rs.gaussian() for _ in range(names)] for _ in range(dates)], dtype=np.float32).astype(float)
f2 = np.array([[rs.gaussian() for _ in range(names)] for _ in range(dates)], dtype=np.float32).astype(float)
common = rs.moving_average(dates, lag)
noise = np.array([[rs.gaussian() for _ in range(names)] for _ in range(dates)])
yv = 0.001 + 0.01 * f1 - 0.005 * f2 + 0.02 * common[:, None] + 0.03 * noise
X = np.column_stack([np.ones(dates * names), f1.ravel(), f2.ravel()])
Y = yv.ravel()
date = np.repeat(np.arange(dates), names)
ols = sm.OLS(Y, X).fit()
clu = sm.OLS(Y, X).fit(cov_type='cluster', cov_kwds={'groups': date}, use_t=True)
dk = sm.OLS(Y, X).fit(cov_type='hac-groupsum', cov_kwds={'time': date, 'maxlags': lag}, use_t=True)
show("pooled params", ols.params)
show("cluster bse", clu.bse)
show("cluster pvalues", clu.pvalues)
show("hac-groupsum maxlags 4 bse", dk.bse)
# statsmodels leaves hac-groupsum p-values NaN with use_t; Student's t with G - 1 df as for 'cluster'
show("hac-groupsum maxlags 4 pvalues (t with G - 1 df)", 2 * ss.t.sf(np.abs(dk.tvalues), dates - 1))
per_date = np.array([np.linalg.lstsq(X[date == t], Y[date == t], rcond=None)[0] for t in range(dates)])
fm = [hac_mean(per_date[:, j], lag) for j in range(3)]
show("fama-macbeth (mean, se, t, p) per coefficient", fm)
