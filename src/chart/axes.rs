//! A chart's frame and axes: the plot area inside the frame (room for the tick labels on the
//! left and the end labels on the right), the scales, round ticks, the year columns the
//! pointer selects, and the end labels spread so none overlaps the next.

use super::Frame;
use crate::format;
use crate::model::{Projection, SHARE_TARGET_YEAR};
use crate::providers::Provider;

/// The inner rectangle where data is drawn.
#[derive(Default, Clone, Copy, Debug, PartialEq)]
pub struct PlotArea {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

/// Maps a domain interval linearly onto a pixel interval.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinearScale {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl LinearScale {
    pub fn map(&self, value: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 == d0 {
            // A one-point domain: draw it in the middle rather than divide by zero.
            return (r0 + r1) / 2.0;
        }
        r0 + (value - d0) / (d1 - d0) * (r1 - r0)
    }
}

/// Evenly spaced round values from 0 to at least the data's maximum.
#[derive(Clone, Debug, PartialEq)]
pub struct Ticks {
    pub step: f64,
    /// The axis maximum: the last tick, ≥ the data maximum.
    pub max: f64,
    pub values: Vec<f64>,
}

/// Ticks for an axis from 0 to `data_max`, about `target` intervals, on steps of 1, 2 or 5
/// times a power of ten. A non-positive or non-finite maximum gives the axis 0 to 1.
pub fn nice_ticks(data_max: f64, target: usize) -> Ticks {
    let data_max = if data_max.is_finite() && data_max > 0.0 {
        data_max
    } else {
        1.0
    };
    let target = target.max(1) as f64;
    let raw_step = data_max / target;
    let magnitude = 10f64.powf(raw_step.log10().floor());
    let fraction = raw_step / magnitude;
    let nice = if fraction <= 1.0 {
        1.0
    } else if fraction <= 2.0 {
        2.0
    } else if fraction <= 5.0 {
        5.0
    } else {
        10.0
    };
    let step = nice * magnitude;
    // The small tolerance keeps 80.0000001 from adding a whole extra step.
    let intervals = (data_max / step - 1e-9).ceil().max(1.0);
    let values = (0..=intervals as usize).map(|i| i as f64 * step).collect();
    Ticks {
        step,
        max: intervals * step,
        values,
    }
}

/// A tick on an axis: where it goes and what it says.
#[derive(Clone, Debug, PartialEq)]
pub struct AxisTick {
    pub position: f64,
    pub label: String,
}

/// The strip of the chart that belongs to one year: hovering it selects that year.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct YearColumn {
    pub year: i32,
    /// Centre of the year, where its data points sit.
    pub x: f64,
    pub left: f64,
    pub width: f64,
}

/// A provider's name written at the right end of its area or line.
#[derive(Clone, Debug, PartialEq)]
pub struct EndLabel {
    pub provider: Provider,
    pub x: f64,
    pub y: f64,
    pub text: String,
}

/// What both charts share: their size, plot area, axes and year columns.
#[derive(Default, Clone, Debug, PartialEq)]
pub struct Axes {
    pub frame: Frame,
    pub plot: PlotArea,
    pub y_ticks: Vec<AxisTick>,
    pub x_ticks: Vec<AxisTick>,
    pub columns: Vec<YearColumn>,
}

/// Below this width the charts drop their end labels and rely on the legend.
pub(super) const END_LABEL_MIN_WIDTH: f64 = 520.0;
/// Approximate advance of one character of the 12 px axis font.
pub(super) const CHAR_WIDTH: f64 = 7.0;
/// The same for the bold end labels.
pub(super) const LABEL_CHAR_WIDTH: f64 = 7.4;
/// Minimum vertical distance between two end labels.
pub(super) const LABEL_GAP: f64 = 14.0;
/// Fewest pixels a year label needs before labels are thinned out.
pub(super) const YEAR_LABEL_ROOM: f64 = 38.0;

/// Vertical extent of the plot inside a frame (it does not depend on the labels).
pub(super) fn plot_top_bottom(frame: Frame) -> (f64, f64) {
    (10.0, frame.height - 26.0)
}

/// The plot area: room on the left for the widest tick label, on the right for the longest
/// end label (if any).
pub(super) fn plot_area(frame: Frame, y_labels: &[AxisTick], end_labels: &[EndLabel]) -> PlotArea {
    let widest = y_labels
        .iter()
        .map(|tick| tick.label.chars().count())
        .max()
        .unwrap_or(1);
    let longest = end_labels
        .iter()
        .map(|label| label.text.chars().count())
        .max();
    let right_room = longest.map_or(8.0, |chars| chars as f64 * LABEL_CHAR_WIDTH + 14.0);
    let (top, bottom) = plot_top_bottom(frame);
    PlotArea {
        left: widest as f64 * CHAR_WIDTH + 10.0,
        top,
        // Never let labels squeeze the plot below half the frame.
        right: (frame.width - right_room).max(frame.width / 2.0),
        bottom,
    }
}

pub(super) fn year_scale(projection: &Projection, plot: &PlotArea) -> LinearScale {
    LinearScale {
        domain: (
            f64::from(projection.first_year()),
            f64::from(projection.last_year()),
        ),
        range: (plot.left, plot.right),
    }
}

pub(super) fn year_columns(
    projection: &Projection,
    x: &LinearScale,
    plot: &PlotArea,
) -> Vec<YearColumn> {
    let centres: Vec<(i32, f64)> = projection
        .rows
        .iter()
        .map(|row| (row.year, x.map(f64::from(row.year))))
        .collect();
    centres
        .iter()
        .enumerate()
        .map(|(i, &(year, centre))| {
            let left = match i.checked_sub(1).and_then(|p| centres.get(p)) {
                Some(&(_, previous)) => (previous + centre) / 2.0,
                None => plot.left,
            };
            let right = match centres.get(i + 1) {
                Some(&(_, next)) => (centre + next) / 2.0,
                None => plot.right,
            };
            YearColumn {
                year,
                x: centre,
                left,
                width: (right - left).max(0.0),
            }
        })
        .collect()
}

pub(super) fn year_ticks(columns: &[YearColumn], plot: &PlotArea) -> Vec<AxisTick> {
    let room = (plot.right - plot.left) / columns.len().max(1) as f64;
    let every = if room >= YEAR_LABEL_ROOM {
        1
    } else {
        (YEAR_LABEL_ROOM / room).ceil() as i32
    };
    columns
        .iter()
        // Thinned labels stay on a grid through 2030, the report's key year.
        .filter(|column| (column.year - SHARE_TARGET_YEAR).rem_euclid(every) == 0)
        .map(|column| AxisTick {
            position: column.x,
            label: format::year(column.year),
        })
        .collect()
}

pub(super) fn value_ticks(
    ticks: &Ticks,
    y: &LinearScale,
    label: impl Fn(f64) -> String,
) -> Vec<AxisTick> {
    ticks
        .values
        .iter()
        .map(|&v| AxisTick {
            position: y.map(v),
            label: label(v),
        })
        .collect()
}

/// Spreads labels apart so none sits closer than [`LABEL_GAP`] to the next, staying inside
/// the plot where possible. Keeps their order from top to bottom.
pub(super) fn spread_labels(labels: &mut [EndLabel], plot: &PlotArea) {
    // Insertion sort: at most four labels, and std's stable sort weighs ~3 KB in the wasm.
    for i in 1..labels.len() {
        let mut j = i;
        while j > 0
            && labels
                .get(j - 1)
                .zip(labels.get(j))
                .is_some_and(|(above, below)| above.y > below.y)
        {
            labels.swap(j - 1, j);
            j -= 1;
        }
    }
    let top = plot.top + 4.0;
    let bottom = plot.bottom - 2.0;
    let mut previous = f64::NEG_INFINITY;
    for label in labels.iter_mut() {
        label.y = label.y.max(previous + LABEL_GAP).max(top);
        previous = label.y;
    }
    // If the last label fell below the plot, push the stack back up from the bottom.
    let mut next = f64::INFINITY;
    for label in labels.iter_mut().rev() {
        label.y = label.y.min(next - LABEL_GAP).min(bottom);
        next = label.y;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_maps_ends_and_survives_a_point_domain() {
        let scale = LinearScale {
            domain: (0.0, 100.0),
            range: (300.0, 10.0),
        };
        assert_eq!(scale.map(0.0), 300.0);
        assert_eq!(scale.map(100.0), 10.0);
        assert_eq!(scale.map(50.0), 155.0);
        let point = LinearScale {
            domain: (5.0, 5.0),
            range: (0.0, 10.0),
        };
        assert_eq!(point.map(5.0), 5.0);
    }

    #[test]
    fn nice_ticks_are_round_and_cover_the_data() {
        let ticks = nice_ticks(79.94, 5);
        assert_eq!(ticks.values, vec![0.0, 20.0, 40.0, 60.0, 80.0]);
        assert_eq!(ticks.max, 80.0);
        let ticks = nice_ticks(80.0, 5);
        assert_eq!(ticks.max, 80.0, "an exact maximum needs no extra step");
        let ticks = nice_ticks(101.0, 5);
        assert_eq!(ticks.step, 50.0);
        assert_eq!(ticks.values, vec![0.0, 50.0, 100.0, 150.0]);
        let ticks = nice_ticks(0.7, 5);
        assert!((ticks.step - 0.2).abs() < 1e-12);
        assert!((ticks.max - 0.8).abs() < 1e-12);
        let ticks = nice_ticks(305_175.8, 5);
        assert_eq!(ticks.step, 100_000.0);
        assert_eq!(ticks.max, 400_000.0);
    }

    #[test]
    fn nice_ticks_survive_degenerate_maxima() {
        for max in [0.0, -5.0, f64::NAN, f64::INFINITY] {
            let ticks = nice_ticks(max, 5);
            assert_eq!(ticks.max, 1.0, "{max}");
            assert!(ticks.values.len() >= 2);
        }
        assert!(nice_ticks(10.0, 0).values.len() >= 2);
    }

    #[test]
    fn nice_ticks_hold_for_many_maxima() {
        let mut max = 0.01;
        while max < 1e7 {
            let ticks = nice_ticks(max, 5);
            assert!(ticks.max >= max * (1.0 - 1e-9), "{max}");
            assert!(
                ticks.values.len() >= 2 && ticks.values.len() <= 11,
                "{max}: {ticks:?}"
            );
            let mantissa = ticks.step / 10f64.powf(ticks.step.log10().floor());
            assert!(
                [1.0, 2.0, 5.0].iter().any(|m| (mantissa - m).abs() < 1e-9),
                "{max}: step {}",
                ticks.step
            );
            max *= 1.37;
        }
    }
}
