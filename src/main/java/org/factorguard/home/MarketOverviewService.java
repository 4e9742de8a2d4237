package org.factorguard.home;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.springframework.stereotype.Service;

/** The market picture on the home page. */
@Service
public class MarketOverviewService {

    /** A named index series for a chart. */
    public record IndexSeries(String title, String name, String note, List<LocalDate> dates, double[] values) {
    }

    /** Placeholder until datasets exist: a seeded random walk, clearly labelled as such. */
    public IndexSeries marketIndex() {
        List<LocalDate> dates = new ArrayList<>();
        LocalDate d = LocalDate.of(2010, 1, 4);
        while (!d.isAfter(LocalDate.of(2020, 12, 31))) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                dates.add(d);
            }
            d = d.plusDays(1);
        }
        double[] values = new double[dates.size()];
        SplittableRandom random = new SplittableRandom(7);
        double level = 100;
        for (int i = 0; i < values.length; i++) {
            level *= Math.exp(0.0003 + 0.01 * random.nextGaussian());
            values[i] = level;
        }
        return new IndexSeries("Market index (placeholder)", "Placeholder index",
                "A seeded random walk shown until the built-in market is available.", dates, values);
    }
}
