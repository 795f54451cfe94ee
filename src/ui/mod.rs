//! The browser UI: thin Leptos components that bind the core's signals to the DOM, one file per
//! panel. `start` reads the URL once, builds the state and mounts the page into `#app`.

mod announcer;
mod charts;
mod compare;
mod controls;
mod dom;
mod embed;
mod figures;
mod notice;
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

pub fn start() {
    let search = window().location().search().unwrap_or_default();
    let parsed = parse_query(&search);
    let Some(root) = document().get_element_by_id("app") else {
        return;
    };
    // Whatever index.html shows before the app arrives is replaced, not duplicated.
    root.set_inner_html("");
    let Ok(root) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(root) else {
        return;
    };
    if parsed.link.view.embed {
        let _ = root.class_list().add_1("is-embed");
    }
    leptos::mount::mount_to(root, move || {
        let calc = Calculator::new(parsed);
        theme::apply_theme(calc);
        share::sync_address_bar(calc);
        embed::report_height();
        if calc.embed {
            Either::Left(view! { <EmbedApp calc/> })
        } else {
            Either::Right(view! { <App calc/> })
        }
    })
    .forget();
}

#[component]
fn App(calc: Calculator) -> impl IntoView {
    view! {
        <header class="masthead">
            <ThemePicker calc/>
            <p class="kicker">"OpenAI \u{00b7} cloud compute \u{00b7} 2024\u{2013}2035"</p>
            <h1>"From Azure to Stargate: where OpenAI's compute money goes"</h1>
            <ExplorableSentence calc/>
            <p class="deck">
                "The report: OpenAI expects three-quarters of its compute to come from Stargate by 2030. "
                "Drag the share in the sentence or below, change the assumptions, and see what it "
                "means for Microsoft, Oracle and the bill."
            </p>
        </header>
        <QueryNotice calc/>
        <Announcer calc/>
        <div class="layout">
            <div class="results">
                <section class="hero" aria-label="The 2030 Stargate share and its result">
                    <HeadlineControl calc/>
                    <Headline calc/>
                    <Presets calc/>
                </section>
                <Charts calc/>
                <Uncertainty calc/>
                <HeadlineFigures calc/>
                <DataTable calc/>
                <Compare calc/>
                <Sensitivity calc/>
                <SharePanel calc/>
            </div>
            <Assumptions calc/>
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
