package org.factorguard.shared.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;

/** The box a page shows refusals in: a headline and one item per problem (styled by {@code fg-problems}). */
public final class ProblemList {

    private ProblemList() {
    }

    /** Replaces what {@code box} shows with {@code headline} and the messages, and shows it. */
    public static void show(Div box, String headline, List<String> messages) {
        box.removeAll();
        Span head = new Span(headline);
        head.addClassName("fg-problems-title");
        UnorderedList list = new UnorderedList();
        messages.forEach(m -> list.add(new ListItem(m)));
        box.add(head, list);
        box.setVisible(true);
    }
}
