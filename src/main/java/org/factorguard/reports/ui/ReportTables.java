package org.factorguard.reports.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import java.util.List;

/** The plain HTML tables every report section builds: one place for their markup and style classes. */
final class ReportTables {

    private ReportTables() {
    }

    static NativeTable table(String id) {
        NativeTable t = new NativeTable();
        t.setId(id);
        t.addClassName("fg-table");
        return t;
    }

    static NativeTableHeader header(List<String> labels) {
        NativeTableRow row = new NativeTableRow();
        labels.forEach(l -> row.add(new NativeTableHeaderCell(l)));
        NativeTableHeader h = new NativeTableHeader();
        h.add(row);
        return h;
    }

    static NativeTableRow row(String... cells) {
        NativeTableRow row = new NativeTableRow();
        for (String c : cells) {
            row.add(new NativeTableCell(c));
        }
        return row;
    }

    /** A table that scrolls sideways on a narrow screen instead of widening the page. */
    static Div scroll(Component c) {
        Div d = new Div(c);
        d.addClassName("fg-table-scroll");
        return d;
    }
}
