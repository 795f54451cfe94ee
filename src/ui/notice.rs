//! The polite notice that says, once, what a link or an opened file asked for that was ignored
//! or adjusted, or why a file could not be opened.

use leptos::prelude::*;
use stargate_calc::words::{t, Text};

use super::dom;
use super::state::use_calculator;

#[component]
pub fn QueryNotice() -> impl IntoView {
    let calc = use_calculator();
    let dismiss = move |_| {
        calc.notice.set(None);
        // The dismissed notice took the keyboard focus with it; hand it to the headline slider
        // (the next control, on the full page and in the embed) rather than drop it on the body.
        dom::focus("in-sg");
    };
    move || {
        calc.notice.with(|notice| {
            notice.as_ref().map(|notice| {
                let lines = notice
                    .lines
                    .iter()
                    .map(|line| view! { <li>{line.clone()}</li> })
                    .collect_view();
                view! {
                    <div id="notice" class="notice" role="status">
                        <p class="notice-title">{notice.title.clone()}</p>
                        <ul>{lines}</ul>
                        <button id="notice-dismiss" type="button" class="button button-quiet" on:click=dismiss>
                            {t(Text::NoticeDismiss)}
                        </button>
                    </div>
                }
            })
        })
    }
}
