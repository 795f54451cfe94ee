//! Sensitivity: two tornado charts, for 2030 Microsoft and Stargate spend, showing how far each
//! assumption moves the figure when swung across its range with the others held, largest
//! first. Swings come from `sensitivity.rs`, geometry from `chart::tornado_chart`; the rows are
//! fixed slots whose words and bars follow the scenario.

use leptos::prelude::*;
use stargate_calc::chart::tornado_chart;
use stargate_calc::format;
use stargate_calc::providers::Provider;
use stargate_calc::sensitivity::{tornado, Lever, Output};

use super::state::{text, Calculator};

#[component]
pub fn Sensitivity(calc: Calculator) -> impl IntoView {
    view! {
        <section id="sensitivity" class="panel sensitivity" aria-labelledby="sensitivity-title">
            <h2 id="sensitivity-title">"Which assumption matters most?"</h2>
            <p class="panel-note">
                "Each bar swings one assumption from the bottom to the top of its range, the others held at the scenario on screen; the dashed line is the scenario itself. Levers that cannot move a figure are listed under it."
            </p>
            <div class="tornadoes">
                {Output::ALL.into_iter().map(|output| tornado_figure(calc, output)).collect_view()}
            </div>
        </section>
    }
}

fn tornado_figure(calc: Calculator, output: Output) -> impl IntoView {
    // Drawn at the charts' width (the panel's, near enough), so text stays 12–13 px.
    let chart = Memo::new(move |_| {
        let width = calc.chart_width.get();
        calc.scenario
            .with(|s| tornado_chart(&tornado(s, output), width))
    });
    let (id, colour) = match output {
        Output::Microsoft2030 => ("tornado-microsoft", Provider::MicrosoftAzure.colour()),
        Output::Stargate2030 => ("tornado-stargate", Provider::Stargate.colour()),
    };
    let view_box = text(move || {
        chart.with(|c| {
            "0 0 ".to_string()
                + &format::fixed(c.frame.width, 0)
                + " "
                + &format::fixed(c.frame.height, 0)
        })
    });
    let description = text(move || {
        chart.with(|c| {
            let mut words = output.label().to_string() + " is " + &c.base_text + ". ";
            for row in &c.rows {
                words = words + &row.label + ": " + &row.low_text + " to " + &row.high_text + ". ";
            }
            words
        })
    });
    let rows = (0..Lever::ALL.len())
        .map(|slot| {
            let row = move |f: fn(&stargate_calc::chart::TornadoRow) -> String| {
                // A slot without a lever is hidden; its lengths still need a number.
                text(move || {
                    chart.with(|c| c.rows.get(slot).map_or_else(|| "0".to_string(), f))
                })
            };
            view! {
                <g
                    class="tornado-row"
                    data-slot=slot
                    visibility=text(move || {
                        let shown = chart.with(|c| slot < c.rows.len());
                        if shown { "visible" } else { "hidden" }.to_string()
                    })
                >
                    <text class="tornado-label" x="4" y=row(|r| format::fixed(r.y - 13.0, 1))>
                        {row(|r| r.label.clone())}
                        <tspan class="tornado-range">{row(|r| {
                            if r.range.is_empty() {
                                String::new()
                            } else {
                                " \u{b7} ".to_string() + &r.range
                            }
                        })}</tspan>
                    </text>
                    <rect
                        class="tornado-bar"
                        fill=colour
                        x=row(|r| format::fixed(r.x, 1))
                        y=row(|r| format::fixed(r.y - 5.0, 1))
                        width=row(|r| format::fixed(r.width.max(1.0), 1))
                        height="10"
                    />
                    <text class="tornado-value" text-anchor="end" x=row(|r| format::fixed(r.x - 4.0, 1)) y=row(|r| format::fixed(r.y + 4.0, 1))>
                        {row(|r| if r.reversed { r.high_text.clone() } else { r.low_text.clone() })}
                    </text>
                    <text class="tornado-value" x=row(|r| format::fixed(r.x + r.width + 4.0, 1)) y=row(|r| format::fixed(r.y + 4.0, 1))>
                        {row(|r| if r.reversed { r.low_text.clone() } else { r.high_text.clone() })}
                    </text>
                </g>
            }
        })
        .collect_view();
    let base_x = text(move || chart.with(|c| format::fixed(c.base_x, 1)));
    let base_x2 = text(move || chart.with(|c| format::fixed(c.base_x, 1)));
    let base_label_x = text(move || chart.with(|c| format::fixed(c.base_x, 1)));
    view! {
        <figure id=id class="tornado">
            <figcaption class="chart-title">{output.label()}</figcaption>
            <svg role="img" aria-labelledby=id.to_string() + "-desc" viewBox=view_box>
                <desc id=id.to_string() + "-desc">{description}</desc>
                <line
                    class="tornado-base"
                    x1=base_x
                    x2=base_x2
                    y1="14"
                    y2=text(move || chart.with(|c| format::fixed(c.bottom, 0)))
                />
                <text class="tornado-base-label" x=base_label_x y="12" text-anchor="middle">
                    {text(move || "This scenario: ".to_string() + &chart.with(|c| c.base_text.clone()))}
                </text>
                {rows}
            </svg>
            <p class="tornado-none">
                {text(move || {
                    chart.with(|c| {
                        if c.no_effect.is_empty() {
                            String::new()
                        } else {
                            "No effect on this figure in 2030: ".to_string() + &c.no_effect.join("; ") + "."
                        }
                    })
                })}
            </p>
        </figure>
    }
}
