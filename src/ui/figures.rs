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
        h.text_of(
            "p class=\"figure-value\"",
            "p",
            SCENARIO,
            i as u32,
            |p, i| {
                p.figures
                    .get(i as usize)
                    .map(|f| f.value.clone())
                    .unwrap_or_default()
            },
        );
        h.text_of(
            "p class=\"figure-sentence\"",
            "p",
            SCENARIO,
            i as u32,
            |p, i| {
                p.figures
                    .get(i as usize)
                    .map(|f| f.sentence.clone())
                    .unwrap_or_default()
            },
        );
        h.raw("</article>");
    }
    h.raw("</div></section>");
}
