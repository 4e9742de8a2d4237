"""Reference vectors for QuantileAnalysisTest (quant/factors, issue 19).

Run from this folder:  python3 quantile_vectors.py
Needs numpy, scipy, pandas and statsmodels. Alphalens is not installed, so its formulas are re-implemented below
with pandas, each next to the alphalens function it follows (quantopian/alphalens and the maintained fork
alphalens-reloaded, src/alphalens/utils.py and performance.py). The inputs come from reference_series.py, the same
LCG as ReferenceSeries.java, and are rebuilt identically in the Java test.
"""
import numpy as np
import pandas as pd
import scipy.stats as ss
import statsmodels.api as sm

from reference_series import ReferenceSeries

DAYS, NAMES, H, Q = 30, 13, 3, 5


def inputs():
    """signal[t][i] (float32, NaN ~8 %, one tied pair per day), 1-day log returns for DAYS + H days."""
    rs = ReferenceSeries(1919)
    signal = np.full((DAYS, NAMES), np.nan, dtype=np.float32)
    for t in range(DAYS):
        for i in range(NAMES):
            u = rs.uniform()
            v = rs.uniform()
            if u >= 0.08:
                signal[t, i] = np.float32(v)
        j = t % (NAMES - 1)
        signal[t, j + 1] = signal[t, j]
    r1 = np.zeros((DAYS + H, NAMES))
    for t in range(DAYS + H):
        for i in range(NAMES):
            r1[t, i] = 0.02 * rs.gaussian()
    for t in range(DAYS):
        for i in range(NAMES):
            if not np.isnan(signal[t, i]):
                r1[t, i] += 0.01 * (float(signal[t, i]) - 0.5)
    return signal, r1


def show(name, value):
    print(f"{name} = {np.array2string(np.asarray(value, dtype=float), precision=17, separator=', ')}")


def hac(x, lags):
    r = sm.OLS(x, np.ones((len(x), 1))).fit(cov_type='HAC', cov_kwds={'maxlags': lags, 'use_correction': True},
                                            use_t=True)
    return r.params[0], r.bse[0], r.tvalues[0], r.pvalues[0]


signal, r1 = inputs()
# forward h-day log return from t to t+h = sum of the 1-day log returns of days t..t+h-1 (ForwardReturns on
# closes built from r1); the 1-day simple return of alphalens' "1D" column is expm1 of the 1-day log return.
fwd = np.array([[r1[t:t + H, i].sum() for i in range(NAMES)] for t in range(DAYS)])
rows = [(t, i, float(signal[t, i]), fwd[t, i], np.expm1(r1[t, i]))
        for t in range(DAYS) for i in range(NAMES) if not np.isnan(signal[t, i])]
factor_data = pd.DataFrame(rows, columns=['date', 'asset', 'factor', 'fwd', '1D']).set_index(['date', 'asset'])

# utils.quantize_factor: pd.qcut(x, quantiles, labels=False) + 1 per date (raises on duplicate edges)
factor_data['factor_quantile'] = factor_data.groupby(level='date')['factor'].transform(
    lambda x: pd.qcut(x, Q, labels=False) + 1)
# utils.demean_forward_returns: subtract each date's mean of every forward-return column
demeaned = factor_data.copy()
for c in ['fwd', '1D']:
    demeaned[c] = factor_data[c] - factor_data.groupby(level='date')[c].transform('mean')
# performance.mean_return_by_quantile(by_date=True): mean by (quantile, date)
by_date = demeaned.groupby(['factor_quantile', demeaned.index.get_level_values('date')])[['fwd', '1D']].mean()
raw_by_date = factor_data.groupby(['factor_quantile', factor_data.index.get_level_values('date')])[['fwd']].mean()


def summary(lo, hi, name):
    dates = [t for t in range(lo, hi)]
    means, ses, ses_h1, alens_se = [], [], [], []
    for q in range(1, Q + 1):
        x = by_date.loc[q]['fwd'].reindex(dates).dropna().values
        means.append(x.mean())
        ses.append(hac(x, H - 1)[1])
        # alphalens-reloaded mean_return_by_quantile(by_date=False): std (ddof 1) / sqrt(count) of the daily means
        alens_se.append(x.std(ddof=1) / np.sqrt(len(x)))
    show(f"{name} mean by quantile", means)
    show(f"{name} Newey-West se (lags {H - 1})", ses)
    show(f"{name} alphalens std error (= Newey-West with 0 lags)", alens_se)
    # performance.compute_mean_returns_spread(by_date means, upper=Q, lower=1)
    spread = (by_date.loc[Q]['fwd'] - by_date.loc[1]['fwd']).reindex(dates).dropna().values
    show(f"{name} spread (mean, se, t, p) lags {H - 1}", hac(spread, H - 1))
    # performance.cumulative_returns = empyrical cum_returns(starting_value=1) of the 1D bucket means
    finals = [(1 + by_date.loc[q]['1D'].reindex(dates).fillna(0)).cumprod().values for q in range(1, Q + 1)]
    show(f"{name} cumulative final by quantile", [c[-1] for c in finals])
    show(f"{name} cumulative top curve", finals[-1])
    ls = (by_date.loc[Q]['1D'] - by_date.loc[1]['1D']).reindex(dates).fillna(0)
    show(f"{name} cumulative top minus bottom final", [(1 + ls).cumprod().values[-1]])
    # performance.quantile_turnover(quantile_factor, q, period=1), kept where t and t-1 are both in the range
    qf = factor_data['factor_quantile']
    for q, label in [(Q, 'top'), (1, 'bottom')]:
        sets = qf[qf == q].groupby(level='date').apply(lambda x: set(x.index.get_level_values('asset')))
        turnover = [len(sets[t] - sets[t - 1]) / len(sets[t]) for t in range(lo + 1, hi)]
        show(f"{name} mean {label} turnover", [np.mean(turnover)])
    show(f"{name} monotonicity (scipy spearmanr)", [ss.spearmanr(np.arange(1, Q + 1), means)[0]])
    raw = [raw_by_date.loc[q]['fwd'].reindex(dates).dropna().mean() for q in range(1, Q + 1)]
    show(f"{name} raw (not demeaned) mean by quantile", raw)


print("== QuantileAnalysisTest ==")
show("bucket sizes day 0", factor_data['factor_quantile'].loc[0].value_counts().sort_index().values)
show("buckets day 7 (asset order, NaN signal -> 0)",
     factor_data['factor_quantile'].loc[7].reindex(range(NAMES)).fillna(0).values)
summary(0, DAYS, "all days")
summary(10, 25, "days 10-24")
