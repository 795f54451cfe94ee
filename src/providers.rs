//! The four providers: their names, their order and their colours. The one owner of what a
//! provider is called and how it looks, so the table, the legend, the charts and the exports
//! always agree.

use crate::model::YearRow;
use crate::words::{t, Text};

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
    /// Table order (docs/model.md) and stacking order, bottom to top.
    pub const ALL: [Provider; 4] = [
        Provider::MicrosoftAzure,
        Provider::Stargate,
        Provider::Oracle,
        Provider::OtherClouds,
    ];

    /// The name readers see, in the page's language: the three proper names as they are, the
    /// other clouds in words. In English exactly as docs/model.md's table headers.
    pub fn name(self) -> &'static str {
        match self {
            Provider::OtherClouds => t(Text::ProviderOtherClouds),
            _ => self.column_name(),
        }
    }

    /// The name as the CSV's column header: docs/model.md's table header, in English whatever the
    /// page's language, so a download reads the same in every language.
    pub fn column_name(self) -> &'static str {
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

    /// The series colours, one set for both themes and the exports: Okabe–Ito's blue, vermilion,
    /// bluish green and reddish purple, the blue a shade lighter and the green and purple a shade
    /// darker, so that each stands at 3.5:1 or more against the charts' backgrounds in the light
    /// and the dark theme (WCAG 2.1's 3:1 for graphics, 1.4.11), where Okabe–Ito's own purple is
    /// 2.9:1 on the light page and its blue 3.2:1 on the dark one. Still told apart with every
    /// common colour-vision deficiency. The tests below check both against the stylesheet.
    pub fn colour(self) -> &'static str {
        match self {
            Provider::MicrosoftAzure => "#2B8ACB",
            Provider::Stargate => "#D55E00",
            Provider::Oracle => "#008F68",
            Provider::OtherClouds => "#C06599",
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
    fn names_follow_the_page_but_column_names_stay_english() {
        use crate::words::{with_language, Lang};
        let german = include_str!("../lang/de.json");
        with_language(Lang::De, german, || {
            assert_eq!(Provider::OtherClouds.name(), "Sonstige Clouds");
            assert_eq!(Provider::OtherClouds.column_name(), "Other clouds");
            assert_eq!(Provider::Stargate.name(), "Stargate");
        });
        for provider in Provider::ALL {
            assert_eq!(provider.name(), provider.column_name());
        }
    }

    #[test]
    fn shares_sum_to_one_hundred() {
        for row in project(&Scenario::REPORT).rows {
            let sum: f64 = Provider::ALL.iter().map(|p| p.share(&row)).sum();
            assert!((sum - 100.0).abs() < 1e-9);
        }
    }

    /// `#rrggbb` as linear-light RGB in [0, 1].
    fn linear(hex: &str) -> [f64; 3] {
        let digits = hex.trim_start_matches('#');
        assert_eq!(digits.len(), 6, "{hex}");
        let channel = |i: usize| {
            let c = f64::from(u8::from_str_radix(&digits[i..i + 2], 16).unwrap()) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        [channel(0), channel(2), channel(4)]
    }

    /// WCAG 2.1's contrast ratio of two colours.
    fn contrast(a: &str, b: &str) -> f64 {
        let luminance = |rgb: [f64; 3]| 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
        let (la, lb) = (luminance(linear(a)), luminance(linear(b)));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    /// The light and dark values of a `--NAME: light-dark(#light, #dark)` in the stylesheet.
    fn theme_colours(css: &str, name: &str) -> [String; 2] {
        let start = css.find(&format!("--{name}: light-dark(")).unwrap() + name.len() + 15;
        let inner = &css[start..start + css[start..].find(')').unwrap()];
        let mut parts = inner.split(',').map(|p| p.trim().to_string());
        [parts.next().unwrap(), parts.next().unwrap()]
    }

    #[test]
    fn every_series_stands_at_3_to_1_against_the_charts_in_both_themes() {
        let css = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/style/main.css"))
            .unwrap();
        // The charts sit on cards; the page around them is the paper. White: the exports.
        let [card_light, card_dark] = theme_colours(&css, "card");
        let [paper_light, paper_dark] = theme_colours(&css, "paper");
        let backgrounds = [
            card_light,
            paper_light,
            card_dark,
            paper_dark,
            "#ffffff".into(),
        ];
        for provider in Provider::ALL {
            for background in &backgrounds {
                let ratio = contrast(provider.colour(), background);
                assert!(ratio >= 3.5, "{provider:?} on {background}: {ratio:.2}:1");
            }
        }
    }

    #[test]
    fn the_series_stay_apart_with_each_colour_vision_deficiency() {
        // Machado, Oliveira and Fernandes (2009), full severity, on linear RGB; distance in
        // CIELAB (ΔE*ab, D65). Okabe–Ito's own set is 17 at its closest (tritanopia, blue and
        // green); 10 is clearly apart side by side, as the legend and the stacked areas are.
        const SIMULATIONS: [[[f64; 3]; 3]; 4] = [
            [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
            [
                [0.152286, 1.052583, -0.204868],
                [0.114503, 0.786281, 0.099216],
                [-0.003882, -0.048116, 1.051998],
            ],
            [
                [0.367322, 0.860646, -0.227968],
                [0.280085, 0.672501, 0.047413],
                [-0.011820, 0.042940, 0.968881],
            ],
            [
                [1.255528, -0.076749, -0.178779],
                [-0.078411, 0.930809, 0.147602],
                [0.004733, 0.691367, 0.303900],
            ],
        ];
        let lab = |rgb: [f64; 3]| {
            let [r, g, b] = rgb.map(|c| c.clamp(0.0, 1.0));
            let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
            let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
            let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
            let f = |t: f64| {
                if t > 0.008856 {
                    t.cbrt()
                } else {
                    7.787 * t + 16.0 / 116.0
                }
            };
            [
                116.0 * f(y) - 16.0,
                500.0 * (f(x) - f(y)),
                200.0 * (f(y) - f(z)),
            ]
        };
        for (kind, m) in SIMULATIONS.iter().enumerate() {
            let seen = |hex: &str| {
                let c = linear(hex);
                lab([0, 1, 2].map(|i| m[i][0] * c[0] + m[i][1] * c[1] + m[i][2] * c[2]))
            };
            for (i, a) in Provider::ALL.iter().enumerate() {
                for b in &Provider::ALL[i + 1..] {
                    let (p, q) = (seen(a.colour()), seen(b.colour()));
                    let distance =
                        ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2) + (p[2] - q[2]).powi(2))
                            .sqrt();
                    assert!(
                        distance >= 10.0,
                        "simulation {kind}: {a:?} and {b:?} only {distance:.1} apart"
                    );
                }
            }
        }
    }
}
