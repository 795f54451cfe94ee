//! The browser UI: thin Leptos components that bind the page's signals and memos
//! ([`state::Calculator`]) to the DOM, one file per panel; the charts' marks are drawn by
//! `drawing.rs`, which the publisher shares. `start` reads the URL once, builds the state and
//! mounts the full page or the embed into `#app`.

// The embed's own build (feature `embed-only`) starts the compact page alone: the full page's
// panels are compiled but never reached, and LTO leaves them out of its wasm; the full page's
// own build (`full-only`) the same for the embed's.
#![cfg_attr(
    any(feature = "embed-only", feature = "full-only"),
    allow(dead_code, unused_imports)
)]

mod announcer;
mod charts;
mod compare;
mod controls;
mod dom;
mod drawing;
mod embed;
mod figures;
mod host;
mod language;
mod note;
mod notice;
mod open;
mod presets;
mod sensitivity;
mod sentence;
mod share;
mod sources;
mod state;
mod table;
mod theme;
mod uncertainty;
mod version;

use leptos::either::Either;
use leptos::prelude::*;
use stargate_calc::chart::ChartKind;
use stargate_calc::link::{parse_query, Page};
use stargate_calc::presets::PRESETS;
use stargate_calc::scenario::Scenario;
use stargate_calc::words::{self, t, Lang, Text};

use announcer::Announcer;
use charts::Chart;
use compare::Compare;
use controls::{Assumptions, HeadlineControl};
use embed::EmbedApp;
use figures::HeadlineFigures;
use language::LanguagePicker;
use notice::QueryNotice;
use presets::Presets;
use sensitivity::Sensitivity;
use sentence::ExplorableSentence;
use share::{PrintedLink, SharePanel};
use sources::Sources;
use state::Calculator;
use table::DataTable;
use theme::ThemePicker;
use uncertainty::Uncertainty;
use version::NewerVersionNote;

/// The embed's own build: the compact calculator whatever the link says.
#[cfg(feature = "embed-only")]
pub fn start_embed() {
    start_with(true);
}

#[cfg(not(feature = "embed-only"))]
pub fn start() {
    start_with(false);
}

/// Reads the link, makes its language the page's (`words.rs`; the list boot.js fetched for
/// `lang=de`, `fr` or `es`) and mounts the page. If a language's words do not arrive, the page
/// is built in English and says so. The notes about the link are put in words only when the
/// page is built (`Calculator::new`), so they are in the language set here.
fn start_with(embed_only: bool) {
    let search = window().location().search().unwrap_or_default();
    // A preset's page opens on that preset, and reads its link on top of it.
    let start = dom::page_preset()
        .and_then(|id| PRESETS.iter().find(|p| p.id == id))
        .map_or(Scenario::REPORT, |preset| preset.apply(&Scenario::REPORT));
    let mut parsed = parse_query(&search, &start);
    if embed_only && parsed.link.view.page == Page::Full {
        parsed.link.view.page = Page::Embed;
    }
    // The full page's own build shows the full page: boot.js loads the embed's build for the
    // embed's pages.
    if cfg!(feature = "full-only") {
        parsed.link.view.page = Page::Full;
    }
    let lang = parsed.link.view.lang;
    if lang == Lang::En {
        mount(parsed, None);
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let loaded = match words_list().await {
            Some(list) => words::use_language(lang, list).is_ok(),
            None => false,
        };
        if !loaded {
            parsed.link.view.lang = Lang::En;
        }
        mount(parsed, (!loaded).then_some(lang));
    });
}

/// The language list boot.js fetched and parsed (`window.stargateWords`), if it arrived: each
/// text, or `None` where the list has something else.
async fn words_list() -> Option<Vec<Option<String>>> {
    use wasm_bindgen::JsCast;
    let promise = js_sys::Reflect::get(&window(), &"stargateWords".into()).ok()?;
    let promise = promise.dyn_into::<js_sys::Promise>().ok()?;
    let list = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    let list = list.dyn_into::<js_sys::Array>().ok()?;
    Some(list.iter().map(|text| text.as_string()).collect())
}

/// Builds the page into `#app`; `missing_words` is a language whose words did not load.
/// Never inlined: it is called from two places, and is the page's largest function.
#[inline(never)]
fn mount(parsed: stargate_calc::link::ParsedQuery, missing_words: Option<Lang>) {
    let Some(root) = document().get_element_by_id("app") else {
        return;
    };
    let Ok(root) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(root) else {
        return;
    };
    let page = parsed.link.view.page;
    let lang = parsed.link.view.lang;
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", lang.key());
    }
    // index.html's title is English; another language's page names itself in that language.
    if lang != Lang::En {
        document().set_title(stargate_calc::embed::iframe_title());
    }
    if page.is_embed() {
        let _ = root.class_list().add_1("is-embed");
    }
    if page == Page::Chart {
        let _ = root.class_list().add_1("is-chart-view");
    }
    // Whatever index.html shows before the app arrives is replaced, not duplicated; the page
    // is built in the same task, so the browser never paints an empty #app between the two.
    root.set_inner_html("");
    leptos::mount::mount_to(root, move || {
        let calc = Calculator::new(parsed, missing_words);
        theme::apply_theme(calc);
        share::sync_address_bar(calc);
        embed::report_height();
        host::connect(calc);
        #[cfg(feature = "embed-only")]
        let page = view! { <EmbedApp/> };
        #[cfg(feature = "full-only")]
        let page = view! { <FullPage/> };
        #[cfg(not(any(feature = "embed-only", feature = "full-only")))]
        let page = if page.is_embed() {
            Either::Left(view! { <EmbedApp/> })
        } else {
            Either::Right(view! { <FullPage/> })
        };
        page
    })
    .forget();
    // In a frame, the host hears of us at once, before anything waits for a frame (WordPress
    // shows its frame only then).
    embed::tell_height(true);
}

/// Steps a counter from 0 to `last`, one step a frame, and marks `#app[data-ready]` once it
/// is there. A page builds its parts step by step with it: what the reader sees first at once,
/// the rest over the next few frames, so that no single task keeps the main thread long enough
/// to delay a tap or a scroll (Lighthouse's total blocking time). A frame rather than a bare
/// task: each step is laid out (and the charts measured) before the next is added below it,
/// so nothing the reader already sees moves.
fn build_in_steps(last: u8) -> ReadSignal<u8> {
    let (step, set_step) = signal(0u8);
    let calc = state::use_calculator();
    Effect::new(move |_| {
        let now = step.get();
        if now < last {
            next_frame(move || {
                // What the step before built is laid out by now: the host hears its height.
                embed::tell_height(false);
                set_step.set(now + 1);
            });
        } else {
            // The page is complete: the tests and the benchmark wait for this, and a host page
            // is told (`host.rs`).
            if let Some(app) = document().get_element_by_id("app") {
                let _ = app.set_attribute("data-ready", "");
            }
            calc.mounted.set(true);
            next_frame(|| embed::tell_height(false));
        }
    });
    step
}

/// Runs `then` at the next animation frame, or after [`FRAME_OR_LATER`] if no frame comes: a
/// hidden frame (WordPress keeps its embeds clipped to a pixel until they speak, and Chromium
/// gives a hidden cross-origin frame no animation frames) still builds the whole page.
fn next_frame(then: impl FnOnce() + 'static) {
    let once = std::rc::Rc::new(std::cell::Cell::new(Some(then)));
    let later = once.clone();
    request_animation_frame(move || {
        if let Some(then) = once.take() {
            then();
        }
    });
    gloo_timers::callback::Timeout::new(FRAME_OR_LATER, move || {
        if let Some(then) = later.take() {
            then();
        }
    })
    .forget();
}

/// How long a step waits for an animation frame before it goes on without one (ms).
const FRAME_OR_LATER: u32 = 100;

/// Builds `view` into the element `slot` once, the first time `ready` holds: a part of the
/// page that is not needed in the first frame. It is mounted under the current owner, so it
/// shares the page's context. `mount_to` rather than an optional child of the page's view:
/// a part is built once and never rebuilt, and a child would have Leptos compile the code to
/// rebuild it all the same (about 8 KB brotli for the page's parts).
pub(super) fn build_when<N: IntoView + 'static>(
    ready: impl Fn() -> bool + 'static,
    slot: NodeRef<leptos::html::Div>,
    view: impl FnOnce() -> N + 'static,
) {
    let owner = Owner::current();
    let mut view = Some(view);
    Effect::new(move |_| {
        if !ready() {
            return;
        }
        let Some(element) = slot.get() else {
            return;
        };
        if let Some(build) = view.take() {
            let parent: web_sys::HtmlElement = element.into();
            let mount = move || leptos::mount::mount_to(parent, build).forget();
            match &owner {
                Some(owner) => owner.with(mount),
                None => mount(),
            }
        }
    });
}

/// The full calculator, in reading order, built in steps (`build_in_steps`). First, in one
/// frame, the masthead and the hero: the headline sentence (whose share the reader drags), the
/// share's slider, the spend chart they move (drawn as soon as its width is known, before the
/// frame is painted) and the presets, all on the first screen at every size. Then one part a
/// frame, each below everything already shown, so nothing the reader sees moves: the figures,
/// the share chart and the table; the assumptions; the comparison, the bands and the
/// tornadoes; the share panel; the sources and the colophon.
#[component]
fn FullPage() -> impl IntoView {
    let step = build_in_steps(5);
    let slots: [NodeRef<leptos::html::Div>; 6] = std::array::from_fn(|_| NodeRef::new());
    let [details, assumptions, further, share, sources, colophon] = slots;
    let at = move |n: u8| move || step.get() >= n;
    build_when(
        at(1),
        details,
        || view! { <HeadlineFigures/> <Chart kind=ChartKind::Share/> <DataTable/> },
    );
    build_when(at(2), assumptions, || view! { <Assumptions/> });
    build_when(
        at(3),
        further,
        || view! { <Compare/> <Uncertainty/> <Sensitivity/> },
    );
    build_when(at(4), share, || view! { <SharePanel/> });
    build_when(at(5), sources, || view! { <Sources/> });
    build_when(
        at(5),
        colophon,
        || view! { <footer class="colophon"><p>{t(Text::PageColophon)}</p></footer> },
    );
    view! {
        <header class="masthead">
            <div class="page-options">
                <ThemePicker/>
                <LanguagePicker/>
            </div>
            <p class="kicker">{t(Text::MastheadKicker)}</p>
            <h1>{t(Text::MastheadTitle)}</h1>
        </header>
        // After the masthead, but on a phone after the hero (`order`), so the first screen
        // holds the sentence, the slider and the whole chart.
        <p class="deck">{t(Text::MastheadDeck)}</p>
        <PrintedLink/>
        <QueryNotice/>
        <Announcer/>
        <section class="hero" aria-label=t(Text::PageHeroLabel)>
            <ExplorableSentence/>
            <HeadlineControl/>
            <Chart kind=ChartKind::Spend/>
            <Presets/>
        </section>
        // Below the chart, in the first view or not at all: nothing moves when it shows.
        <NewerVersionNote/>
        // Where the later parts go; `display: contents`, so the layout sees their panels.
        <div class="layout">
            <div class="part" node_ref=details></div>
            <div class="part" node_ref=assumptions></div>
            <div class="part" node_ref=further></div>
            <div class="part" node_ref=share></div>
            <div class="part" node_ref=sources></div>
        </div>
        <div class="part" node_ref=colophon></div>
    }
}
