//! One-click scenarios. The preset that matches the current scenario is pressed; any other
//! state reads "Custom". Names, values and rationales come from `presets.rs`.

use leptos::prelude::*;
use stargate_calc::presets::{matching, PRESETS};

use super::state::Calculator;

#[component]
pub fn Presets(calc: Calculator) -> impl IntoView {
    let current = Memo::new(move |_| calc.scenario.with(matching));
    let rationale = move || {
        current.get().map_or(
            "Custom: your own mix of the report\u{2019}s figures and assumptions.",
            |p| p.rationale,
        )
    };
    view! {
        <div class="presets" role="group" aria-labelledby="presets-title">
            <p id="presets-title" class="presets-title">
                "Scenarios "
                <span class="presets-current" id="preset-current">
                    {move || current.get().map_or("Custom", |p| p.name)}
                </span>
            </p>
            <div class="preset-buttons">
                {PRESETS
                    .iter()
                    .map(|preset| {
                        view! {
                            <button
                                type="button"
                                class="preset"
                                data-preset=preset.id
                                title=preset.rationale
                                aria-pressed=move || (current.get().map(|p| p.id) == Some(preset.id)).to_string()
                                on:click=move |_| calc.scenario.update(|s| *s = preset.apply(s))
                            >
                                {preset.name}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <p class="preset-rationale">{rationale}</p>
        </div>
    }
}
