/**
 * Daily market data of the research engine: the columnar {@link org.factorguard.quant.data.MarketData},
 * the built-in {@link org.factorguard.quant.data.SyntheticMarket}, CSV import
 * ({@link org.factorguard.quant.data.LongFormatCsvReader}, {@link org.factorguard.quant.data.WideFormatCsvReader},
 * {@link org.factorguard.quant.data.WidePanelCsvReader}),
 * cleaning ({@link org.factorguard.quant.data.DataCleaner}), the content hash
 * ({@link org.factorguard.quant.data.DatasetHash}) and the storage codec
 * ({@link org.factorguard.quant.data.MarketDataCodec}).
 *
 * <p>Typical import: {@code MarketData raw = new LongFormatCsvReader(limits).read(upload, name);}
 * {@code CleaningResult cleaned = new DataCleaner(settings).clean(raw);} then store
 * {@code MarketDataCodec.encode(cleaned.cleaned())}, {@code cleaned.cleaned().contentHash()} and the
 * {@link org.factorguard.quant.data.CleaningReport}. Framework-free: no Spring, Vaadin or JPA here.
 */
package org.factorguard.quant.data;
