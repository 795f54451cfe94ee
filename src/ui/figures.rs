//! The headline figures. The words come from `summary.rs` (through the state's memos); this
//! panel only binds them to the page.

use leptos::prelude::*;
use stargate_calc::summary::{figure_title, FIGURES};
use stargate_calc::words::{t, Text};

use super::state::{text, use_calculator};

/// The headline figures.
#[component]
pub fn HeadlineFigures(
    /// The `data-figure` names to show, in their usual order; all of them when empty.
    #[prop(optional)]
    only: &'static [&'static str],
) -> impl IntoView {
    let calc = use_calculator();
    view! {
        <section class="figures" aria-labelledby="figures-title">
            <h2 id="figures-title" class="visually-hidden">{t(Text::FigureSectionTitle)}</h2>
            <div class="figure-grid">
                {FIGURES
                    .iter()
                    .enumerate()
                    .filter(|(_, figure)| only.is_empty() || only.contains(&figure.name))
                    .map(|(index, figure)| {
                        // One memo per figure: its two texts are read from it, not from the
                        // list of all nine.
                        let words = Memo::new(move |_| {
                            calc.figure_texts.with(|all| all.get(index).cloned().unwrap_or_default())
                        });
                        view! {
                            <article class="figure" data-figure=figure.name>
                                <h3 class="figure-title">{figure_title(figure.title)}</h3>
                                <p class="figure-value">{text(move || words.with(|w| w.value.clone()))}</p>
                                <p class="figure-sentence">{text(move || words.with(|w| w.sentence.clone()))}</p>
                            </article>
                        }
                    })
                    .collect_view()}
            </div>
        </section>
    }
}
