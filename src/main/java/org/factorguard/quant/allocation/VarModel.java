package org.factorguard.quant.allocation;

/**
 * How the daily VaR limit is measured on the book.
 * <ul>
 *   <li>{@link #PARAMETRIC}: only the Gaussian −(μ'w − 1.645·√(w'Σw)) inside the quadratic program; under a 25 %
 *       volatility limit it cannot exceed about 2.6 %, so a 3 % limit never binds. The choice before this setting
 *       existed.</li>
 *   <li>{@link #HISTORICAL}: in addition, historical simulation of the current book on the look-back window
 *       ({@link org.factorguard.quant.risk.PortfolioValueAtRisk#historical}), enforced after the program by
 *       {@link VarLimitStep}.</li>
 *   <li>{@link #CORNISH_FISHER}: as historical, with the Cornish–Fisher VaR of the book's hypothetical returns
 *       ({@link org.factorguard.quant.risk.PortfolioValueAtRisk#cornishFisher}).</li>
 * </ul>
 */
public enum VarModel {
    PARAMETRIC,
    HISTORICAL,
    CORNISH_FISHER
}
