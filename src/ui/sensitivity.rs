//! Sensitivity: three tornado charts, for 2030 Microsoft and Stargate spend and Stargate's 2025–2028 spend, showing how far each
//! assumption moves the figure when swung across its range with the others held, largest
//! first. Swings come from `sensitivity.rs`, geometry from `chart::tornado_chart`; the rows are
//! fixed slots whose bars and figures follow the scenario (a memo per row) and whose names
//! and places follow the levers' order (which a slider move rarely changes).

use leptos::prelude::*;
use stargate_calc::chart::{tornado_chart, Tornado, TornadoRow};
use stargate_calc::format;
use stargate_calc::providers::Provider;
use stargate_calc::sensitivity::{tornado, Lever, Output};
use stargate_calc::words::{fill, t, Text};

use super::charts::measured_width;
use super::state::{changes_of, field, use_calculator, visible_when};

#[component]
pub fn Sensitivity() -> impl IntoView {
    // Drawn at the panel's width, so text stays 12–13 px; built once that is known.
    let slot = NodeRef::<leptos::html::Div>::new();
    let width = measured_width(slot);
    super::build_when(
        move || width.get() > 0.0,
        slot,
        move || {
            Output::ALL
                .into_iter()
                .map(|output| view! { <TornadoFigure output width/> })
                .collect_view()
        },
    );
    view! {
        <section id="sensitivity" class="panel sensitivity" aria-labelledby="sensitivity-title">
            <h2 id="sensitivity-title">{t(Text::SensitivityTitle)}</h2>
            <p class="panel-note">
                {fill(Text::SensitivityNote, &[("amount", &format::billions(500.0))])}
            </p>
            <div class="tornadoes" node_ref=slot></div>
        </section>
    }
}

/// Where a row slot sits and what it is called: this changes only when the levers' order does,
/// so it is read from a signal that a slider move leaves alone (`changes_of`).
#[derive(Clone, PartialEq)]
struct RowLayout {
    shown: bool,
    label: String,
    range: String,
    label_y: String,
    bar_y: String,
    value_y: String,
}

impl RowLayout {
    fn of(row: Option<&TornadoRow>) -> RowLayout {
        // A slot without a lever is hidden; its lengths still need a number.
        let Some(r) = row else {
            return RowLayout {
                shown: false,
                label: String::new(),
                range: String::new(),
                label_y: "0".into(),
                bar_y: "0".into(),
                value_y: "0".into(),
            };
        };
        RowLayout {
            shown: true,
            label: r.label.clone(),
            range: if r.range.is_empty() {
                String::new()
            } else {
                " \u{b7} ".to_string() + &r.range
            },
            label_y: format::fixed(r.y - 13.0, 1),
            bar_y: format::fixed(r.y - 5.0, 1),
            value_y: format::fixed(r.y + 4.0, 1),
        }
    }
}

/// A row's bar and the figures at its ends: these follow every change of the scenario.
#[derive(Clone, PartialEq)]
struct RowValues {
    bar_x: String,
    bar_width: String,
    left_x: String,
    left_text: String,
    right_x: String,
    right_text: String,
}

impl RowValues {
    fn of(row: Option<&TornadoRow>) -> RowValues {
        let Some(r) = row else {
            let zero = || "0".to_string();
            return RowValues {
                bar_x: zero(),
                bar_width: zero(),
                left_x: zero(),
                left_text: zero(),
                right_x: zero(),
                right_text: zero(),
            };
        };
        // The bar reads right to left when the lever's low end gives the higher figure.
        let (left, right) = if r.reversed {
            (&r.high_text, &r.low_text)
        } else {
            (&r.low_text, &r.high_text)
        };
        RowValues {
            bar_x: format::fixed(r.x, 1),
            bar_width: format::fixed(r.width.max(1.0), 1),
            left_x: format::fixed(r.x - 4.0, 1),
            left_text: left.clone(),
            right_x: format::fixed(r.x + r.width + 4.0, 1),
            right_text: right.clone(),
        }
    }
}

/// The tornado's frame and row order, which change only when the levers' order does.
#[derive(Clone, PartialEq)]
struct Layout {
    view_box: String,
    bottom: String,
    no_effect: String,
    /// One per lever slot, in order.
    rows: Vec<RowLayout>,
}

impl Layout {
    fn of(output: Output, c: &Tornado) -> Layout {
        Layout {
            view_box: "0 0 ".to_string()
                + &format::fixed(c.frame.width, 0)
                + " "
                + &format::fixed(c.frame.height, 0),
            bottom: format::fixed(c.bottom, 0),
            no_effect: if c.no_effect.is_empty() {
                String::new()
            } else {
                output.no_effect(&c.no_effect)
            },
            rows: (0..Lever::ALL.len())
                .map(|slot| RowLayout::of(c.rows.get(slot)))
                .collect(),
        }
    }
}

/// The words that follow every change: where the scenario's own figure is, and the
/// description with every lever's figures.
#[derive(Clone, PartialEq)]
struct Words {
    base_x: String,
    base_label: String,
    description: String,
}

impl Words {
    fn of(output: Output, c: &Tornado) -> Words {
        let mut description = fill(
            Text::TornadoDescriptionFigure,
            &[("figure", output.label()), ("value", &c.base_text)],
        ) + " ";
        for row in &c.rows {
            description += &fill(
                Text::TornadoDescriptionLever,
                &[
                    ("lever", &row.label),
                    ("low", &row.low_text),
                    ("high", &row.high_text),
                ],
            );
            description.push(' ');
        }
        Words {
            base_x: format::fixed(c.base_x, 1),
            base_label: fill(Text::TornadoThisScenario, &[("value", &c.base_text)]),
            description,
        }
    }
}

/// One tornado chart.
#[component]
fn TornadoFigure(
    /// The 2030 figure whose swings it draws.
    output: Output,
    /// The width it is drawn at, CSS pixels.
    width: ReadSignal<f64>,
) -> impl IntoView {
    let calc = use_calculator();
    let chart = Memo::new(move |_| {
        let width = width.get();
        calc.scenario
            .with(|s| tornado_chart(&tornado(s, output), width))
    });
    let layout = changes_of(move || chart.with(|c| Layout::of(output, c)));
    let words = Memo::new(move |_| chart.with(|c| Words::of(output, c)));
    let (id, colour) = match output {
        Output::Microsoft2030 => ("tornado-microsoft", Provider::MicrosoftAzure.colour()),
        Output::Stargate2030 => ("tornado-stargate", Provider::Stargate.colour()),
        Output::StargateCommitmentYears => ("tornado-commitment", Provider::Stargate.colour()),
    };
    let rows = (0..Lever::ALL.len())
        .map(|slot| {
            let place = Memo::new(move |_| {
                layout.with(|l| l.rows.get(slot).cloned().unwrap_or_else(|| RowLayout::of(None)))
            });
            // Most bars stay as they were when one input moves: only the rows that changed
            // have their six bindings visited.
            let values = changes_of(move || chart.with(|c| RowValues::of(c.rows.get(slot))));
            view! {
                <g
                    class="tornado-row"
                    data-slot=slot
                    visibility=visible_when(place, |r| r.shown)
                >
                    <text class="tornado-label" x="4" y=field(place, |r| r.label_y.clone())>
                        {field(place, |r| r.label.clone())}
                        <tspan class="tornado-range">{field(place, |r| r.range.clone())}</tspan>
                    </text>
                    <rect
                        class="tornado-bar"
                        fill=colour
                        x=field(values, |r| r.bar_x.clone())
                        y=field(place, |r| r.bar_y.clone())
                        width=field(values, |r| r.bar_width.clone())
                        height="10"
                    />
                    <text class="tornado-value" text-anchor="end" x=field(values, |r| r.left_x.clone()) y=field(place, |r| r.value_y.clone())>
                        {field(values, |r| r.left_text.clone())}
                    </text>
                    <text class="tornado-value" x=field(values, |r| r.right_x.clone()) y=field(place, |r| r.value_y.clone())>
                        {field(values, |r| r.right_text.clone())}
                    </text>
                </g>
            }
        })
        .collect_view();
    view! {
        <figure id=id class="tornado">
            <figcaption class="chart-title">{output.label()}</figcaption>
            <svg role="img" aria-labelledby=id.to_string() + "-desc" viewBox=field(layout, |l| l.view_box.clone())>
                <desc id=id.to_string() + "-desc">{field(words, |w| w.description.clone())}</desc>
                <line
                    class="tornado-base"
                    x1=field(words, |w| w.base_x.clone())
                    x2=field(words, |w| w.base_x.clone())
                    y1="14"
                    y2=field(layout, |l| l.bottom.clone())
                />
                <text class="tornado-base-label" x=field(words, |w| w.base_x.clone()) y="12" text-anchor="middle">
                    {field(words, |w| w.base_label.clone())}
                </text>
                {rows}
            </svg>
            <p class="tornado-none">{field(layout, |l| l.no_effect.clone())}</p>
        </figure>
    }
}
