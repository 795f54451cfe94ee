//! The charts' marks, drawn once for the page, the downloads and the link-preview cards: the
//! axes, each provider's area or line (with its markers), the end labels, the author's marked
//! year and note. Leptos views whose every attribute follows a signal, so on the page a slider
//! move rewrites attributes and text in place; rendered to text ([`image_markup`]), the same
//! views are the drawing of an SVG or PNG download and, in the publisher, of a card.
//!
//! An element's look is its class's: the page's stylesheet gives it in the page's theme, and an
//! image's own stylesheet (`export::image_style`) as it prints. No web-sys and no events here:
//! this file is compiled into the page (`ui/`) and into the native publisher
//! (`bin/publish.rs`), never into the core library.

use leptos::prelude::*;
use stargate_calc::chart::{Axes, Callout, Chart, ChartKind, MarkRule};
use stargate_calc::format;
use stargate_calc::providers::Provider;

/// A reactive string for an attribute or a text node. Boxed on purpose: when every dynamic
/// value on the page has this one type, Leptos's rendering code is compiled once for it rather
/// than once per closure, which is most of the difference in the wasm's size.
pub type Text = Box<dyn Fn() -> String + Send>;

/// Wraps a closure as a [`Text`].
pub fn text(value: impl Fn() -> String + Send + 'static) -> Text {
    Box::new(value)
}

/// A reactive string read from one field of a memo: the memo is the binding's only source.
pub fn field<T, S>(source: S, pick: fn(&T) -> String) -> Text
where
    S: With<Value = T> + Send + 'static,
    T: 'static,
{
    text(move || source.with(pick))
}

/// An SVG element's `visibility`, from one flag of a memo or signal: `visible` or `hidden`.
pub fn visible_when<T, S>(source: S, is_shown: fn(&T) -> bool) -> Text
where
    S: With<Value = T> + Send + 'static,
    T: 'static,
{
    text(move || {
        if source.with(is_shown) {
            "visible"
        } else {
            "hidden"
        }
        .to_string()
    })
}

/// How many of each mark a drawing holds. The page has fixed slots, enough for any chart, so
/// a slider move never adds or removes an element (an unused slot is hidden); an image has
/// exactly the marks its chart has.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Slots {
    pub y_ticks: usize,
    pub x_ticks: usize,
    pub end_labels: usize,
    pub note_lines: usize,
}

impl Slots {
    /// The page's: `nice_ticks` gives at most 11 values, there are at most 12 years
    /// (2024–2035) and four providers, and 140 characters at the narrowest chart take about
    /// eight lines.
    pub const PAGE: Slots = Slots {
        y_ticks: 12,
        x_ticks: 12,
        end_labels: 4,
        note_lines: 16,
    };

    /// Exactly what `chart` draws.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn of(chart: &Chart) -> Slots {
        Slots {
            y_ticks: chart.axes.y_ticks.len(),
            x_ticks: chart.axes.x_ticks.len(),
            end_labels: chart.end_labels.len(),
            note_lines: chart.callout.as_ref().map_or(0, |c| c.lines.len()),
        }
    }
}

/// Coordinate given to an unused slot (which is also hidden): SVG rejects an empty length.
const HIDDEN_AT: &str = "0";

/// A pixel coordinate to 0.1 px; a hidden slot's coordinate when there is none.
pub fn px(value: Option<f64>) -> String {
    value.map_or_else(|| HIDDEN_AT.to_string(), |v| format::fixed(v, 1))
}

/// A line across the plot at `y`, from `left` to `right` (a gridline, the baseline).
#[derive(Clone, PartialEq)]
struct Rule {
    shown: bool,
    left: String,
    right: String,
    y: String,
}

impl Default for Rule {
    fn default() -> Self {
        Rule {
            shown: false,
            left: HIDDEN_AT.into(),
            right: HIDDEN_AT.into(),
            y: HIDDEN_AT.into(),
        }
    }
}

impl Rule {
    fn across(axes: &Axes, y: f64) -> Rule {
        Rule {
            shown: true,
            left: format::fixed(axes.plot.left, 1),
            right: format::fixed(axes.plot.right, 1),
            y: format::fixed(y, 1),
        }
    }
}

/// One label: where it is, whether it is shown, what it says.
#[derive(Clone, PartialEq)]
struct Label {
    shown: bool,
    x: String,
    y: String,
    text: String,
}

/// A hidden slot: its lengths still need a number.
impl Default for Label {
    fn default() -> Self {
        Label {
            shown: false,
            x: HIDDEN_AT.into(),
            y: HIDDEN_AT.into(),
            text: String::new(),
        }
    }
}

impl Label {
    fn at(x: f64, y: f64, text: &str) -> Label {
        Label {
            shown: true,
            x: format::fixed(x, 1),
            y: format::fixed(y, 1),
            text: text.to_string(),
        }
    }
}

/// A `<text>` whose position, visibility and words all follow the chart. Every label of the
/// charts goes through here, so they share one element type.
pub fn svg_label(
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

/// A `<line>` that follows the chart. Every line of the charts goes through here.
pub fn svg_line(class: &'static str, ends: [Text; 4], visibility: Text) -> impl IntoView {
    let [x1, y1, x2, y2] = ends;
    view! { <line class=class x1=x1 y1=y1 x2=x2 y2=y2 visibility=visibility /> }
}

/// A dot on a provider's point: the marked year's, or (on the page) the hovered year's. 3.5
/// pixels across in an image; the page's stylesheet makes it 4.
pub fn svg_dot(
    class: &'static str,
    fill: &'static str,
    cx: Text,
    cy: Text,
    visibility: Text,
) -> impl IntoView {
    view! { <circle class=class r="3.5" fill=fill cx=cx cy=cy visibility=visibility /> }
}

/// A label slot bound to one memo of it.
fn bound_label(class: &'static str, anchor: &'static str, label: Memo<Label>) -> impl IntoView {
    svg_label(
        class,
        anchor,
        field(label, |l| l.x.clone()),
        field(label, |l| l.y.clone()),
        visible_when(label, |l| l.shown),
        field(label, |l| l.text.clone()),
    )
}

/// A rule slot bound to one memo of it.
fn bound_rule(class: &'static str, rule: Memo<Rule>) -> impl IntoView {
    svg_line(
        class,
        [
            field(rule, |r| r.left.clone()),
            field(rule, |r| r.y.clone()),
            field(rule, |r| r.right.clone()),
            field(rule, |r| r.y.clone()),
        ],
        visible_when(rule, |r| r.shown),
    )
}

/// The value axis: a gridline and a label per tick. A memo per slot, so a move that leaves a
/// tick where it was re-runs none of its bindings.
pub fn y_axis(axes: ReadSignal<Axes>, slots: usize) -> impl IntoView {
    (0..slots)
        .map(|slot| {
            let gridline = Memo::new(move |_| {
                axes.with(|a| {
                    a.y_ticks
                        .get(slot)
                        .map_or_else(Rule::default, |tick| Rule::across(a, tick.position))
                })
            });
            let label = Memo::new(move |_| {
                axes.with(|a| {
                    a.y_ticks.get(slot).map_or_else(Label::default, |tick| {
                        Label::at(a.plot.left - 6.0, tick.position + 4.0, &tick.label)
                    })
                })
            });
            (
                bound_rule("gridline", gridline),
                bound_label("tick-label y-tick", "end", label),
            )
        })
        .collect_view()
}

/// The year axis: the baseline under the plot and a label per (shown) year.
pub fn x_axis(axes: ReadSignal<Axes>, slots: usize) -> impl IntoView {
    let ticks = (0..slots)
        .map(|slot| {
            let tick = Memo::new(move |_| {
                axes.with(|a| {
                    a.x_ticks.get(slot).map_or_else(Label::default, |tick| {
                        Label::at(tick.position, a.plot.bottom + 18.0, &tick.label)
                    })
                })
            });
            bound_label("tick-label x-tick", "middle", tick)
        })
        .collect_view();
    let baseline = Memo::new(move |_| axes.with(|a| Rule::across(a, a.plot.bottom)));
    (bound_rule("baseline", baseline), ticks)
}

/// The data: per provider, its area (spend) or its line and a marker per year (share). (The
/// chart's `<desc>` names each provider with its values.)
pub fn series(kind: ChartKind, chart: Memo<Chart>) -> impl IntoView {
    let lines = Memo::new(move |_| chart.with(|c| (c.series.clone(), c.markers.clone())));
    Provider::ALL
        .iter()
        .enumerate()
        .map(move |(i, provider)| {
            let d = text(move || lines.with(|l| l.0.get(i).cloned().unwrap_or_default()));
            // Areas are filled; lines are stroked (their width is the stylesheet's).
            let (class, fill, stroke) = match kind {
                ChartKind::Spend => ("area", provider.colour(), "none"),
                ChartKind::Share => ("line", "none", provider.colour()),
            };
            let path = view! {
                <path class=class data-provider=provider.slug() fill=fill stroke=stroke d=d />
            };
            let markers = (kind == ChartKind::Share).then(|| {
                view! {
                    <path
                        class="markers"
                        fill=provider.colour()
                        d=text(move || lines.with(|l| l.1.get(i).cloned().unwrap_or_default()))
                    />
                }
            });
            (path, markers)
        })
        .collect_view()
}

/// Each provider's name and last value at the right end of its area or line.
pub fn end_labels(chart: Memo<Chart>, slots: usize) -> impl IntoView {
    let labels = Memo::new(move |_| chart.with(|c| c.end_labels.clone()));
    (0..slots)
        .map(|slot| {
            let label = Memo::new(move |_| {
                labels.with(|l| {
                    l.get(slot)
                        .map_or_else(Label::default, |l| Label::at(l.x, l.y, &l.text))
                })
            });
            view! {
                <text
                    class="end-label"
                    data-end-label=""
                    x=field(label, |l| l.x.clone())
                    y=field(label, |l| l.y.clone())
                    text-anchor="start"
                    visibility=visible_when(label, |l| l.shown)
                >
                    {field(label, |l| l.text.clone())}
                </text>
            }
        })
        .collect_view()
}

/// The marked year: a dashed rule, the year at its top and a dot on each provider's point, in
/// a group whose `data-mark` is the year (hidden, with an empty `data-mark`, when no year is
/// marked).
pub fn mark(chart: Memo<Chart>) -> impl IntoView {
    let value = move |pick: fn(&MarkRule) -> f64| {
        text(move || px(chart.with(|c| c.mark.as_ref().map(pick))))
    };
    let word = move |pick: fn(&MarkRule) -> String| {
        text(move || chart.with(|c| c.mark.as_ref().map(pick).unwrap_or_default()))
    };
    let shown = move || visible_when(chart, |c| c.mark.is_some());
    let dots = Provider::ALL
        .iter()
        .enumerate()
        .map(|(i, provider)| {
            let y = text(move || {
                px(chart.with(|c| c.mark.as_ref().and_then(|r| r.dots.get(i).copied())))
            });
            svg_dot("mark-dot", provider.colour(), value(|r| r.x), y, shown())
        })
        .collect_view();
    let rule = [
        value(|r| r.x),
        value(|r| r.top),
        value(|r| r.x),
        value(|r| r.bottom),
    ];
    view! {
        <g class="mark" data-mark=word(|r| r.label.clone()) visibility=shown()>
            {svg_line("mark-rule", rule, shown())}
            {dots}
            {svg_label(
                "mark-label",
                "start",
                value(|r| r.label_x),
                value(|r| r.label_y),
                shown(),
                word(|r| r.label.clone()),
            )}
        </g>
    }
}

/// The author's note as a callout on the spend chart: a box at the top of the plot with a
/// leader to the point of its year, and a `<text>` a line. The group is `[data-note]`: its
/// text is the note (each line keeps the space it was cut at).
pub fn note(chart: Memo<Chart>, slots: usize) -> impl IntoView {
    let value = move |pick: fn(&Callout) -> f64| {
        text(move || px(chart.with(|c| c.callout.as_ref().map(pick))))
    };
    let leader = move |i: usize| {
        text(move || px(chart.with(|c| c.callout.as_ref().and_then(|c| c.leader.get(i).copied()))))
    };
    let shown = move || visible_when(chart, |c| c.callout.is_some());
    let lines = (0..slots)
        .map(|i| {
            let y = text(move || {
                px(chart.with(|c| {
                    c.callout
                        .as_ref()
                        .map(|c| c.first_baseline + c.line_height * i as f64)
                }))
            });
            let words = text(move || {
                chart.with(|c| {
                    c.callout
                        .as_ref()
                        .and_then(|c| c.lines.get(i).cloned())
                        .unwrap_or_default()
                })
            });
            svg_label("note-line", "start", value(|c| c.text_x), y, shown(), words)
        })
        .collect_view();
    view! {
        <g class="note-callout" data-note="" font-size=value(|c| c.font_size) visibility=shown()>
            {svg_line("note-leader", [leader(0), leader(1), leader(2), leader(3)], shown())}
            <rect
                class="note-box"
                rx="4"
                x=value(|c| c.x)
                y=value(|c| c.y)
                width=value(|c| c.width)
                height=value(|c| c.height)
            />
            {lines}
        </g>
    }
}

/// The marks an image of `chart` draws: exactly its own (no hidden slot), in the page's
/// order: the axes, the series, the end labels, and the mark and the note when it has them.
/// (The page reads its own drawing back instead, `dom::chart_markup`.)
#[cfg(not(target_arch = "wasm32"))]
pub fn image_marks(kind: ChartKind, chart: Chart) -> impl IntoView {
    let slots = Slots::of(&chart);
    let marks = usize::from(chart.mark.is_some());
    let notes = usize::from(kind == ChartKind::Spend && chart.callout.is_some());
    let (axes, _) = signal(chart.axes.clone());
    let chart = Memo::new(move |_| chart.clone());
    (
        y_axis(axes, slots.y_ticks),
        series(kind, chart),
        x_axis(axes, slots.x_ticks),
        end_labels(chart, slots.end_labels),
        (0..marks).map(move |_| mark(chart)).collect_view(),
        (0..notes)
            .map(move |_| note(chart, slots.note_lines))
            .collect_view(),
    )
}

/// [`image_marks`] as SVG text, rendered by Leptos without a browser (the publisher's cards). Leptos marks where a
/// list ends with `<!>` for hydration, which is not XML: taken out (a note's own `<!>` is
/// escaped, so never matches).
#[cfg(not(target_arch = "wasm32"))]
pub fn image_markup(kind: ChartKind, chart: Chart) -> String {
    image_marks(kind, chart).to_html().replace("<!>", "")
}

#[cfg(test)]
mod tests {
    use super::*;
    use stargate_calc::annotation::Annotation;
    use stargate_calc::export::{chart_svg, image_chart};
    use stargate_calc::link::parse_query;
    use stargate_calc::model::project;
    use stargate_calc::scenario::Scenario;

    /// A chart's SVG download, drawn as the page draws it.
    fn download(kind: ChartKind, scenario: &Scenario, annotation: &Annotation) -> String {
        let projection = project(scenario);
        let chart = image_chart(kind, &projection, scenario, annotation);
        let drawing = image_markup(kind, chart);
        chart_svg(kind, &projection, scenario, annotation, &drawing).svg
    }

    /// The text of each `<text>` element whose start tag holds `marker`, unescaped.
    fn texts(svg: &str, marker: &str) -> Vec<String> {
        svg.split("<text")
            .skip(1)
            .filter(|t| t.split('>').next().is_some_and(|tag| tag.contains(marker)))
            .filter_map(|t| t.split_once('>').map(|(_, rest)| rest))
            .filter_map(|t| t.split("</text>").next())
            .map(|t| {
                t.replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&amp;", "&")
            })
            .collect()
    }

    #[test]
    fn a_download_is_well_formed_svg_holding_each_providers_series() {
        for kind in ChartKind::ALL {
            let svg = download(kind, &Scenario::REPORT, &Annotation::default());
            assert!(!svg.contains("<!"), "no HTML comment or marker in an SVG");
            let tree = resvg::usvg::Tree::from_str(&svg, &Default::default());
            assert!(tree.is_ok(), "{kind:?}: {:?}", tree.err());
            for provider in Provider::ALL {
                let series = "data-provider=\"".to_string() + provider.slug() + "\"";
                assert!(svg.contains(&series), "{kind:?} {provider:?}");
            }
            assert_eq!(svg.contains("class=\"markers\""), kind == ChartKind::Share);
            // An image draws only what its chart has: no hidden slot.
            assert!(!svg.contains("visibility=\"hidden\""), "{svg}");
            // Without an annotation, neither the mark nor the note.
            assert!(!svg.contains("data-mark") && !svg.contains("data-note"));
        }
    }

    #[test]
    fn a_download_carries_the_mark_and_the_note_inside_the_image() {
        let note = "In 2028 Stargate passes Azure <b>&</b> \"quotes\", a note long enough to take \
                    three lines or so in its box on the exported spend chart";
        let annotation = Annotation {
            mark: Some(2028),
            note: Some(note.to_string()),
        };
        for kind in ChartKind::ALL {
            let svg = download(kind, &Scenario::REPORT, &annotation);
            assert!(resvg::usvg::Tree::from_str(&svg, &Default::default()).is_ok());
            assert!(svg.contains("data-mark=\"2028\""), "{kind:?}");
            assert_eq!(texts(&svg, "mark-label"), ["2028"]);
            assert_eq!(svg.contains("data-note=\"\""), kind == ChartKind::Spend);
            if kind != ChartKind::Spend {
                continue;
            }
            // The lines, unescaped and put end to end, are the note; markup stays text.
            assert_eq!(texts(&svg, "note-line").concat(), note);
            assert!(!svg.contains("<b>"));
            // The box sits inside the image (the plot is translated by the margin and header).
            let chart = image_chart(
                kind,
                &project(&Scenario::REPORT),
                &Scenario::REPORT,
                &annotation,
            );
            let callout = chart.callout.unwrap_or_else(|| panic!("a callout"));
            assert!(callout.x > 0.0 && callout.x + callout.width < chart.axes.frame.width);
            assert!(callout.height > 30.0, "three lines or so");
            let rect = "x=\"".to_string() + &format::fixed(callout.x, 1) + "\"";
            assert!(svg.contains(&rect), "{svg}");
        }
    }

    #[test]
    fn end_labels_say_what_the_legend_says() {
        let query =
            "sg=33&s24=7.5&s27=25&g=44.4&y0=2027&ramp=late&mc=12.5&mg=55&ora=35&disc=45&h=2035";
        let scenario = parse_query(query, &Scenario::REPORT).link.scenario;
        let projection = project(&scenario);
        let last = projection.rows.last().unwrap_or_else(|| panic!("rows"));
        for kind in ChartKind::ALL {
            let svg = download(kind, &scenario, &Annotation::default());
            let ends = texts(&svg, "data-end-label");
            assert!(!ends.is_empty(), "{kind:?}");
            for words in ends {
                let provider = Provider::ALL
                    .into_iter()
                    .find(|p| words.starts_with(p.name()))
                    .unwrap_or_else(|| panic!("{words}"));
                assert_eq!(words, kind.value_label(provider, last));
                // The legend, above the plot, says the same.
                assert!(texts(&svg, "fill=\"#1f2328\"").contains(&words), "{words}");
            }
        }
    }

    #[test]
    fn the_page_keeps_a_slot_for_every_mark_any_chart_has() {
        let query = "s27=200&g=150&h=2035&mark=2030&note=".to_string() + &"word+".repeat(40);
        let parsed = parse_query(&query, &Scenario::REPORT);
        let scenario = parsed.link.scenario;
        for width in [240.0, 720.0, 1600.0] {
            for kind in ChartKind::ALL {
                let chart = kind
                    .draw(
                        &project(&scenario),
                        Default::default(),
                        stargate_calc::chart::Frame::for_width(width),
                    )
                    .annotate(kind, &parsed.link.annotation, scenario.last_year_shown());
                let needed = Slots::of(&chart);
                let page = Slots::PAGE;
                assert!(needed.y_ticks <= page.y_ticks && needed.x_ticks <= page.x_ticks);
                assert!(
                    needed.end_labels <= page.end_labels && needed.note_lines <= page.note_lines
                );
            }
        }
    }
}
