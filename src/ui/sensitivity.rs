//! Sensitivity: two tornado charts, for 2030 Microsoft and Stargate spend, showing how far each
//! assumption moves the figure when swung across its range with the others held, largest
//! first. Swings come from `sensitivity.rs`, geometry from `chart::tornado_chart`; the rows are
//! fixed slots whose words and bars follow the scenario.

use stargate_calc::chart::{Tornado, TornadoRow};
use stargate_calc::format;
use stargate_calc::providers::Provider;
use stargate_calc::sensitivity::{Lever, Output};

use super::markup::{Markup, Target};
use super::state::{Page, SCENARIO, WIDTH};

const DEPS: u32 = SCENARIO | WIDTH;

pub fn sensitivity(h: &mut Markup) {
    h.raw(
        "<section id=\"sensitivity\" class=\"panel sensitivity\" \
         aria-labelledby=\"sensitivity-title\"><h2 id=\"sensitivity-title\">Which assumption \
         matters most?</h2><p class=\"panel-note\">Each bar swings one assumption from the \
         bottom to the top of its range, the others held at the scenario on screen; the dashed \
         line is the scenario itself. Levers that cannot move a figure are listed under it.</p>\
         <div class=\"tornadoes\">",
    );
    for (i, output) in Output::ALL.into_iter().enumerate() {
        tornado_figure(h, i, output);
    }
    h.raw("</div></section>");
}

/// The tornado a binding's argument names: `index × 16 + slot` (plus [`HIGH_END`]).
fn tornado_of(p: &Page, a: u32) -> &Tornado {
    let [microsoft, stargate] = &p.tornadoes;
    if (a >> 4) & 1 == 1 {
        stargate
    } else {
        microsoft
    }
}

/// In a row's argument: the label at the bar's higher end (else its lower end).
const HIGH_END: u32 = 1 << 8;

/// The figure written at one end of a row's bar (`HIGH_END` in `a` says which), beside it.
fn value_label(h: &mut Markup, a: u32, start: &str) {
    h.open(start);
    h.bind(Target::Attr("x"), DEPS, a, |p, a| match row_of(p, a) {
        Some(r) if a & HIGH_END != 0 => format::fixed(r.x + r.width + 4.0, 1),
        Some(r) => format::fixed(r.x - 4.0, 1),
        None => "0".to_string(),
    });
    h.bind(Target::Attr("y"), DEPS, a, |p, a| {
        row(p, a, |r| format::fixed(r.y + 4.0, 1))
    });
    h.bind(Target::Text, DEPS, a, |p, a| match row_of(p, a) {
        // The bar reads right to left when the lever's low end gives the higher figure.
        Some(r) if (a & HIGH_END != 0) != r.reversed => r.high_text.clone(),
        Some(r) => r.low_text.clone(),
        None => "0".to_string(),
    });
    h.raw("></text>");
}

/// The argument's row, if its slot has a lever.
fn row_of(p: &Page, a: u32) -> Option<&TornadoRow> {
    tornado_of(p, a).rows.get((a & 15) as usize)
}

/// `f` of the argument's row, or `0` for a slot without a lever (hidden, but its lengths still
/// need a number).
fn row(p: &Page, a: u32, f: fn(&TornadoRow) -> String) -> String {
    row_of(p, a).map_or_else(|| "0".to_string(), f)
}

fn tornado_figure(h: &mut Markup, index: usize, output: Output) {
    let a = index as u32 * 16;
    // Drawn at the charts' width (the panel's, near enough), so text stays 12–13 px.
    let (id, colour) = match output {
        Output::Microsoft2030 => ("tornado-microsoft", Provider::MicrosoftAzure.colour()),
        Output::Stargate2030 => ("tornado-stargate", Provider::Stargate.colour()),
    };
    let desc_id = id.to_string() + "-desc";
    h.raw("<figure class=\"tornado\"");
    h.attr("id", id);
    h.raw("><figcaption class=\"chart-title\">");
    h.text(output.label());
    h.raw("</figcaption>");
    h.open("svg role=\"img\"");
    h.attr("aria-labelledby", &desc_id);
    h.bind(Target::Attr("viewBox"), DEPS, a, |p, a| {
        let f = tornado_of(p, a).frame;
        "0 0 ".to_string() + &format::fixed(f.width, 0) + " " + &format::fixed(f.height, 0)
    });
    h.raw("><desc");
    h.attr("id", &desc_id);
    h.bind(Target::Text, DEPS, a, |p, a| {
        let c = tornado_of(p, a);
        let output = if (a >> 4) & 1 == 1 {
            Output::Stargate2030
        } else {
            Output::Microsoft2030
        };
        let mut words = output.label().to_string() + " is " + &c.base_text + ". ";
        for row in &c.rows {
            words = words + &row.label + ": " + &row.low_text + " to " + &row.high_text + ". ";
        }
        words
    });
    h.raw("></desc>");
    h.open("line class=\"tornado-base\" y1=\"14\"");
    h.bind(Target::Attr("x1"), DEPS, a, |p, a| {
        format::fixed(tornado_of(p, a).base_x, 1)
    });
    h.bind(Target::Attr("x2"), DEPS, a, |p, a| {
        format::fixed(tornado_of(p, a).base_x, 1)
    });
    h.bind(Target::Attr("y2"), DEPS, a, |p, a| {
        format::fixed(tornado_of(p, a).bottom, 0)
    });
    h.raw("></line>");
    h.open("text class=\"tornado-base-label\" y=\"12\" text-anchor=\"middle\"");
    h.bind(Target::Attr("x"), DEPS, a, |p, a| {
        format::fixed(tornado_of(p, a).base_x, 1)
    });
    h.bind(Target::Text, DEPS, a, |p, a| {
        "This scenario: ".to_string() + &tornado_of(p, a).base_text
    });
    h.raw("></text>");
    for slot in 0..Lever::ALL.len() {
        let a = a + slot as u32;
        h.open("g class=\"tornado-row\"");
        h.attr("data-slot", &format::whole(slot as u64));
        h.bind(Target::Attr("visibility"), DEPS, a, |p, a| {
            let shown = ((a & 15) as usize) < tornado_of(p, a).rows.len();
            if shown { "visible" } else { "hidden" }.to_string()
        });
        h.raw(">");
        h.open("text class=\"tornado-label\" x=\"4\"");
        h.bind(Target::Attr("y"), DEPS, a, |p, a| {
            row(p, a, |r| format::fixed(r.y - 13.0, 1))
        });
        h.bind(Target::FirstText, DEPS, a, |p, a| {
            row(p, a, |r| r.label.clone())
        });
        // The lever's name is the label's own text (its first child), the range a tspan.
        h.raw("> ");
        h.text_of("tspan class=\"tornado-range\"", "tspan", DEPS, a, |p, a| {
            row(p, a, |r| {
                if r.range.is_empty() {
                    String::new()
                } else {
                    " \u{b7} ".to_string() + &r.range
                }
            })
        });
        h.raw("</text>");
        h.open("rect class=\"tornado-bar\" height=\"10\"");
        h.attr("fill", colour);
        h.bind(Target::Attr("x"), DEPS, a, |p, a| {
            row(p, a, |r| format::fixed(r.x, 1))
        });
        h.bind(Target::Attr("y"), DEPS, a, |p, a| {
            row(p, a, |r| format::fixed(r.y - 5.0, 1))
        });
        h.bind(Target::Attr("width"), DEPS, a, |p, a| {
            row(p, a, |r| format::fixed(r.width.max(1.0), 1))
        });
        h.raw("></rect>");
        value_label(h, a, "text class=\"tornado-value\" text-anchor=\"end\"");
        value_label(h, a | HIGH_END, "text class=\"tornado-value\"");
        h.raw("</g>");
    }
    h.raw("</svg>");
    h.text_of("p class=\"tornado-none\"", "p", DEPS, a, |p, a| {
        let c = tornado_of(p, a);
        if c.no_effect.is_empty() {
            String::new()
        } else {
            "No effect on this figure in 2030: ".to_string() + &c.no_effect.join("; ") + "."
        }
    });
    h.raw("</figure>");
}
