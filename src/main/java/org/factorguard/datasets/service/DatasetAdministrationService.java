package org.factorguard.datasets.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.factorguard.datasets.domain.Dataset;
import org.factorguard.datasets.domain.DatasetContentType;
import org.factorguard.datasets.domain.DatasetKind;
import org.factorguard.datasets.domain.DatasetRepository;
import org.factorguard.identity.service.CurrentUser;
import org.factorguard.quant.data.CleaningResult;
import org.factorguard.quant.data.CsvImportLimits;
import org.factorguard.quant.data.CsvValidationException;
import org.factorguard.quant.data.DataCleaner;
import org.factorguard.quant.data.LongFormatCsvReader;
import org.factorguard.quant.data.MarketData;
import org.factorguard.quant.data.MarketDataCodec;
import org.factorguard.quant.data.WideFormatCsvReader;
import org.factorguard.quant.data.WidePanelCsvReader;
import org.factorguard.shared.FieldProblem;
import org.factorguard.shared.NotFoundException;
import org.factorguard.shared.ValidationProblemException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dataset management for administrators: list all, import, retire, reactivate. Every method checks the ADMIN
 * role itself (method security), so a manager is refused even without the UI.
 *
 * <p>Prices are stored as imported (validated): the cleaning step only drops unusable instruments and lists
 * isolated bad ticks; fundamentals are shifted by the request's reporting lag unless the file is point-in-time.
 *
 * <p>An import is all or nothing: the file is read, validated and cleaned completely in memory (as compact
 * columns), hashed and encoded, and only then one transaction writes the dataset row, its instruments and
 * its content. An invalid file, a file whose data equals an existing dataset's, or a failure while storing
 * leaves no row behind. Imports are slow for big files: call them off the UI thread.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class DatasetAdministrationService {

    private static final double READ_SHARE = 0.7;
    private static final double CLEAN_SHARE = 0.1;

    private final DatasetRepository datasets;
    private final DatasetWriter writer;
    private final DatasetSummaries summaries;
    private final CurrentUser currentUser;
    private final DatasetProperties properties;

    public DatasetAdministrationService(DatasetRepository datasets, DatasetWriter writer, DatasetSummaries summaries,
                                        CurrentUser currentUser, DatasetProperties properties) {
        this.datasets = datasets;
        this.writer = writer;
        this.summaries = summaries;
        this.currentUser = currentUser;
        this.properties = properties;
    }

    /** Every dataset, active and retired, by name then newest version first. */
    @Transactional(readOnly = true)
    public List<DatasetSummary> listAll() {
        return summaries.of(datasets.findAllByOrderBySeriesKeyAscVersionNumberDesc());
    }

    /** Imports a long-format CSV file (one row per date and ticker) as a stock dataset. */
    public DatasetSummary importLongCsv(ImportRequest request, InputStream csv, ImportProgressListener progress) {
        return importCsv(request, csv, null, progress, Layout.LONG);
    }

    /**
     * Imports a wide stock panel (date, then one close-price column per stock) as a stock dataset, with an
     * optional instrument list {@code ticker,name,industry[,shares]} ({@link WidePanelCsvReader}). Same
     * validation, cleaning report and all-or-nothing rule as the long format.
     *
     * @param instruments the instrument list, or null for none (every stock unclassified)
     */
    public DatasetSummary importWidePanelCsv(ImportRequest request, InputStream closes, InputStream instruments,
                                             ImportProgressListener progress) {
        return importCsv(request, closes, instruments, progress, Layout.WIDE_PANEL);
    }

    /**
     * Imports a wide close-price CSV file (date, then one column per series) as a dataset of index series,
     * e.g. benchmark indices. Such a dataset is listed and charted but not offered for new portfolios.
     */
    public DatasetSummary importIndexCsv(ImportRequest request, InputStream csv, ImportProgressListener progress) {
        return importCsv(request, csv, null, progress, Layout.WIDE_INDEX);
    }

    @Transactional
    public DatasetSummary retire(long id) {
        Dataset d = datasets.findById(id).orElseThrow(() -> new NotFoundException("Dataset"));
        d.retire();
        return summaries.of(d);
    }

    @Transactional
    public DatasetSummary reactivate(long id) {
        Dataset d = datasets.findById(id).orElseThrow(() -> new NotFoundException("Dataset"));
        d.reactivate();
        return summaries.of(d);
    }

    /** The largest accepted file, from {@code factorguard.datasets.max-upload-bytes}. */
    public long maxUploadBytes() {
        return properties.maxUploadBytes().toBytes();
    }

    /** How the source of a wide stock file starts: such a file has closes only, no fundamentals. */
    static final String WIDE_STOCK_SOURCE = "Wide stock CSV: ";

    /** The file layouts an import reads, with the content type each yields and how its source is named. */
    private enum Layout {
        LONG(DatasetContentType.STOCKS, "Long CSV: "),
        WIDE_PANEL(DatasetContentType.STOCKS, WIDE_STOCK_SOURCE),
        WIDE_INDEX(DatasetContentType.INDEX_SERIES, "Wide index CSV: ");

        final DatasetContentType type;
        final String source;

        Layout(DatasetContentType type, String source) {
            this.type = type;
            this.source = source;
        }
    }

    private DatasetSummary importCsv(ImportRequest request, InputStream csv, InputStream instruments,
                                     ImportProgressListener progress, Layout layout) {
        DatasetContentType type = layout.type;
        checkRequest(request);
        long userId = currentUser.require().id();
        ImportProgressListener listener = progress == null ? ImportProgressListener.none() : progress;
        listener.onProgress(ImportStage.READING, 0);
        CsvImportLimits limits = CsvImportLimits.defaults().withMaxBytes(maxUploadBytes());
        limits = new CsvImportLimits(limits.maxBytes(), limits.maxColumns(), limits.maxLineLength(),
                properties.maxProblems());
        long size = request.fileBytes();
        LongConsumer bytesRead = bytes -> listener.onProgress(ImportStage.READING,
                size > 0 ? READ_SHARE * Math.min(1, bytes / (double) size) : 0);
        MarketData raw;
        try {
            raw = switch (layout) {
                case LONG -> new LongFormatCsvReader(limits, request.appliedLagDays())
                        .read(csv, request.name().trim(), bytesRead);
                case WIDE_PANEL -> new WidePanelCsvReader(limits).read(csv, instruments, request.name().trim(),
                        bytesRead);
                case WIDE_INDEX -> new WideFormatCsvReader(limits).read(csv, request.name().trim(), bytesRead);
            };
        } catch (CsvValidationException e) {
            throw new DatasetImportRefusedException("The file was not imported: it has " + e.problems().size()
                    + (e.truncated() ? " or more" : "") + " problem(s).", e.problems(), e.truncated());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the uploaded file", e);
        }
        listener.onProgress(ImportStage.CLEANING, READ_SHARE);
        CleaningResult cleaned = new DataCleaner(request.cleaning()).clean(raw);
        if (cleaned.cleaned().instrumentCount() == 0) {
            throw new DatasetImportRefusedException("The file was not imported: cleaning dropped all "
                    + cleaned.report().instrumentsIn() + " instruments (" + firstDropReason(cleaned) + ").");
        }
        refuseDuplicate(cleaned.cleaned().contentHash());
        listener.onProgress(ImportStage.STORING, READ_SHARE + CLEAN_SHARE);
        byte[] encoded = MarketDataCodec.encode(cleaned.cleaned());
        PreparedDataset prepared = new PreparedDataset(request.name(), request.description(),
                source(request, layout), DatasetKind.IMPORTED, type, userId, cleaned.cleaned(), cleaned.report(),
                cleaned.report().summary(), encoded,
                layout == Layout.LONG && !request.pointInTime() ? request.reportingLagDays() : null,
                layout == Layout.LONG && request.pointInTime());
        Dataset saved;
        try {
            saved = writer.store(prepared);
        } catch (DataIntegrityViolationException e) {
            refuseDuplicate(cleaned.cleaned().contentHash());
            throw new DatasetImportRefusedException("The file was not imported: another import of '"
                    + request.name().trim() + "' finished at the same moment; try again.");
        }
        listener.onProgress(ImportStage.DONE, 1);
        return summaries.of(saved);
    }

    private void refuseDuplicate(String hash) {
        Optional<Dataset> existing = datasets.findByContentHash(hash);
        if (existing.isPresent()) {
            Dataset d = existing.get();
            throw new DatasetImportRefusedException("The file was not imported: its data is identical to dataset '"
                    + d.getName() + "' version " + d.getVersionNumber() + " (content hash "
                    + hash.substring(0, 12) + "…).");
        }
    }

    private static String firstDropReason(CleaningResult cleaned) {
        return cleaned.report().instruments().stream().filter(c -> c.dropped()).map(c -> c.ticker() + ": "
                + c.dropReason())
                .findFirst().orElse("no reason given");
    }

    private static String source(ImportRequest request, Layout layout) {
        String file = request.fileName() == null || request.fileName().isBlank() ? "uploaded file"
                : request.fileName().trim();
        if (file.length() > 400) {
            file = file.substring(0, 400);
        }
        return layout.source + file;
    }

    private static void checkRequest(ImportRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.name() == null || request.name().isBlank()) {
            problems.add(new FieldProblem("name", "Give the dataset a name"));
        } else if (request.name().trim().length() > 200) {
            problems.add(new FieldProblem("name", "At most 200 characters"));
        }
        if (request.description() != null && request.description().trim().length() > 2000) {
            problems.add(new FieldProblem("description", "At most 2,000 characters"));
        }
        if (request.cleaning() == null) {
            problems.add(new FieldProblem("cleaning", "Choose cleaning settings"));
        }
        if (!request.pointInTime() && (request.reportingLagDays() < 0 || request.reportingLagDays() > 365)) {
            problems.add(new FieldProblem("reportingLagDays", "The reporting lag must be between 0 and 365 days"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationProblemException(problems);
        }
    }
}
