//! Comparing against a pinned baseline: the current scenario minus the baseline, per year and
//! provider, and for the headline figures. The charts draw the baseline's outlines
//! (`chart/`); this module gives the numbers of the difference table.

use crate::format;
use crate::model::{Figures, Projection};
use crate::providers::Provider;
use crate::summary::{figure_title, not_by};
use crate::words::{fill, is_one, Text};

/// One year of the difference: current − baseline, $B.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DifferenceRow {
    pub year: i32,
    /// In [`Provider::ALL`] order.
    pub providers: [f64; 4],
    pub total: f64,
}

/// Current − baseline for every year both show (2024 to the earlier of their last years).
pub fn difference_rows(current: &Projection, baseline: &Projection) -> Vec<DifferenceRow> {
    current
        .rows
        .iter()
        .zip(&baseline.rows)
        .map(|(now, then)| DifferenceRow {
            year: now.year,
            providers: Provider::ALL.map(|p| p.spend(now) - p.spend(then)),
            total: now.total - then.total,
        })
        .collect()
}

/// A headline figure compared: what it is now, what it was in the baseline, and the change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FigureChange {
    /// The figure's `data-figure` name.
    pub name: &'static str,
    pub title: String,
    pub current: String,
    pub baseline: String,
    /// Signed change, `+$1.23B`, `−4.0 pts`, `+1 yr`, or `—` when a side has no value.
    pub change: String,
}

/// The headline figures that compare as numbers, current against baseline.
pub fn figure_changes(current: &Projection, baseline: &Projection) -> Vec<FigureChange> {
    let (now, then) = (&current.figures, &baseline.figures);
    let money = |name, title, value: fn(&Figures) -> f64| FigureChange {
        name,
        title: figure_title(title),
        current: format::billions_exact(value(now)),
        baseline: format::billions_exact(value(then)),
        change: format::signed_billions(value(now) - value(then), 2),
    };
    let year = |name, title, value: fn(&Figures) -> Option<i32>| FigureChange {
        name,
        title: figure_title(title),
        current: value(now).map_or_else(|| not_by(current.last_year()), format::year),
        baseline: value(then).map_or_else(|| not_by(baseline.last_year()), format::year),
        change: match (value(now), value(then)) {
            (Some(a), Some(b)) => fill(
                if is_one(f64::from(a - b)) {
                    Text::BaselineChangeYearsOne
                } else {
                    Text::BaselineChangeYearsOther
                },
                &[("change", &format::signed(f64::from(a - b), 0, "", ""))],
            ),
            _ => "\u{2014}".to_string(),
        },
    };
    vec![
        money("total-2030", Text::FigureTotal2030Title, |f| f.total_2030),
        money("stargate-2030", Text::FigureStargate2030Title, |f| {
            f.stargate_2030
        }),
        money("microsoft-2030", Text::Microsoft2030Title, |f| {
            f.microsoft_2030
        }),
        year("crossover-year", Text::FigureCrossoverYearTitle, |f| {
            f.crossover_year
        }),
        money("cumulative-spend", Text::FigureCumulativeSpendTitle, |f| {
            f.cumulative_total
        }),
        money(
            "cumulative-overflow",
            Text::FigureCumulativeOverflowTitle,
            |f| f.cumulative_oracle + f.cumulative_other,
        ),
        money(
            "cumulative-savings",
            Text::FigureCumulativeSavingsTitle,
            |f| f.cumulative_savings,
        ),
        FigureChange {
            name: "commitment-share",
            title: figure_title(Text::BaselineCommitmentShareTitle),
            current: format::percent(now.stargate_commitment_share, 1),
            baseline: format::percent(then.stargate_commitment_share, 1),
            change: fill(
                Text::BaselineChangePoints,
                &[(
                    "change",
                    &format::signed(
                        now.stargate_commitment_share - then.stargate_commitment_share,
                        1,
                        "",
                        "",
                    ),
                )],
            ),
        },
    ]
}

/// A row of the difference for one year as the table prints it: the year, then each provider
/// and the total as signed $B with two decimals.
pub fn difference_cells(row: &DifferenceRow) -> [String; 6] {
    let cell = |x: f64| format::signed(x, 2, "", "");
    [
        format::year(row.year),
        cell(row.providers[0]),
        cell(row.providers[1]),
        cell(row.providers[2]),
        cell(row.providers[3]),
        cell(row.total),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::project;
    use crate::scenario::Scenario;

    #[test]
    fn the_difference_is_current_minus_baseline_in_every_shared_year() {
        let mut now = Scenario::REPORT;
        now.stargate_share_2030 = 40.0;
        now.last_year = 2035.0;
        let current = project(&now);
        let baseline = project(&Scenario::REPORT);
        let rows = difference_rows(&current, &baseline);
        assert_eq!(rows.len(), 7, "only the years both show");
        for row in &rows {
            let (a, b) = (current.row(row.year), baseline.row(row.year));
            let (Some(a), Some(b)) = (a, b) else {
                panic!("year {} missing", row.year)
            };
            assert!((row.total - (a.total - b.total)).abs() < 1e-12);
            assert!((row.providers[1] - (a.stargate - b.stargate)).abs() < 1e-12);
            let sum: f64 = row.providers.iter().sum();
            assert!((sum - row.total).abs() < 1e-9);
        }
        // Less Stargate in 2030: the Stargate cell is negative, Microsoft's positive.
        let last = difference_cells(&rows[6]);
        assert_eq!(last[0], "2030");
        assert!(last[2].starts_with('\u{2212}'), "{}", last[2]);
        assert!(last[1].starts_with('+'), "{}", last[1]);
        assert_eq!(last[5], "0.00", "the total does not depend on the share");
    }

    #[test]
    fn figure_changes_compare_each_headline_figure() {
        let mut now = Scenario::REPORT;
        now.stargate_share_2030 = 40.0;
        let changes = figure_changes(&project(&now), &project(&Scenario::REPORT));
        let stargate = changes.iter().find(|c| c.name == "stargate-2030");
        let Some(stargate) = stargate else {
            panic!("stargate-2030 is compared")
        };
        assert_eq!(stargate.baseline, "$59.95B");
        assert_eq!(stargate.current, "$31.98B");
        assert_eq!(stargate.change, "\u{2212}$27.98B");
        let crossover = changes.iter().find(|c| c.name == "crossover-year");
        assert_eq!(crossover.map(|c| c.baseline.as_str()), Some("2028"));
        assert_eq!(crossover.map(|c| c.current.as_str()), Some("2030"));
        assert_eq!(crossover.map(|c| c.change.as_str()), Some("+2 yr"));
        now.stargate_share_2030 = 10.0;
        let never = figure_changes(&project(&now), &project(&Scenario::REPORT));
        let crossover = never.iter().find(|c| c.name == "crossover-year");
        assert_eq!(crossover.map(|c| c.current.as_str()), Some("not by 2030"));
        assert_eq!(crossover.map(|c| c.change.as_str()), Some("\u{2014}"));
        let same = figure_changes(&project(&now), &project(&now));
        for change in same {
            assert!(
                ["$0.00B", "0 yr", "0.0 pts", "\u{2014}"].contains(&change.change.as_str()),
                "{change:?}"
            );
        }
    }
}
