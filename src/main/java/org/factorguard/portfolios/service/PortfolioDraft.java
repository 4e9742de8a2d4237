package org.factorguard.portfolios.service;

/** What the editor submits to create or change a portfolio. */
public record PortfolioDraft(String name, Long datasetId, PortfolioSettings settings) {
}
