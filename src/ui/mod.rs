//! The browser UI: thin Leptos components that bind the page's signals and memos
//! ([`state::Calculator`]) to the DOM, one file per panel. `start` reads the URL once, builds
//! the state and mounts the full page or the embed into `#app`.

mod announcer;
mod charts;
mod compare;
mod controls;
mod dom;
mod embed;
mod figures;
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

use leptos::either::Either;
use leptos::prelude::*;
use stargate_calc::query::parse_query;
use stargate_calc::summary::{DECK, KICKER, TITLE};

use announcer::Announcer;
use charts::Charts;
use compare::Compare;
use controls::{Assumptions, HeadlineControl};
use embed::EmbedApp;
use figures::{Headline, HeadlineFigures};
use notice::QueryNotice;
use presets::Presets;
use sensitivity::Sensitivity;
use sentence::ExplorableSentence;
use share::SharePanel;
use sources::Sources;
use state::Calculator;
use table::DataTable;
use theme::ThemePicker;
use uncertainty::Uncertainty;

/// The embed's own build: the compact calculator whatever the link says.
pub fn start_embed() {
    let search = window().location().search().unwrap_or_default();
    let mut parsed = parse_query(&search);
    parsed.link.view.embed = true;
    mount(parsed);
}

pub fn start() {
    let search = window().location().search().unwrap_or_default();
    mount(parse_query(&search));
}

fn mount(parsed: stargate_calc::query::ParsedQuery) {
    let Some(root) = document().get_element_by_id("app") else {
        return;
    };
    let Ok(root) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(root) else {
        return;
    };
    let embed = parsed.link.view.embed;
    if embed {
        let _ = root.class_list().add_1("is-embed");
    }
    // Whatever index.html shows before the app arrives is replaced, not duplicated; the page
    // is built in the same task, so the browser never paints an empty #app between the two.
    root.set_inner_html("");
    leptos::mount::mount_to(root, move || {
        let calc = Calculator::new(parsed);
        theme::apply_theme(calc);
        share::sync_address_bar(calc);
        embed::report_height();
        #[cfg(feature = "embed-only")]
        let page = view! { <EmbedApp/> };
        #[cfg(not(feature = "embed-only"))]
        let page = if embed {
            Either::Left(view! { <EmbedApp/> })
        } else {
            Either::Right(view! { <FullPage/> })
        };
        page
    })
    .forget();
}

/// The full calculator, in reading order.
#[component]
fn FullPage() -> impl IntoView {
    view! {
        <header class="masthead">
            <ThemePicker/>
            <p class="kicker">{KICKER}</p>
            <h1>{TITLE}</h1>
            <ExplorableSentence/>
            <p class="deck">{DECK}</p>
        </header>
        <QueryNotice/>
        <Announcer/>
        <div class="layout">
            <div class="results">
                <section class="hero" aria-label="The 2030 Stargate share and its result">
                    <HeadlineControl/>
                    <Headline/>
                    <Presets/>
                </section>
                <Charts/>
                <Uncertainty/>
                <HeadlineFigures/>
                <DataTable/>
                <Compare/>
                <Sensitivity/>
                <SharePanel/>
            </div>
            <Assumptions/>
        </div>
        <Sources/>
        <footer class="colophon">
            <p>
                "Everything is computed in your browser; nothing is sent anywhere. Facts are from "
                "the report; everything tagged \u{201c}assumption\u{201d} is ours."
            </p>
        </footer>
    }
}
