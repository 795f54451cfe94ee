//! The compact page for an iframe (`embed=1`): the 2030 share, the spend chart, three figures
//! and a link to the full calculator; and, inside a frame, the height messages that let the
//! host page size the iframe to its content.

use std::cell::Cell;

use leptos::prelude::*;
use stargate_calc::chart::ChartKind;
use stargate_calc::embed::{iframe_title, wordpress_secret};
use stargate_calc::link::Page;
use stargate_calc::words::{t, Text};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::announcer::Announcer;
use super::build_when;
use super::charts::Chart;
use super::controls::HeadlineControl;
use super::dom;
use super::figures::HeadlineFigures;
use super::notice::QueryNotice;
use super::sentence::ExplorableSentence;
use super::share::CopyLink;
use super::state::{text, use_calculator};
use super::version::NewerVersionNote;

/// The figures an embed shows, by `data-figure` name.
const EMBED_FIGURES: &[&str] = &["stargate-2030", "total-2030", "crossover-year"];

/// The embed: `embed=1`, or its chart view (`view=chart`), the sentence and the chart alone for a
/// page that drives it (a story's pinned frame).
#[component]
pub fn EmbedApp() -> impl IntoView {
    let calc = use_calculator();
    let chart_view = calc.page == Page::Chart;
    // Built in steps, as the full page is (`build_in_steps`): the hero with its chart first,
    // the figures and the links a frame later, below it. The chart view is the hero alone.
    let step = super::build_in_steps(u8::from(!chart_view));
    let rest = NodeRef::new();
    build_when(
        move || !chart_view && step.get() >= 1,
        rest,
        move || {
            view! {
                <HeadlineFigures only=EMBED_FIGURES/>
                <div class="embed-footer">
                    <a id="open-full" href=text(move || calc.full_link.get()) target="_blank" rel="noopener">
                        {t(Text::EmbedOpenFull)}
                    </a>
                    <CopyLink/>
                </div>
            }
        },
    );
    view! {
        <div class="embed" class:chart-view=chart_view>
            // No page chrome, but a document of its own still needs a name for screen
            // readers: the iframe's title, as its one heading.
            <h1 id="embed-title" class="visually-hidden">{iframe_title()}</h1>
            <QueryNotice/>
            <Announcer/>
            // The full page's first screen, as compact: the sentence, its slider, the chart (the
            // chart view: the sentence, whose share still drags, and a flatter chart).
            <section class="hero" aria-label=t(Text::PageHeroLabel)>
                <ExplorableSentence/>
                {(!chart_view).then(|| view! { <HeadlineControl/> })}
                <Chart kind=ChartKind::Spend compact=chart_view/>
            </section>
            // A pinned release's note, if any, right below the chart (the figures come after).
            <NewerVersionNote/>
            <div class="part" node_ref=rest></div>
        </div>
    }
}

thread_local! {
    /// The content height last told to the embedding page.
    static TOLD: Cell<f64> = const { Cell::new(0.0) };
}

/// Inside a frame, tells the embedding page our content height if it changed (always when
/// `again`): our own `stargate-calc:height`, and WordPress's `{secret, message: "height",
/// value}` when WordPress embedded us (a secret in the address's fragment). WordPress keeps
/// such a frame clipped to a pixel until it hears from it, and a hidden frame gets no
/// animation frames or resize observations, so this is called at once when the page mounts,
/// after each part is built, on every resize and on WordPress's `ready`, not only from a
/// ResizeObserver.
pub fn tell_height(again: bool) {
    if !dom::in_frame() {
        return;
    }
    let Some(body) = document().body() else {
        return;
    };
    let height = body.get_bounding_client_rect().height().ceil();
    if !again && TOLD.with(Cell::get) == height {
        return;
    }
    TOLD.with(|told| told.set(height));
    let _ = dom::post_height(height);
    let fragment = window().location().hash().unwrap_or_default();
    if let Some(secret) = wordpress_secret(&fragment) {
        let _ = dom::post_wordpress_height(secret, height);
    }
}

/// Inside a frame: tells the embedding page the content height whenever the body's size
/// changes, and again when WordPress's `wp-embed.js` says it is `ready` (it may have loaded
/// after the frame first spoke).
pub fn report_height() {
    if !dom::in_frame() {
        return;
    }
    let Some(body) = document().body() else {
        return;
    };
    let on_resize = Closure::<dyn Fn()>::new(move || tell_height(false));
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&body);
    }
    // The observer lives as long as the page.
    on_resize.forget();
    let listener = gloo_events::EventListener::new(&window(), "message", |event| {
        let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else {
            return;
        };
        let data = event.data();
        let field = |name: &str| {
            js_sys::Reflect::get(&data, &name.into())
                .ok()
                .and_then(|v| v.as_string())
        };
        let fragment = window().location().hash().unwrap_or_default();
        let ours = wordpress_secret(&fragment).map(str::to_string);
        if field("message").as_deref() == Some("ready") && ours.is_some() && field("secret") == ours
        {
            tell_height(true);
        }
    });
    listener.forget();
}
