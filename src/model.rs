//! The equations of the model (docs/model.md): a [`Scenario`] in, a [`Projection`] (one row per
//! year and the headline figures) out. Pure arithmetic on sanitized inputs, so every output is
//! finite and ≥ 0.

use crate::scenario::Scenario;

/// The first year of every projection: the report's 2024 spend.
pub const FIRST_YEAR: i32 = 2024;
/// The year the Stargate share reaches its target.
pub const SHARE_TARGET_YEAR: i32 = 2030;
/// OpenAI's funding to date, $B (the report: "$17.9 billion ... over 10 rounds").
pub const FUNDING_RAISED: f64 = 17.9;
/// The Stargate Project's commitment, $B over 2025–2028 (the report: "around $500 billion").
pub const STARGATE_COMMITMENT: f64 = 500.0;
/// The commitment's four years.
pub const COMMITMENT_YEARS: (i32, i32) = (2025, 2028);

/// One year of the projection; spends in $B.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct YearRow {
    pub year: i32,
    /// Total compute spend, S(y).
    pub total: f64,
    /// Microsoft Azure spend, MS(y).
    pub microsoft: f64,
    /// Stargate spend, SG(y).
    pub stargate: f64,
    /// Oracle spend, OR(y).
    pub oracle: f64,
    /// Other clouds' spend, OT(y).
    pub other: f64,
    /// Azure capacity available to OpenAI, Cap(y).
    pub microsoft_capacity: f64,
    /// Stargate compute priced at Azure rates, minus what was paid, SAV(y).
    pub stargate_savings: f64,
}

/// The headline figures docs/model.md lists.
#[derive(Default, Clone, Copy, Debug, PartialEq)]
pub struct Figures {
    pub total_2030: f64,
    pub stargate_2030: f64,
    pub microsoft_2024: f64,
    pub microsoft_2030: f64,
    /// Microsoft 2030 spend ÷ 2024 spend; `None` when Microsoft supplied nothing in 2024.
    pub microsoft_change: Option<f64>,
    /// The (first) year Microsoft spend is highest.
    pub microsoft_peak_year: i32,
    /// First year Stargate spend exceeds Microsoft's; `None` if not by the last year shown.
    pub crossover_year: Option<i32>,
    pub cumulative_total: f64,
    pub cumulative_oracle: f64,
    pub cumulative_other: f64,
    pub cumulative_savings: f64,
    /// First year cumulative spend exceeds the $17.9B raised; `None` if not by the last year.
    pub funding_passed_year: Option<i32>,
    /// Stargate spend over 2025–2028, $B.
    pub stargate_commitment_years: f64,
    /// That spend as a percentage of the $500B commitment.
    pub stargate_commitment_share: f64,
}

/// Everything the page shows for one scenario.
#[derive(Default, Clone, Debug, PartialEq)]
pub struct Projection {
    /// One row per year, 2024 to the last year shown, in order.
    pub rows: Vec<YearRow>,
    pub figures: Figures,
}

impl Projection {
    pub fn first_year(&self) -> i32 {
        FIRST_YEAR
    }

    pub fn last_year(&self) -> i32 {
        self.rows.last().map_or(FIRST_YEAR, |row| row.year)
    }

    /// The row for `year`, if the projection covers it.
    pub fn row(&self, year: i32) -> Option<&YearRow> {
        let index = usize::try_from(year - FIRST_YEAR).ok()?;
        self.rows.get(index)
    }
}

/// Implied 2024–27 annual growth, g1.
pub fn growth_2024_2027(scenario: &Scenario) -> f64 {
    let clean = scenario.sanitized();
    (clean.spend_2027 / clean.spend_2024).powf(1.0 / 3.0) - 1.0
}

/// Progress of the move to Stargate in `year`, t(y): 0 before the first Stargate year, 1 from
/// 2030 on.
pub fn transition_progress(first_stargate_year: i32, year: i32) -> f64 {
    let span = f64::from(SHARE_TARGET_YEAR - first_stargate_year + 1);
    crate::clamp(f64::from(year - first_stargate_year + 1) / span, 0.0, 1.0)
}

/// Runs the model. Inputs are sanitized first, so any `Scenario` gives a valid projection.
pub fn project(scenario: &Scenario) -> Projection {
    let s = scenario.sanitized();
    let growth_to_2027 = growth_2024_2027(&s);
    let first_stargate_year = s.first_year_with_stargate();
    let target_share = s.stargate_share_2030 / 100.0;
    let oracle_part = s.oracle_part_of_overflow / 100.0;
    // disc ≤ 60 %, so the divisor is at least 0.4.
    let savings_per_dollar = 1.0 / (1.0 - s.stargate_discount / 100.0) - 1.0;

    let rows: Vec<YearRow> = (FIRST_YEAR..=s.last_year_shown())
        .map(|year| {
            let total = if year <= 2027 {
                s.spend_2024 * (1.0 + growth_to_2027).powi(year - FIRST_YEAR)
            } else {
                s.spend_2027 * (1.0 + s.growth_after_2027 / 100.0).powi(year - 2027)
            };
            let progress = transition_progress(first_stargate_year, year);
            let stargate = total * target_share * s.ramp.apply(progress);
            // Non-negative by construction; max() only guards against rounding below zero.
            let offered_to_microsoft = (total - stargate).max(0.0);
            let microsoft_capacity = s.microsoft_capacity_2024
                * (1.0 + s.microsoft_capacity_growth / 100.0).powi(year - FIRST_YEAR);
            let microsoft = offered_to_microsoft.min(microsoft_capacity);
            let overflow = offered_to_microsoft - microsoft;
            let oracle = overflow * oracle_part;
            YearRow {
                year,
                total,
                microsoft,
                stargate,
                oracle,
                other: overflow - oracle,
                microsoft_capacity,
                stargate_savings: stargate * savings_per_dollar,
            }
        })
        .collect();

    let figures = figures(&rows);
    Projection { rows, figures }
}

fn figures(rows: &[YearRow]) -> Figures {
    let at = |year: i32| {
        rows.iter()
            .find(|row| row.year == year)
            .copied()
            .unwrap_or(YearRow {
                year,
                total: 0.0,
                microsoft: 0.0,
                stargate: 0.0,
                oracle: 0.0,
                other: 0.0,
                microsoft_capacity: 0.0,
                stargate_savings: 0.0,
            })
    };
    let first = at(FIRST_YEAR);
    let in_2030 = at(SHARE_TARGET_YEAR);

    let mut peak = first;
    let mut crossover_year = None;
    let mut funding_passed_year = None;
    let mut cumulative_total = 0.0;
    let mut cumulative_oracle = 0.0;
    let mut cumulative_other = 0.0;
    let mut cumulative_savings = 0.0;
    let mut stargate_commitment_years = 0.0;
    for row in rows {
        if row.microsoft > peak.microsoft {
            peak = *row;
        }
        if crossover_year.is_none() && row.stargate > row.microsoft {
            crossover_year = Some(row.year);
        }
        cumulative_total += row.total;
        if funding_passed_year.is_none() && cumulative_total > FUNDING_RAISED {
            funding_passed_year = Some(row.year);
        }
        cumulative_oracle += row.oracle;
        cumulative_other += row.other;
        cumulative_savings += row.stargate_savings;
        if (COMMITMENT_YEARS.0..=COMMITMENT_YEARS.1).contains(&row.year) {
            stargate_commitment_years += row.stargate;
        }
    }

    Figures {
        total_2030: in_2030.total,
        stargate_2030: in_2030.stargate,
        microsoft_2024: first.microsoft,
        microsoft_2030: in_2030.microsoft,
        microsoft_change: (first.microsoft > 0.0).then(|| in_2030.microsoft / first.microsoft),
        microsoft_peak_year: peak.year,
        crossover_year,
        cumulative_total,
        cumulative_oracle,
        cumulative_other,
        cumulative_savings,
        funding_passed_year,
        stargate_commitment_years,
        stargate_commitment_share: stargate_commitment_years / STARGATE_COMMITMENT * 100.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Ramp;

    #[test]
    fn progress_is_zero_before_the_first_year_and_one_from_2030() {
        assert_eq!(transition_progress(2025, 2024), 0.0);
        assert_eq!(transition_progress(2025, 2025), 1.0 / 6.0);
        assert_eq!(transition_progress(2025, 2030), 1.0);
        assert_eq!(transition_progress(2025, 2035), 1.0);
        assert_eq!(transition_progress(2030, 2029), 0.0);
        assert_eq!(transition_progress(2030, 2030), 1.0);
    }

    #[test]
    fn default_growth_continues_the_2024_2027_trend() {
        let implied = growth_2024_2027(&Scenario::REPORT) * 100.0;
        assert!((implied - Scenario::REPORT.growth_after_2027).abs() < 0.05);
    }

    #[test]
    fn rows_cover_2024_to_the_last_year() {
        let mut scenario = Scenario::REPORT;
        scenario.last_year = 2035.0;
        let projection = project(&scenario);
        assert_eq!(projection.rows.len(), 12);
        assert_eq!(projection.first_year(), 2024);
        assert_eq!(projection.last_year(), 2035);
        assert_eq!(projection.row(2030).map(|row| row.year), Some(2030));
        assert!(projection.row(2023).is_none());
        assert!(projection.row(2036).is_none());
    }

    #[test]
    fn no_microsoft_in_2024_means_no_change_ratio() {
        let mut scenario = Scenario::REPORT;
        scenario.microsoft_capacity_2024 = 0.0;
        let figures = project(&scenario).figures;
        assert_eq!(figures.microsoft_change, None);
        assert_eq!(figures.microsoft_2030, 0.0);
        assert_eq!(figures.crossover_year, Some(2025));
    }

    #[test]
    fn no_stargate_means_no_crossover() {
        let mut scenario = Scenario::REPORT;
        scenario.stargate_share_2030 = 0.0;
        scenario.ramp = Ramp::Late;
        let figures = project(&scenario).figures;
        assert_eq!(figures.crossover_year, None);
        assert_eq!(figures.stargate_2030, 0.0);
        assert_eq!(figures.cumulative_savings, 0.0);
    }
}
