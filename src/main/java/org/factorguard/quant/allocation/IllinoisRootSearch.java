package org.factorguard.quant.allocation;

/**
 * Illinois false position (M. Dowell and P. Jarratt, "A modified regula falsi method for computing the root of
 * an equation", BIT 11, 1971) on a bracket a &lt; b with f(a) &gt; 0 ≥ f(b), always keeping the end where
 * f ≤ 0:
 *
 * <pre>
 *   x = (a·f(b) − b·f(a)) / (f(b) − f(a)),   or (a + b)/2 when x lies within 1 % of the width b − a of an end;
 *   f(x) ≤ 0 → b = x,  else a = x;   when the same end moves twice in a row, the other end's f is halved
 * </pre>
 *
 * The halving (the Illinois step) keeps one end from sticking, as it does in plain false position on a convex or
 * concave curve. The search stops when −f(b) ≤ tolerance, after {@code maxSteps} evaluations, or at the first
 * evaluation that fails, and returns the end b with what produced it. Hipparchus' {@code IllinoisSolver} returns
 * only x; here each point carries its value (e.g. the allocator's portfolio), so nothing is computed again.
 */
final class IllinoisRootSearch {

    /** Fraction of the bracket's width next to either end where a false-position step gives way to bisection. */
    private static final double END_MARGIN = 0.01;

    /** f at x and the value that produced it. */
    record Point<T>(double x, double f, T value) {
    }

    /** f at x; {@code null} when x cannot be evaluated, which ends the search. */
    @FunctionalInterface
    interface Evaluation<T> {
        Point<T> at(double x);
    }

    private IllinoisRootSearch() {
    }

    /**
     * @param violating  the end a with f(a) &gt; 0
     * @param satisfying the end b with f(b) ≤ 0, b &gt; a
     * @param f          evaluates f between the ends
     * @param maxSteps   most evaluations
     * @param tolerance  stop once f(b) ≥ −tolerance
     * @return the last point with f ≤ 0 ({@code satisfying} when no evaluation improved on it)
     */
    static <T> Point<T> satisfyingEnd(Point<T> violating, Point<T> satisfying, Evaluation<T> f, int maxSteps,
                                      double tolerance) {
        double a = violating.x();
        double fa = violating.f();
        double b = satisfying.x();
        double fb = satisfying.f();
        Point<T> end = satisfying;
        int side = 0;
        for (int k = 0; k < maxSteps && -fb > tolerance; k++) {
            double x = (a * fb - b * fa) / (fb - fa);
            double width = b - a;
            if (!(x > a + END_MARGIN * width && x < b - END_MARGIN * width)) {
                x = 0.5 * (a + b);
            }
            Point<T> p = f.at(x);
            if (p == null) {
                break;
            }
            if (p.f() <= 0) {
                b = x;
                fb = p.f();
                end = p;
                if (side == 1) {
                    fa /= 2;
                }
                side = 1;
            } else {
                a = x;
                fa = p.f();
                if (side == -1) {
                    fb /= 2;
                }
                side = -1;
            }
        }
        return end;
    }
}
