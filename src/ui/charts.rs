//! The two SVG charts: spend by provider (stacked areas) and provider shares (lines). All
//! geometry comes from `chart.rs`; this module copies it into attributes. Elements are created
//! once, in fixed slots (a tick, a year column, a label per slot), so moving a slider only
//! rewrites attributes and text, never the element tree.

use leptos::ev;
use leptos::prelude::*;
use stargate_calc::chart::{marker_symbol, Axes, Chart, ChartKind, EndLabel, Frame, Overlays};
use stargate_calc::format;
use stargate_calc::model::{Projection, FIRST_YEAR};
use stargate_calc::providers::Provider;
use stargate_calc::summary::chart_description;

use super::state::{text, Calculator, Text};

/// Years 2024..=2035: the most a projection shows.
const YEAR_SLOTS: usize = 12;
/// `nice_ticks` gives at most 11 values; the share axis 5.
const TICK_SLOTS: usize = 12;
/// Coordinate given to an unused slot (which is also hidden): SVG rejects an empty length.
const HIDDEN_AT: &str = "0";

/// A provider's value in `year` as the readout prints it.
fn value_in(kind: ChartKind, provider: Provider, projection: &Projection, year: i32) -> String {
    projection.row(year).map_or_else(
        || format::NOT_A_NUMBER.to_string(),
        |row| kind.value_text(provider, row),
    )
}

/// Both charts, or (`share=false`, the embed) the spend chart alone.
#[component]
pub fn Charts(calc: Calculator, #[prop(default = true)] share: bool) -> impl IntoView {
    let frame_ref = NodeRef::<leptos::html::Div>::new();
    // Charts are drawn at their real pixel width, so text stays 12 px on a phone.
    let measure = move || {
        if let Some(element) = frame_ref.get_untracked() {
            let width = f64::from(element.client_width());
            if width > 0.0 && (width - calc.chart_width.get_untracked()).abs() >= 1.0 {
                calc.chart_width.set(width);
            }
        }
    };
    frame_ref.on_load(move |_| measure());
    let resize = window_event_listener(ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    let draw = move |kind: ChartKind| {
        let frame = Frame::for_width(calc.chart_width.get());
        calc.baseline_projection.with(|baseline| {
            calc.band_result.with(|bands| {
                let overlays = Overlays {
                    baseline: baseline.as_ref(),
                    bands: bands.as_ref(),
                };
                calc.projection.with(|p| kind.draw(p, overlays, frame))
            })
        })
    };
    let spend = Memo::new(move |_| draw(ChartKind::Spend));
    let share_chart = Memo::new(move |_| draw(ChartKind::Share));

    view! {
        <div class="charts" node_ref=frame_ref>
            {chart_figure(calc, ChartKind::Spend, spend)}
            {share.then(|| chart_figure(calc, ChartKind::Share, share_chart))}
        </div>
    }
}

/// The data of one chart: per provider, its area (spend) or its line and markers (share), and
/// a dot on its point for the selected year. Both charts bind the same [`Chart`] fields; only
/// the way a series path is painted differs.
fn series(calc: Calculator, kind: ChartKind, chart: Memo<Chart>) -> impl IntoView {
    let paths = Provider::ALL
        .iter()
        .enumerate()
        .map(move |(i, provider)| {
            // Areas are filled; lines are stroked and carry a marker per year.
            let (class, fill) = match kind {
                ChartKind::Spend => ("area", provider.colour()),
                ChartKind::Share => ("line", "none"),
            };
            view! {
                <path
                    class=class
                    data-provider=provider.slug()
                    fill=fill
                    stroke=provider.colour()
                    d=text(move || chart.with(|c| c.series[i].clone()))
                />
                {(kind == ChartKind::Share).then(|| view! {
                    <path
                        class="markers"
                        data-provider=provider.slug()
                        fill=provider.colour()
                        d=text(move || chart.with(|c| c.markers[i].clone()))
                    />
                })}
            }
        })
        .collect_view();
    // Uncertainty bands (spend chart only): total and Stargate, 5–95 % and 25–75 %, and the
    // medians; above the areas, which turn pale while bands are on.
    let bands = (kind == ChartKind::Spend).then(|| {
        let band = move |i: usize, class: &'static str| {
            view! { <path class=class d=text(move || chart.with(|c| c.bands[i].clone())) /> }
        };
        let median = move |i: usize, class: &'static str| {
            view! { <path class=class fill="none" d=text(move || chart.with(|c| c.medians[i].clone())) /> }
        };
        (
            band(0, "band band-total band-outer"),
            band(1, "band band-total band-inner"),
            band(2, "band band-stargate band-outer"),
            band(3, "band band-stargate band-inner"),
            median(0, "median median-total"),
            median(1, "median median-stargate"),
        )
    });
    // The pinned baseline's outlines, above every area so none is hidden.
    let ghosts = Provider::ALL
        .iter()
        .enumerate()
        .map(move |(i, provider)| {
            view! {
                <path
                    class="ghost"
                    data-baseline=provider.slug()
                    fill="none"
                    stroke=provider.colour()
                    d=text(move || chart.with(|c| c.ghosts[i].clone()))
                />
            }
        })
        .collect_view();
    let dots = Provider::ALL
        .iter()
        .enumerate()
        .map(move |(i, provider)| {
            let point = move || {
                let year = calc.selected_year.get()?;
                let index = usize::try_from(year - FIRST_YEAR).ok()?;
                chart.with(|c| Some((c.axes.columns.get(index)?.x, c.points.get(index)?[i])))
            };
            view! {
                <circle
                    class="hover-dot"
                    r="4"
                    fill=provider.colour()
                    cx=coordinate(move || point().map(|(x, _)| x))
                    cy=coordinate(move || point().map(|(_, y)| y))
                    visibility=visible_when(move || point().is_some())
                />
            }
        })
        .collect_view();
    (paths, bands, ghosts, dots)
}

/// One chart: title, readout (which doubles as the legend), and the SVG with axes, the data
/// series, year columns for pointer and keyboard, and end labels.
fn chart_figure(calc: Calculator, kind: ChartKind, chart: Memo<Chart>) -> impl IntoView {
    let axes = Memo::new(move |_| chart.with(|c| c.axes.clone()));
    let labels = Memo::new(move |_| chart.with(|c| c.end_labels.clone()));
    let id = kind.id();
    let title_id = id.to_string() + "-title";
    let desc_id = id.to_string() + "-desc";
    // The SVG is named by its title and described by its desc (the values of the last year).
    let (labelled_by, described_by) = (title_id.clone(), desc_id.clone());
    // Built by hand: among several children, `view!` takes `<title>` for the HTML element,
    // which an SVG ignores (it would have no accessible name).
    let svg_title = leptos::svg::title().id(title_id).child(kind.title());
    let frame = move || axes.with(|a| a.frame);
    // The year shown in the readout: the one pointed at, else the last one.
    let shown_year = Memo::new(move |_| {
        calc.selected_year
            .get()
            .unwrap_or_else(|| calc.projection.with(|p| p.last_year()))
    });
    // What the keyboard's year slider says: the year shown and each provider's value in it.
    let year_text = text(move || {
        let year = shown_year.get();
        calc.projection.with(|p| {
            let mut said = format::year(year) + ":";
            for (i, &provider) in Provider::ALL.iter().enumerate() {
                said.push_str(if i > 0 { ", " } else { " " });
                said.push_str(provider.name());
                said.push(' ');
                said.push_str(&value_in(kind, provider, p, year));
            }
            said
        })
    });
    let last_year = text(move || format::year(calc.projection.with(|p| p.last_year())));

    let move_selection = move |delta: Option<i32>| {
        let (first, last) = calc.projection.with(|p| (p.first_year(), p.last_year()));
        let current = calc.selected_year.get_untracked().unwrap_or(last);
        let next = match delta {
            Some(step) => (current + step).clamp(first, last),
            None => current,
        };
        calc.selected_year.set(Some(next));
    };
    let on_keydown = move |ev: ev::KeyboardEvent| {
        let (first, last) = calc
            .projection
            .with_untracked(|p| (p.first_year(), p.last_year()));
        let delta = match ev.key().as_str() {
            "ArrowLeft" | "ArrowDown" => -1,
            "ArrowRight" | "ArrowUp" => 1,
            "Home" => first - last,
            "End" => last - first,
            _ => return,
        };
        ev.prevent_default();
        move_selection(Some(delta));
    };

    view! {
        <figure
            id=id
            class="chart"
            class:with-bands=move || kind == ChartKind::Spend && calc.band_result.with(Option::is_some)
        >
            <figcaption class="chart-title">{kind.title()}</figcaption>
            {readout(calc, kind, shown_year)}
            <div class="chart-frame" on:pointerleave=move |_| calc.selected_year.set(None)>
                <svg
                    role="img"
                    aria-labelledby=labelled_by
                    aria-describedby=described_by
                    viewBox=text(move || {
                        let f = frame();
                        "0 0 ".to_string() + &format::fixed(f.width, 0) + " " + &format::fixed(f.height, 0)
                    })
                    width=text(move || format::fixed(frame().width, 0))
                    height=text(move || format::fixed(frame().height, 0))
                >
                    {svg_title}
                    <desc id=desc_id>{text(move || calc.projection.with(|p| chart_description(kind, p)))}</desc>
                    {y_axis(axes)}
                    {series(calc, kind, chart)}
                    {x_axis(axes)}
                    {year_columns(calc, axes)}
                    {end_labels(labels)}
                </svg>
                // The keyboard's way into the chart: a year slider laid over it (it draws the
                // focus ring round the chart and lets the pointer through). A slider, so screen
                // readers pass the arrow keys to it and say each year's values as it moves;
                // over the SVG rather than around it, so the chart stays an image with its own
                // name and description.
                <div
                    class="chart-keys"
                    data-chart-focus=""
                    tabindex="0"
                    role="slider"
                    aria-label="Year to read in the chart: ".to_string() + kind.title()
                    aria-orientation="horizontal"
                    aria-valuemin=format::year(FIRST_YEAR)
                    aria-valuemax=last_year
                    aria-valuenow=text(move || format::year(shown_year.get()))
                    aria-valuetext=year_text
                    on:keydown=on_keydown
                    on:focus=move |_| move_selection(None)
                    on:blur=move |_| calc.selected_year.set(None)
                ></div>
            </div>
        </figure>
    }
}

/// The readout above a chart: the year shown and each provider with its marker, name and
/// value. It is the legend as well, so no provider is told apart by colour alone.
fn readout(calc: Calculator, kind: ChartKind, year: Memo<i32>) -> impl IntoView {
    let total = text(move || {
        let y = year.get();
        calc.projection.with(|p| {
            p.row(y)
                .map(|row| format::billions_exact(row.total))
                .unwrap_or_default()
        })
    });
    view! {
        <div class="readout">
            <span class="readout-year">{text(move || format::year(year.get()))}</span>
            <ul class="legend">
                {Provider::ALL
                    .iter()
                    .map(|&provider| {
                        let value = text(move || {
                            let y = year.get();
                            calc.projection.with(|p| value_in(kind, provider, p, y))
                        });
                        view! {
                            <li data-provider=provider.slug()>
                                <svg class="swatch" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
                                    <path
                                        fill=provider.colour()
                                        d=marker_symbol(provider.marker(), 7.0, 7.0)
                                    />
                                </svg>
                                <span class="legend-name">{provider.name()}</span>
                                <span class="legend-value">{value}</span>
                            </li>
                        }
                    })
                    .collect_view()}
                {(kind == ChartKind::Spend)
                    .then(|| {
                        view! {
                            <li class="legend-total">
                                <span class="legend-name">"Total"</span>
                                <span class="legend-value">{total}</span>
                            </li>
                        }
                    })}
            </ul>
        </div>
    }
}

/// A `<text>` in the SVG whose position, visibility and words all follow the chart. Every
/// label of both charts goes through here, so they share one element type.
fn svg_label(
    class: &'static str,
    anchor: &'static str,
    x: Text,
    y: Text,
    visibility: Text,
    words: Text,
) -> impl IntoView {
    view! {
        <text class=class x=x y=y text-anchor=anchor visibility=visibility>{words}</text>
    }
}

/// A `<line>` in the SVG that follows the chart.
fn svg_line(
    class: &'static str,
    x1: Text,
    x2: Text,
    y1: Text,
    y2: Text,
    visibility: Text,
) -> impl IntoView {
    view! { <line class=class x1=x1 x2=x2 y1=y1 y2=y2 visibility=visibility /> }
}

fn y_axis(axes: Memo<Axes>) -> impl IntoView {
    (0..TICK_SLOTS)
        .map(|slot| {
            let tick =
                move || axes.with(|a| a.y_ticks.get(slot).map(|t| (t.position, t.label.clone())));
            let y = move || tick().map(|(y, _)| y);
            let shown = move || tick().is_some();
            (
                svg_line(
                    "gridline",
                    text(move || axes.with(|a| format::fixed(a.plot.left, 1))),
                    text(move || axes.with(|a| format::fixed(a.plot.right, 1))),
                    coordinate(y),
                    coordinate(y),
                    visible_when(shown),
                ),
                svg_label(
                    "tick-label y-tick",
                    "end",
                    text(move || axes.with(|a| format::fixed(a.plot.left - 6.0, 1))),
                    coordinate(move || y().map(|y| y + 4.0)),
                    visible_when(shown),
                    text(move || tick().map(|(_, label)| label).unwrap_or_default()),
                ),
            )
        })
        .collect_view()
}

fn x_axis(axes: Memo<Axes>) -> impl IntoView {
    let ticks = (0..YEAR_SLOTS)
        .map(|slot| {
            let tick =
                move || axes.with(|a| a.x_ticks.get(slot).map(|t| (t.position, t.label.clone())));
            svg_label(
                "tick-label x-tick",
                "middle",
                coordinate(move || tick().map(|(x, _)| x)),
                text(move || axes.with(|a| format::fixed(a.plot.bottom + 18.0, 1))),
                visible_when(move || tick().is_some()),
                text(move || tick().map(|(_, label)| label).unwrap_or_default()),
            )
        })
        .collect_view();
    let baseline = move || Some(axes.with(|a| a.plot.bottom));
    (
        svg_line(
            "baseline",
            text(move || axes.with(|a| format::fixed(a.plot.left, 1))),
            text(move || axes.with(|a| format::fixed(a.plot.right, 1))),
            coordinate(baseline),
            coordinate(baseline),
            visible_when(|| true),
        ),
        ticks,
    )
}

/// Transparent columns, one per year, that select their year under the pointer; and the
/// guide line marking the selected year.
fn year_columns(calc: Calculator, axes: Memo<Axes>) -> impl IntoView {
    let guide_x = move || {
        let year = calc.selected_year.get()?;
        let index = usize::try_from(year - FIRST_YEAR).ok()?;
        axes.with(|a| a.columns.get(index).map(|c| c.x))
    };
    let columns = (0..YEAR_SLOTS)
        .map(|slot| {
            let year = FIRST_YEAR + slot as i32;
            let column = move || axes.with(|a| a.columns.get(slot).copied());
            view! {
                <rect
                    class="year-column"
                    data-year=year
                    x=coordinate(move || column().map(|c| c.left))
                    width=coordinate(move || column().map(|c| c.width))
                    y=text(move || axes.with(|a| format::fixed(a.plot.top, 1)))
                    height=text(move || axes.with(|a| format::fixed(a.plot.bottom - a.plot.top, 1)))
                    visibility=visible_when(move || column().is_some())
                    on:pointerenter=move |_| calc.selected_year.set(Some(year))
                />
            }
        })
        .collect_view();
    (
        svg_line(
            "guide",
            coordinate(guide_x),
            coordinate(guide_x),
            text(move || axes.with(|a| format::fixed(a.plot.top, 1))),
            text(move || axes.with(|a| format::fixed(a.plot.bottom, 1))),
            visible_when(move || guide_x().is_some()),
        ),
        columns,
    )
}

fn end_labels(labels: Memo<Vec<EndLabel>>) -> impl IntoView {
    (0..Provider::ALL.len())
        .map(|slot| {
            let label = move || labels.with(|l| l.get(slot).cloned());
            svg_label(
                "end-label",
                "start",
                coordinate(move || label().map(|l| l.x)),
                coordinate(move || label().map(|l| l.y)),
                visible_when(move || label().is_some()),
                text(move || label().map(|l| l.text).unwrap_or_default()),
            )
        })
        .collect_view()
}

/// A pixel coordinate to 0.1 px; a hidden slot's coordinate when there is none (SVG rejects an
/// empty length).
fn coordinate(value: impl Fn() -> Option<f64> + Send + 'static) -> Text {
    text(move || value().map_or_else(|| HIDDEN_AT.to_string(), |v| format::fixed(v, 1)))
}

/// `visibility` that shows an element only while `shown` holds.
fn visible_when(shown: impl Fn() -> bool + Send + 'static) -> Text {
    text(move || if shown() { "visible" } else { "hidden" }.to_string())
}
