"""The deterministic series of src/test/java/org/factorguard/quant/risk/ReferenceSeries.java, in Python."""
import math
import numpy as np


class ReferenceSeries:
    def __init__(self, seed):
        self.state = seed & 0xFFFFFFFF

    def uniform(self):
        self.state = (1664525 * self.state + 1013904223) & 0xFFFFFFFF
        return (self.state + 0.5) / 4294967296.0

    def gaussian(self):
        u1 = self.uniform()
        u2 = self.uniform()
        return math.sqrt(-2 * math.log(u1)) * math.cos(2 * math.pi * u2)

    def gaussians(self, n):
        return np.array([self.gaussian() for _ in range(n)])

    def moving_average(self, n, q):
        e = self.gaussians(n + q)
        return np.array([e[t:t + q + 1].sum() for t in range(n)])

    def autoregressive(self, n, phi):
        x = np.zeros(n)
        for t in range(n):
            e = self.gaussian()
            x[t] = e if t == 0 else phi * x[t - 1] + e
        return x
