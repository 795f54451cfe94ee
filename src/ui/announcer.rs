//! The screen-reader announcer: one visually hidden polite live region that reads out the
//! headline sentence after the reader pauses. Dragging a slider changes the scenario dozens of
//! times a second; announcing each step would drown the reader, so the region is written only
//! once the scenario has stood still for [`ANNOUNCE_AFTER`]. Nothing is said at page load: the
//! headline is on the page for anyone who reads it.

use std::time::Duration;

use leptos::prelude::*;

use super::dom::Debounce;
use super::state::use_calculator;

/// How long the scenario must stand still before the result is announced.
const ANNOUNCE_AFTER: Duration = Duration::from_millis(500);

#[component]
pub fn Announcer() -> impl IntoView {
    let calc = use_calculator();
    let message = RwSignal::new(String::new());
    let pending = Debounce::new();
    Effect::new(move |first_run: Option<()>| {
        calc.scenario.track();
        // The effect's first run is the page load, not a change.
        if first_run.is_some() {
            pending.restart(ANNOUNCE_AFTER, move || {
                message.set(calc.headline.get_untracked());
            });
        }
    });
    view! {
        <div id="announcer" class="visually-hidden" aria-live="polite">
            {move || message.get()}
        </div>
    }
}
