//! The sources panel: each fact from the report with its sentence quoted and what it feeds,
//! then our assumptions, listed as assumptions.

use leptos::prelude::*;
use stargate_calc::format;
use stargate_calc::scenario::{Input, Ramp};
use stargate_calc::sources::{FACTS, MODEL_ASSUMPTIONS, REPORT_CITES, REPORT_TITLE};

#[component]
pub fn Sources() -> impl IntoView {
    let assumptions = Input::ALL
        .iter()
        .filter(|input| input.spec().assumption)
        .map(|input| {
            let spec = input.spec();
            view! {
                <li>
                    <strong>{spec.label}</strong>
                    " (" <code>{spec.key}</code> "), default "
                    {format::input_value(spec.default, spec.unit)}
                    ": " {spec.help}
                </li>
            }
        })
        .collect_view();
    view! {
        <section id="sources" class="panel sources" aria-labelledby="sources-title">
            <h2 id="sources-title">"Sources and assumptions"</h2>
            <p>
                "Facts come from the news report \u{201c}" {REPORT_TITLE} "\u{201d}, which cites "
                {REPORT_CITES} ". Each is quoted below with what it feeds in the calculator."
            </p>
            <div class="facts">
                {FACTS
                    .iter()
                    .map(|fact| {
                        view! {
                            <article class="fact">
                                <h3>{fact.fact} ": " <span class="fact-value">{fact.value}</span></h3>
                                {fact
                                    .quotes
                                    .iter()
                                    .map(|quote| view! { <blockquote>{*quote}</blockquote> })
                                    .collect_view()}
                                <p class="feeds">"Feeds: " {fact.feeds}</p>
                            </article>
                        }
                    })
                    .collect_view()}
            </div>
            <h3>"Our assumptions (not the report's)"</h3>
            <ul class="assumption-list">
                {assumptions}
                <li>
                    <strong>"Shape of the move to Stargate"</strong> " (" <code>"ramp"</code>
                    "), default " {Ramp::DEFAULT.label()} ": " {Ramp::DEFAULT.description()} "."
                </li>
                {MODEL_ASSUMPTIONS.iter().map(|text| view! { <li>{*text}</li> }).collect_view()}
            </ul>
        </section>
    }
}
