/**
 * Starting and running studies: the run's frozen settings ({@link org.factorguard.studies.service.StudyRunSnapshot}),
 * the user-facing service ({@link org.factorguard.studies.service.StudyRunService}) and the background job
 * ({@link org.factorguard.studies.service.StudyJobHandler}), which hands the finished result to the reports
 * feature. Stored results, report views, export and sharing live in {@code reports}.
 */
package org.factorguard.studies.service;
