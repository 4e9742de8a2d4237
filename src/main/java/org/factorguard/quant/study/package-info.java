/**
 * The study: the whole research pipeline of Li, Gu et al. (2025) behind one call,
 * {@code Study.standard().run(data, config, listener, cancel)}, from a {@link org.factorguard.quant.study.StudyConfig}
 * to a {@link org.factorguard.quant.study.StudyResult} (the paper's Table 1, Table 2 and Figure 2 for one portfolio,
 * the current allocation, and significance tests), written to and read from JSON by
 * {@link org.factorguard.quant.study.StudyResultJson}.
 *
 * <p>Order of work: select universe and dates → factors prepared per day → forward log-return labels →
 * walk-forward of the linear model and the LSTM on identical folds → risk-constrained backtests of both
 * model portfolios (shortlisted QP, Ledoit–Wolf covariance, drawdown control) next to the equal-weight
 * universe and the market index → optimisation degree from epoch checkpoints → regimes dated on the market
 * index → Diebold–Mariano, bootstrap Sharpe difference, deflated Sharpe and the probability of backtest
 * overfitting → tear sheets on the test slices (returns by quintile of both models' predictions, permutation
 * importance measured as each fold's model is fitted, factor attribution of both model portfolios). The result
 * records the method version that computed it. Settings that cannot run are
 * refused before any work ({@link org.factorguard.quant.study.StudyConfigException}); progress and
 * stage timings go to a {@link org.factorguard.quant.study.StudyProgressListener}; a cancellation token is
 * honoured between steps, between mini-batches and at every rebalance. Deterministic: the LSTM's seed and the
 * bootstrap's are the config's seed, so the same data and config give the same result (timings aside). When the
 * config asks for the FAST LSTM and the build has none, DL4J's LSTM trains instead and the result's notes say so.
 *
 * <p>Where the work is done: {@code Study} runs the stages in order; {@code WalkForwardProgress} turns training
 * events into progress; {@code StudyBacktests} runs the four portfolios; {@code OptimisationDegreeAnalysis} (with
 * {@code DegreeCheckpointRecorder}) computes Figure 2; {@code MarketRegimeAnalysis} Table 2;
 * {@code SignificanceAnalysis} the tests; {@code TearSheetAnalysis} the tear sheets;
 * {@code StudyResultAssembler} the result's records.
 * {@code StudyConfig} is built with {@code StudyConfig.builder()} or {@code config.toBuilder()} and checked by
 * {@code StudyConfigValidation}.
 */
package org.factorguard.quant.study;
