#!/usr/bin/python3
"""Writes the exact data of shared/bench/pytorch_lstm.py (same make(), same seeds) for LstmTrainingBenchmark.

Usage: /usr/bin/python3 dump_pytorch_workload.py OUT_FILE [n=20000]
Format (little-endian): int32 n_train, n_test, T, F; then float32 x_train[n_train,T,F], y_train[n_train],
x_test[n_test,T,F], y_test[n_test].
"""
import sys

import numpy as np

F, T = 12, 30


def make(n, seed):
    rng = np.random.default_rng(seed)
    wrng = np.random.default_rng(12345)
    w1 = wrng.normal(size=F) * 0.3
    w2 = wrng.normal(size=F) * 0.2
    phi = 0.5 + 0.45 * wrng.random(F)
    x = np.zeros((n, T, F), np.float32)
    v = rng.normal(size=(n, F))
    s = np.sqrt(1 - phi ** 2)
    for t in range(T):
        v = phi * v + s * rng.normal(size=(n, F))
        x[:, t, :] = v
    y = x[:, T - 1, :] @ w1 + x[:, T - 5, :] @ w2 + 0.1 * np.tanh(x[:, T - 1, 0] * x[:, T - 1, 1])
    y = y + 0.5 * rng.normal(size=n)
    return x, y.astype(np.float32)


args = dict(a.split("=", 1) for a in sys.argv[2:])
n = int(args.get("n", 20000))
x_train, y_train = make(n, 42)
x_test, y_test = make(5000, 43)
with open(sys.argv[1], "wb") as out:
    out.write(np.array([n, 5000, T, F], "<i4").tobytes())
    for a in (x_train, y_train, x_test, y_test):
        out.write(np.ascontiguousarray(a, "<f4").tobytes())
