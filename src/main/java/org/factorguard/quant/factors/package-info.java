/**
 * Candidate factors and factor screening, the first step of the multi-factor study.
 *
 * <p>Pipeline: {@link org.factorguard.quant.factors.FactorLibrary} (candidates, each a
 * {@link org.factorguard.quant.factors.Factor} with formula, look-back and expected sign) →
 * {@link org.factorguard.quant.factors.FactorPanelBuilder#raw} (raw {@code [day][instrument]} values, no
 * look-ahead) → {@link org.factorguard.quant.factors.CrossSectionalPreparation} (per day: winsorise,
 * optionally industry-neutralise, z-score; missing values counted) →
 * {@link org.factorguard.quant.factors.FactorScreen} (daily IC and Rank IC against
 * {@link org.factorguard.quant.factors.ForwardReturns}, ICIR, t-statistic, decay over horizons, yearly
 * stability, correlation matrix, VIF) → {@link org.factorguard.quant.factors.SelectionRule} (proposed set,
 * a reason for every factor) → {@link org.factorguard.quant.factors.ScreeningReport}.
 *
 * <p>Returns by quantile of any signal (a factor, or a model's out-of-sample predictions), Alphalens' returns tear
 * sheet: {@link org.factorguard.quant.factors.QuantileAnalysis} → {@link org.factorguard.quant.factors.QuantileSeries}
 * → {@link org.factorguard.quant.factors.QuantileSummary} per fold or over all test days.
 *
 * <p>Shortcut: {@code FactorScreen.screenWithDefaults(marketData)}.
 */
package org.factorguard.quant.factors;
