//! Light, dark or the reader's system setting (`theme=`). The stylesheet does the work with
//! `color-scheme` and `light-dark()`; this module sets `data-theme` on `<html>` and offers the
//! choice on the full page.

use leptos::prelude::*;
use stargate_calc::link::Theme;
use stargate_calc::words::{t, Text};

use super::state::{use_calculator, Calculator};

/// Keeps `<html data-theme>` equal to the chosen theme.
pub fn apply_theme(calc: Calculator) {
    Effect::new(move |_| {
        let theme = calc.theme.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-theme", theme.key());
        }
    });
}

/// The three themes as radio buttons.
#[component]
pub fn ThemePicker() -> impl IntoView {
    let calc = use_calculator();
    view! {
        <fieldset class="theme-picker">
            <legend>{t(Text::ThemeLegend)}</legend>
            {Theme::ALL
                .into_iter()
                .map(|theme| {
                    view! {
                        <label>
                            <input
                                type="radio"
                                name="theme"
                                value=theme.key()
                                prop:checked=move || calc.theme.get() == theme
                                on:change=move |_| calc.theme.set(theme)
                            />
                            {theme.label()}
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
