package org.factorguard.quant.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.factorguard.quant.allocation.IllinoisRootSearch.Point;
import org.junit.jupiter.api.Test;

class IllinoisRootSearchTest {

    /** 0.5 − x³: plain false position keeps moving only the right end on this curve and stalls far from the root. */
    private static final DoubleUnaryOperator CUBIC = x -> 0.5 - x * x * x;
    private static final double CUBIC_ROOT = Math.cbrt(0.5);

    /** Evaluates {@code f}, recording every point, with x itself as the value. */
    private static IllinoisRootSearch.Evaluation<Double> recording(DoubleUnaryOperator f, List<Point<Double>> seen) {
        return x -> {
            Point<Double> p = new Point<>(x, f.applyAsDouble(x), x);
            seen.add(p);
            return p;
        };
    }

    private static Point<Double> at(DoubleUnaryOperator f, double x) {
        return new Point<>(x, f.applyAsDouble(x), x);
    }

    @Test
    void the_search_ends_on_the_satisfying_side_within_the_tolerance() {
        List<Point<Double>> seen = new ArrayList<>();
        Point<Double> end = IllinoisRootSearch.satisfyingEnd(at(CUBIC, 0), at(CUBIC, 3), recording(CUBIC, seen), 20,
                1e-4);

        assertThat(end.f()).isBetween(-1e-4, 0.0);
        assertThat(end.x()).isGreaterThanOrEqualTo(CUBIC_ROOT).isLessThan(CUBIC_ROOT + 1e-4);
        assertThat(end.value()).isEqualTo(end.x());
        assertThat(seen).hasSizeLessThan(20).contains(end);
    }

    @Test
    void exp_minus_two_converges_to_ln_two_from_above() {
        DoubleUnaryOperator f = x -> 2 - Math.exp(x);
        Point<Double> end = IllinoisRootSearch.satisfyingEnd(at(f, 0), at(f, 2), recording(f, new ArrayList<>()), 20,
                1e-6);

        assertThat(end.f()).isBetween(-1e-6, 0.0);
        assertThat(end.x()).isGreaterThanOrEqualTo(Math.log(2)).isLessThan(Math.log(2) + 1e-6);
    }

    @Test
    void out_of_steps_it_returns_the_satisfying_point_closest_to_the_root() {
        List<Point<Double>> seen = new ArrayList<>();
        Point<Double> end = IllinoisRootSearch.satisfyingEnd(at(CUBIC, 0), at(CUBIC, 3), recording(CUBIC, seen), 7,
                1e-12);

        assertThat(seen).hasSize(7);
        seen.add(at(CUBIC, 3));
        double closest = seen.stream().filter(p -> p.f() <= 0).mapToDouble(Point::f).max().orElseThrow();
        assertThat(end.f()).isLessThanOrEqualTo(0.0).isEqualTo(closest);
    }

    @Test
    void a_failed_evaluation_ends_the_search_with_the_last_satisfying_point() {
        List<Point<Double>> seen = new ArrayList<>();
        IllinoisRootSearch.Evaluation<Double> all = recording(CUBIC, seen);
        IllinoisRootSearch.Evaluation<Double> failsOnTheEighth = x -> seen.size() == 7 ? null : all.at(x);

        Point<Double> end = IllinoisRootSearch.satisfyingEnd(at(CUBIC, 0), at(CUBIC, 3), failsOnTheEighth, 20, 1e-4);

        assertThat(seen).hasSize(7);
        assertThat(seen.getLast().f()).as("the last point before the failure violates").isPositive();
        Point<Double> lastSatisfying = seen.stream().filter(p -> p.f() <= 0).reduce((p, q) -> q).orElseThrow();
        assertThat(end).isSameAs(lastSatisfying);
    }

    @Test
    void a_satisfying_end_already_within_the_tolerance_is_returned_without_evaluating() {
        List<Point<Double>> seen = new ArrayList<>();
        Point<Double> good = new Point<>(1.0, -1e-5, 1.0);

        Point<Double> end = IllinoisRootSearch.satisfyingEnd(at(CUBIC, 0), good, recording(CUBIC, seen), 20, 1e-4);

        assertThat(end).isSameAs(good);
        assertThat(seen).isEmpty();
    }

    @Test
    void a_step_next_to_an_end_gives_way_to_bisection() {
        // f(a) is huge against f(b), so false position would land just next to b; bisection takes the middle
        List<Point<Double>> seen = new ArrayList<>();
        Point<Double> end = IllinoisRootSearch.satisfyingEnd(new Point<>(0.0, 1e9, 0.0), new Point<>(1.0, -1.0, 1.0),
                recording(x -> 0.75 - x, seen), 1, 1e-4);

        assertThat(seen).singleElement().extracting(Point::x).isEqualTo(0.5);
        assertThat(end.x()).isEqualTo(1.0);
    }
}
