package org.factorguard.quant.models;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.factorguard.quant.factors.FactorPanel;

/**
 * Test fixture: i.i.d. standard-normal factors {@code x[k][t][i]}, a close matrix built from returns that a
 * given rule derives from the factors, and labels computed from the closes as {@code ln(P_{t+h}/P_t)}.
 */
public final class SyntheticFactorData {

    /** The next-day log return {@code r_{i,t+1}} as a function of factor history up to day {@code t}. */
    @FunctionalInterface
    public interface ReturnRule {
        double nextReturn(float[][][] factors, int t, int i);
    }

    public final float[][][] factors;
    /** {@code close[day][instrument]}. */
    public final double[][] close;

    private SyntheticFactorData(float[][][] factors, double[][] close) {
        this.factors = factors;
        this.close = close;
    }

    public static SyntheticFactorData generate(int factorCount, int days, int instruments, ReturnRule rule,
                                               double noise, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][][] x = new float[factorCount][days][instruments];
        for (int k = 0; k < factorCount; k++) {
            for (int t = 0; t < days; t++) {
                for (int i = 0; i < instruments; i++) {
                    x[k][t][i] = (float) gaussian(random);
                }
            }
        }
        double[][] close = new double[days][instruments];
        for (int i = 0; i < instruments; i++) {
            close[0][i] = 100;
        }
        for (int t = 0; t + 1 < days; t++) {
            for (int i = 0; i < instruments; i++) {
                double r = rule.nextReturn(x, t, i) + noise * gaussian(random);
                close[t + 1][i] = close[t][i] * Math.exp(r);
            }
        }
        return new SyntheticFactorData(x, close);
    }

    public FactorPanel panel() {
        int days = close.length;
        LocalDate[] dates = new LocalDate[days];
        for (int t = 0; t < days; t++) {
            dates[t] = LocalDate.of(2020, 1, 1).plusDays(t);
        }
        List<String> names = new ArrayList<>();
        for (int k = 0; k < factors.length; k++) {
            names.add("f" + k);
        }
        List<String> tickers = new ArrayList<>();
        for (int i = 0; i < close[0].length; i++) {
            tickers.add("S" + i);
        }
        return new FactorPanel(names, dates, tickers, factors, true);
    }

    /** {@code ln(P_{t+h}/P_t)}, NaN for the last {@code h} days. */
    public double[][] labels(int horizon) {
        return forwardLogReturns(close, horizon);
    }

    public static double[][] forwardLogReturns(double[][] close, int horizon) {
        double[][] labels = new double[close.length][close[0].length];
        for (int t = 0; t < close.length; t++) {
            for (int i = 0; i < close[0].length; i++) {
                labels[t][i] = t + horizon < close.length ? Math.log(close[t + horizon][i] / close[t][i]) : Double.NaN;
            }
        }
        return labels;
    }

    /** A deep copy with every factor value and close after {@code day} replaced by different values. */
    public SyntheticFactorData perturbedAfter(int day, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][][] x = new float[factors.length][][];
        for (int k = 0; k < factors.length; k++) {
            x[k] = new float[factors[k].length][];
            for (int t = 0; t < factors[k].length; t++) {
                x[k][t] = factors[k][t].clone();
                if (t > day) {
                    for (int i = 0; i < x[k][t].length; i++) {
                        x[k][t][i] = (float) (3 * gaussian(random));
                    }
                }
            }
        }
        double[][] c = new double[close.length][];
        for (int t = 0; t < close.length; t++) {
            c[t] = close[t].clone();
            if (t > day) {
                for (int i = 0; i < c[t].length; i++) {
                    c[t][i] = close[t][i] * Math.exp(0.2 * gaussian(random));
                }
            }
        }
        return new SyntheticFactorData(x, c);
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
