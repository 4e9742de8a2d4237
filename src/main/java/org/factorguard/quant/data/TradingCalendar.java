package org.factorguard.quant.data;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A simple exchange calendar: every Monday to Friday is a trading day except a fixed set of
 * calendar holidays (the same month and day every year, not moved when they fall on a weekend).
 *
 * <p>{@link #standard()} closes on New Year's Day (1 January) and Christmas Day (25 December), the two
 * holidays shared by practically all exchanges. It is what the built-in synthetic market uses; it is
 * deliberately not a replica of any one exchange (no moving feasts such as Easter). Imported data sets
 * carry their own dates and do not use this calendar.
 */
public final class TradingCalendar {

    private static final TradingCalendar STANDARD =
            new TradingCalendar(Set.of(MonthDay.of(1, 1), MonthDay.of(12, 25)));

    private final Set<MonthDay> holidays;

    /** A calendar of weekdays minus the given fixed holidays. */
    public TradingCalendar(Set<MonthDay> holidays) {
        this.holidays = Set.copyOf(Objects.requireNonNull(holidays, "holidays"));
    }

    /** Weekdays except 1 January and 25 December. */
    public static TradingCalendar standard() {
        return STANDARD;
    }

    public Set<MonthDay> holidays() {
        return holidays;
    }

    public boolean isTradingDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !holidays.contains(MonthDay.from(day));
    }

    /** All trading days in [first, last], both inclusive, ascending. */
    public LocalDate[] tradingDays(LocalDate first, LocalDate last) {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("last day " + last + " is before first day " + first);
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (isTradingDay(d)) {
                days.add(d);
            }
        }
        return days.toArray(LocalDate[]::new);
    }
}
