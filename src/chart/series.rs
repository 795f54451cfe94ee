//! Each chart's data as SVG path data: the spend chart's stacked areas (with the uncertainty
//! bands and their medians), the share chart's lines and a marker per year, a pinned
//! baseline's outlines on the same axes, and the legend's marker shapes.

use super::axes::{
    nice_ticks, plot_area, plot_top_bottom, spread_labels, value_ticks, year_columns, year_scale,
    year_ticks, Axes, EndLabel, LinearScale, Ticks, YearColumn, END_LABEL_MIN_WIDTH,
};
use super::{Chart, ChartKind, Frame, Overlays};
use crate::format;
use crate::model::Projection;
use crate::providers::{Marker, Provider};
use crate::uncertainty::Quantiles;

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
        let bottoms_and_tops = Provider::ALL.map(|provider| {
            let bottom = y.map(running);
            running += provider.spend(row);
            (bottom, y.map(running))
        });
        layer_bottoms.push(bottoms_and_tops.map(|(bottom, _)| bottom));
        layer_tops.push(bottoms_and_tops.map(|(_, top)| top));
    }

    let areas = std::array::from_fn(|layer| {
        let edge = |edges: &Vec<[f64; 4]>, i: usize| {
            edges.get(i).and_then(|edge| edge.get(layer)).copied()
        };
        let mut path = PathData::new();
        for (i, column) in columns.iter().enumerate() {
            if let Some(top) = edge(&layer_tops, i) {
                path.command(if i == 0 { 'M' } else { 'L' }, column.x, top);
            }
        }
        for (i, column) in columns.iter().enumerate().rev() {
            if let Some(bottom) = edge(&layer_bottoms, i) {
                path.command('L', column.x, bottom);
            }
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
            if let Some((top, bottom)) = tops.get(i).zip(bottoms.get(i)) {
                label.y = (top + bottom) / 2.0 + 4.0;
            }
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
        .map(|row| Provider::ALL.map(|provider| y.map(provider.share(row))))
        .collect();
    // Each provider's point in each year's column.
    let at = |i: usize| {
        columns
            .iter()
            .zip(&points)
            .filter_map(move |(column, ys)| ys.get(i).map(|y| (column.x, *y)))
    };
    let lines = std::array::from_fn(|i| {
        let mut path = PathData::new();
        for (x, y) in at(i) {
            path.command(if path.0.is_empty() { 'M' } else { 'L' }, x, y);
        }
        path.0
    });
    let markers = std::array::from_fn(|i| {
        let mut path = PathData::new();
        if let Some(provider) = Provider::ALL.get(i) {
            for (x, y) in at(i) {
                marker_path(&mut path, provider.marker(), x, y);
            }
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
    let ghosts = Provider::ALL.map(|provider| {
        polyline(
            &columns,
            ghost_rows
                .iter()
                .map(|&(j, row)| (j, y.map(provider.share(row)))),
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
    use super::*;
    use crate::chart::*;
    use crate::model::project;
    use crate::scenario::Scenario;

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
}
