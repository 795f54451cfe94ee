//! The page's headline, an explorable sentence: "By 2030, OpenAI gets [75%] of its compute from
//! Stargate and spends [$60.0B] there, [3.0×] its Azure spend." The share is an input: drag it
//! sideways (mouse or touch) or use the arrow keys; it is a `role="slider"` with its value in
//! words. The other numbers follow live. It is the one place the page states the 2030 result
//! in words (the announcer reads the same sentence, `summary::headline_sentence`). Words and
//! numbers come from `summary.rs` (the sentence in the page's language, cut at its numbers)
//! and `format.rs`.

use leptos::ev;
use leptos::prelude::*;
use stargate_calc::format;
use stargate_calc::scenario::Input;
use stargate_calc::summary::{sentence_numbers, sentence_room_numbers, sentence_words};
use stargate_calc::words::{t, Text};

use super::state::{text, use_calculator};

/// The input the sentence holds.
const INPUT: Input = Input::StargateShare2030;
/// Pixels of sideways drag per step of the input.
const PIXELS_PER_STEP: f64 = 3.0;

/// The share after `key` on the sentence's slider, or `None` for a key it does not take.
fn key_step(current: f64, key: &str) -> Option<f64> {
    let spec = INPUT.spec();
    Some(match key {
        "ArrowRight" | "ArrowUp" => current + spec.step,
        "ArrowLeft" | "ArrowDown" => current - spec.step,
        "PageUp" => current + 10.0 * spec.step,
        "PageDown" => current - 10.0 * spec.step,
        "Home" => spec.min,
        "End" => spec.max,
        _ => return None,
    })
}

#[component]
pub fn ExplorableSentence() -> impl IntoView {
    let calc = use_calculator();
    let spec = INPUT.spec();
    let value = calc.input_value(INPUT);
    // The derived numbers: 2030 Stargate spend, and how it compares with Azure's.
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
            calc.set_input(INPUT, v0 + steps * spec.step);
        }
    };
    let end_drag = move |_: ev::PointerEvent| drag_start.set_value(None);
    let on_keydown = move |ev: ev::KeyboardEvent| {
        if let Some(next) = key_step(value.get_untracked(), &ev.key()) {
            ev.prevent_default();
            calc.set_input(INPUT, next);
        }
    };

    // The sentence in the page's language, cut at its three numbers (`sentence_words`): each
    // number is one element, built once and kept, and only the words around them follow how
    // Stargate compares with Azure (so the slider keeps its focus and its pointer at 100%).
    let comparison = Memo::new(move |_| numbers.with(|n| n.comparison));
    let [before_share, before_stargate, before_multiple, after] = sentence_words()
        .map(|words| move || words.get(comparison.get() as usize).copied().unwrap_or(""));

    // The same sentence in each of its forms with wide numbers, hidden, in the same place: the
    // box takes the room of the longest, so nothing below moves as the sentence reflows.
    let words = sentence_words();
    let room = sentence_room_numbers()
        .into_iter()
        .enumerate()
        .map(|(side, [share, stargate, third])| {
            let piece = |i: usize| {
                words
                    .get(i)
                    .and_then(|w| w.get(side))
                    .copied()
                    .unwrap_or("")
            };
            view! {
                <p class="explorable sentence-room" aria-hidden="true">
                    {piece(0)}
                    <span class="tangle">{share}</span>
                    {piece(1)}
                    <span class="derived">{stargate}</span>
                    {piece(2)}
                    <span class="derived">{third}</span>
                    {piece(3)}
                </p>
            }
        })
        .collect_view();

    view! {
        <div class="sentence">
            {room}
            <p class="explorable" id="headline">
                {before_share}
                <span
                    class="tangle"
                    id="sentence-sg"
                    role="slider"
                    tabindex="0"
                    aria-label=spec.label()
                    aria-valuemin=format::canonical(spec.min)
                    aria-valuemax=format::canonical(spec.max)
                    aria-valuenow=text(move || format::canonical(value.get()))
                    aria-valuetext=text(move || format::input_value_spoken(value.get(), spec.unit))
                    title=t(Text::SentenceSliderHint)
                    on:pointerdown=on_pointerdown
                    on:pointermove=on_pointermove
                    on:pointerup=end_drag
                    on:pointercancel=end_drag
                    on:keydown=on_keydown
                >
                    {text(move || format::input_value(value.get(), spec.unit))}
                </span>
                {before_stargate}
                <span class="derived" id="sentence-stargate">{text(move || numbers.with(|n| n.stargate.clone()))}</span>
                {before_multiple}
                <span class="derived" id="sentence-multiple">{text(move || numbers.with(|n| n.azure.clone()))}</span>
                {after}
            </p>
        </div>
    }
}
