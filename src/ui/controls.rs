//! The controls: one range slider per numeric input (the 2030 Stargate share as the large
//! headline control), the ramp choice, and the reset button. Labels, ranges, units and the
//! "assumption" tags all come from the input table in `scenario.rs`.

use stargate_calc::format;
use stargate_calc::scenario::{Input, Ramp};

use super::markup::{Markup, Target};
use super::state::SCENARIO;

/// The headline control, first and largest: the 2030 Stargate share.
pub fn headline_control(h: &mut Markup) {
    slider(h, Input::StargateShare2030, true);
}

/// Every other input, grouped as the reader thinks of them.
pub fn assumptions(h: &mut Markup) {
    h.raw(
        "<section class=\"panel assumptions\" aria-labelledby=\"assumptions-title\">\
         <h2 id=\"assumptions-title\">Change the assumptions</h2>\
         <p class=\"panel-note\">Figures from the report are marked as such; everything tagged \
         <span class=\"tag\">assumption</span> is ours.</p>\
         <h3>Spend, from the report</h3>",
    );
    sliders(h, &[Input::Spend2024, Input::Spend2027]);
    h.raw("<h3>Growth and timing</h3>");
    sliders(h, &[Input::GrowthAfter2027, Input::FirstStargateYear]);
    ramp_choice(h);
    h.raw("<h3>Microsoft, Oracle and prices</h3>");
    sliders(
        h,
        &[
            Input::MicrosoftCapacity2024,
            Input::MicrosoftCapacityGrowth,
            Input::OraclePartOfOverflow,
            Input::StargateDiscount,
        ],
    );
    h.raw("<h3>View</h3>");
    slider(h, Input::LastYear, false);
    h.raw(
        "<button id=\"reset\" type=\"button\" class=\"button\">\
         Reset to the report's figures</button></section>",
    );
}

fn sliders(h: &mut Markup, inputs: &[Input]) {
    for &input in inputs {
        slider(h, input, false);
    }
}

/// `<div class="control">` with label, tag, value, range input, scale and help. The input is
/// `in-KEY`; the page reads it back in `on_input`.
fn slider(h: &mut Markup, input: Input, headline: bool) {
    let spec = input.spec();
    let unit = spec.unit;
    let key = spec.key;
    h.raw(if headline {
        "<div class=\"control headline-control\">"
    } else {
        "<div class=\"control\">"
    });
    h.raw("<div class=\"control-head\"><label for=\"in-");
    h.raw(key);
    h.raw("\">");
    h.text(spec.label);
    h.raw("</label>");
    if spec.assumption {
        h.raw("<span class=\"tag\">assumption</span>");
    }
    h.open("output class=\"control-value\"");
    h.attr("id", &(key.to_string() + "-value"));
    h.attr("for", &("in-".to_string() + key));
    let arg = input_arg(input);
    h.bind(Target::Text, SCENARIO, arg, |p, a| {
        let input = input_at(a);
        format::input_value(p.scenario.get(input), input.spec().unit)
    });
    h.raw("></output></div>");
    h.open("input type=\"range\"");
    h.attr("id", &("in-".to_string() + key));
    h.attr("name", key);
    h.attr("min", &format::canonical(spec.min));
    h.attr("max", &format::canonical(spec.max));
    h.attr("step", &format::canonical(spec.step));
    h.attr("aria-describedby", &("in-".to_string() + key + "-help"));
    h.bind(Target::Value, SCENARIO, arg, |p, a| {
        format::canonical(p.scenario.get(input_at(a)))
    });
    h.bind(Target::Attr("aria-valuetext"), SCENARIO, arg, |p, a| {
        let input = input_at(a);
        format::input_value_spoken(p.scenario.get(input), input.spec().unit)
    });
    h.raw("><div class=\"control-scale\" aria-hidden=\"true\"><span>");
    h.text(&format::input_value(spec.min, unit));
    h.raw("</span><span>");
    h.text(&format::input_value(spec.max, unit));
    h.raw("</span></div><p class=\"help\"");
    h.attr("id", &("in-".to_string() + key + "-help"));
    h.raw(">");
    h.text(spec.help);
    h.raw("</p></div>");
}

fn ramp_choice(h: &mut Markup) {
    h.raw(
        "<fieldset class=\"control ramp\"><legend>Shape of the move to Stargate \
         <span class=\"tag\">assumption</span></legend><div class=\"ramp-options\">",
    );
    for (i, ramp) in Ramp::ALL.into_iter().enumerate() {
        h.raw("<label class=\"ramp-option\">");
        h.open("input type=\"radio\" name=\"ramp\"");
        h.attr("value", ramp.key());
        h.bind(Target::Checked, SCENARIO, i as u32, |p, a| {
            flag(Ramp::ALL.get(a as usize) == Some(&p.scenario.ramp))
        });
        h.raw("><span class=\"ramp-name\">");
        h.text(ramp.label());
        h.raw("</span><span class=\"ramp-description\">");
        h.text(ramp.description());
        h.raw("</span></label>");
    }
    h.raw(
        "</div><p class=\"help\">The report: \u{201c}the transition to Stargate will be \
         gradual\u{201d}.</p></fieldset>",
    );
}

/// An input as a binding's argument: its index in [`Input::ALL`].
pub fn input_arg(input: Input) -> u32 {
    Input::ALL.iter().position(|&i| i == input).unwrap_or(0) as u32
}

/// The input a binding's argument names (the headline share for a bad index).
pub fn input_at(arg: u32) -> Input {
    Input::ALL
        .get(arg as usize)
        .copied()
        .unwrap_or(Input::StargateShare2030)
}

/// A [`Target::Checked`] or [`Target::Hidden`] value: set when not empty.
pub fn flag(on: bool) -> String {
    if on { "1" } else { "" }.to_string()
}
