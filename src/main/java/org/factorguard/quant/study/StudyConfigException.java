package org.factorguard.quant.study;

import java.util.List;

/** A {@link StudyConfig} that cannot run, with every problem as a sentence; thrown before any work starts. */
public class StudyConfigException extends IllegalArgumentException {

    private final List<String> problems;

    public StudyConfigException(List<String> problems) {
        super("the study settings cannot run: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
