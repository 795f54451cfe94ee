//! One-click scenarios. The preset that matches the current scenario is pressed; any other
//! state reads "Custom". Names, values and rationales come from `presets.rs`; a click on
//! `button[data-preset]` applies one.

use stargate_calc::presets::PRESETS;

use super::markup::{Markup, Target};
use super::state::SCENARIO;

pub fn presets(h: &mut Markup) {
    h.raw(
        "<div class=\"presets\" role=\"group\" aria-labelledby=\"presets-title\">\
         <p id=\"presets-title\" class=\"presets-title\">Scenarios ",
    );
    h.text_of(
        "span class=\"presets-current\" id=\"preset-current\"",
        "span",
        SCENARIO,
        0,
        |p, _| p.preset.map_or("Custom", |preset| preset.name).to_string(),
    );
    h.raw("</p><div class=\"preset-buttons\">");
    for (i, preset) in PRESETS.iter().enumerate() {
        h.open("button type=\"button\" class=\"preset\"");
        h.attr("data-preset", preset.id);
        h.attr("title", preset.rationale);
        h.bind(Target::Attr("aria-pressed"), SCENARIO, i as u32, |p, i| {
            let pressed =
                p.preset.map(|preset| preset.id) == PRESETS.get(i as usize).map(|preset| preset.id);
            if pressed { "true" } else { "false" }.to_string()
        });
        h.raw(">");
        h.text(preset.name);
        h.raw("</button>");
    }
    h.raw("</div>");
    h.text_of("p class=\"preset-rationale\"", "p", SCENARIO, 0, |p, _| {
        p.preset
            .map_or(
                "Custom: your own mix of the report\u{2019}s figures and assumptions.",
                |preset| preset.rationale,
            )
            .to_string()
    });
    h.raw("</div>");
}
