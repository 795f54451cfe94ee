//! The screen-reader announcer: one visually hidden polite live region that reads out the
//! headline sentence after the reader pauses. Dragging a slider changes the scenario dozens of
//! times a second; announcing each step would drown the reader, so the region is written only
//! once the scenario has stood still for `ANNOUNCE_AFTER` (the same debounce as the address
//! bar in `share::sync_address_bar`). Nothing is said at page load: the headline is on the
//! page for anyone who reads it.

use std::time::Duration;

use leptos::prelude::*;
use stargate_calc::summary::headline_sentence;

use super::state::Calculator;

/// How long the scenario must stand still before the result is announced.
const ANNOUNCE_AFTER: Duration = Duration::from_millis(500);

#[component]
pub fn Announcer(calc: Calculator) -> impl IntoView {
    let message = RwSignal::new(String::new());
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |first_run: Option<()>| {
        calc.scenario.track();
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        // The effect's first run is the page load, not a change.
        if first_run.is_none() {
            return;
        }
        let announce = move || {
            let sentence = calc
                .projection
                .with_untracked(|p| headline_sentence(&p.figures));
            message.set(sentence);
        };
        pending.set_value(set_timeout_with_handle(announce, ANNOUNCE_AFTER).ok());
    });
    view! {
        <div id="announcer" class="visually-hidden" aria-live="polite">
            {move || message.get()}
        </div>
    }
}
