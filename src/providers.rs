//! The four providers: their names, their order and their colours. The one owner of what a
//! provider is called and how it looks, so the table, the legend, the charts and the exports
//! always agree.

use crate::model::YearRow;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Provider {
    MicrosoftAzure,
    Stargate,
    Oracle,
    OtherClouds,
}

/// Marker drawn on the share chart so a provider is told apart by shape, not colour alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marker {
    Circle,
    Square,
    Triangle,
    Diamond,
}

impl Provider {
    /// Table order (MODEL.md) and stacking order, bottom to top.
    pub const ALL: [Provider; 4] = [
        Provider::MicrosoftAzure,
        Provider::Stargate,
        Provider::Oracle,
        Provider::OtherClouds,
    ];

    /// The name readers see, exactly as MODEL.md's table headers.
    pub fn name(self) -> &'static str {
        match self {
            Provider::MicrosoftAzure => "Microsoft Azure",
            Provider::Stargate => "Stargate",
            Provider::Oracle => "Oracle",
            Provider::OtherClouds => "Other clouds",
        }
    }

    /// A stable machine name (CSS classes, `data-provider`, file and column names).
    pub fn slug(self) -> &'static str {
        match self {
            Provider::MicrosoftAzure => "microsoft",
            Provider::Stargate => "stargate",
            Provider::Oracle => "oracle",
            Provider::OtherClouds => "other",
        }
    }

    /// Okabe–Ito colours: told apart with every common colour-vision deficiency, and each at
    /// least 3:1 against a white background.
    pub fn colour(self) -> &'static str {
        match self {
            Provider::MicrosoftAzure => "#0072B2",
            Provider::Stargate => "#D55E00",
            Provider::Oracle => "#009E73",
            Provider::OtherClouds => "#CC79A7",
        }
    }

    pub fn marker(self) -> Marker {
        match self {
            Provider::MicrosoftAzure => Marker::Circle,
            Provider::Stargate => Marker::Square,
            Provider::Oracle => Marker::Triangle,
            Provider::OtherClouds => Marker::Diamond,
        }
    }

    /// This provider's spend in a year, $B.
    pub fn spend(self, row: &YearRow) -> f64 {
        match self {
            Provider::MicrosoftAzure => row.microsoft,
            Provider::Stargate => row.stargate,
            Provider::Oracle => row.oracle,
            Provider::OtherClouds => row.other,
        }
    }

    /// This provider's share of the year's total spend, in percent (0 when nothing is spent).
    pub fn share(self, row: &YearRow) -> f64 {
        if row.total > 0.0 {
            self.spend(row) / row.total * 100.0
        } else {
            0.0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::project;
    use crate::scenario::Scenario;

    #[test]
    fn names_slugs_and_colours_are_distinct() {
        for (i, a) in Provider::ALL.iter().enumerate() {
            for b in &Provider::ALL[i + 1..] {
                assert_ne!(a.name(), b.name());
                assert_ne!(a.slug(), b.slug());
                assert_ne!(a.colour(), b.colour());
                assert_ne!(a.marker(), b.marker());
            }
        }
    }

    #[test]
    fn shares_sum_to_one_hundred() {
        for row in project(&Scenario::REPORT).rows {
            let sum: f64 = Provider::ALL.iter().map(|p| p.share(&row)).sum();
            assert!((sum - 100.0).abs() < 1e-9);
        }
    }
}
