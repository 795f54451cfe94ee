//! Which release the page is. The live calculator follows updates; a pinned release
//! (`v/X.Y.Z/`) keeps its numbers, and says, in one quiet line below its chart, when its site
//! lists a newer release: what changed (the changelog's entry) and the same scenario on the
//! live calculator. The list (`versions.json`) is boot.js's, fetched beside the wasm and waited
//! for before the app starts: the note is part of the page's first view or never shows, so
//! nothing moves once the page is drawn.
//! Missing, unreachable or unreadable, it shows nothing; the one-file build has none.

use leptos::prelude::*;
use stargate_calc::link::Page;
use stargate_calc::release::{changelog_anchor, PageReleases, CHANGELOG_FILE};
use stargate_calc::words::{around, fill_in, t, Text};

use super::dom;
use super::state::{text, use_calculator};

/// What the page knows of the releases: whether it is pinned, and the list boot.js fetched
/// (it never changes while the page lives).
pub fn page_releases() -> PageReleases {
    PageReleases::of(dom::is_pinned(), dom::versions_json().as_deref())
}

/// "A newer version of this calculator exists (1.0.1, 2027-01-02): what changed · this
/// scenario in it", on a pinned page whose site lists a newer release; hidden otherwise. Always
/// built, the same element, rather than an optional one: measured, an optional view cost the
/// embed a kilobyte more.
#[component]
pub fn NewerVersionNote() -> impl IntoView {
    let calc = use_calculator();
    let newer = page_releases().newer;
    let live = dom::live_root();
    let shown = newer.is_some() && live.is_some();
    let (version, date) = newer.map(|n| (n.version, n.date)).unwrap_or_default();
    let live = live.unwrap_or_default();
    let changes = live.clone() + CHANGELOG_FILE + "#" + &changelog_anchor(&version);
    // The reader's scenario as it is now, on the live calculator; nothing to follow while the
    // note is hidden (every live page).
    let scenario = move || match shown {
        true => stargate_calc::site::page_link(&live, &calc.settled_link(Page::Full)),
        false => String::new(),
    };
    let (before, rest) = around(t(Text::ReleaseNewer), "changes");
    let (between, after) = around(rest, "scenario");
    let before = fill_in(before, &[("version", &version), ("date", &date)]);
    view! {
        <p class="version-note" id="newer-version" hidden=!shown>
            {before}
            <a href=changes target="_blank">{t(Text::ReleaseWhatChanged)}</a>
            {between}
            <a href=text(scenario) target="_blank">{t(Text::ReleaseThisScenario)}</a>
            {after}
        </p>
    }
}
