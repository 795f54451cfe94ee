//! The defaults reproduce docs/model.md's reference table and figures to two decimals.

use stargate_calc::format;
use stargate_calc::model::project;
use stargate_calc::providers::Provider;
use stargate_calc::scenario::Scenario;

/// docs/model.md, "Reference values": Year, Microsoft Azure, Stargate, Oracle,
/// Other clouds, Total.
const REFERENCE_TABLE: [(i32, [&str; 5]); 7] = [
    (2024, ["5.00", "0.00", "0.00", "0.00", "5.00"]),
    (2025, ["6.75", "0.44", "0.52", "0.22", "7.94"]),
    (2026, ["9.11", "2.45", "0.73", "0.31", "12.60"]),
    (2027, ["12.30", "7.50", "0.14", "0.06", "20.00"]),
    (2028, ["14.11", "17.63", "0.00", "0.00", "31.74"]),
    (2029, ["15.39", "34.98", "0.00", "0.00", "50.37"]),
    (2030, ["19.98", "59.95", "0.00", "0.00", "79.94"]),
];

#[test]
fn default_table_matches_model_md() {
    let projection = project(&Scenario::REPORT);
    assert_eq!(projection.rows.len(), REFERENCE_TABLE.len());
    for (row, (year, expected)) in projection.rows.iter().zip(REFERENCE_TABLE) {
        assert_eq!(row.year, year);
        let mut cells: Vec<String> = Provider::ALL
            .iter()
            .map(|p| format::fixed(p.spend(row), 2))
            .collect();
        cells.push(format::fixed(row.total, 2));
        assert_eq!(cells, expected, "year {year}");
    }
}

#[test]
fn default_figures_match_model_md() {
    let figures = project(&Scenario::REPORT).figures;
    assert_eq!(figures.crossover_year, Some(2028));
    assert_eq!(figures.funding_passed_year, Some(2026));
    assert_eq!(format::fixed(figures.cumulative_total, 2), "207.59");
    assert_eq!(format::fixed(figures.cumulative_savings, 2), "30.74");
    assert_eq!(format::fixed(figures.stargate_commitment_share, 1), "5.6");
    assert_eq!(format::fixed(figures.total_2030, 2), "79.94");
    assert_eq!(format::fixed(figures.stargate_2030, 2), "59.95");
    assert_eq!(format::fixed(figures.microsoft_2024, 2), "5.00");
    assert_eq!(format::fixed(figures.microsoft_2030, 2), "19.98");
    assert_eq!(figures.microsoft_peak_year, 2030);
    assert_eq!(
        figures.microsoft_change.map(|x| format::fixed(x, 2)),
        Some("4.00".into())
    );
    // Overflow to Oracle and other clouds: the 2025–2027 rows' sums.
    assert_eq!(format::fixed(figures.cumulative_oracle, 2), "1.39");
    assert_eq!(format::fixed(figures.cumulative_other, 2), "0.59");
}
