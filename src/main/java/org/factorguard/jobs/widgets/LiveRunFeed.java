package org.factorguard.jobs.widgets;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.factorguard.jobs.service.JobSummary;

/**
 * The runs a page shows, kept live while the page is attached: changes made on this node arrive through
 * a subscription (such as {@code JobEvents}) and are pushed to the browser through {@code UI.access};
 * runs executed by another node, and anything missed, are picked up by re-reading every
 * {@value #POLL_MILLIS} ms. Everything shown comes from the database, so a reload shows the same.
 */
public final class LiveRunFeed {

    public static final int POLL_MILLIS = 2000;
    /** Newest first by creation time, then by id. */
    public static final Comparator<JobSummary> NEWEST_FIRST = Comparator.comparing(JobSummary::createdAt)
            .thenComparingLong(JobSummary::id).reversed();

    private final Function<Consumer<JobSummary>, Runnable> subscribe;
    private final Predicate<JobSummary> relevant;
    private final Supplier<List<JobSummary>> reader;
    private final Comparator<JobSummary> order;
    private final Consumer<List<JobSummary>> view;
    private final Map<Long, JobSummary> shown = new LinkedHashMap<>();
    private boolean rendered;
    private Runnable unsubscribe;
    private Registration poll;

    /**
     * @param subscribe subscribes a listener to run changes and returns the handle that unsubscribes
     * @param relevant  which pushed changes belong on the page; called on the writing (worker) thread
     * @param reader    reads the page's runs from the database
     * @param order     the order the runs are shown in
     * @param view      redraws the page from the runs, in order; called on the UI thread
     */
    public LiveRunFeed(Function<Consumer<JobSummary>, Runnable> subscribe, Predicate<JobSummary> relevant,
                       Supplier<List<JobSummary>> reader, Comparator<JobSummary> order,
                       Consumer<List<JobSummary>> view) {
        this.subscribe = subscribe;
        this.relevant = relevant;
        this.reader = reader;
        this.order = order;
        this.view = view;
    }

    /** Follows changes while {@code page} is attached: subscribes and polls on attach, stops on detach. */
    public LiveRunFeed followWhileAttached(Component page) {
        page.addAttachListener(attach -> start(attach.getUI()));
        page.addDetachListener(detach -> stop(detach.getUI()));
        return this;
    }

    /** Re-reads every run from the database and redraws. */
    public void reload() {
        reread(true);
    }

    /**
     * Re-reads every run and redraws only when something changed: a redraw replaces every row's components, and
     * one under the user's pointer would swallow a click (the two-second poll).
     */
    private void reread(boolean always) {
        Map<Long, JobSummary> read = new LinkedHashMap<>();
        reader.get().forEach(r -> read.put(r.id(), r));
        if (!always && rendered && read.equals(shown)) {
            return;
        }
        shown.clear();
        shown.putAll(read);
        render();
    }

    /** Shows one changed run (pushed, or returned by an action such as cancel) and redraws if it changed. */
    public void apply(JobSummary change) {
        if (rendered && change.equals(shown.get(change.id()))) {
            return;
        }
        shown.put(change.id(), change);
        render();
    }

    /** A run on the page by id. */
    public Optional<JobSummary> find(Long id) {
        return Optional.ofNullable(id == null ? null : shown.get(id));
    }

    private void render() {
        rendered = true;
        List<JobSummary> items = new ArrayList<>(shown.values());
        items.sort(order);
        view.accept(items);
    }

    private void start(UI ui) {
        // the listener runs on a worker thread: it only hands the record over to the UI thread
        unsubscribe = subscribe.apply(change -> {
            if (relevant.test(change)) {
                ui.access(() -> apply(change));
            }
        });
        ui.setPollInterval(POLL_MILLIS);
        poll = ui.addPollListener(event -> reread(false));
    }

    private void stop(UI ui) {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
        if (poll != null) {
            poll.remove();
            poll = null;
        }
        ui.setPollInterval(-1);
    }
}
