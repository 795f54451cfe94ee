//! Chart geometry: where every pixel of the page's charts goes, in plain numbers and strings,
//! decided (and tested) here; the page and the downloads only draw what these say. Each job a
//! file: `axes` (frames, scales, ticks, year columns, end labels), `series` (each chart's data
//! as SVG paths: the spend chart's stacked areas, the share chart's lines and markers, a
//! baseline's outlines, the uncertainty bands), `notes` (the author's marked year and note),
//! `tornado` (the sensitivity bars).

mod axes;
mod notes;
mod series;
mod tornado;

pub use axes::{nice_ticks, Axes, AxisTick, EndLabel, LinearScale, PlotArea, Ticks, YearColumn};
pub use notes::{mark_rule, note_callout, wrap, Callout, MarkRule};
pub use series::{marker_symbol, share_chart, share_chart_with, spend_chart, spend_chart_with};
pub use tornado::{tornado_chart, Tornado, TornadoRow};

use crate::format;
use crate::model::{Projection, YearRow};
use crate::providers::Provider;
use crate::uncertainty::Bands;
use crate::words::{fill, t, Text};

/// The page's two charts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChartKind {
    /// Spend by provider per year, stacked areas, $B.
    Spend,
    /// Each provider's share of spend per year, lines, %.
    Share,
}

impl ChartKind {
    pub const ALL: [ChartKind; 2] = [ChartKind::Spend, ChartKind::Share];

    /// The chart's element id on the page (`<figure id>`).
    pub fn id(self) -> &'static str {
        match self {
            ChartKind::Spend => "spend-chart",
            ChartKind::Share => "share-chart",
        }
    }

    /// The chart's title, in the page's language.
    pub fn title(self) -> &'static str {
        match self {
            ChartKind::Spend => t(Text::ChartSpendTitle),
            ChartKind::Share => t(Text::ChartShareTitle),
        }
    }

    /// The chart's geometry for a projection, with its overlays, drawn in `frame`.
    pub fn draw(self, projection: &Projection, overlays: Overlays, frame: Frame) -> Chart {
        match self {
            ChartKind::Spend => spend_chart_with(projection, overlays, frame),
            ChartKind::Share => share_chart_with(projection, overlays, frame),
        }
    }

    /// A provider's value in a year as the chart's readout and legend print it.
    pub fn value_text(self, provider: Provider, row: &YearRow) -> String {
        match self {
            ChartKind::Spend => format::billions_exact(provider.spend(row)),
            ChartKind::Share => format::percent(provider.share(row), 1),
        }
    }

    /// A provider's name and its value in a year, as the end labels, the exported legend and
    /// the readout's spoken words give them: `Stargate $59.95B`.
    pub fn value_label(self, provider: Provider, row: &YearRow) -> String {
        fill(
            Text::ChartValueLabel,
            &[
                ("provider", provider.name()),
                ("value", &self.value_text(provider, row)),
            ],
        )
    }
}

/// What a chart draws besides the scenario itself.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Overlays<'a> {
    /// A pinned scenario, drawn as outlines (the "ghost") for comparison.
    pub baseline: Option<&'a Projection>,
    /// Uncertainty bands around total and Stargate spend (the spend chart only).
    pub bands: Option<&'a Bands>,
}

/// Size of a chart in CSS pixels (the SVG's viewBox is the same, so 1 unit is 1 pixel).
#[derive(Default, Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
}

impl Frame {
    /// Smallest drawable frame; narrower containers still get a valid (if cramped) chart.
    pub const MIN: Frame = Frame {
        width: 240.0,
        height: 180.0,
    };

    /// A frame for a container `width` pixels wide: height follows width within limits.
    pub fn for_width(width: f64) -> Frame {
        let width = if width.is_finite() {
            width.max(Frame::MIN.width)
        } else {
            640.0
        };
        Frame {
            width,
            height: crate::clamp(width * 0.55, Frame::MIN.height, 320.0),
        }
    }

    /// A flatter frame for the embed's chart view, which must fit a story's pinned frame
    /// (320×300 px with its sentence, title and legend): 0.42 as tall as wide, from 120 px.
    pub fn compact_for_width(width: f64) -> Frame {
        let frame = Frame::for_width(width);
        Frame {
            height: crate::clamp(frame.width * 0.42, 120.0, 300.0),
            ..frame
        }
    }
}

/// One drawn chart. Both charts share this shape (so the page binds them with the same code):
/// the spend chart fills `series` as closed areas and leaves `markers` empty; the share chart
/// draws `series` as lines with `markers` on each year.
#[derive(Default, Clone, Debug, PartialEq)]
pub struct Chart {
    pub axes: Axes,
    /// One path per provider, in [`Provider::ALL`] order.
    pub series: [String; 4],
    /// All of a provider's markers as one path, in [`Provider::ALL`] order (may be empty).
    pub markers: [String; 4],
    /// For each year, the y pixel of each provider's point (the top edge of its layer in the
    /// spend chart), in [`Provider::ALL`] order: where the hover dots sit.
    pub points: Vec<[f64; 4]>,
    pub end_labels: Vec<EndLabel>,
    /// The baseline's outline per provider (its layer's top edge, or its share line), in
    /// [`Provider::ALL`] order; empty strings without a baseline.
    pub ghosts: [String; 4],
    /// Uncertainty bands as closed areas: total 5–95 %, total 25–75 %, Stargate 5–95 %,
    /// Stargate 25–75 %; empty strings without bands (and always on the share chart).
    pub bands: [String; 4],
    /// The author's marked year and note ([`Chart::annotate`]); `None` without them.
    pub mark: Option<MarkRule>,
    pub callout: Option<Callout>,
    /// The bands' medians as lines: total, Stargate.
    pub medians: [String; 2],
}

#[cfg(test)]
mod tests {
    use super::axes::{LABEL_CHAR_WIDTH, LABEL_GAP, YEAR_LABEL_ROOM};
    use super::*;
    use crate::model::project;
    use crate::scenario::Scenario;

    #[test]
    fn axis_ticks_follow_the_data() {
        let projection = project(&Scenario::REPORT);
        let chart = spend_chart(&projection, Frame::for_width(800.0));
        let labels: Vec<&str> = chart
            .axes
            .y_ticks
            .iter()
            .map(|t| t.label.as_str())
            .collect();
        assert_eq!(labels, ["$0B", "$20B", "$40B", "$60B", "$80B"]);
        assert_eq!(chart.axes.y_ticks[0].position, chart.axes.plot.bottom);
        assert_eq!(chart.axes.y_ticks[4].position, chart.axes.plot.top);
        let mut bigger = Scenario::REPORT;
        bigger.spend_2027 = 200.0;
        bigger.growth_after_2027 = 150.0;
        bigger.last_year = 2035.0;
        // 200 × 2.5⁸ ≈ $305,000B in 2035: the axis rescales and groups its digits.
        let chart = spend_chart(&project(&bigger), Frame::for_width(800.0));
        assert_eq!(
            chart.axes.y_ticks.last().map(|t| t.label.as_str()),
            Some("$400,000B")
        );
    }

    #[test]
    fn year_columns_tile_the_plot_without_gaps() {
        for width in [240.0, 390.0, 800.0, 1600.0] {
            let mut scenario = Scenario::REPORT;
            scenario.last_year = 2035.0;
            let chart = spend_chart(&project(&scenario), Frame::for_width(width));
            assert_eq!(chart.axes.columns.len(), 12);
            assert_eq!(chart.axes.columns[0].left, chart.axes.plot.left);
            for pair in chart.axes.columns.windows(2) {
                assert!((pair[0].left + pair[0].width - pair[1].left).abs() < 1e-9);
            }
            let last = chart.axes.columns[11];
            assert!((last.left + last.width - chart.axes.plot.right).abs() < 1e-9);
        }
    }

    #[test]
    fn year_labels_thin_out_when_narrow_but_keep_2030() {
        let mut scenario = Scenario::REPORT;
        scenario.last_year = 2035.0;
        let projection = project(&scenario);
        let wide = spend_chart(&projection, Frame::for_width(1200.0));
        assert_eq!(wide.axes.x_ticks.len(), 12);
        let narrow = spend_chart(&projection, Frame::for_width(300.0));
        assert!(narrow.axes.x_ticks.len() < 12);
        assert!(narrow.axes.x_ticks.iter().any(|t| t.label == "2030"));
        for pair in narrow.axes.x_ticks.windows(2) {
            assert!(pair[1].position - pair[0].position >= YEAR_LABEL_ROOM - 1e-9);
        }
    }

    #[test]
    fn end_labels_only_when_wide_and_never_overlap() {
        let projection = project(&Scenario::REPORT);
        let narrow = share_chart(&projection, Frame::for_width(400.0));
        assert!(narrow.end_labels.is_empty());
        let wide = share_chart(&projection, Frame::for_width(900.0));
        assert_eq!(wide.end_labels.len(), 4);
        for pair in wide.end_labels.windows(2) {
            assert!(pair[1].y - pair[0].y >= LABEL_GAP - 1e-9);
        }
        // Oracle and other clouds are 0 in 2030 by default: the spend chart skips them.
        let spend = spend_chart(&projection, Frame::for_width(900.0));
        let names: Vec<Provider> = spend.end_labels.iter().map(|l| l.provider).collect();
        assert_eq!(names, [Provider::Stargate, Provider::MicrosoftAzure]);
        // The legend's words: the same value, to the cent.
        assert_eq!(spend.end_labels[0].text, "Stargate $59.95B");
    }

    #[test]
    fn end_labels_fit_inside_the_frame() {
        let projection = project(&Scenario::REPORT);
        for width in [520.0, 700.0, 1200.0] {
            let frame = Frame::for_width(width);
            let spend = spend_chart(&projection, frame);
            let share = share_chart(&projection, frame);
            for label in spend.end_labels.iter().chain(&share.end_labels) {
                let right = label.x + label.text.chars().count() as f64 * LABEL_CHAR_WIDTH;
                assert!(right <= frame.width, "{width}: {label:?}");
                assert!(label.x > spend.axes.plot.left);
            }
        }
    }

    #[test]
    fn frames_have_sane_sizes() {
        assert_eq!(Frame::for_width(100.0).width, Frame::MIN.width);
        assert_eq!(Frame::for_width(f64::NAN).width, 640.0);
        assert_eq!(Frame::for_width(2000.0).height, 320.0);
        assert_eq!(Frame::for_width(300.0).height, Frame::MIN.height);
        // The chart view's: flatter, and never taller than the usual frame.
        assert_eq!(Frame::compact_for_width(300.0).height, 126.0);
        assert_eq!(Frame::compact_for_width(100.0).height, 120.0);
        assert_eq!(Frame::compact_for_width(2000.0).height, 300.0);
        for width in [240.0, 320.0, 480.0, 640.0, 1200.0] {
            let (compact, usual) = (Frame::compact_for_width(width), Frame::for_width(width));
            assert!(compact.height <= usual.height && compact.width == usual.width);
        }
    }

    #[test]
    fn a_compact_frame_still_draws_every_tick_and_year() {
        let p = project(&Scenario::REPORT);
        let chart = spend_chart(&p, Frame::compact_for_width(240.0));
        let axes = &chart.axes;
        assert!(axes.y_ticks.len() >= 3, "{:?}", axes.y_ticks);
        // Ticks at least a label's height apart, inside the plot.
        for pair in axes.y_ticks.windows(2) {
            assert!((pair[0].position - pair[1].position).abs() >= 14.0);
        }
        assert!(axes.plot.bottom - axes.plot.top >= 80.0);
        assert!(!axes.x_ticks.is_empty());
    }

    #[test]
    fn titles_ranges_and_end_labels_follow_the_page_language() {
        use crate::sensitivity::{tornado, Output};
        use crate::words::{with_language, Lang};
        let german = include_str!("../../lang/de.json");
        let swings = tornado(&Scenario::REPORT, Output::Stargate2030);
        let projection = project(&Scenario::REPORT);
        let (titles, range, label) = with_language(Lang::De, german, || {
            let share = share_chart(&projection, Frame::for_width(900.0));
            let other = projection.rows.last().map_or_else(String::new, |last| {
                ChartKind::Share.value_text(Provider::OtherClouds, last)
            });
            (
                [ChartKind::Spend.title(), ChartKind::Share.title()],
                tornado_chart(&swings, 600.0).rows[1].range.clone(),
                (share.end_labels, other),
            )
        });
        assert_eq!(
            titles,
            [
                "Ausgaben für Rechenleistung nach Anbieter, Mrd. Dollar pro Jahr",
                "Anteil der Anbieter an den Ausgaben für Rechenleistung, %",
            ]
        );
        assert!(range.contains(" bis "), "{range}");
        let (end_labels, other) = label;
        assert!(
            end_labels
                .iter()
                .any(|l| l.text == "Sonstige Clouds ".to_string() + &other),
            "{end_labels:?}"
        );
        // And back in English afterwards.
        assert_eq!(
            ChartKind::Spend.title(),
            "Compute spend by provider, $B per year"
        );
    }
}
