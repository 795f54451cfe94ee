//! The headline sentence and the headline figures. The words come from `summary.rs`; this
//! panel only binds them to the page.

use leptos::prelude::*;
use stargate_calc::summary::{headline_sentence, FIGURES};

use super::state::Calculator;

/// The result in one sentence, at the top of the page.
#[component]
pub fn Headline(calc: Calculator) -> impl IntoView {
    let text = move || calc.projection.with(|p| headline_sentence(&p.figures));
    view! { <p id="headline" class="headline">{text}</p> }
}

/// The headline figures; `only` names the ones to show (all when empty).
#[component]
pub fn HeadlineFigures(
    calc: Calculator,
    #[prop(optional)] only: &'static [&'static str],
) -> impl IntoView {
    view! {
        <section class="figures" aria-labelledby="figures-title">
            <h2 id="figures-title" class="visually-hidden">"Headline figures"</h2>
            <div class="figure-grid">
                {FIGURES
                    .into_iter()
                    .filter(|figure| only.is_empty() || only.contains(&figure.name))
                    .map(|figure| {
                        let text = Memo::new(move |_| {
                            let scenario = calc.scenario.get();
                            calc.projection.with(|p| (figure.text)(p, &scenario))
                        });
                        view! {
                            <article class="figure" data-figure=figure.name>
                                <h3 class="figure-title">{figure.title}</h3>
                                <p class="figure-value">{move || text.with(|t| t.value.clone())}</p>
                                <p class="figure-sentence">
                                    {move || text.with(|t| t.sentence.clone())}
                                </p>
                            </article>
                        }
                    })
                    .collect_view()}
            </div>
        </section>
    }
}
