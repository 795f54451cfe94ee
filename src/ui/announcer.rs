//! The screen-reader announcer: one visually hidden polite live region that reads out the
//! headline sentence after the reader pauses. Dragging a slider changes the scenario dozens of
//! times a second; announcing each step would drown the reader, so the page writes the region
//! only once the scenario has stood still for [`ANNOUNCE_AFTER_MS`] (see `App::changed`).
//! Nothing is said at page load: the headline is on the page for anyone who reads it.

use super::markup::Markup;
use super::state::ANNOUNCE;

/// How long the scenario must stand still before the result is announced.
pub const ANNOUNCE_AFTER_MS: i32 = 500;

pub fn announcer(h: &mut Markup) {
    h.text_of(
        "div id=\"announcer\" class=\"visually-hidden\" aria-live=\"polite\"",
        "div",
        ANNOUNCE,
        0,
        |p, _| p.announcement.clone(),
    );
}
