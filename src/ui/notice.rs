//! The polite notice that says, once, what the URL asked for that was ignored or adjusted.
//! It is a region: present while there are notes, gone (not hidden) once dismissed.

use super::markup::{Markup, RegionSpec};
use super::state::NOTES;

pub fn query_notice(h: &mut Markup) {
    h.raw("<div id=\"notice-slot\"></div>");
    h.region(RegionSpec {
        container_id: "notice-slot",
        deps: NOTES,
        key: |p| p.notes.len() as i64,
        build: |h, p| {
            if p.notes.is_empty() {
                return;
            }
            h.raw(
                "<div id=\"notice\" class=\"notice\" role=\"status\"><p class=\"notice-title\">\
                 This link asked for a few things the calculator cannot show as written:</p><ul>",
            );
            for note in &p.notes {
                h.raw("<li>");
                h.text(&note.message());
                h.raw("</li>");
            }
            h.raw(
                "</ul><button id=\"notice-dismiss\" type=\"button\" \
                 class=\"button button-quiet\">Dismiss</button></div>",
            );
        },
    });
}
