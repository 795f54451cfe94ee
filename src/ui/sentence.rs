//! The explorable sentence: "By 2030, OpenAI gets [75%] of its compute from Stargate and spends
//! [$60.0B] there, [3.0×] its Azure spend." The share is an input: drag it sideways (mouse or
//! touch) or use the arrow keys; it is a `role="slider"` with its value in words. The other
//! numbers follow live. Words and numbers come from `summary.rs` and `format.rs`; the page
//! routes the slider's keys and pointer drags to [`key_step`] and [`drag_value`].

use stargate_calc::format;
use stargate_calc::scenario::Input;

use super::markup::{Markup, Target};
use super::state::SCENARIO;

/// The input the sentence holds.
pub const INPUT: Input = Input::StargateShare2030;
/// Pixels of sideways drag per step of the input.
const PIXELS_PER_STEP: f64 = 3.0;

pub fn sentence(h: &mut Markup) {
    let spec = INPUT.spec();
    h.raw(
        "<p class=\"explorable\" id=\"explorable\">By 2030, OpenAI gets <span class=\"tangle\" \
         id=\"sentence-sg\" role=\"slider\" tabindex=\"0\" \
         title=\"Drag sideways or use the arrow keys\"",
    );
    h.attr("aria-label", spec.label);
    h.attr("aria-valuemin", &format::canonical(spec.min));
    h.attr("aria-valuemax", &format::canonical(spec.max));
    h.bind(Target::Attr("aria-valuenow"), SCENARIO, 0, |p, _| {
        format::canonical(p.scenario.get(INPUT))
    });
    h.bind(Target::Attr("aria-valuetext"), SCENARIO, 0, |p, _| {
        format::input_value_spoken(p.scenario.get(INPUT), INPUT.spec().unit)
    });
    h.bind(Target::Text, SCENARIO, 0, |p, _| {
        format::input_value(p.scenario.get(INPUT), INPUT.spec().unit)
    });
    h.raw("></span> of its compute from Stargate and spends ");
    h.text_of(
        "span class=\"derived\" id=\"sentence-stargate\"",
        "span",
        SCENARIO,
        0,
        |p, _| p.sentence.0.clone(),
    );
    h.raw(" there");
    h.text_of("span", "span", SCENARIO, 0, |p, _| {
        match p.sentence.1 {
            Some(_) => ", ",
            None => ", and nothing on Azure.",
        }
        .to_string()
    });
    h.text_of(
        "span class=\"derived\" id=\"sentence-multiple\"",
        "span",
        SCENARIO,
        0,
        |p, _| p.sentence.1.clone().unwrap_or_default(),
    );
    h.text_of("span", "span", SCENARIO, 0, |p, _| {
        if p.sentence.1.is_some() {
            " its Azure spend."
        } else {
            ""
        }
        .to_string()
    });
    h.raw("</p>");
}

/// The share after `key` on the sentence's slider, or `None` for a key it does not take.
pub fn key_step(current: f64, key: &str) -> Option<f64> {
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

/// The share after dragging from `start` (pointer x, value then) to pointer x `x`.
pub fn drag_value(start: (f64, f64), x: f64) -> f64 {
    let steps = ((x - start.0) / PIXELS_PER_STEP).round();
    INPUT.sanitize(start.1 + steps * INPUT.spec().step)
}
