//! Sensitivity: two tornado charts, for 2030 Microsoft and Stargate spend, showing how far each
//! assumption moves the figure when swung across its range with the others held, largest
//! first. Swings come from `sensitivity.rs`, geometry from `chart::tornado_chart`; the rows are
//! fixed slots, each with its own memo, whose words and bars follow the scenario.

use leptos::prelude::*;
use stargate_calc::chart::{tornado_chart, Tornado, TornadoRow};
use stargate_calc::format;
use stargate_calc::providers::Provider;
use stargate_calc::sensitivity::{tornado, Lever, Output};

use super::state::{field, text, use_calculator};

#[component]
pub fn Sensitivity() -> impl IntoView {
    view! {
        <section id="sensitivity" class="panel sensitivity" aria-labelledby="sensitivity-title">
            <h2 id="sensitivity-title">"Which assumption matters most?"</h2>
            <p class="panel-note">
                "Each bar swings one assumption from the bottom to the top of its range, the others held at the scenario on screen; the dashed line is the scenario itself. Levers that cannot move a figure are listed under it."
            </p>
            <div class="tornadoes">
                {Output::ALL.into_iter().map(|output| view! { <TornadoFigure output/> }).collect_view()}
            </div>
        </section>
    }
}

/// What a row slot writes; all empty ("0" for lengths) for a slot without a lever.
#[derive(Clone, PartialEq)]
struct RowText {
    shown: bool,
    label: String,
    range: String,
    label_y: String,
    bar_x: String,
    bar_y: String,
    bar_width: String,
    value_y: String,
    left_x: String,
    left_text: String,
    right_x: String,
    right_text: String,
}

impl RowText {
    fn of(row: Option<&TornadoRow>) -> RowText {
        let zero = || "0".to_string();
        let Some(r) = row else {
            return RowText {
                shown: false,
                label: String::new(),
                range: String::new(),
                label_y: zero(),
                bar_x: zero(),
                bar_y: zero(),
                bar_width: zero(),
                value_y: zero(),
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
        RowText {
            shown: true,
            label: r.label.clone(),
            range: if r.range.is_empty() {
                String::new()
            } else {
                " \u{b7} ".to_string() + &r.range
            },
            label_y: format::fixed(r.y - 13.0, 1),
            bar_x: format::fixed(r.x, 1),
            bar_y: format::fixed(r.y - 5.0, 1),
            bar_width: format::fixed(r.width.max(1.0), 1),
            value_y: format::fixed(r.y + 4.0, 1),
            left_x: format::fixed(r.x - 4.0, 1),
            left_text: left.clone(),
            right_x: format::fixed(r.x + r.width + 4.0, 1),
            right_text: right.clone(),
        }
    }
}

/// The words around a tornado's rows: its description, base line and the levers with no effect.
#[derive(Clone, PartialEq)]
struct FrameText {
    view_box: String,
    base_x: String,
    bottom: String,
    base_label: String,
    description: String,
    no_effect: String,
}

impl FrameText {
    fn of(output: Output, c: &Tornado) -> FrameText {
        let mut description = output.label().to_string() + " is " + &c.base_text + ". ";
        for row in &c.rows {
            description =
                description + &row.label + ": " + &row.low_text + " to " + &row.high_text + ". ";
        }
        FrameText {
            view_box: "0 0 ".to_string()
                + &format::fixed(c.frame.width, 0)
                + " "
                + &format::fixed(c.frame.height, 0),
            base_x: format::fixed(c.base_x, 1),
            bottom: format::fixed(c.bottom, 0),
            base_label: "This scenario: ".to_string() + &c.base_text,
            description,
            no_effect: if c.no_effect.is_empty() {
                String::new()
            } else {
                "No effect on this figure in 2030: ".to_string() + &c.no_effect.join("; ") + "."
            },
        }
    }
}

/// One tornado chart.
#[component]
fn TornadoFigure(
    /// The 2030 figure whose swings it draws.
    output: Output,
) -> impl IntoView {
    let calc = use_calculator();
    // Drawn at the charts' width (the panel's, near enough), so text stays 12–13 px.
    let chart = Memo::new(move |_| {
        let width = calc.chart_width.get();
        calc.scenario
            .with(|s| tornado_chart(&tornado(s, output), width))
    });
    let words = Memo::new(move |_| chart.with(|c| FrameText::of(output, c)));
    let (id, colour) = match output {
        Output::Microsoft2030 => ("tornado-microsoft", Provider::MicrosoftAzure.colour()),
        Output::Stargate2030 => ("tornado-stargate", Provider::Stargate.colour()),
    };
    let rows = (0..Lever::ALL.len())
        .map(|slot| {
            let row = Memo::new(move |_| chart.with(|c| RowText::of(c.rows.get(slot))));
            view! {
                <g
                    class="tornado-row"
                    data-slot=slot
                    visibility=text(move || if row.with(|r| r.shown) { "visible" } else { "hidden" }.to_string())
                >
                    <text class="tornado-label" x="4" y=field(row, |r| r.label_y.clone())>
                        {field(row, |r| r.label.clone())}
                        <tspan class="tornado-range">{field(row, |r| r.range.clone())}</tspan>
                    </text>
                    <rect
                        class="tornado-bar"
                        fill=colour
                        x=field(row, |r| r.bar_x.clone())
                        y=field(row, |r| r.bar_y.clone())
                        width=field(row, |r| r.bar_width.clone())
                        height="10"
                    />
                    <text class="tornado-value" text-anchor="end" x=field(row, |r| r.left_x.clone()) y=field(row, |r| r.value_y.clone())>
                        {field(row, |r| r.left_text.clone())}
                    </text>
                    <text class="tornado-value" x=field(row, |r| r.right_x.clone()) y=field(row, |r| r.value_y.clone())>
                        {field(row, |r| r.right_text.clone())}
                    </text>
                </g>
            }
        })
        .collect_view();
    view! {
        <figure id=id class="tornado">
            <figcaption class="chart-title">{output.label()}</figcaption>
            <svg role="img" aria-labelledby=id.to_string() + "-desc" viewBox=field(words, |w| w.view_box.clone())>
                <desc id=id.to_string() + "-desc">{field(words, |w| w.description.clone())}</desc>
                <line
                    class="tornado-base"
                    x1=field(words, |w| w.base_x.clone())
                    x2=field(words, |w| w.base_x.clone())
                    y1="14"
                    y2=field(words, |w| w.bottom.clone())
                />
                <text class="tornado-base-label" x=field(words, |w| w.base_x.clone()) y="12" text-anchor="middle">
                    {field(words, |w| w.base_label.clone())}
                </text>
                {rows}
            </svg>
            <p class="tornado-none">{field(words, |w| w.no_effect.clone())}</p>
        </figure>
    }
}
