//! The headline sentence and the headline figures. The words come from `summary.rs` (computed
//! once per change in `Page::refresh`); this panel only binds them to the page.

use stargate_calc::summary::FIGURES;

use super::markup::Markup;
use super::state::SCENARIO;

/// The result in one sentence, at the top of the page.
pub fn headline(h: &mut Markup) {
    h.text_of(
        "p id=\"headline\" class=\"headline\"",
        "p",
        SCENARIO,
        0,
        |p, _| p.headline.clone(),
    );
}

/// The headline figures; `only` names the ones to show (all when empty).
pub fn headline_figures(h: &mut Markup, only: &[&str]) {
    h.raw(
        "<section class=\"figures\" aria-labelledby=\"figures-title\">\
         <h2 id=\"figures-title\" class=\"visually-hidden\">Headline figures</h2>\
         <div class=\"figure-grid\">",
    );
    for (i, figure) in FIGURES.iter().enumerate() {
        if !only.is_empty() && !only.contains(&figure.name) {
            continue;
        }
        h.raw("<article class=\"figure\"");
        h.attr("data-figure", figure.name);
        h.raw("><h3 class=\"figure-title\">");
        h.text(figure.title);
        h.raw("</h3>");
        // The argument: the figure's index, and 1 in the lowest bit for its sentence.
        for (part, start) in ["p class=\"figure-value\"", "p class=\"figure-sentence\""]
            .into_iter()
            .enumerate()
        {
            h.text_of(start, "p", SCENARIO, (i * 2 + part) as u32, |p, a| {
                let figure = p.figures.get(a as usize / 2);
                let text = figure.map(|f| if a % 2 == 0 { &f.value } else { &f.sentence });
                text.cloned().unwrap_or_default()
            });
        }
        h.raw("</article>");
    }
    h.raw("</div></section>");
}
