package org.factorguard.shared.ui;

import com.vaadin.flow.component.datepicker.DatePicker;

/**
 * A date field that shows and reads ISO dates ({@code yyyy-MM-dd}) whatever the browser's locale, like every
 * other date in FactorGuard. Text that is not a date leaves the value empty, as in any date picker: forms must
 * ask {@link #hasUnparsableInput()} before they save, or a mistyped date would be saved as "no date".
 */
public class IsoDatePicker extends DatePicker {

    /** The format shown and parsed first; year-first variants with one-digit months and days are read too. */
    public static final String FORMAT = "yyyy-MM-dd";
    /** What a form says when the text is not a date. */
    public static final String NOT_A_DATE = "Not a date: enter it as yyyy-mm-dd, e.g. 2005-01-03";

    public IsoDatePicker(String label) {
        super(label);
        setI18n(new DatePickerI18n().setDateFormats(FORMAT, "yyyy-M-d", "yyyy/M/d", "yyyy.M.d")
                .setBadInputErrorMessage(NOT_A_DATE));
        setPlaceholder("yyyy-mm-dd");
    }

    /** True when the field holds text that is not a date (its value is then {@code null}). */
    public boolean hasUnparsableInput() {
        return isInputUnparsable();
    }
}
