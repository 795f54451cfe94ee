//! The tornado: which assumption moves a figure most (2030 Microsoft and Stargate spend, and
//! Stargate spend over the commitment's years 2025–2028, which the timing levers move where
//! the 2030 figures cannot). Each lever is swung from the bottom
//! to the top of its range while every other input stays at the scenario's value, and the
//! levers are listed by how far that moves the figure, largest first. It answers "which of
//! our guesses matters?" for the scenario on screen, one lever at a time (no interactions;
//! the uncertainty bands are the view for many levers moving together).

use crate::model::project;
use crate::scenario::{Input, Ramp, Scenario};
use crate::words::{fill, t, Text};

/// The figure the tornado is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    Microsoft2030,
    Stargate2030,
    /// Stargate spend summed over 2025–2028, the years of the $500B commitment: the figure
    /// the first Stargate year and the ramp move (by 2030 every ramp is complete).
    StargateCommitmentYears,
}

impl Output {
    pub const ALL: [Output; 3] = [
        Output::Microsoft2030,
        Output::Stargate2030,
        Output::StargateCommitmentYears,
    ];

    pub fn label(self) -> &'static str {
        t(match self {
            Output::Microsoft2030 => Text::Microsoft2030Title,
            Output::Stargate2030 => Text::FigureStargate2030Title,
            Output::StargateCommitmentYears => Text::TornadoCommitmentYears,
        })
    }

    /// The sentence naming the levers that do not move the figure (`levers`: their labels).
    pub fn no_effect(self, levers: &[&str]) -> String {
        let text = match self {
            Output::Microsoft2030 | Output::Stargate2030 => Text::TornadoNoEffect2030,
            Output::StargateCommitmentYears => Text::TornadoNoEffect,
        };
        fill(
            text,
            &[("levers", &levers.join(t(Text::TornadoListSeparator)))],
        )
    }

    /// The figure for `scenario`, in $B.
    fn of(self, scenario: &Scenario) -> f64 {
        let figures = project(scenario).figures;
        match self {
            Output::Microsoft2030 => figures.microsoft_2030,
            Output::Stargate2030 => figures.stargate_2030,
            Output::StargateCommitmentYears => figures.stargate_commitment_years,
        }
    }
}

/// Something the tornado swings: a numeric input over its range, or the ramp over its shapes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lever {
    Number(Input),
    Ramp,
}

impl Lever {
    /// The levers, in the order of docs/model.md's inputs table, which is also the order ties keep:
    /// the 2030 Stargate share (the report's figure, but the one readers swing most) and every
    /// input docs/model.md marks as an assumption, the ramp among them. Not the spends of 2024 and
    /// 2027 (the report's figures) nor the last year shown (not an assumption at all).
    pub const ALL: [Lever; 8] = [
        Lever::Number(Input::StargateShare2030),
        Lever::Number(Input::GrowthAfter2027),
        Lever::Number(Input::FirstStargateYear),
        Lever::Ramp,
        Lever::Number(Input::MicrosoftCapacity2024),
        Lever::Number(Input::MicrosoftCapacityGrowth),
        Lever::Number(Input::OraclePartOfOverflow),
        Lever::Number(Input::StargateDiscount),
    ];

    pub fn label(self) -> &'static str {
        match self {
            Lever::Number(input) => input.spec().label(),
            Lever::Ramp => t(Text::ControlRampLegend),
        }
    }
}

/// How far one lever moves the figure, in $B.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Swing {
    pub lever: Lever,
    /// The figure at the scenario's own values.
    pub base: f64,
    /// The figure with the lever at the bottom of its range; for the ramp, the lowest figure
    /// over the four shapes.
    pub at_low: f64,
    /// The figure with the lever at the top of its range; for the ramp, the highest figure
    /// over the four shapes.
    pub at_high: f64,
    /// For the ramp, the shape giving `at_low` (the first in [`Ramp::ALL`] order on a tie);
    /// `None` for a numeric input.
    pub ramp_at_low: Option<Ramp>,
    /// For the ramp, the shape giving `at_high` (the first in [`Ramp::ALL`] order on a tie).
    pub ramp_at_high: Option<Ramp>,
}

impl Swing {
    /// |at_high − at_low|: the length of the lever's bar, and what the tornado sorts by.
    pub fn size(&self) -> f64 {
        (self.at_high - self.at_low).abs()
    }
}

/// One swing per lever of [`Lever::ALL`], largest first; levers that move the figure equally
/// (often not at all) keep [`Lever::ALL`]'s order.
///
/// Some levers cannot move some figures, and show a bar of zero: neither the ramp nor the
/// first Stargate year moves anything in 2030, because by 2030 every ramp, from any first year,
/// has reached its full share (t(2030) = 1 and f(1) = 1 for every shape), though both move
/// Stargate spend over 2025–2028; Microsoft's capacity and its growth do not move Stargate
/// spend (Stargate's share is set before Microsoft's first right applies); Oracle's part of
/// the overflow and the discount move none of the figures.
pub fn tornado(scenario: &Scenario, output: Output) -> Vec<Swing> {
    let base_scenario = scenario.sanitized();
    let base = output.of(&base_scenario);
    let mut sorted: Vec<Swing> = Vec::with_capacity(Lever::ALL.len());
    for lever in Lever::ALL {
        let swing = swing(&base_scenario, base, lever, output);
        // Insertion after every swing at least as large keeps ties in lever order; eight
        // levers do not need std's stable sort, which weighs ~3 KB in the wasm.
        let at = sorted
            .iter()
            .position(|other| other.size() < swing.size())
            .unwrap_or(sorted.len());
        sorted.insert(at, swing);
    }
    sorted
}

fn swing(scenario: &Scenario, base: f64, lever: Lever, output: Output) -> Swing {
    match lever {
        Lever::Number(input) => {
            let with = |value: f64| {
                let mut changed = *scenario;
                changed.set(input, value);
                output.of(&changed)
            };
            let spec = input.spec();
            Swing {
                lever,
                base,
                at_low: with(spec.min),
                at_high: with(spec.max),
                ramp_at_low: None,
                ramp_at_high: None,
            }
        }
        Lever::Ramp => {
            let (low, high) = extremes(&|ramp| output.of(&Scenario { ramp, ..*scenario }));
            Swing {
                lever,
                base,
                at_low: low.1,
                at_high: high.1,
                ramp_at_low: Some(low.0),
                ramp_at_high: Some(high.0),
            }
        }
    }
}

/// The shapes giving the lowest and the highest figure, each with its figure; on a tie the
/// first in [`Ramp::ALL`] order. (A `dyn` closure: one copy in the wasm, testable alone.)
fn extremes(figure: &dyn Fn(Ramp) -> f64) -> ((Ramp, f64), (Ramp, f64)) {
    let mut low = (Ramp::DEFAULT, f64::INFINITY);
    let mut high = (Ramp::DEFAULT, f64::NEG_INFINITY);
    for ramp in Ramp::ALL {
        let value = figure(ramp);
        if value < low.1 {
            low = (ramp, value);
        }
        if value > high.1 {
            high = (ramp, value);
        }
    }
    (low, high)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scenarios() -> Vec<Scenario> {
        let mut late = Scenario::REPORT;
        late.first_stargate_year = 2028.0;
        late.ramp = Ramp::Late;
        late.last_year = 2033.0;
        let mut big_microsoft = Scenario::REPORT;
        big_microsoft.microsoft_capacity_2024 = 30.0;
        big_microsoft.microsoft_capacity_growth = 70.0;
        big_microsoft.stargate_share_2030 = 40.0;
        vec![Scenario::REPORT, late, big_microsoft]
    }

    fn find(swings: &[Swing], lever: Lever) -> Swing {
        *swings.iter().find(|s| s.lever == lever).unwrap()
    }

    fn with(scenario: &Scenario, input: Input, value: f64) -> Scenario {
        let mut changed = *scenario;
        changed.set(input, value);
        changed
    }

    #[test]
    fn the_no_effect_sentence_is_whole_in_english_and_german() {
        let levers = ["First year with Stargate compute", "Oracle"];
        assert_eq!(
            Output::Stargate2030.no_effect(&levers),
            "No effect on this figure in 2030: First year with Stargate compute; Oracle."
        );
        assert_eq!(
            Output::StargateCommitmentYears.no_effect(&levers[1..]),
            "No effect on this figure: Oracle."
        );
        let german = crate::words::with_language(
            crate::words::Lang::De,
            include_str!("../lang/de.json"),
            || {
                (
                    Output::Microsoft2030.no_effect(&levers),
                    Output::StargateCommitmentYears.label(),
                    Lever::Ramp.label(),
                )
            },
        );
        assert_eq!(
            german,
            (
                "Kein Einfluss auf diese Kennzahl im Jahr 2030: First year with Stargate compute; Oracle."
                    .to_string(),
                "Stargate-Ausgaben 2025\u{2013}2028 (Jahre der Zusage)",
                "Verlauf des Wechsels zu Stargate",
            )
        );
    }

    #[test]
    fn the_levers_are_the_assumptions_plus_the_share_and_the_ramp() {
        let numbers: Vec<Input> = Lever::ALL
            .iter()
            .filter_map(|lever| match lever {
                Lever::Number(input) => Some(*input),
                Lever::Ramp => None,
            })
            .collect();
        let expected: Vec<Input> = Input::ALL
            .into_iter()
            .filter(|i| i.spec().assumption || *i == Input::StargateShare2030)
            .collect();
        assert_eq!(numbers, expected);
        assert!(!numbers.contains(&Input::LastYear));
        assert_eq!(Lever::ALL.iter().filter(|l| **l == Lever::Ramp).count(), 1);
        for output in Output::ALL {
            let swings = tornado(&Scenario::REPORT, output);
            assert_eq!(swings.len(), Lever::ALL.len());
            for lever in Lever::ALL {
                assert_eq!(swings.iter().filter(|s| s.lever == lever).count(), 1);
            }
        }
    }

    #[test]
    fn swings_are_the_projection_at_each_end_of_the_range() {
        for scenario in scenarios() {
            for output in Output::ALL {
                let swings = tornado(&scenario, output);
                for swing in &swings {
                    assert_eq!(swing.base, output.of(&scenario));
                    if let Lever::Number(input) = swing.lever {
                        let spec = input.spec();
                        assert_eq!(swing.at_low, output.of(&with(&scenario, input, spec.min)));
                        assert_eq!(swing.at_high, output.of(&with(&scenario, input, spec.max)));
                        assert_eq!((swing.ramp_at_low, swing.ramp_at_high), (None, None));
                    }
                }
            }
        }
    }

    #[test]
    fn stargate_2030_runs_from_nothing_to_the_whole_total_with_the_share() {
        for scenario in scenarios() {
            let swing = find(
                &tornado(&scenario, Output::Stargate2030),
                Lever::Number(Input::StargateShare2030),
            );
            assert_eq!(swing.at_low, 0.0);
            assert_eq!(swing.at_high, project(&scenario).figures.total_2030);
        }
    }

    #[test]
    fn levers_that_cannot_move_a_figure_do_not() {
        for scenario in scenarios() {
            let stargate = tornado(&scenario, Output::Stargate2030);
            for input in [
                Input::MicrosoftCapacity2024,
                Input::MicrosoftCapacityGrowth,
                Input::OraclePartOfOverflow,
                Input::StargateDiscount,
                Input::FirstStargateYear,
            ] {
                assert_eq!(
                    find(&stargate, Lever::Number(input)).size(),
                    0.0,
                    "{input:?}"
                );
            }
            // Every ramp has reached its full share in 2030.
            let ramp = find(&stargate, Lever::Ramp);
            assert_eq!(ramp.size(), 0.0);
            assert_eq!((ramp.at_low, ramp.at_high), (ramp.base, ramp.base));
            assert_eq!(
                ramp.ramp_at_low,
                Some(Ramp::ALL[0]),
                "ties go to the first shape"
            );

            let microsoft = tornado(&scenario, Output::Microsoft2030);
            for lever in [
                Lever::Number(Input::OraclePartOfOverflow),
                Lever::Number(Input::StargateDiscount),
                Lever::Number(Input::FirstStargateYear),
                Lever::Ramp,
            ] {
                assert_eq!(find(&microsoft, lever).size(), 0.0, "{lever:?}");
            }
        }
    }

    #[test]
    fn microsoft_2030_follows_its_capacity_and_the_share() {
        let swings = tornado(&Scenario::REPORT, Output::Microsoft2030);
        let capacity = find(&swings, Lever::Number(Input::MicrosoftCapacity2024));
        assert_eq!(capacity.at_low, 0.0, "no capacity, no Azure spend");
        // In 2030 the report's scenario offers Microsoft less than its capacity ($19.98B of
        // $30.27B), so more capacity changes nothing.
        assert_eq!(capacity.at_high, capacity.base);
        let share = find(&swings, Lever::Number(Input::StargateShare2030));
        assert!(share.at_low >= share.base && share.base >= share.at_high);
        let growth = find(&swings, Lever::Number(Input::MicrosoftCapacityGrowth));
        assert!(growth.size() > 0.0);
    }

    #[test]
    fn the_ramp_reports_its_lowest_and_highest_shapes() {
        // No tornado figure depends on the ramp (see `tornado`), so check the bookkeeping on
        // made-up figures: Late lowest, Early highest, and ties to the first in Ramp::ALL.
        let made_up = |ramp: Ramp| match ramp {
            Ramp::Late => 1.0,
            Ramp::Early => 9.0,
            _ => 5.0,
        };
        assert_eq!(extremes(&made_up), ((Ramp::Late, 1.0), (Ramp::Early, 9.0)));
        let flat = |_: Ramp| 2.0;
        assert_eq!(extremes(&flat), ((Ramp::ALL[0], 2.0), (Ramp::ALL[0], 2.0)));
    }

    #[test]
    fn swings_are_sorted_largest_first_with_ties_in_lever_order() {
        for scenario in scenarios() {
            for output in Output::ALL {
                let swings = tornado(&scenario, output);
                for pair in swings.windows(2) {
                    assert!(pair[0].size() >= pair[1].size());
                    if pair[0].size() == pair[1].size() {
                        let rank = |l: Lever| Lever::ALL.iter().position(|x| *x == l).unwrap();
                        assert!(rank(pair[0].lever) < rank(pair[1].lever));
                    }
                }
            }
        }
        // The report's scenario, Stargate 2030: growth after 2027 from 0 to 150 % moves it from
        // $15B to $234B, the share from 0 to the $79.94B total; nothing else moves it.
        let order = |output| -> Vec<Lever> {
            tornado(&Scenario::REPORT, output)
                .iter()
                .map(|s| s.lever)
                .collect()
        };
        use Input::*;
        use Lever::{Number, Ramp as Shape};
        assert_eq!(
            order(Output::Stargate2030),
            [
                Number(GrowthAfter2027),
                Number(StargateShare2030),
                Number(FirstStargateYear),
                Shape,
                Number(MicrosoftCapacity2024),
                Number(MicrosoftCapacityGrowth),
                Number(OraclePartOfOverflow),
                Number(StargateDiscount),
            ]
        );
        // Microsoft 2030: the share (its full $30.27B capacity down to 0), growth after 2027
        // ($5B to the capacity), its capacity (0 to $19.98B), its capacity growth ($5B to
        // $19.98B), then zeros.
        assert_eq!(
            order(Output::Microsoft2030),
            [
                Number(StargateShare2030),
                Number(GrowthAfter2027),
                Number(MicrosoftCapacity2024),
                Number(MicrosoftCapacityGrowth),
                Number(FirstStargateYear),
                Shape,
                Number(OraclePartOfOverflow),
                Number(StargateDiscount),
            ]
        );
    }

    #[test]
    fn the_tornado_sanitizes_its_scenario() {
        let mut wild = Scenario::REPORT;
        wild.stargate_share_2030 = f64::NAN;
        wild.microsoft_capacity_growth = 1e9;
        for output in Output::ALL {
            assert_eq!(tornado(&wild, output), tornado(&wild.sanitized(), output));
            for swing in tornado(&wild, output) {
                for value in [swing.base, swing.at_low, swing.at_high] {
                    assert!(value.is_finite() && value >= 0.0);
                }
            }
        }
    }

    #[test]
    fn the_timing_levers_move_stargate_spend_over_the_commitment_years() {
        let output = Output::StargateCommitmentYears;
        for scenario in scenarios() {
            let swings = tornado(&scenario, output);
            let base = project(&scenario.sanitized())
                .figures
                .stargate_commitment_years;
            for swing in &swings {
                assert_eq!(swing.base, base);
            }
            // The first Stargate year: from 2025 (the most years of Stargate) to 2030 (none
            // before 2029 at all, and the ramp's first step in 2030 is outside the years).
            let y0 = find(&swings, Lever::Number(Input::FirstStargateYear));
            let at = |year: f64| {
                project(&with(&scenario, Input::FirstStargateYear, year))
                    .figures
                    .stargate_commitment_years
            };
            assert_eq!((y0.at_low, y0.at_high), (at(2025.0), at(2030.0)));
            assert!(y0.at_low > y0.at_high, "earlier is more: {y0:?}");
            assert_eq!(y0.at_high, 0.0, "from 2030 on, nothing in 2025–2028");
            // The ramp: the extremes over the four shapes, early the most, late the least.
            let ramp = find(&swings, Lever::Ramp);
            let by_shape = |shape: Ramp| {
                project(&Scenario {
                    ramp: shape,
                    ..scenario.sanitized()
                })
                .figures
                .stargate_commitment_years
            };
            let values: Vec<f64> = Ramp::ALL.iter().map(|r| by_shape(*r)).collect();
            let (min, max) = values
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
                    (lo.min(*v), hi.max(*v))
                });
            assert_eq!((ramp.at_low, ramp.at_high), (min, max));
            if scenario.first_stargate_year < 2028.0 {
                assert!(ramp.size() > 0.0, "{scenario:?}");
                assert_eq!(ramp.ramp_at_high, Some(Ramp::Early));
                assert_eq!(ramp.ramp_at_low, Some(Ramp::Late));
            }
            // Microsoft's capacity, Oracle's part and the discount never move Stargate spend.
            for input in [
                Input::MicrosoftCapacity2024,
                Input::MicrosoftCapacityGrowth,
                Input::OraclePartOfOverflow,
                Input::StargateDiscount,
            ] {
                assert_eq!(find(&swings, Lever::Number(input)).size(), 0.0, "{input:?}");
            }
        }
        // At the report's figures, the timing levers are among those that move it.
        let moving: Vec<Lever> = tornado(&Scenario::REPORT, output)
            .into_iter()
            .filter(|s| s.size() > 0.0)
            .map(|s| s.lever)
            .collect();
        assert!(
            moving.contains(&Lever::Ramp)
                && moving.contains(&Lever::Number(Input::FirstStargateYear))
        );
    }
}
