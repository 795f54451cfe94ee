//! Uncertainty bands: an optional mode where five assumptions get ± ranges. The spend chart
//! then shows 5–95 % and 25–75 % bands around the median of total and Stargate spend over
//! 10,000 seeded paths, and this panel says how often Stargate passes Microsoft. The seed is in
//! the link, so the same link always draws the same bands.

use stargate_calc::format;
use stargate_calc::query::RANGE_PREFIX;
use stargate_calc::scenario::{Input, Unit};
use stargate_calc::uncertainty::Ranges;

use super::controls::{flag, input_arg, input_at};
use super::markup::{Markup, RegionSpec, Target};
use super::state::{Page, BANDS, SCENARIO};

pub fn uncertainty(h: &mut Markup) {
    h.raw(
        "<section id=\"uncertainty\" class=\"panel uncertainty\" \
         aria-labelledby=\"uncertainty-title\"><h2 id=\"uncertainty-title\">How sure is this? \
         Uncertainty bands</h2><p class=\"panel-note\">Give five assumptions a range; 10,000 \
         scenarios are drawn within them (each value uniformly, kept within its limits) and the \
         spend chart shows where total and Stargate spend land: the middle half and nine in ten \
         of the paths.</p><label class=\"toggle\">",
    );
    h.open("input type=\"checkbox\" id=\"bands-toggle\"");
    h.bind(Target::Checked, BANDS, 0, |p, _| flag(p.bands.is_some()));
    h.raw("> Show uncertainty bands</label><div id=\"bands-detail\"></div></section>");
    h.region(RegionSpec {
        container_id: "bands-detail",
        deps: BANDS,
        key: |p| i64::from(p.bands.is_some()),
        build: details,
    });
}

/// The chance, the ranges and the seed: only while the bands are on.
fn details(h: &mut Markup, page: &Page) {
    if page.bands.is_none() {
        return;
    }
    h.text_of(
        "p id=\"bands-probability\" class=\"bands-probability\" aria-live=\"polite\"",
        "p",
        SCENARIO | BANDS,
        0,
        |p, _| p.band_sentence.clone(),
    );
    h.raw("<div class=\"ranges\">");
    for input in Ranges::INPUTS {
        range_slider(h, input);
    }
    h.raw("</div><p class=\"seed\">Random seed ");
    h.text_of("strong id=\"bands-seed\"", "strong", BANDS, 0, |p, _| {
        p.bands.map(|s| format::whole(s.seed)).unwrap_or_default()
    });
    h.raw(
        " <button id=\"bands-redraw\" type=\"button\" class=\"button button-quiet\">Draw again\
         </button></p>",
    );
}

/// The half-width of one input's range, 0 when there is none.
fn half_width(p: &Page, input: Input) -> f64 {
    p.bands.and_then(|s| s.ranges.get(input)).unwrap_or(0.0)
}

/// The ± range of one input: `range-KEY`, named `r.KEY` like its URL key.
fn range_slider(h: &mut Markup, input: Input) {
    let spec = input.spec();
    let unit = spec.unit;
    let a = input_arg(input);
    let id = "range-".to_string() + spec.key;
    let step = if unit == Unit::Year { 1.0 } else { 0.5 };
    h.raw("<div class=\"control\"><div class=\"control-head\"><label");
    h.attr("for", &id);
    h.raw(">");
    h.text(spec.label);
    h.raw("</label>");
    h.open("output class=\"control-value\"");
    h.attr("for", &id);
    h.bind(Target::Text, BANDS, a, |p, a| {
        let input = input_at(a);
        "\u{b1}".to_string() + &format::input_value(half_width(p, input), input.spec().unit)
    });
    h.raw("></output></div>");
    h.open("input type=\"range\" min=\"0\"");
    h.attr("id", &id);
    h.attr("name", &(RANGE_PREFIX.to_string() + spec.key));
    h.attr("max", &format::canonical(spec.max - spec.min));
    h.attr("step", &format::canonical(step));
    h.bind(Target::Value, BANDS, a, |p, a| {
        format::canonical(half_width(p, input_at(a)))
    });
    h.bind(Target::Attr("aria-valuetext"), BANDS, a, |p, a| {
        let input = input_at(a);
        let half = half_width(p, input);
        "plus or minus ".to_string() + &format::input_value_spoken(half, input.spec().unit)
    });
    h.raw("></div>");
}
