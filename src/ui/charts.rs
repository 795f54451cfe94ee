//! The two SVG charts on the page: spend by provider (stacked areas) and provider shares
//! (lines). All geometry comes from `chart/`; the marks a download shows too (axes, series, end
//! labels, the author's mark and note) are drawn by `drawing.rs`, and this module adds what
//! only the page has: the readout, the uncertainty bands, a pinned baseline's outlines, the
//! hovered year's guide and dots, the year columns and the keyboard's slider. Elements are
//! created once, in fixed slots (a tick, a year column, a label per slot), so moving a slider
//! only rewrites attributes and text, never the element tree.
//!
//! Each chart is one memo, split into a few memos by what changes together (the axes, the
//! series, the overlays, the end labels, the hovered point), and the axes again into a memo per
//! slot: a slider move that leaves the axes as they were re-runs none of the ticks' bindings,
//! and no memo is read by more than a few dozen bindings.

use leptos::ev;
use leptos::prelude::*;
use stargate_calc::chart::{marker_symbol, Axes, ChartKind, Frame, Overlays};
use stargate_calc::export::image_chart;
use stargate_calc::format;
use stargate_calc::model::{Projection, FIRST_YEAR};
use stargate_calc::providers::Provider;
use stargate_calc::summary::{annotation_description, chart_description};
use stargate_calc::uncertainty::Bands;
use stargate_calc::words::{self, fill, t};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::drawing::{
    end_labels, mark, note, px, series, svg_dot, svg_line, x_axis, y_axis, Slots,
};
use super::state::{changes_of, field, text, use_calculator, visible_when, Calculator};

/// Coordinate given to an unused slot (which is also hidden): SVG rejects an empty length.
const HIDDEN_AT: &str = "0";

/// A provider's value in `year` as the readout prints it.
fn value_in(kind: ChartKind, provider: Provider, projection: &Projection, year: i32) -> String {
    projection.row(year).map_or_else(
        || format::NOT_A_NUMBER.to_string(),
        |row| kind.value_text(provider, row),
    )
}

/// One chart, drawn at the width of its own place on the page: the spend chart leads the page
/// (and the embed) beside its controls, the share chart sits with the figures further down.
#[component]
pub fn Chart(
    /// Which of the two charts.
    kind: ChartKind,
    /// A flatter chart, for the embed's chart view.
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let slot = NodeRef::<leptos::html::Div>::new();
    let width = measured_width(slot);
    // Built once its width is known (in the task that put its place in the page, before that is
    // painted), so it is drawn once, at that width, rather than at a guess and again.
    super::build_when(
        move || width.get() > 0.0,
        slot,
        move || view! { <ChartFigure kind width compact/> },
    );
    view! { <div class="chart-slot" data-chart=kind.id() node_ref=slot></div> }
}

/// The width of `slot`'s element in CSS pixels, 0 until it is measured. SVG drawings are made
/// at their real pixel width, so text stays 12 px on a phone. It is read once as soon as the
/// element is in the page, in the same task, so the drawing is built before the next paint (a
/// ResizeObserver's first report comes a frame later here, and whatever had been painted below
/// the drawing's place would then jump); then a ResizeObserver follows it after each layout
/// that changes it, in an embed's frame as in the window.
pub fn measured_width(slot: NodeRef<leptos::html::Div>) -> ReadSignal<f64> {
    let (width, set_width) = signal(0.0);
    let update = move |now: f64| {
        if now > 0.0 && (now - width.get_untracked()).abs() >= 1.0 {
            set_width.set(now);
        }
    };
    slot.on_load(move |element| {
        update(f64::from(element.client_width()));
        let frame = element.clone();
        let on_resize = Closure::<dyn Fn()>::new(move || update(f64::from(frame.client_width())));
        if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            observer.observe(&element);
        }
        // The observer and its callback live as long as the page.
        on_resize.forget();
    });
    width
}

/// What the frame of a chart writes: the SVG's size and the guide's ends.
#[derive(Clone, PartialEq)]
struct FrameText {
    view_box: String,
    width: String,
    height: String,
    top: String,
    bottom: String,
}

/// One year's column, which selects its year under the pointer.
#[derive(Clone, PartialEq)]
struct Column {
    shown: bool,
    x: String,
    width: String,
    y: String,
    height: String,
}

/// The readout above a chart: the year shown, each provider's value, the total, and all of it
/// in one sentence for the keyboard's year slider.
#[derive(Clone, Default, PartialEq)]
struct Readout {
    year: String,
    values: [String; 4],
    total: String,
    spoken: String,
}

/// A hidden slot: its lengths still need a number (SVG rejects an empty one).
impl Default for Column {
    fn default() -> Self {
        Column {
            shown: false,
            x: HIDDEN_AT.into(),
            width: HIDDEN_AT.into(),
            y: HIDDEN_AT.into(),
            height: HIDDEN_AT.into(),
        }
    }
}

fn frame_text(a: &Axes) -> FrameText {
    let (w, h) = (
        format::fixed(a.frame.width, 0),
        format::fixed(a.frame.height, 0),
    );
    FrameText {
        view_box: "0 0 ".to_string() + &w + " " + &h,
        width: w,
        height: h,
        top: format::fixed(a.plot.top, 1),
        bottom: format::fixed(a.plot.bottom, 1),
    }
}

fn column(a: &Axes, slot: usize) -> Column {
    let Some(column) = a.columns.get(slot) else {
        return Column::default();
    };
    Column {
        shown: true,
        x: format::fixed(column.left, 1),
        width: format::fixed(column.width, 1),
        y: format::fixed(a.plot.top, 1),
        height: format::fixed(a.plot.bottom - a.plot.top, 1),
    }
}

/// One chart: title, readout (which doubles as the legend), and the SVG with axes, the data
/// series, year columns for pointer and keyboard, and end labels.
#[component]
fn ChartFigure(
    /// Which of the two charts.
    kind: ChartKind,
    /// The width it is drawn at, CSS pixels.
    width: ReadSignal<f64>,
    /// A flatter chart ([`Frame::compact_for_width`]).
    compact: bool,
) -> impl IntoView {
    let calc = use_calculator();
    let chart = Memo::new(move |_| {
        // Laid out as its download (no overlays, the image's width), while that is read.
        #[cfg(not(feature = "embed-only"))]
        if calc.drawing_image.get() == Some(kind) {
            return calc.scenario.with(|s| {
                calc.annotation
                    .with(|a| calc.projection.with(|p| image_chart(kind, p, s, a)))
            });
        }
        let frame = if compact {
            Frame::compact_for_width(width.get())
        } else {
            Frame::for_width(width.get())
        };
        let draw = |bands: Option<&Bands>| {
            calc.baseline_projection.with(|baseline| {
                let overlays = Overlays {
                    baseline: baseline.as_ref(),
                    bands,
                };
                calc.projection.with(|p| kind.draw(p, overlays, frame))
            })
        };
        // Only the spend chart draws bands.
        let chart = match kind {
            ChartKind::Spend => calc.band_result.with(|bands| draw(bands.as_ref())),
            ChartKind::Share => draw(None),
        };
        let last = calc.last_year.get();
        calc.annotation.with(|a| chart.annotate(kind, a, last))
    });
    // The axes move only with the width, the years shown and the scale: behind a signal that
    // changes only then, the ~40 slots and ~200 bindings of ticks and columns are not visited
    // on a slider move that leaves them as they are.
    let axes = changes_of(move || chart.with(|c| c.axes.clone()));
    let frame = Memo::new(move |_| axes.with(frame_text));
    let description = Memo::new(move |_| {
        let last = calc.last_year.get();
        calc.projection.with(|p| chart_description(kind, p))
            + &calc
                .annotation
                .with(|a| annotation_description(a, last, kind))
    });
    let readout = Memo::new(move |_| {
        let year = calc.shown_year.get();
        calc.projection.with(|p| {
            let values = Provider::ALL.map(|provider| value_in(kind, provider, p, year));
            let mut spoken_values = String::new();
            for (i, (provider, value)) in Provider::ALL.iter().zip(&values).enumerate() {
                if i > 0 {
                    spoken_values.push_str(", ");
                }
                spoken_values += &fill(
                    words::Text::ChartValueLabel,
                    &[("provider", provider.name()), ("value", value)],
                );
            }
            let spoken = fill(
                words::Text::ChartReadoutSpoken,
                &[("year", &format::year(year)), ("values", &spoken_values)],
            );
            Readout {
                year: format::year(year),
                total: p
                    .row(year)
                    .map(|row| format::billions_exact(row.total))
                    .unwrap_or_default(),
                values,
                spoken,
            }
        })
    });
    // Without a selection it does not read the chart at all, so a slider move does not even
    // re-run it.
    let point = Memo::new(move |_| {
        let index = usize::try_from(calc.selected_year.get()? - FIRST_YEAR).ok()?;
        chart.with(|c| Some((c.axes.columns.get(index)?.x, *c.points.get(index)?)))
    });
    let id = kind.id();
    let title_id = id.to_string() + "-title";
    let desc_id = id.to_string() + "-desc";
    // The SVG is named by its title and described by its desc (the values of the last year).
    let (labelled_by, described_by) = (title_id.clone(), desc_id.clone());
    // Built by hand: among several children, `view!` takes `<title>` for the HTML element,
    // which an SVG ignores (it would have no accessible name).
    let svg_title = leptos::svg::title().id(title_id).child(kind.title());

    let move_selection = move |delta: i32| {
        let last = calc.last_year.get_untracked();
        // From the year the readout shows: the marked one, before the reader picks another.
        let current = calc.shown_year.get_untracked();
        let next = current
            .saturating_add(delta)
            .clamp(FIRST_YEAR, last.max(FIRST_YEAR));
        calc.selected_year.set(Some(next));
    };
    let on_keydown = move |ev: ev::KeyboardEvent| {
        let span = calc.last_year.get_untracked() - FIRST_YEAR;
        let delta = match ev.key().as_str() {
            "ArrowLeft" | "ArrowDown" => -1,
            "ArrowRight" | "ArrowUp" => 1,
            "Home" => -span,
            "End" => span,
            _ => return,
        };
        ev.prevent_default();
        move_selection(delta);
    };

    view! {
        <figure
            id=id
            class="chart"
            class:with-bands=move || kind == ChartKind::Spend && calc.bands_on.get()
        >
            <figcaption class="chart-title">{kind.title()}</figcaption>
            <ChartReadout kind readout/>
            <div class="chart-frame" on:pointerleave=move |_| calc.selected_year.set(None)>
                <svg
                    role="img"
                    aria-labelledby=labelled_by
                    aria-describedby=described_by
                    viewBox=field(frame, |f| f.view_box.clone())
                    width=field(frame, |f| f.width.clone())
                    height=field(frame, |f| f.height.clone())
                >
                    {svg_title}
                    <desc id=desc_id>{text(move || description.get())}</desc>
                    {y_axis(axes, Slots::PAGE.y_ticks)}
                    {series(kind, chart)}
                    {overlays(kind, chart)}
                    {hover_dots(point)}
                    {x_axis(axes, Slots::PAGE.x_ticks)}
                    {year_columns(calc, axes, point, frame)}
                    {end_labels(chart, Slots::PAGE.end_labels)}
                    {mark(chart)}
                    {(kind == ChartKind::Spend).then(|| note(chart, Slots::PAGE.note_lines))}
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
                    aria-label=fill(words::Text::ChartKeysLabel, &[("chart", kind.title())])
                    aria-orientation="horizontal"
                    aria-valuemin=format::year(FIRST_YEAR)
                    aria-valuemax=text(move || format::year(calc.last_year.get()))
                    aria-valuenow=field(readout, |r| r.year.clone())
                    aria-valuetext=field(readout, |r| r.spoken.clone())
                    on:keydown=on_keydown
                    on:focus=move |_| move_selection(0)
                    on:blur=move |_| calc.selected_year.set(None)
                ></div>
            </div>
        </figure>
    }
}

/// The readout above a chart: the year shown and each provider with its marker, name and
/// value. It is the legend as well, so no provider is told apart by colour alone.
#[component]
fn ChartReadout(
    /// Which chart it reads (the spend chart adds the total).
    kind: ChartKind,
    /// The words it shows.
    readout: Memo<Readout>,
) -> impl IntoView {
    view! {
        <div class="readout">
            <span class="readout-year">{field(readout, |r| r.year.clone())}</span>
            <ul class="legend">
                {Provider::ALL
                    .iter()
                    .enumerate()
                    .map(|(i, &provider)| {
                        let value = text(move || {
                            readout.with(|r| r.values.get(i).cloned().unwrap_or_default())
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
                                <span class="legend-name">{t(words::Text::Total)}</span>
                                <span class="legend-value">{field(readout, |r| r.total.clone())}</span>
                            </li>
                        }
                    })}
            </ul>
        </div>
    }
}

/// The classes of what only the page draws (its overlays, the hovered year's dots and guide,
/// the year columns): a chart's download leaves them out (`dom::chart_markup`).
pub const PAGE_ONLY: &str = ".band, .median, .ghost, .hover-dot, .guide, .year-column";

/// What only the page draws over the data: the uncertainty bands (spend chart only) and a
/// pinned baseline's outlines.
fn overlays(kind: ChartKind, chart: Memo<stargate_calc::chart::Chart>) -> impl IntoView {
    let overlays =
        Memo::new(move |_| chart.with(|c| (c.ghosts.clone(), c.bands.clone(), c.medians.clone())));
    // Uncertainty bands (spend chart only): total and Stargate, 5–95 % and 25–75 %, and the
    // medians; above the areas, which turn pale while bands are on.
    let bands = (kind == ChartKind::Spend).then(|| {
        let band = move |i: usize, class: &'static str| {
            view! { <path class=class d=text(move || overlays.with(|o| o.1.get(i).cloned().unwrap_or_default())) /> }
        };
        let median = move |i: usize, class: &'static str| {
            view! { <path class=class fill="none" d=text(move || overlays.with(|o| o.2.get(i).cloned().unwrap_or_default())) /> }
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
                    d=text(move || overlays.with(|o| o.0.get(i).cloned().unwrap_or_default()))
                />
            }
        })
        .collect_view();
    (bands, ghosts)
}

/// Transparent columns, one per year, that select their year under the pointer; and the guide
/// line marking the selected year.
fn year_columns(
    calc: Calculator,
    axes: ReadSignal<Axes>,
    point: Memo<Point>,
    frame: Memo<FrameText>,
) -> impl IntoView {
    let guide_x = move || text(move || px(point.with(|p| p.map(|(x, _)| x))));
    let guide = svg_line(
        "guide",
        [
            guide_x(),
            field(frame, |f| f.top.clone()),
            guide_x(),
            field(frame, |f| f.bottom.clone()),
        ],
        visible_when(point, Option::is_some),
    );
    let columns = (0..Slots::PAGE.x_ticks)
        .map(|slot| {
            let year = FIRST_YEAR + slot as i32;
            let column = Memo::new(move |_| axes.with(|a| column(a, slot)));
            view! {
                <rect
                    class="year-column"
                    data-year=year
                    x=field(column, |c| c.x.clone())
                    width=field(column, |c| c.width.clone())
                    y=field(column, |c| c.y.clone())
                    height=field(column, |c| c.height.clone())
                    visibility=visible_when(column, |c| c.shown)
                    on:pointerenter=move |_| calc.selected_year.set(Some(year))
                />
            }
        })
        .collect_view();
    (guide, columns)
}

/// The selected year's x and each provider's y in it, if a year is selected.
type Point = Option<(f64, [f64; 4])>;

/// A dot on each provider's point in the selected year.
fn hover_dots(point: Memo<Point>) -> impl IntoView {
    Provider::ALL
        .iter()
        .enumerate()
        .map(move |(i, provider)| {
            svg_dot(
                "hover-dot",
                provider.colour(),
                text(move || px(point.with(|p| p.map(|(x, _)| x)))),
                text(move || px(point.with(|p| p.and_then(|(_, ys)| ys.get(i).copied())))),
                visible_when(point, Option::is_some),
            )
        })
        .collect_view()
}
