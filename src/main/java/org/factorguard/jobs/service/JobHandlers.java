package org.factorguard.jobs.service;

import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The {@link JobHandler} beans by kind, resolved lazily so that handlers may themselves use the job service. */
@Component
public class JobHandlers {

    private final ObjectProvider<JobHandler> handlers;

    public JobHandlers(ObjectProvider<JobHandler> handlers) {
        this.handlers = handlers;
    }

    public Optional<JobHandler> find(String kind) {
        return handlers.orderedStream().filter(h -> h.kind().equals(kind)).findFirst();
    }

    String subjectLocation(String kind, Long subjectId) {
        if (subjectId == null) {
            return null;
        }
        return find(kind).map(h -> h.subjectLocation(subjectId)).orElse(null);
    }

    String resultLocation(String kind, String resultRef) {
        if (resultRef == null) {
            return null;
        }
        return find(kind).map(h -> h.resultLocation(resultRef)).orElse(null);
    }
}
