//! Named scenarios a reader can load with one click, each with one line saying why it is worth
//! a look. A preset names only the inputs it changes; everything else is the report's default,
//! except the last year shown, which is a way of looking rather than a scenario and is kept.

use crate::scenario::{Input, Ramp, Scenario};
use crate::words::{t, Text};

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Preset {
    /// Stable machine name (`data-preset`).
    pub id: &'static str,
    /// The button's words ([`Preset::name`] reads them in the page's language).
    pub name: Text,
    /// One line saying why the scenario is worth a look ([`Preset::rationale`]).
    pub rationale: Text,
    /// The inputs this preset sets, with their values.
    pub values: &'static [(Input, f64)],
    /// The ramp, where the preset sets one.
    pub ramp: Option<Ramp>,
}

pub const PRESETS: [Preset; 4] = [
    Preset {
        id: "report",
        name: Text::PresetReportName,
        rationale: Text::PresetReportRationale,
        values: &[],
        ramp: None,
    },
    Preset {
        id: "microsoft-keeps-up",
        name: Text::PresetMicrosoftKeepsUpName,
        rationale: Text::PresetMicrosoftKeepsUpRationale,
        values: &[
            (Input::StargateShare2030, 40.0),
            (Input::MicrosoftCapacity2024, 6.0),
            (Input::MicrosoftCapacityGrowth, 60.0),
        ],
        ramp: None,
    },
    Preset {
        id: "stargate-slips",
        name: Text::PresetStargateSlipsName,
        rationale: Text::PresetStargateSlipsRationale,
        values: &[
            (Input::FirstStargateYear, 2027.0),
            (Input::StargateShare2030, 50.0),
        ],
        ramp: Some(Ramp::Late),
    },
    Preset {
        id: "all-in",
        name: Text::PresetAllInName,
        rationale: Text::PresetAllInRationale,
        values: &[
            (Input::StargateShare2030, 95.0),
            (Input::StargateDiscount, 30.0),
        ],
        ramp: Some(Ramp::Early),
    },
];

impl Preset {
    /// The preset's name, in the page's language.
    pub fn name(&self) -> &'static str {
        t(self.name)
    }

    /// Why the preset is worth a look, in the page's language.
    pub fn rationale(&self) -> &'static str {
        t(self.rationale)
    }

    /// The preset's scenario, keeping the reader's last year shown from `current`.
    pub fn apply(&self, current: &Scenario) -> Scenario {
        let mut scenario = Scenario::REPORT;
        scenario.set(Input::LastYear, current.last_year);
        for &(input, value) in self.values {
            scenario.set(input, value);
        }
        if let Some(ramp) = self.ramp {
            scenario.ramp = ramp;
        }
        scenario
    }

    /// True when `scenario` is exactly this preset (whatever its last year shown).
    pub fn matches(&self, scenario: &Scenario) -> bool {
        self.apply(scenario) == scenario.sanitized()
    }
}

/// The preset the scenario is, if any; `None` reads as "Custom".
pub fn matching(scenario: &Scenario) -> Option<&'static Preset> {
    PRESETS.iter().find(|preset| preset.matches(scenario))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_preset_sets_the_values_it_names_and_defaults_elsewhere() {
        let microsoft = PRESETS[1].apply(&Scenario::REPORT);
        assert_eq!(microsoft.stargate_share_2030, 40.0);
        assert_eq!(microsoft.microsoft_capacity_2024, 6.0);
        assert_eq!(microsoft.microsoft_capacity_growth, 60.0);
        assert_eq!(microsoft.stargate_discount, 20.0);
        let slips = PRESETS[2].apply(&Scenario::REPORT);
        assert_eq!(
            (
                slips.first_stargate_year,
                slips.ramp,
                slips.stargate_share_2030
            ),
            (2027.0, Ramp::Late, 50.0)
        );
        let all_in = PRESETS[3].apply(&Scenario::REPORT);
        assert_eq!(
            (
                all_in.stargate_share_2030,
                all_in.ramp,
                all_in.stargate_discount
            ),
            (95.0, Ramp::Early, 30.0)
        );
        assert_eq!(PRESETS[0].apply(&Scenario::REPORT), Scenario::REPORT);
    }

    #[test]
    fn a_scenario_matches_its_preset_only_and_keeps_its_last_year() {
        let mut long_view = Scenario::REPORT;
        long_view.last_year = 2035.0;
        for preset in &PRESETS {
            let scenario = preset.apply(&long_view);
            assert_eq!(scenario.last_year, 2035.0);
            assert_eq!(matching(&scenario).map(|p| p.id), Some(preset.id));
        }
        let mut custom = Scenario::REPORT;
        custom.stargate_share_2030 = 74.0;
        assert_eq!(matching(&custom), None);
        let ids: Vec<&str> = PRESETS.iter().map(|p| p.id).collect();
        assert_eq!(ids.len(), 4);
        assert!(ids
            .iter()
            .all(|id| ids.iter().filter(|other| *other == id).count() == 1));
    }
}
