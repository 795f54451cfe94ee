//! One-click scenarios. The preset that matches the current scenario is pressed; any other
//! state reads "Custom". Names, values and rationales come from `presets.rs`.

use leptos::prelude::*;
use stargate_calc::presets::PRESETS;
use stargate_calc::words::{t, Text};

use super::state::{text, use_calculator};

#[component]
pub fn Presets() -> impl IntoView {
    let calc = use_calculator();
    let current = calc.preset;
    let rationale = text(move || {
        current
            .get()
            .and_then(|i| PRESETS.get(i))
            .map_or(t(Text::PresetCustomRationale), |p| p.rationale())
            .to_string()
    });
    view! {
        <div class="presets" role="group" aria-labelledby="presets-title">
            <p id="presets-title" class="presets-title">
                {[t(Text::PresetTitle), " "].concat()}
                <span class="presets-current" id="preset-current">
                    {text(move || {
                        current.get().and_then(|i| PRESETS.get(i)).map_or(t(Text::PresetCustom), |p| p.name()).to_string()
                    })}
                </span>
            </p>
            <div class="preset-buttons">
                {PRESETS
                    .iter()
                    .enumerate()
                    .map(|(index, preset)| {
                        view! {
                            <button
                                type="button"
                                class="preset"
                                data-preset=preset.id
                                title=preset.rationale()
                                aria-pressed=text(move || (current.get() == Some(index)).to_string())
                                on:click=move |_| {
                                    let next = calc.scenario.with_untracked(|s| preset.apply(s));
                                    calc.set_scenario(next);
                                }
                            >
                                {preset.name()}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <p class="preset-rationale">{rationale}</p>
        </div>
    }
}
