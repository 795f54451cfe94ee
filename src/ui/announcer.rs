//! The screen-reader announcer: one visually hidden polite live region that reads out the
//! headline sentence after the reader pauses. Dragging a slider changes the scenario dozens of
//! times a second; announcing each step would drown the reader, so the region is written only
//! once the scenario has stood still for [`ANNOUNCE_AFTER`]. The author's note is read the
//! same way, once, when it changes (it is typed a letter at a time). Nothing is said at page
//! load: the headline and the note are on the page for anyone who reads them.

use std::time::Duration;

use leptos::prelude::*;

use super::dom::Debounce;
use stargate_calc::words::{fill, Text};

use super::state::use_calculator;

/// How long the scenario must stand still before the result is announced.
const ANNOUNCE_AFTER: Duration = Duration::from_millis(500);

#[component]
pub fn Announcer() -> impl IntoView {
    let calc = use_calculator();
    let message = RwSignal::new(String::new());
    let pending = Debounce::new();
    // The note as last heard: a change of the annotation that leaves it (a mark) is read as
    // a change of the result.
    let heard = StoredValue::new(calc.annotation.with_untracked(|a| a.note.clone()));
    Effect::new(move |first_run: Option<()>| {
        calc.scenario.track();
        let note = calc.annotation.with(|a| a.note.clone());
        // The effect's first run is the page load, not a change.
        if first_run.is_none() {
            return;
        }
        let new_note = heard.with_value(|heard| *heard != note);
        heard.set_value(note.clone());
        pending.restart(ANNOUNCE_AFTER, move || {
            message.set(match note.filter(|_| new_note) {
                Some(note) => fill(Text::AnnounceNote, &[("note", &note)]),
                None => calc.headline.get_untracked(),
            });
        });
    });
    view! {
        <div id="announcer" class="visually-hidden" aria-live="polite">
            {move || message.get()}
        </div>
    }
}
