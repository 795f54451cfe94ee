//! The explorable sentence: "By 2030, OpenAI gets [75%] of its compute from Stargate and spends
//! [$60.0B] there, [3.0×] its Azure spend." The share is an input: drag it sideways (mouse or
//! touch) or use the arrow keys; it is a `role="slider"` with its value in words. The other
//! numbers follow live. Words and numbers come from `summary.rs` and `format.rs`.

use leptos::ev;
use leptos::prelude::*;
use stargate_calc::format;
use stargate_calc::scenario::Input;
use stargate_calc::summary::sentence_numbers;

use super::state::{text, Calculator};

/// Pixels of sideways drag per step of the input.
const PIXELS_PER_STEP: f64 = 3.0;

#[component]
pub fn ExplorableSentence(calc: Calculator) -> impl IntoView {
    let input = Input::StargateShare2030;
    let spec = input.spec();
    let value = calc.input_value(input);
    let numbers = Memo::new(move |_| calc.projection.with(|p| sentence_numbers(&p.figures)));
    // Where a drag started: pointer x and the value then.
    let drag_start = StoredValue::new(None::<(f64, f64)>);

    let on_pointerdown = move |ev: ev::PointerEvent| {
        use wasm_bindgen::JsCast;
        if let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            let _ = target.set_pointer_capture(ev.pointer_id());
        }
        drag_start.set_value(Some((f64::from(ev.client_x()), value.get_untracked())));
        ev.prevent_default();
    };
    let on_pointermove = move |ev: ev::PointerEvent| {
        if let Some((x0, v0)) = drag_start.get_value() {
            let steps = ((f64::from(ev.client_x()) - x0) / PIXELS_PER_STEP).round();
            let next = input.sanitize(v0 + steps * spec.step);
            if next != value.get_untracked() {
                calc.set_input(input, next);
            }
        }
    };
    let end_drag = move |_: ev::PointerEvent| drag_start.set_value(None);
    let on_keydown = move |ev: ev::KeyboardEvent| {
        let current = value.get_untracked();
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowUp" => current + spec.step,
            "ArrowLeft" | "ArrowDown" => current - spec.step,
            "PageUp" => current + 10.0 * spec.step,
            "PageDown" => current - 10.0 * spec.step,
            "Home" => spec.min,
            "End" => spec.max,
            _ => return,
        };
        ev.prevent_default();
        calc.set_input(input, next);
    };

    view! {
        <p class="explorable" id="explorable">
            "By 2030, OpenAI gets "
            <span
                class="tangle"
                id="sentence-sg"
                role="slider"
                tabindex="0"
                aria-label=spec.label
                aria-valuemin=format::canonical(spec.min)
                aria-valuemax=format::canonical(spec.max)
                aria-valuenow=text(move || format::canonical(value.get()))
                aria-valuetext=text(move || format::input_value_spoken(value.get(), spec.unit))
                title="Drag sideways or use the arrow keys"
                on:pointerdown=on_pointerdown
                on:pointermove=on_pointermove
                on:pointerup=end_drag
                on:pointercancel=end_drag
                on:keydown=on_keydown
            >
                {text(move || format::input_value(value.get(), spec.unit))}
            </span>
            " of its compute from Stargate and spends "
            <span class="derived" id="sentence-stargate">{text(move || numbers.with(|n| n.0.clone()))}</span>
            " there"
            {text(move || {
                numbers.with(|n| match &n.1 {
                    Some(_) => ", ".to_string(),
                    None => ", and nothing on Azure.".to_string(),
                })
            })}
            <span class="derived" id="sentence-multiple">{text(move || numbers.with(|n| n.1.clone().unwrap_or_default()))}</span>
            {text(move || numbers.with(|n| if n.1.is_some() { " its Azure spend.".to_string() } else { String::new() }))}
        </p>
    }
}
