//! The model's inputs: what a reader can change, with the key, range, step, default and unit
//! docs/model.md gives each one. This table is the single source for the controls, the URL codec,
//! the sources panel and the tests, so a range is never written down twice. Labels and help
//! lines are in the page's language (`words.rs`).

use crate::words::{t, Text};

/// Shape of the move from Azure to Stargate between the first Stargate year and 2030.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ramp {
    Linear,
    SCurve,
    Early,
    Late,
}

impl Ramp {
    pub const ALL: [Ramp; 4] = [Ramp::SCurve, Ramp::Linear, Ramp::Early, Ramp::Late];
    pub const DEFAULT: Ramp = Ramp::SCurve;

    /// The word used in the URL (`ramp=late`); part of the public embedding API.
    pub fn key(self) -> &'static str {
        match self {
            Ramp::Linear => "lin",
            Ramp::SCurve => "s",
            Ramp::Early => "early",
            Ramp::Late => "late",
        }
    }

    /// Exactly one of the four words, else `None` (docs/model.md: no case folding, no trimming).
    pub fn from_key(word: &str) -> Option<Ramp> {
        Ramp::ALL.into_iter().find(|ramp| ramp.key() == word)
    }

    /// The ramp's name, in the page's language.
    pub fn label(self) -> &'static str {
        t(match self {
            Ramp::Linear => Text::RampLinearLabel,
            Ramp::SCurve => Text::RampSCurveLabel,
            Ramp::Early => Text::RampEarlyLabel,
            Ramp::Late => Text::RampLateLabel,
        })
    }

    /// What the ramp means, as a lower-case phrase, in the page's language.
    pub fn description(self) -> &'static str {
        t(match self {
            Ramp::Linear => Text::RampLinearDescription,
            Ramp::SCurve => Text::RampSCurveDescription,
            Ramp::Early => Text::RampEarlyDescription,
            Ramp::Late => Text::RampLateDescription,
        })
    }

    /// Fraction of the 2030 Stargate share reached at progress `t` in [0, 1].
    pub fn apply(self, t: f64) -> f64 {
        match self {
            Ramp::Linear => t,
            Ramp::SCurve => t * t * (3.0 - 2.0 * t),
            Ramp::Early => 1.0 - (1.0 - t) * (1.0 - t),
            Ramp::Late => t * t,
        }
    }
}

/// How an input's value reads to a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// A share, in percent.
    Percent,
    /// A growth rate, in percent per year.
    PercentPerYear,
    /// Spend in a year, in billions of US dollars.
    BillionsUsd,
    /// Capacity per year, in billions of US dollars.
    BillionsUsdPerYear,
    /// A calendar year.
    Year,
}

/// The numeric inputs, in the order the controls show them (the headline control first).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Input {
    StargateShare2030,
    Spend2024,
    Spend2027,
    GrowthAfter2027,
    FirstStargateYear,
    MicrosoftCapacity2024,
    MicrosoftCapacityGrowth,
    OraclePartOfOverflow,
    StargateDiscount,
    LastYear,
}

/// Everything docs/model.md says about one numeric input; its words in the page's language through
/// [`InputSpec::label`] and [`InputSpec::help`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InputSpec {
    /// URL query key; stable, part of the public embedding API.
    pub key: &'static str,
    label: Text,
    /// One line under the control saying what it means.
    help: Text,
    pub unit: Unit,
    pub min: f64,
    pub max: f64,
    pub step: f64,
    pub default: f64,
    /// True where docs/model.md marks the input as our assumption rather than the report's figure.
    pub assumption: bool,
}

impl InputSpec {
    /// The control's label, in the page's language.
    pub fn label(&self) -> &'static str {
        t(self.label)
    }

    /// One line under the control saying what it means, in the page's language.
    pub fn help(&self) -> &'static str {
        t(self.help)
    }
}

impl Input {
    pub const ALL: [Input; 10] = [
        Input::StargateShare2030,
        Input::Spend2024,
        Input::Spend2027,
        Input::GrowthAfter2027,
        Input::FirstStargateYear,
        Input::MicrosoftCapacity2024,
        Input::MicrosoftCapacityGrowth,
        Input::OraclePartOfOverflow,
        Input::StargateDiscount,
        Input::LastYear,
    ];

    pub fn spec(self) -> &'static InputSpec {
        match self {
            Input::StargateShare2030 => &InputSpec {
                key: "sg",
                label: Text::InputShare2030Label,
                help: Text::InputShare2030Help,
                unit: Unit::Percent,
                min: 0.0,
                max: 100.0,
                step: 1.0,
                default: 75.0,
                assumption: false,
            },
            Input::Spend2024 => &InputSpec {
                key: "s24",
                label: Text::InputSpend2024Label,
                help: Text::InputSpend2024Help,
                unit: Unit::BillionsUsd,
                min: 0.5,
                max: 50.0,
                step: 0.5,
                default: 5.0,
                assumption: false,
            },
            Input::Spend2027 => &InputSpec {
                key: "s27",
                label: Text::InputSpend2027Label,
                help: Text::InputSpend2027Help,
                unit: Unit::BillionsUsd,
                min: 1.0,
                max: 200.0,
                step: 0.5,
                default: 20.0,
                assumption: false,
            },
            Input::GrowthAfter2027 => &InputSpec {
                key: "g",
                label: Text::InputGrowthAfter2027Label,
                help: Text::InputGrowthAfter2027Help,
                unit: Unit::PercentPerYear,
                min: 0.0,
                max: 150.0,
                step: 0.1,
                default: 58.7,
                assumption: true,
            },
            Input::FirstStargateYear => &InputSpec {
                key: "y0",
                label: Text::InputFirstStargateYearLabel,
                help: Text::InputFirstStargateYearHelp,
                unit: Unit::Year,
                min: 2025.0,
                max: 2030.0,
                step: 1.0,
                default: 2025.0,
                assumption: true,
            },
            Input::MicrosoftCapacity2024 => &InputSpec {
                key: "mc",
                label: Text::InputMicrosoftCapacity2024Label,
                help: Text::InputMicrosoftCapacity2024Help,
                unit: Unit::BillionsUsdPerYear,
                min: 0.0,
                max: 50.0,
                step: 0.5,
                default: 5.0,
                assumption: true,
            },
            Input::MicrosoftCapacityGrowth => &InputSpec {
                key: "mg",
                label: Text::InputMicrosoftCapacityGrowthLabel,
                help: Text::InputMicrosoftCapacityGrowthHelp,
                unit: Unit::PercentPerYear,
                min: 0.0,
                max: 100.0,
                step: 1.0,
                default: 35.0,
                assumption: true,
            },
            Input::OraclePartOfOverflow => &InputSpec {
                key: "ora",
                label: Text::InputOraclePartLabel,
                help: Text::InputOraclePartHelp,
                unit: Unit::Percent,
                min: 0.0,
                max: 100.0,
                step: 1.0,
                default: 70.0,
                assumption: true,
            },
            Input::StargateDiscount => &InputSpec {
                key: "disc",
                label: Text::InputStargateDiscountLabel,
                help: Text::InputStargateDiscountHelp,
                unit: Unit::Percent,
                min: 0.0,
                max: 60.0,
                step: 1.0,
                default: 20.0,
                assumption: true,
            },
            Input::LastYear => &InputSpec {
                key: "h",
                label: Text::InputLastYearLabel,
                help: Text::InputLastYearHelp,
                unit: Unit::Year,
                min: 2030.0,
                max: 2035.0,
                step: 1.0,
                default: 2030.0,
                assumption: false,
            },
        }
    }

    /// The input whose URL key is `key`, if any.
    pub fn from_key(key: &str) -> Option<Input> {
        Input::ALL.into_iter().find(|input| input.spec().key == key)
    }

    /// Brings any value into the input's range; NaN becomes the default, years become whole
    /// years (halves up). The model and the UI both go through this, so nothing downstream
    /// ever sees a value docs/model.md does not allow.
    pub fn sanitize(self, value: f64) -> f64 {
        let spec = self.spec();
        if value.is_nan() {
            return spec.default;
        }
        let mut clamped = crate::clamp(value, spec.min, spec.max);
        if spec.unit == Unit::Year {
            clamped = (clamped + 0.5).floor();
        }
        // -0 would print as "-0"; it is the same number as 0.
        if clamped == 0.0 {
            0.0
        } else {
            clamped
        }
    }
}

/// One complete set of inputs: a scenario a reader can look at, share or embed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scenario {
    /// Percent of compute spend that goes to Stargate in 2030 (and after).
    pub stargate_share_2030: f64,
    /// $B spent on compute in 2024.
    pub spend_2024: f64,
    /// $B expected to be spent on compute in 2027.
    pub spend_2027: f64,
    /// Percent per year that spend grows after 2027.
    pub growth_after_2027: f64,
    /// First calendar year with Stargate compute (a whole year).
    pub first_stargate_year: f64,
    pub ramp: Ramp,
    /// $B of Azure compute Microsoft could supply OpenAI in 2024.
    pub microsoft_capacity_2024: f64,
    /// Percent per year that the Azure capacity grows.
    pub microsoft_capacity_growth: f64,
    /// Percent of the overflow (demand Microsoft cannot meet) that goes to Oracle.
    pub oracle_part_of_overflow: f64,
    /// Percent by which Stargate is cheaper than Azure for the same compute.
    pub stargate_discount: f64,
    /// Last calendar year shown (a whole year).
    pub last_year: f64,
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario::REPORT
    }
}

impl Scenario {
    /// The defaults of docs/model.md: the report's figures plus our default assumptions.
    pub const REPORT: Scenario = Scenario {
        stargate_share_2030: 75.0,
        spend_2024: 5.0,
        spend_2027: 20.0,
        growth_after_2027: 58.7,
        first_stargate_year: 2025.0,
        ramp: Ramp::DEFAULT,
        microsoft_capacity_2024: 5.0,
        microsoft_capacity_growth: 35.0,
        oracle_part_of_overflow: 70.0,
        stargate_discount: 20.0,
        last_year: 2030.0,
    };

    pub fn get(&self, input: Input) -> f64 {
        match input {
            Input::StargateShare2030 => self.stargate_share_2030,
            Input::Spend2024 => self.spend_2024,
            Input::Spend2027 => self.spend_2027,
            Input::GrowthAfter2027 => self.growth_after_2027,
            Input::FirstStargateYear => self.first_stargate_year,
            Input::MicrosoftCapacity2024 => self.microsoft_capacity_2024,
            Input::MicrosoftCapacityGrowth => self.microsoft_capacity_growth,
            Input::OraclePartOfOverflow => self.oracle_part_of_overflow,
            Input::StargateDiscount => self.stargate_discount,
            Input::LastYear => self.last_year,
        }
    }

    fn slot(&mut self, input: Input) -> &mut f64 {
        match input {
            Input::StargateShare2030 => &mut self.stargate_share_2030,
            Input::Spend2024 => &mut self.spend_2024,
            Input::Spend2027 => &mut self.spend_2027,
            Input::GrowthAfter2027 => &mut self.growth_after_2027,
            Input::FirstStargateYear => &mut self.first_stargate_year,
            Input::MicrosoftCapacity2024 => &mut self.microsoft_capacity_2024,
            Input::MicrosoftCapacityGrowth => &mut self.microsoft_capacity_growth,
            Input::OraclePartOfOverflow => &mut self.oracle_part_of_overflow,
            Input::StargateDiscount => &mut self.stargate_discount,
            Input::LastYear => &mut self.last_year,
        }
    }

    /// Sets an input, bringing the value into range first (see [`Input::sanitize`]).
    pub fn set(&mut self, input: Input, value: f64) {
        *self.slot(input) = input.sanitize(value);
    }

    /// The same scenario with every field in range; what the model actually computes with.
    pub fn sanitized(&self) -> Scenario {
        let mut clean = *self;
        for input in Input::ALL {
            clean.set(input, self.get(input));
        }
        clean
    }

    pub fn first_year_with_stargate(&self) -> i32 {
        year_of(self.first_stargate_year)
    }

    pub fn last_year_shown(&self) -> i32 {
        year_of(self.last_year)
    }
}

/// A whole year from a sanitized year value (always in 2025..=2035, so the cast is exact).
fn year_of(value: f64) -> i32 {
    value as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_in_the_table_match_the_report_scenario() {
        for input in Input::ALL {
            assert_eq!(
                Scenario::REPORT.get(input),
                input.spec().default,
                "{input:?}"
            );
        }
    }

    #[test]
    fn keys_are_unique_and_found_again() {
        for input in Input::ALL {
            assert_eq!(Input::from_key(input.spec().key), Some(input));
        }
        assert_eq!(Input::from_key("ramp"), None);
        assert_eq!(Input::from_key("SG"), None);
    }

    #[test]
    fn defaults_lie_on_their_ranges_and_steps() {
        for input in Input::ALL {
            let spec = input.spec();
            assert!(spec.min < spec.max);
            assert!((spec.min..=spec.max).contains(&spec.default));
            let steps = (spec.default - spec.min) / spec.step;
            assert!((steps - steps.round()).abs() < 1e-9, "{input:?}");
        }
    }

    #[test]
    fn sanitize_clamps_rounds_years_and_replaces_nan() {
        let share = Input::StargateShare2030;
        assert_eq!(share.sanitize(-5.0), 0.0);
        assert_eq!(share.sanitize(500.0), 100.0);
        assert_eq!(share.sanitize(f64::INFINITY), 100.0);
        assert_eq!(share.sanitize(f64::NEG_INFINITY), 0.0);
        assert_eq!(share.sanitize(f64::NAN), 75.0);
        assert!(share.sanitize(-0.0).is_sign_positive());
        assert_eq!(
            share.sanitize(40.123),
            40.123,
            "values are not snapped to the step"
        );
        assert_eq!(Input::FirstStargateYear.sanitize(2026.5), 2027.0);
        assert_eq!(Input::FirstStargateYear.sanitize(2026.49), 2026.0);
        assert_eq!(Input::LastYear.sanitize(2040.0), 2035.0);
        assert_eq!(Input::LastYear.sanitize(1999.0), 2030.0);
    }

    #[test]
    fn labels_and_ramps_read_in_the_page_language() {
        use crate::words::{with_language, Lang};
        let french = include_str!("../lang/fr.json");
        let (label, help, ramp) = with_language(Lang::Fr, french, || {
            let spec = Input::LastYear.spec();
            (spec.label(), spec.help(), Ramp::SCurve.label())
        });
        assert_eq!(label, "Derni\u{e8}re ann\u{e9}e affich\u{e9}e");
        assert_eq!(
            help,
            "Jusqu\u{2019}o\u{f9} vont les graphiques et le tableau."
        );
        assert_eq!(ramp, "Progressif (courbe en S)");
        let spec = Input::LastYear.spec();
        assert_eq!(spec.label(), "Last year shown");
        assert_eq!((spec.key, spec.min, spec.max), ("h", 2030.0, 2035.0));
    }

    #[test]
    fn ramps_run_from_zero_to_one_and_round_trip_their_keys() {
        for ramp in Ramp::ALL {
            assert_eq!(ramp.apply(0.0), 0.0);
            assert_eq!(ramp.apply(1.0), 1.0);
            assert_eq!(Ramp::from_key(ramp.key()), Some(ramp));
        }
        assert_eq!(Ramp::from_key("S"), None);
        assert_eq!(Ramp::from_key(" s"), None);
        assert_eq!(Ramp::SCurve.apply(0.5), 0.5);
        assert_eq!(Ramp::Late.apply(0.5), 0.25);
        assert_eq!(Ramp::Early.apply(0.5), 0.75);
    }
}
