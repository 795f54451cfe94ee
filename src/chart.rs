//! Chart geometry: scales, nice ticks, stacking and SVG path data, in plain numbers and
//! strings. The components only copy these into SVG attributes, so everything about where a
//! pixel goes is decided (and tested) here.

use crate::annotation::Annotation;
use crate::format;
use crate::model::{Projection, YearRow, SHARE_TARGET_YEAR};
use crate::providers::{Marker, Provider};
use crate::sensitivity::{Lever, Swing};
use crate::uncertainty::{Bands, Quantiles};
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

/// Below this width the charts drop their end labels and rely on the legend.
const END_LABEL_MIN_WIDTH: f64 = 520.0;
/// Approximate advance of one character of the 12 px axis font.
const CHAR_WIDTH: f64 = 7.0;
/// The same for the bold end labels.
const LABEL_CHAR_WIDTH: f64 = 7.4;
/// Minimum vertical distance between two end labels.
const LABEL_GAP: f64 = 14.0;
/// Fewest pixels a year label needs before labels are thinned out.
const YEAR_LABEL_ROOM: f64 = 38.0;

/// Vertical extent of the plot inside a frame (it does not depend on the labels).
fn plot_top_bottom(frame: Frame) -> (f64, f64) {
    (10.0, frame.height - 26.0)
}

/// The plot area: room on the left for the widest tick label, on the right for the longest
/// end label (if any).
fn plot_area(frame: Frame, y_labels: &[AxisTick], end_labels: &[EndLabel]) -> PlotArea {
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

fn year_scale(projection: &Projection, plot: &PlotArea) -> LinearScale {
    LinearScale {
        domain: (
            f64::from(projection.first_year()),
            f64::from(projection.last_year()),
        ),
        range: (plot.left, plot.right),
    }
}

fn year_columns(projection: &Projection, x: &LinearScale, plot: &PlotArea) -> Vec<YearColumn> {
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

fn year_ticks(columns: &[YearColumn], plot: &PlotArea) -> Vec<AxisTick> {
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

fn value_ticks(ticks: &Ticks, y: &LinearScale, label: impl Fn(f64) -> String) -> Vec<AxisTick> {
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
fn spread_labels(labels: &mut [EndLabel], plot: &PlotArea) {
    // Insertion sort: at most four labels, and std's stable sort weighs ~3 KB in the wasm.
    for i in 1..labels.len() {
        let mut j = i;
        while j > 0 && labels[j - 1].y > labels[j].y {
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

/// Builds SVG path data with coordinates rounded to 0.1 px (shorter strings, same picture).
struct PathData(String);

impl PathData {
    fn new() -> Self {
        PathData(String::new())
    }

    fn command(&mut self, letter: char, x: f64, y: f64) {
        self.0.push(letter);
        self.0.push_str(&format::fixed(x, 1));
        self.0.push(',');
        self.0.push_str(&format::fixed(y, 1));
    }

    fn relative(&mut self, letter: char, dx: f64, dy: f64) {
        self.command(letter, dx, dy);
    }

    fn close(&mut self) {
        self.0.push('Z');
    }
}

/// The spend chart for a projection drawn in `frame`.
pub fn spend_chart(projection: &Projection, frame: Frame) -> Chart {
    spend_chart_with(projection, Overlays::default(), frame)
}

/// The baseline's rows for the years the current projection shows.
fn baseline_rows<'a>(
    projection: &Projection,
    overlays: &Overlays<'a>,
) -> Vec<(usize, &'a crate::model::YearRow)> {
    let Some(baseline) = overlays.baseline else {
        return Vec::new();
    };
    projection
        .rows
        .iter()
        .enumerate()
        .filter_map(|(i, row)| baseline.row(row.year).map(|b| (i, b)))
        .collect()
}

/// A polyline through `(columns[i].x, y)` for each `(i, y)`.
fn polyline(columns: &[YearColumn], points: impl Iterator<Item = (usize, f64)>) -> String {
    let mut path = PathData::new();
    for (i, y) in points {
        if let Some(column) = columns.get(i) {
            path.command(if path.0.is_empty() { 'M' } else { 'L' }, column.x, y);
        }
    }
    path.0
}

/// The spend chart with overlays: the y axis covers the baseline too.
pub fn spend_chart_with(projection: &Projection, overlays: Overlays, frame: Frame) -> Chart {
    let ghost_rows = baseline_rows(projection, &overlays);
    let band_years = overlays.bands.map_or(&[][..], |b| b.total.as_slice());
    let data_max = projection
        .rows
        .iter()
        .map(|row| row.total)
        .chain(ghost_rows.iter().map(|(_, row)| row.total))
        .chain(band_years.iter().map(|q| q.p95))
        .fold(0.0, f64::max);
    let ticks = nice_ticks(data_max, 5);
    let labels = |v: f64| format::billions_trimmed(v, 2);
    let provisional = value_ticks(
        &ticks,
        &LinearScale {
            domain: (0.0, 1.0),
            range: (0.0, 1.0),
        },
        labels,
    );

    // End labels for the layers thick enough to see in the last year; the legend still names
    // the others. Their text decides the right margin, so they come before the plot area.
    let (top, bottom) = plot_top_bottom(frame);
    let pixels_per_billion = (bottom - top) / ticks.max;
    let mut end_labels = Vec::new();
    if frame.width >= END_LABEL_MIN_WIDTH {
        if let Some(last) = projection.rows.last() {
            for provider in Provider::ALL {
                let spend = provider.spend(last);
                if spend * pixels_per_billion >= 1.0 {
                    end_labels.push(EndLabel {
                        provider,
                        x: 0.0,
                        y: 0.0,
                        // The legend's words, so the two never disagree.
                        text: ChartKind::Spend.value_label(provider, last),
                    });
                }
            }
        }
    }

    let plot = plot_area(frame, &provisional, &end_labels);
    let y = LinearScale {
        domain: (0.0, ticks.max),
        range: (plot.bottom, plot.top),
    };
    let x = year_scale(projection, &plot);
    let columns = year_columns(projection, &x, &plot);

    // Cumulative bottoms and tops of each layer, per year.
    let mut layer_tops = Vec::with_capacity(projection.rows.len());
    let mut layer_bottoms = Vec::with_capacity(projection.rows.len());
    for row in &projection.rows {
        let mut running = 0.0;
        let mut tops = [0.0; 4];
        let mut bottoms = [0.0; 4];
        for (i, provider) in Provider::ALL.iter().enumerate() {
            bottoms[i] = y.map(running);
            running += provider.spend(row);
            tops[i] = y.map(running);
        }
        layer_tops.push(tops);
        layer_bottoms.push(bottoms);
    }

    let areas = std::array::from_fn(|layer| {
        let mut path = PathData::new();
        for (i, column) in columns.iter().enumerate() {
            path.command(
                if i == 0 { 'M' } else { 'L' },
                column.x,
                layer_tops[i][layer],
            );
        }
        for (i, column) in columns.iter().enumerate().rev() {
            path.command('L', column.x, layer_bottoms[i][layer]);
        }
        path.close();
        path.0
    });

    if let (Some(tops), Some(bottoms)) = (layer_tops.last(), layer_bottoms.last()) {
        for label in &mut end_labels {
            let i = Provider::ALL
                .iter()
                .position(|p| *p == label.provider)
                .unwrap_or(0);
            label.x = plot.right + 6.0;
            label.y = (tops[i] + bottoms[i]) / 2.0 + 4.0;
        }
        spread_labels(&mut end_labels, &plot);
    }

    let ghosts = std::array::from_fn(|layer| {
        polyline(
            &columns,
            ghost_rows.iter().map(|&(i, row)| {
                let top: f64 = Provider::ALL
                    .iter()
                    .take(layer + 1)
                    .map(|p| p.spend(row))
                    .sum();
                (i, y.map(top))
            }),
        )
    });

    let (bands, medians) = overlays.bands.map_or_else(Default::default, |b| {
        let area =
            |spread: &[Quantiles], low: fn(&Quantiles) -> f64, high: fn(&Quantiles) -> f64| {
                band_area(&columns, spread, &y, low, high)
            };
        let median = |spread: &[Quantiles]| {
            polyline(
                &columns,
                spread.iter().enumerate().map(|(i, q)| (i, y.map(q.p50))),
            )
        };
        (
            [
                area(&b.total, |q| q.p05, |q| q.p95),
                area(&b.total, |q| q.p25, |q| q.p75),
                area(&b.stargate, |q| q.p05, |q| q.p95),
                area(&b.stargate, |q| q.p25, |q| q.p75),
            ],
            [median(&b.total), median(&b.stargate)],
        )
    });

    Chart {
        axes: Axes {
            frame,
            plot,
            y_ticks: value_ticks(&ticks, &y, labels),
            x_ticks: year_ticks(&columns, &plot),
            columns,
        },
        series: areas,
        markers: Default::default(),
        points: layer_tops,
        end_labels,
        ghosts,
        bands,
        medians,
        mark: None,
        callout: None,
    }
}

/// A closed area between two quantiles of each year: along the top edge left to right, back
/// along the bottom edge.
fn band_area(
    columns: &[YearColumn],
    spread: &[Quantiles],
    y: &LinearScale,
    low: fn(&Quantiles) -> f64,
    high: fn(&Quantiles) -> f64,
) -> String {
    let mut path = PathData::new();
    let years = columns.iter().zip(spread);
    for (i, (column, q)) in years.clone().enumerate() {
        path.command(if i == 0 { 'M' } else { 'L' }, column.x, y.map(high(q)));
    }
    for (column, q) in years.rev() {
        path.command('L', column.x, y.map(low(q)));
    }
    if !path.0.is_empty() {
        path.close();
    }
    path.0
}

/// The share chart for a projection drawn in `frame`.
pub fn share_chart(projection: &Projection, frame: Frame) -> Chart {
    share_chart_with(projection, Overlays::default(), frame)
}

/// The share chart with overlays.
pub fn share_chart_with(projection: &Projection, overlays: Overlays, frame: Frame) -> Chart {
    let ticks = Ticks {
        step: 25.0,
        max: 100.0,
        values: vec![0.0, 25.0, 50.0, 75.0, 100.0],
    };
    let labels = |v: f64| format::percent_trimmed(v, 0);
    let provisional = value_ticks(
        &ticks,
        &LinearScale {
            domain: (0.0, 1.0),
            range: (0.0, 1.0),
        },
        labels,
    );
    let mut end_labels = Vec::new();
    if frame.width >= END_LABEL_MIN_WIDTH {
        if let Some(last) = projection.rows.last() {
            for provider in Provider::ALL {
                end_labels.push(EndLabel {
                    provider,
                    x: 0.0,
                    y: provider.share(last),
                    text: ChartKind::Share.value_label(provider, last),
                });
            }
        }
    }
    let plot = plot_area(frame, &provisional, &end_labels);
    let y = LinearScale {
        domain: (0.0, 100.0),
        range: (plot.bottom, plot.top),
    };
    let x = year_scale(projection, &plot);
    let columns = year_columns(projection, &x, &plot);

    let points: Vec<[f64; 4]> = projection
        .rows
        .iter()
        .map(|row| std::array::from_fn(|i| y.map(Provider::ALL[i].share(row))))
        .collect();

    let lines = std::array::from_fn(|i| {
        let mut path = PathData::new();
        for (j, column) in columns.iter().enumerate() {
            path.command(if j == 0 { 'M' } else { 'L' }, column.x, points[j][i]);
        }
        path.0
    });
    let markers = std::array::from_fn(|i| {
        let mut path = PathData::new();
        for (j, column) in columns.iter().enumerate() {
            marker_path(&mut path, Provider::ALL[i].marker(), column.x, points[j][i]);
        }
        path.0
    });

    for label in &mut end_labels {
        // `y` held the share until the scale existed.
        label.x = plot.right + 8.0;
        label.y = y.map(label.y) + 4.0;
    }
    spread_labels(&mut end_labels, &plot);

    let ghost_rows = baseline_rows(projection, &overlays);
    let ghosts = std::array::from_fn(|i| {
        polyline(
            &columns,
            ghost_rows
                .iter()
                .map(|&(j, row)| (j, y.map(Provider::ALL[i].share(row)))),
        )
    });

    Chart {
        axes: Axes {
            frame,
            plot,
            y_ticks: value_ticks(&ticks, &y, labels),
            x_ticks: year_ticks(&columns, &plot),
            columns,
        },
        series: lines,
        markers,
        points,
        end_labels,
        ghosts,
        bands: Default::default(),
        medians: Default::default(),
        mark: None,
        callout: None,
    }
}

/// One lever's row of a tornado chart.
#[derive(Clone, Debug, PartialEq)]
pub struct TornadoRow {
    /// The lever, in words.
    pub label: String,
    /// What the lever's ends are: `0% to 100%`, `Late to Early`.
    pub range: String,
    /// Vertical centre of the row.
    pub y: f64,
    /// The bar, from the lower figure to the higher one (zero width for no effect).
    pub x: f64,
    pub width: f64,
    /// The figure at the lever's low and high end, where their labels go.
    pub low_x: f64,
    pub high_x: f64,
    pub low_text: String,
    pub high_text: String,
    /// True when the lever's low end gives the higher figure (the bar reads right to left).
    pub reversed: bool,
}

/// A tornado chart: rows of levers, largest swing first, around the scenario's own figure.
#[derive(Default, Clone, Debug, PartialEq)]
pub struct Tornado {
    pub frame: Frame,
    /// Where the scenario's own figure is: the line the bars swing around.
    pub base_x: f64,
    pub base_text: String,
    pub top: f64,
    pub bottom: f64,
    /// The levers that move the figure, largest swing first.
    pub rows: Vec<TornadoRow>,
    /// The levers that do not move it at all, named rather than drawn as empty bars.
    pub no_effect: Vec<&'static str>,
}

/// Height of one lever's row.
const TORNADO_ROW: f64 = 34.0;
/// Room above the rows for the base label.
const TORNADO_HEADER: f64 = 22.0;

/// Below this width a row gives its lever's name only, not its range.
const TORNADO_COMPACT_WIDTH: f64 = 520.0;

/// The tornado for `swings` (largest first, as `sensitivity::tornado` gives them) in a chart
/// `width` pixels wide. Labels sit above their bars, so it reads the same on a phone.
pub fn tornado_chart(swings: &[Swing], width: f64) -> Tornado {
    let width = if width.is_finite() {
        width.max(Frame::MIN.width)
    } else {
        640.0
    };
    let compact = width < TORNADO_COMPACT_WIDTH;
    // Every swing shares the scenario's own figure, moving or not.
    let base = swings.first().map_or(0.0, |s| s.base);
    let no_effect: Vec<&'static str> = swings
        .iter()
        .filter(|s| s.size() <= 1e-9)
        .map(|s| s.lever.label())
        .collect();
    let swings: Vec<&Swing> = swings.iter().filter(|s| s.size() > 1e-9).collect();
    let frame = Frame {
        width,
        height: TORNADO_HEADER + TORNADO_ROW * swings.len() as f64 + 8.0,
    };
    let (low, high) = swings.iter().fold((base, base), |(lo, hi), s| {
        (
            lo.min(s.at_low).min(s.at_high),
            hi.max(s.at_low).max(s.at_high),
        )
    });
    let money = format::billions;
    // Room at both ends for the value labels, as long as the language writes them
    // (`60,0 Mrd. $` takes twice the room of `$60.0B`), but never more than a quarter each.
    let longest = swings
        .iter()
        .flat_map(|s| [money(s.at_low), money(s.at_high)])
        .map(|text| text.chars().count())
        .max()
        .unwrap_or(0);
    let room = crate::clamp(longest as f64 * CHAR_WIDTH + 10.0, 64.0, width / 4.0);
    let x = LinearScale {
        domain: (low, high),
        range: (room, width - room),
    };
    let rows = swings
        .iter()
        .enumerate()
        .map(|(i, swing)| {
            let (a, b) = (x.map(swing.at_low), x.map(swing.at_high));
            let range = match (swing.lever, swing.ramp_at_low, swing.ramp_at_high) {
                _ if compact => String::new(),
                (Lever::Number(input), _, _) => {
                    let spec = input.spec();
                    range_text(
                        &format::input_value(spec.min, spec.unit),
                        &format::input_value(spec.max, spec.unit),
                    )
                }
                (Lever::Ramp, Some(lo), Some(hi)) => range_text(lo.label(), hi.label()),
                (Lever::Ramp, _, _) => String::new(),
            };
            TornadoRow {
                label: swing.lever.label().to_string(),
                range,
                y: TORNADO_HEADER + TORNADO_ROW * (i as f64 + 0.5) + 6.0,
                x: a.min(b),
                width: (a - b).abs(),
                low_x: a,
                high_x: b,
                low_text: money(swing.at_low),
                high_text: money(swing.at_high),
                reversed: swing.at_low > swing.at_high,
            }
        })
        .collect();
    Tornado {
        frame,
        base_x: x.map(base),
        base_text: money(base),
        top: TORNADO_HEADER,
        bottom: frame.height - 4.0,
        rows,
        no_effect,
    }
}

/// A lever's two ends in words: `0% to 100%`, `Late to Early`.
fn range_text(low: &str, high: &str) -> String {
    fill(Text::ChartRange, &[("low", low), ("high", high)])
}

impl Chart {
    /// The chart with the author's annotation drawn on it: the marked year's rule (when it is
    /// among the years shown) and, on the spend chart, the note's callout.
    pub fn annotate(mut self, kind: ChartKind, annotation: &Annotation, last_year: i32) -> Chart {
        let mark = annotation.mark_shown(last_year);
        self.mark = mark.and_then(|year| mark_rule(&self, year));
        self.callout = match (&annotation.note, kind) {
            (Some(note), ChartKind::Spend) => {
                note_callout(&self, annotation.note_year(last_year), note, mark.is_some())
            }
            _ => None,
        };
        self
    }
}

/// A marked year on a chart: a dashed rule across the plot at the year's centre, the year
/// written at its top (to the left of the rule in the plot's right half, so it never reaches
/// the end labels), and a dot on each provider's point that year.
#[derive(Clone, Debug, PartialEq)]
pub struct MarkRule {
    pub year: i32,
    pub x: f64,
    pub top: f64,
    pub bottom: f64,
    pub label: String,
    /// Where the year starts (it is written left to right from there).
    pub label_x: f64,
    pub label_y: f64,
    /// Each provider's point that year, in [`Provider::ALL`] order.
    pub dots: [f64; 4],
}

/// Height of the row at the top of the plot where a marked year is written.
const MARK_LABEL_ROW: f64 = 15.0;

/// The rule of `year` on `chart`, if the year is on it.
pub fn mark_rule(chart: &Chart, year: i32) -> Option<MarkRule> {
    let axes = &chart.axes;
    let index = axes.columns.iter().position(|c| c.year == year)?;
    let column = axes.columns.get(index)?;
    let plot = axes.plot;
    let right_half = column.x > (plot.left + plot.right) / 2.0;
    Some(MarkRule {
        year,
        x: column.x,
        top: plot.top,
        bottom: plot.bottom,
        label: format::year(year),
        // Four digits at the bold labels' width, left of the rule in the plot's right half.
        label_x: if right_half {
            column.x - 4.0 - 4.0 * LABEL_CHAR_WIDTH
        } else {
            column.x + 4.0
        },
        label_y: plot.top + MARK_LABEL_ROW - 4.0,
        dots: chart.points.get(index).copied().unwrap_or_default(),
    })
}

/// The sizes a note's text may take, largest first: font size (px), the width of one of its
/// characters and the line height (generous estimates, so the text stays inside its box
/// whatever the font). A long note on a small chart takes a smaller size rather than leave
/// the plot.
const NOTE_SIZES: [(f64, f64, f64); 4] = [
    (11.0, 6.6, 14.0),
    (10.0, 6.0, 12.5),
    (9.0, 5.4, 11.0),
    (8.0, 4.8, 10.0),
];
/// Room between the box's edge and its text.
const NOTE_PAD: f64 = 6.0;
/// The widest a note's box gets.
const NOTE_MAX_WIDTH: f64 = 240.0;

/// The author's note as a callout on the spend chart: a box of wrapped lines inside the plot,
/// near the top, beside the point it is about (the top of the stack in its year), and a
/// leader from the box to that point. Inside the plot, it never reaches the axes' labels or
/// the end labels (right of the plot), nor leaves the chart, down to the narrowest frame.
#[derive(Clone, Debug, PartialEq)]
pub struct Callout {
    /// The lines, each (but the last) ending with the space the note had there, so the lines
    /// put end to end are the note.
    pub lines: Vec<String>,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub text_x: f64,
    /// The text's size (px), and the baseline of its first line; the next ones are
    /// `line_height` apart.
    pub font_size: f64,
    pub first_baseline: f64,
    pub line_height: f64,
    /// From the box's edge to the point: x1, y1, x2, y2.
    pub leader: [f64; 4],
}

/// The callout of `note` at `year` on `chart`, if the year is on it; below the top row of the
/// plot when `year` is marked, whose year is written there ([`mark_rule`]).
pub fn note_callout(chart: &Chart, year: i32, note: &str, marked: bool) -> Option<Callout> {
    let axes = &chart.axes;
    let plot = axes.plot;
    let top = plot.top + if marked { MARK_LABEL_ROW } else { 0.0 };
    let index = axes.columns.iter().position(|c| c.year == year)?;
    let px = axes.columns.get(index)?.x;
    let py = chart.points.get(index).map_or(plot.bottom, |ys| {
        ys.iter().copied().fold(plot.bottom, f64::min)
    });
    let tall = plot.bottom - top - 4.0;
    // The largest size whose box fits the plot (the smallest otherwise).
    let mut fitted = None;
    for (font, char_width, line) in NOTE_SIZES {
        let room = (plot.right - plot.left - 4.0).max(NOTE_PAD * 2.0 + char_width * 8.0);
        let max_width = room.min(NOTE_MAX_WIDTH);
        let wrapped = wrap(note, max_width - 2.0 * NOTE_PAD, char_width);
        let lines = with_spaces(note, wrapped);
        let longest = lines.iter().map(|l| l.trim_end().chars().count()).max()?;
        let width = (longest as f64 * char_width + 2.0 * NOTE_PAD).min(max_width);
        let height = lines.len() as f64 * line + 2.0 * NOTE_PAD - (line - font);
        fitted = Some((lines, width, height, font, line));
        if height <= tall {
            break;
        }
    }
    let (lines, width, height, font, line) = fitted?;
    // Beside the point, on the side with more room; always inside the plot.
    let gap = 10.0;
    let wanted = if px > (plot.left + plot.right) / 2.0 {
        px - gap - width
    } else {
        px + gap
    };
    let x = crate::clamp(
        wanted,
        plot.left + 2.0,
        (plot.right - width - 2.0).max(plot.left + 2.0),
    );
    let mut y = top + 2.0;
    // A box that would sit on its own point goes below the point when there is room.
    let covers = px >= x && px <= x + width && py >= y && py <= y + height;
    if covers && py + gap + height <= plot.bottom - 2.0 {
        y = py + gap;
    }
    let leader = [
        crate::clamp(px, x, x + width),
        crate::clamp(py, y, y + height),
        px,
        py,
    ];
    Some(Callout {
        lines,
        x,
        y,
        width,
        height,
        text_x: x + NOTE_PAD,
        font_size: font,
        first_baseline: y + NOTE_PAD + font - 2.0,
        line_height: line,
        leader,
    })
}

/// `lines` (from [`wrap`] of `text`) each followed by the space `text` had where it was cut.
fn with_spaces(text: &str, lines: Vec<String>) -> Vec<String> {
    let mut rest = text;
    lines
        .into_iter()
        .map(|line| {
            rest = rest.strip_prefix(line.as_str()).unwrap_or(rest);
            match rest.strip_prefix(' ') {
                Some(after) => {
                    rest = after;
                    line + " "
                }
                None => line,
            }
        })
        .collect()
}

/// `words` in lines of at most `width` pixels at `char_width` a character; a word longer than
/// a line (a long scenario's query) is broken where it must be, at an `&` if it has one.
pub fn wrap(words: &str, width: f64, char_width: f64) -> Vec<String> {
    let most = ((width / char_width).floor() as usize).max(8);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in words.split(' ') {
        let mut word = word.to_string();
        loop {
            let used = line.chars().count();
            let room = if used == 0 {
                most
            } else {
                most.saturating_sub(used + 1)
            };
            let length = word.chars().count();
            if length <= room {
                if used > 0 {
                    line.push(' ');
                }
                line += &word;
                break;
            }
            if used > 0 && (length <= most || room == 0) {
                lines.push(std::mem::take(&mut line));
                continue;
            }
            // Longer than a whole line: break it, after the last `&` that fits if any.
            let fits: String = word.chars().take(room.max(1)).collect();
            let cut = fits.rfind('&').map_or(fits.len(), |at| at + 1);
            let cut = if cut == 0 { fits.len() } else { cut };
            let (head, tail) = word.split_at(cut);
            if used > 0 {
                line.push(' ');
            }
            line += head;
            lines.push(std::mem::take(&mut line));
            word = tail.to_string();
            if word.is_empty() {
                break;
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Path data for one marker of `shape` centred on (x, y): the legend draws these.
pub fn marker_symbol(shape: Marker, x: f64, y: f64) -> String {
    let mut path = PathData::new();
    marker_path(&mut path, shape, x, y);
    path.0
}

/// Appends one marker of `shape`, about 7 px across, centred on (x, y).
fn marker_path(path: &mut PathData, shape: Marker, x: f64, y: f64) {
    const R: f64 = 3.5;
    match shape {
        Marker::Circle => {
            // Two half-circle arcs; written out because arcs take more than a point.
            path.command('M', x - R, y);
            path.0.push_str("a3.5,3.5 0 1,0 7,0a3.5,3.5 0 1,0 -7,0");
        }
        Marker::Square => {
            path.command('M', x - R, y - R);
            path.relative('l', 2.0 * R, 0.0);
            path.relative('l', 0.0, 2.0 * R);
            path.relative('l', -2.0 * R, 0.0);
            path.close();
        }
        Marker::Triangle => {
            path.command('M', x, y - R - 0.5);
            path.relative('l', R + 0.5, 2.0 * R);
            path.relative('l', -2.0 * R - 1.0, 0.0);
            path.close();
        }
        Marker::Diamond => {
            path.command('M', x, y - R - 0.5);
            path.relative('l', R + 0.5, R + 0.5);
            path.relative('l', -R - 0.5, R + 0.5);
            path.relative('l', -R - 0.5, -R - 0.5);
            path.close();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::annotation::NOTE_LIMIT;

    /// True when two rectangles (left, top, right, bottom) overlap.
    fn overlap(a: [f64; 4], b: [f64; 4]) -> bool {
        a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
    }

    #[test]
    fn a_note_stays_inside_the_plot_clear_of_the_end_labels_at_every_width() {
        let notes = [
            "Stargate passes Azure".to_string(),
            "In 2028 Stargate passes Azure, and by 2030 it carries three-quarters of the bill, \
             as the report expects; Microsoft keeps the first right."
                .to_string(),
            "x".repeat(NOTE_LIMIT),
            "wide ".repeat(28).trim().to_string(),
        ];
        for last in [2030.0, 2035.0] {
            let mut scenario = Scenario::REPORT;
            scenario.last_year = last;
            let p = project(&scenario);
            for width in [100.0, 240.0, 280.0, 320.0, 390.0, 520.0, 700.0, 1200.0] {
                for frame in [Frame::for_width(width), Frame::compact_for_width(width)] {
                    let chart = spend_chart(&p, frame);
                    let plot = chart.axes.plot;
                    for year in 2024..=last as i32 {
                        for note in &notes {
                            let Some(c) = note_callout(&chart, year, note, year % 2 == 0) else {
                                panic!("a callout at {year}");
                            };
                            let at = format!("{width} px, {year}, {note:.20}");
                            assert!(
                                c.x >= plot.left && c.x + c.width <= plot.right + 0.01,
                                "{at}: {c:?}"
                            );
                            assert!(
                                c.y >= plot.top && c.y + c.height <= plot.bottom,
                                "{at}: {c:?}"
                            );
                            assert!(c.x >= 0.0 && c.x + c.width <= frame.width, "{at}");
                            // The text fits its box at the estimated character width.
                            let char_width = NOTE_SIZES
                                .iter()
                                .find(|size| size.0 == c.font_size)
                                .map_or(0.0, |size| size.1);
                            for line in &c.lines {
                                let used = line.trim_end().chars().count() as f64 * char_width;
                                assert!(used <= c.width - 2.0 * NOTE_PAD + 0.01, "{at}: {line}");
                            }
                            assert_eq!(c.lines.concat(), *note, "{at}: the lines are the note");
                            for label in &chart.end_labels {
                                let end = [
                                    label.x,
                                    label.y - 12.0,
                                    label.x + label.text.chars().count() as f64 * LABEL_CHAR_WIDTH,
                                    label.y + 3.0,
                                ];
                                assert!(
                                    !overlap([c.x, c.y, c.x + c.width, c.y + c.height], end),
                                    "{at}"
                                );
                            }
                            let [x1, y1, x2, y2] = c.leader;
                            assert!(
                                x1 >= c.x
                                    && x1 <= c.x + c.width
                                    && y1 >= c.y
                                    && y1 <= c.y + c.height
                            );
                            assert!(
                                x2 >= plot.left
                                    && x2 <= plot.right
                                    && y2 >= plot.top
                                    && y2 <= plot.bottom
                            );
                        }
                    }
                    assert!(note_callout(&chart, 2050, "x", false).is_none());
                }
            }
        }
    }

    #[test]
    fn a_marked_year_is_a_rule_across_the_plot_with_its_year() {
        let p = project(&Scenario::REPORT);
        let chart = spend_chart(&p, Frame::for_width(700.0));
        let rule = mark_rule(&chart, 2028).unwrap_or_else(|| panic!("2028 is on the chart"));
        let column = chart
            .axes
            .columns
            .iter()
            .find(|c| c.year == 2028)
            .map(|c| c.x);
        assert_eq!(Some(rule.x), column);
        assert_eq!(
            (rule.top, rule.bottom),
            (chart.axes.plot.top, chart.axes.plot.bottom)
        );
        assert_eq!(rule.label, "2028");
        assert_eq!(rule.dots, chart.points[4]);
        // In the right half, the year is written to the left of the rule.
        let last = mark_rule(&chart, 2030).unwrap_or_else(|| panic!("2030 is on the chart"));
        assert!(last.label_x + 4.0 * LABEL_CHAR_WIDTH < last.x);
        assert!(mark_rule(&chart, 2024).is_some_and(|r| r.label_x > r.x));
        assert!(mark_rule(&chart, 2031).is_none());
    }

    use super::*;
    use crate::model::project;
    use crate::scenario::Scenario;

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

    #[test]
    fn stacked_layers_touch_and_reach_the_total() {
        let projection = project(&Scenario::REPORT);
        let chart = spend_chart(&projection, Frame::for_width(800.0));
        let y = LinearScale {
            domain: (0.0, 80.0),
            range: (chart.axes.plot.bottom, chart.axes.plot.top),
        };
        for (row, tops) in projection.rows.iter().zip(&chart.points) {
            // Each layer's top is the running sum; the last one is the year's total.
            let mut running = 0.0;
            for (i, provider) in Provider::ALL.iter().enumerate() {
                running += provider.spend(row);
                assert!((tops[i] - y.map(running)).abs() < 1e-9);
            }
            assert!((tops[3] - y.map(row.total)).abs() < 1e-6);
        }
        // Microsoft's area starts at the baseline; everything stays inside the plot.
        for tops in &chart.points {
            for top in tops {
                assert!(
                    *top >= chart.axes.plot.top - 1e-9 && *top <= chart.axes.plot.bottom + 1e-9
                );
            }
        }
        assert!(chart.series[0].starts_with('M'));
        assert!(chart.series.iter().all(|d| d.ends_with('Z')));
    }

    #[test]
    fn area_path_walks_the_top_then_back_along_the_bottom() {
        let projection = project(&Scenario::REPORT);
        let chart = spend_chart(
            &projection,
            Frame {
                width: 400.0,
                height: 200.0,
            },
        );
        let commands = chart.series[1].matches(['M', 'L']).count();
        assert_eq!(commands, 2 * projection.rows.len());
        let first_x = &chart.series[1][1..chart.series[1].find(',').unwrap_or(1)];
        assert_eq!(first_x, format::fixed(chart.axes.plot.left, 1));
    }

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
    fn share_points_sit_on_the_percent_scale() {
        let projection = project(&Scenario::REPORT);
        let chart = share_chart(&projection, Frame::for_width(800.0));
        let y = LinearScale {
            domain: (0.0, 100.0),
            range: (chart.axes.plot.bottom, chart.axes.plot.top),
        };
        let last = chart.points.last().copied().unwrap_or_default();
        assert!(
            (last[1] - y.map(75.0)).abs() < 1e-6,
            "Stargate reaches 75% in 2030"
        );
        assert_eq!(
            chart.series.iter().filter(|d| d.starts_with('M')).count(),
            4
        );
        assert_eq!(chart.markers[0].matches('M').count(), projection.rows.len());
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
    fn a_baseline_is_drawn_as_outlines_on_the_same_axes() {
        let current = project(&Scenario::REPORT);
        let frame = Frame::for_width(800.0);
        let plain = spend_chart(&current, frame);
        assert!(plain.ghosts.iter().all(String::is_empty));

        // Pinned to itself: each outline runs along the top of its own layer.
        let same = spend_chart_with(
            &current,
            Overlays {
                baseline: Some(&current),
                ..Default::default()
            },
            frame,
        );
        for (layer, ghost) in same.ghosts.iter().enumerate() {
            let expected: Vec<String> = same
                .axes
                .columns
                .iter()
                .zip(&same.points)
                .map(|(c, p)| format::fixed(c.x, 1) + "," + &format::fixed(p[layer], 1))
                .collect();
            assert_eq!(
                ghost.trim_start_matches('M').split('L').collect::<Vec<_>>(),
                expected
            );
        }

        // A bigger baseline widens the axis so its outline stays inside the plot.
        let mut bigger = Scenario::REPORT;
        bigger.growth_after_2027 = 120.0;
        let baseline = project(&bigger);
        let chart = spend_chart_with(
            &current,
            Overlays {
                baseline: Some(&baseline),
                ..Default::default()
            },
            frame,
        );
        // 2030 total in the baseline: 20 × 2.2³ = $213B.
        assert!(chart
            .axes
            .y_ticks
            .last()
            .is_some_and(|t| t.label == "$250B"));
        let top_of_ghost = chart.ghosts[3]
            .split(['M', 'L'])
            .filter_map(|point| point.split(',').nth(1))
            .filter_map(|y| y.parse::<f64>().ok())
            .fold(f64::INFINITY, f64::min);
        assert!(top_of_ghost >= chart.axes.plot.top);

        // A baseline that shows fewer years is drawn where both have data.
        let mut longer = Scenario::REPORT;
        longer.last_year = 2035.0;
        let long = project(&longer);
        let chart = share_chart_with(
            &long,
            Overlays {
                baseline: Some(&current),
                ..Default::default()
            },
            frame,
        );
        assert_eq!(chart.ghosts[1].matches(['M', 'L']).count(), 7);
        assert_eq!(chart.series[1].matches(['M', 'L']).count(), 12);
    }

    #[test]
    fn uncertainty_bands_are_closed_areas_around_their_medians() {
        use crate::uncertainty::{simulate, Ranges};
        let projection = project(&Scenario::REPORT);
        let bands = simulate(&Scenario::REPORT, &Ranges::DEFAULT, 1, 2_000);
        let frame = Frame::for_width(800.0);
        let chart = spend_chart_with(
            &projection,
            Overlays {
                bands: Some(&bands),
                ..Default::default()
            },
            frame,
        );
        for band in &chart.bands {
            assert!(band.starts_with('M') && band.ends_with('Z'), "{band}");
            // Top edge and bottom edge, one point per year each.
            assert_eq!(band.matches(['M', 'L']).count(), 2 * projection.rows.len());
        }
        assert_eq!(
            chart.medians[0].matches(['M', 'L']).count(),
            projection.rows.len()
        );
        // The axis reaches the highest 95th percentile.
        let top = bands.total.iter().map(|q| q.p95).fold(0.0, f64::max);
        let axis_max = chart.axes.y_ticks.last().map_or(0.0, |t| {
            t.label
                .trim_matches(|c| c == '$' || c == 'B')
                .replace(',', "")
                .parse::<f64>()
                .unwrap_or(0.0)
        });
        assert!(top > 79.94 && axis_max >= top, "{top} {axis_max}");
        assert!(spend_chart(&projection, frame)
            .bands
            .iter()
            .all(String::is_empty));
        let share = share_chart_with(
            &projection,
            Overlays {
                bands: Some(&bands),
                ..Default::default()
            },
            frame,
        );
        assert!(
            share.bands.iter().all(String::is_empty),
            "bands are for spend"
        );
    }

    #[test]
    fn a_tornado_puts_the_largest_swing_first_around_the_base() {
        use crate::sensitivity::{tornado, Output};
        let swings = tornado(&Scenario::REPORT, Output::Stargate2030);
        let chart = tornado_chart(&swings, 600.0);
        assert_eq!(
            chart.rows.len(),
            2,
            "only growth and the share move Stargate 2030"
        );
        assert_eq!(chart.no_effect.len(), 6);
        assert_eq!(chart.no_effect[0], "First year with Stargate compute");
        assert_eq!(chart.base_text, "$60.0B");
        // Growth after 2027 first, then the share (from the report's scenario).
        assert_eq!(chart.rows[0].label, "Spend growth after 2027");
        assert_eq!(
            chart.rows[1].label,
            "Stargate share of compute spend in 2030"
        );
        assert_eq!(chart.rows[1].range, "0% to 100%");
        assert_eq!(chart.rows[1].low_text, "$0.00B");
        assert_eq!(chart.rows[1].high_text, "$79.9B");
        assert!(chart.rows[0].width >= chart.rows[1].width);
        // Every bar contains the base line, inside the frame; rows go down the chart.
        for (row, next) in chart.rows.iter().zip(chart.rows.iter().skip(1)) {
            assert!(row.y < next.y);
        }
        for row in &chart.rows {
            assert!(row.x <= chart.base_x + 1e-9 && chart.base_x <= row.x + row.width + 1e-9);
            assert!(row.x >= 0.0 && row.x + row.width <= 600.0);
        }
        // On a phone the rows name the lever only.
        let narrow = tornado_chart(&swings, 360.0);
        assert!(narrow.rows.iter().all(|r| r.range.is_empty()));
        assert!(tornado_chart(&[], f64::NAN).rows.is_empty());
    }

    #[test]
    fn titles_ranges_and_end_labels_follow_the_page_language() {
        use crate::sensitivity::{tornado, Output};
        use crate::words::{with_language, Lang};
        let german = include_str!("../lang/de.json");
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

    #[test]
    fn tornado_value_labels_fit_in_every_language() {
        use crate::sensitivity::{tornado, Output};
        use crate::words::{with_language, Lang};
        let mut s = Scenario::REPORT;
        s.growth_after_2027 = 150.0;
        let swings = tornado(&s, Output::Stargate2030);
        for (lang, file) in [
            (Lang::En, "{}"),
            (Lang::De, include_str!("../lang/de.json")),
            (Lang::Es, include_str!("../lang/es.json")),
        ] {
            for width in [360.0, 600.0, 900.0] {
                let chart = with_language(lang, file, || tornado_chart(&swings, width));
                for row in &chart.rows {
                    // Labels sit outside the bar's ends, 4 px off (ui/sensitivity.rs).
                    let left = row.x
                        - 4.0
                        - row
                            .low_text
                            .chars()
                            .count()
                            .max(row.high_text.chars().count()) as f64
                            * CHAR_WIDTH;
                    let right = row.x
                        + row.width
                        + 4.0
                        + row
                            .high_text
                            .chars()
                            .count()
                            .max(row.low_text.chars().count()) as f64
                            * CHAR_WIDTH;
                    assert!(left >= 0.0 && right <= width, "{lang:?} {width}: {row:?}");
                }
            }
        }
    }
}
