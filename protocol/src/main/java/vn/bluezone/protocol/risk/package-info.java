/**
 * Risk scoring: from the sightings of matched diagnosis keys to per-day close-contact (F1) decisions, in the
 * Exposure Notification v2 model (exposure windows, scan instances, daily summaries). Pure Java, no framework.
 *
 * <pre>{@code
 * RiskConfiguration config = RiskConfiguration.vietnamDefault();          // or RiskConfiguration.load(in)
 * ExposureWindowBuilder windows = ExposureWindowBuilder.forDevice(rssiCorrectionDb);
 * List<ExposureWindow> all = new ArrayList<>();
 * for (each matched key) all.addAll(windows.build(sightingsOfThatKey, key, config));
 * List<DailySummary> days = new RiskScorer(config).dailySummaries(all);   // day.closeContact() = F1 that day
 * }</pre>
 *
 * See protocol/README.md, section "Risk scoring", for the formulas, the JSON format and the sources of the numbers.
 */
package vn.bluezone.protocol.risk;
