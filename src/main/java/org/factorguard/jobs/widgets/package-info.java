/**
 * The jobs feature's declared UI API: widgets that show runs (state badge, progress cell, loss curve)
 * and the live run feed behind a runs page, for the views of any feature that lists runs (home,
 * portfolios, studies). They depend on {@code jobs.service} types, so they cannot live in
 * {@code shared.ui}; {@code jobs.ui} stays private to the feature.
 */
package org.factorguard.jobs.widgets;
