//! The compact page for an iframe (`embed=1`): the 2030 share, the spend chart, three figures
//! and a link to the full calculator; and, inside a frame, the height messages that let the
//! host page size the iframe to its content.

use stargate_calc::embed::IFRAME_TITLE;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::announcer::announcer;
use super::charts::charts;
use super::controls::headline_control;
use super::dom;
use super::figures::headline_figures;
use super::markup::{Markup, Target};
use super::notice::query_notice;
use super::sentence::sentence;
use super::share::copy_link;
use super::state::LINKS;

/// The figures an embed shows, by `data-figure` name.
pub const EMBED_FIGURES: &[&str] = &["stargate-2030", "total-2030", "crossover-year"];

pub fn embed_page(h: &mut Markup) {
    // No page chrome, but a document of its own still needs a name for screen readers: the
    // iframe's title, as its one heading.
    h.raw("<div class=\"embed\"><h1 id=\"embed-title\" class=\"visually-hidden\">");
    h.text(IFRAME_TITLE);
    h.raw("</h1>");
    query_notice(h);
    announcer(h);
    sentence(h);
    headline_control(h);
    charts(h, false);
    headline_figures(h, EMBED_FIGURES);
    h.raw("<div class=\"embed-footer\">");
    h.open("a id=\"open-full\" target=\"_blank\" rel=\"noopener\"");
    h.bind(Target::Attr("href"), LINKS, 0, |p, _| p.full_link.clone());
    h.raw(">Open the full calculator \u{2197}</a>");
    copy_link(h);
    h.raw("</div></div>");
}

/// Inside a frame, posts the page's content height to the parent whenever it changes.
pub fn report_height() {
    if !dom::in_frame() {
        return;
    }
    let Some(body) = dom::document().body() else {
        return;
    };
    let measured = body.clone();
    let last = std::cell::Cell::new(0.0);
    let on_resize = Closure::<dyn Fn()>::new(move || {
        let height = measured.get_bounding_client_rect().height().ceil();
        if height != last.get() {
            last.set(height);
            let _ = dom::post_height(height);
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&body);
    }
    // The observer lives as long as the page.
    on_resize.forget();
}
