//! Sharing the scenario: "Copy link", the embed code for a blog, and the downloads (CSV, JSON,
//! each chart as SVG and PNG). The text of every link, snippet and file comes from the core
//! (`query`, `export`); the page moves it to the clipboard or a file (`App::copy`,
//! `App::download`) when a button here is clicked.

use stargate_calc::chart::ChartKind;

use super::markup::{Markup, Target};
use super::state::{CopyKind, Page, LINKS, STATUS};

/// The copy button, its field and the field's text, per [`CopyKind`].
pub fn copy_ids(kind: CopyKind) -> (&'static str, &'static str) {
    match kind {
        CopyKind::Link => ("copy-link", "share-link"),
        CopyKind::Embed => ("copy-embed", "embed-code"),
        CopyKind::Host => ("copy-host", "host-code"),
    }
}

/// The copy kind a binding's argument names (`kind as u32`).
fn copy_kind(a: u32) -> CopyKind {
    match a {
        0 => CopyKind::Link,
        1 => CopyKind::Embed,
        _ => CopyKind::Host,
    }
}

/// What a copy button copies.
pub fn copy_text(p: &Page, kind: CopyKind) -> String {
    match kind {
        CopyKind::Link => p.full_link.clone(),
        CopyKind::Embed => p.iframe_code.clone(),
        CopyKind::Host => p.host_code.clone(),
    }
}

/// A read-only field showing a text with a button that copies it (and, when the browser
/// refuses, selects the field for copying by hand). `rows` of 1 is a single line.
fn copy_field(
    h: &mut Markup,
    kind: CopyKind,
    label: &str,
    show_label: bool,
    rows: &str,
    button: &str,
) {
    let (button_id, field_id) = copy_ids(kind);
    h.raw("<label");
    h.attr(
        "class",
        if show_label {
            "field-label"
        } else {
            "visually-hidden"
        },
    );
    h.attr("for", field_id);
    h.raw(">");
    h.text(label);
    h.raw("</label>");
    h.open("textarea class=\"share-field\" readonly spellcheck=\"false\"");
    h.attr("id", field_id);
    h.attr("rows", rows);
    h.bind(Target::Value, LINKS, kind as u32, |p, a| {
        copy_text(p, copy_kind(a))
    });
    h.raw("></textarea><button type=\"button\" class=\"button\"");
    h.attr("id", button_id);
    h.raw(">");
    h.text(button);
    h.raw("</button>");
    h.text_of(
        "span class=\"copy-status\" role=\"status\"",
        "span",
        STATUS,
        kind as u32,
        |p, a| {
            p.copy_status
                .get(a as usize)
                .copied()
                .unwrap_or_default()
                .to_string()
        },
    );
}

/// "Copy link" with the link itself, for the full page and the embed alike.
pub fn copy_link(h: &mut Markup) {
    h.raw("<div class=\"copy-link\">");
    copy_field(
        h,
        CopyKind::Link,
        "Link to this scenario",
        false,
        "1",
        "Copy link",
    );
    h.raw("</div>");
}

/// The share panel of the full page: link, downloads, embed code.
pub fn share_panel(h: &mut Markup) {
    h.raw(
        "<section id=\"share\" class=\"panel share\" aria-labelledby=\"share-title\">\
         <h2 id=\"share-title\">Share, download, embed</h2><h3>Link to this scenario</h3>\
         <p class=\"panel-note\">The address bar always holds the scenario you see; this is the \
         same link.</p>",
    );
    copy_link(h);
    h.raw("<h3>Download</h3>");
    downloads(h);
    h.raw(
        "<h3>Embed in a page</h3><p class=\"panel-note\">Paste this where your blog accepts \
         HTML. It shows the 2030 share, the spend chart and three figures, with a link back \
         here, and works at a fixed height.</p>",
    );
    copy_field(
        h,
        CopyKind::Embed,
        "Embed code",
        true,
        "4",
        "Copy embed code",
    );
    h.raw(
        "<p class=\"panel-note\">Optional: add this script once to the host page and the frame \
         takes exactly the height of its content.</p>",
    );
    copy_field(
        h,
        CopyKind::Host,
        "Auto-height script for the host page",
        true,
        "8",
        "Copy script",
    );
    h.raw("</section>");
}

/// One button per file (`data-export`); names carry the scenario.
fn downloads(h: &mut Markup) {
    h.raw(
        "<div class=\"downloads\"><button type=\"button\" class=\"button button-quiet\" \
         data-export=\"csv\">Data table (CSV)</button><button type=\"button\" \
         class=\"button button-quiet\" data-export=\"json\">Parameters (JSON)</button>",
    );
    for kind in ChartKind::ALL {
        let name = match kind {
            ChartKind::Spend => "Spend chart",
            ChartKind::Share => "Share chart",
        };
        for (format, suffix) in [("SVG", "-svg"), ("PNG", "-png")] {
            h.raw("<button type=\"button\" class=\"button button-quiet\"");
            h.attr("data-export", &(kind.id().to_string() + suffix));
            h.raw(">");
            h.text(name);
            h.raw(" (");
            h.raw(format);
            h.raw(")</button>");
        }
    }
    h.raw("</div>");
    h.text_of(
        "p class=\"copy-status\" role=\"status\"",
        "p",
        STATUS,
        0,
        |p, _| {
            if p.download_failed {
                "This browser did not allow the download."
            } else {
                ""
            }
            .to_string()
        },
    );
}
