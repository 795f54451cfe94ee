//! The sources panel: each fact from the report with its sentence quoted and what it feeds,
//! then our assumptions, listed as assumptions. Static: written once.

use stargate_calc::format;
use stargate_calc::scenario::{Input, Ramp};
use stargate_calc::sources::{FACTS, MODEL_ASSUMPTIONS, REPORT_CITES, REPORT_TITLE};

use super::markup::Markup;

pub fn sources(h: &mut Markup) {
    h.raw(
        "<section id=\"sources\" class=\"panel sources\" aria-labelledby=\"sources-title\">\
         <h2 id=\"sources-title\">Sources and assumptions</h2><p>Facts come from the news \
         report \u{201c}",
    );
    h.text(REPORT_TITLE);
    h.raw("\u{201d}, which cites ");
    h.text(REPORT_CITES);
    h.raw(". Each is quoted below with what it feeds in the calculator.</p><div class=\"facts\">");
    for fact in &FACTS {
        h.raw("<article class=\"fact\"><h3>");
        h.text(fact.fact);
        h.raw(": <span class=\"fact-value\">");
        h.text(fact.value);
        h.raw("</span></h3>");
        for quote in fact.quotes {
            h.raw("<blockquote>");
            h.text(quote);
            h.raw("</blockquote>");
        }
        h.raw("<p class=\"feeds\">Feeds: ");
        h.text(fact.feeds);
        h.raw("</p></article>");
    }
    h.raw("</div><h3>Our assumptions (not the report's)</h3><ul class=\"assumption-list\">");
    for input in Input::ALL {
        let spec = input.spec();
        if !spec.assumption {
            continue;
        }
        h.raw("<li><strong>");
        h.text(spec.label);
        h.raw("</strong> (<code>");
        h.text(spec.key);
        h.raw("</code>), default ");
        h.text(&format::input_value(spec.default, spec.unit));
        h.raw(": ");
        h.text(spec.help);
        h.raw("</li>");
    }
    h.raw("<li><strong>Shape of the move to Stargate</strong> (<code>ramp</code>), default ");
    h.text(Ramp::DEFAULT.label());
    h.raw(": ");
    h.text(Ramp::DEFAULT.description());
    h.raw(".</li>");
    for text in MODEL_ASSUMPTIONS {
        h.raw("<li>");
        h.text(text);
        h.raw("</li>");
    }
    h.raw("</ul></section>");
}
