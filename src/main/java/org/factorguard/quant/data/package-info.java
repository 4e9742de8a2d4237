/**
 * Daily market data of the research engine: the columnar {@link org.factorguard.quant.data.MarketData},
 * the built-in {@link org.factorguard.quant.data.SyntheticMarket}, CSV import
 * ({@link org.factorguard.quant.data.LongFormatCsvReader}, {@link org.factorguard.quant.data.WideFormatCsvReader},
 * {@link org.factorguard.quant.data.WidePanelCsvReader}),
 * the import's drop rules and bad-tick list ({@link org.factorguard.quant.data.DataCleaner},
 * {@link org.factorguard.quant.data.BadTickRepair}), the causal view for model inputs
 * ({@link org.factorguard.quant.data.CausalCleaner}), point-in-time fundamentals
 * ({@link org.factorguard.quant.data.ReportingLag}), the content hash
 * ({@link org.factorguard.quant.data.DatasetHash}) and the storage codec
 * ({@link org.factorguard.quant.data.MarketDataCodec}).
 *
 * <p>Typical import: {@code MarketData raw = new LongFormatCsvReader(limits, lagDays).read(upload, name);}
 * {@code CleaningResult cleaned = new DataCleaner(settings).clean(raw);} then store
 * {@code MarketDataCodec.encode(cleaned.cleaned())}, {@code cleaned.cleaned().contentHash()} and the
 * {@link org.factorguard.quant.data.CleaningReport}. Framework-free: no Spring, Vaadin or JPA here.
 */
package org.factorguard.quant.data;
