package org.factorguard.datasets.service;

import org.factorguard.quant.data.CleaningSettings;

/**
 * What an administrator asks to import.
 *
 * @param name        the dataset's name; an existing name makes the import a new version of that dataset
 * @param description free text (may be empty)
 * @param fileName    the uploaded file's name, kept as the source
 * @param fileBytes   the file's size in bytes when known (for progress), else 0
 * @param cleaning    cleaning settings (k of the MAD rule, max gap days, max missing share)
 */
public record ImportRequest(String name, String description, String fileName, long fileBytes, CleaningSettings cleaning) {
}
