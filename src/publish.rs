//! What only the publisher writes (compiled with the `publish` feature, never into the wasm):
//! each page's words for readers without JavaScript (the masthead, the headline sentence and
//! the table, [`fallback_html`]), what it tells link previews and oEmbed consumers about itself
//! (its head tags, its oEmbed JSON, its card's words), and the `_headers` file for hosts that
//! read one. Plain strings from plain data, in English; `src/bin/publish.rs` writes them into
//! the build. Where the pages live and what they are called is the site's (`site.rs`).

use crate::chart::wrap;
use crate::embed::{iframe_title, IFRAME_HEIGHT};
use crate::export::{text, ChartImage, FONT, INK, MUTED};
use crate::format;
use crate::markup::escape;
use crate::model::project;
use crate::providers::Provider;
use crate::release::{changelog_anchor, pinned_path, version_numbers, Release, Releases};
use crate::site::{SitePage, CARD_FILE, SITE_TITLE};
use crate::words::{english, fill, t, Text};

/// The link-preview card's size in pixels.
pub const CARD_WIDTH: u32 = 1200;
pub const CARD_HEIGHT: u32 = 630;
/// The oEmbed response beside each page's `index.html`.
pub const OEMBED_FILE: &str = "oembed.json";
/// Width an oEmbed consumer is told the frame takes (it grows to its column).
pub const OEMBED_WIDTH: u32 = 600;
/// The policy docs/embedding.md gives hosts (and the browser suite runs the page under).
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; frame-ancestors *";

/// `site` as the publisher gave it, checked: an absolute http(s) address of a folder (ending
/// in `/`), with no query, fragment, quotes, angle brackets or spaces. The error says why not.
pub fn check_site(site: &str) -> Result<&str, String> {
    let rest = site
        .strip_prefix("https://")
        .or_else(|| site.strip_prefix("http://"))
        .ok_or_else(|| format!("SITE must start with https:// or http://, not {site:?}"))?;
    if rest.is_empty() || rest.starts_with('/') {
        return Err(format!("SITE has no host: {site:?}"));
    }
    if !site.ends_with('/') {
        return Err(format!(
            "SITE must end with / (the folder the files are served from): {site:?}"
        ));
    }
    if let Some(bad) = site
        .chars()
        .find(|c| matches!(c, '?' | '#' | '"' | '\'' | '<' | '>' | '\\') || c.is_whitespace())
    {
        return Err(format!("SITE may not contain {bad:?}: {site:?}"));
    }
    Ok(site)
}

/// The tags a page's `<head>` gains. Without a site, none that needs an absolute address.
/// With one: canonical link, Open Graph and Twitter card tags with the page's card, and the
/// oEmbed discovery link.
pub fn head_tags(page: SitePage, site: Option<&str>) -> String {
    let Some(site) = site else {
        return String::new();
    };
    let url = site.to_string() + &page.path();
    let title = escape(&page.title());
    let description = escape(&page.description());
    let card = url.clone() + CARD_FILE;
    let meta = |property: &str, content: &str| {
        "<meta property=\"".to_string() + property + "\" content=\"" + content + "\">\n"
    };
    "<link rel=\"canonical\" href=\"".to_string()
        + &escape(&url)
        + "\">\n<link rel=\"alternate\" type=\"application/json+oembed\" href=\""
        + &escape(&(url.clone() + OEMBED_FILE))
        + "\" title=\""
        + &title
        + "\">\n"
        + &meta("og:type", "website")
        + &meta("og:site_name", &escape(SITE_TITLE))
        + &meta("og:title", &title)
        + &meta("og:description", &description)
        + &meta("og:url", &escape(&url))
        + &meta("og:image", &escape(&card))
        + &meta("og:image:type", "image/png")
        + &meta("og:image:width", &CARD_WIDTH.to_string())
        + &meta("og:image:height", &CARD_HEIGHT.to_string())
        + &meta("og:image:alt", &escape(&page.card_alt()))
        + "<meta name=\"twitter:card\" content=\"summary_large_image\">\n"
}

/// The page's oEmbed response (type `rich`): its embed as HTML that WordPress's filter keeps
/// (a link to fall back on, then the iframe with only the attributes it allows), and its card
/// as the thumbnail.
pub fn oembed_json(page: SitePage, site: &str) -> String {
    let url = site.to_string() + &page.path();
    let title = page.title();
    let html = "<blockquote><a href=\"".to_string()
        + &escape(&url)
        + "\">"
        + &escape(&title)
        + "</a></blockquote><iframe src=\""
        + &escape(&(url.clone() + "?embed=1"))
        + "\" width=\""
        + &OEMBED_WIDTH.to_string()
        + "\" height=\""
        + &IFRAME_HEIGHT.to_string()
        + "\" title=\""
        + &escape(iframe_title())
        + "\" frameborder=\"0\" marginwidth=\"0\" marginheight=\"0\"></iframe>";
    serde_json::json!({
        "version": "1.0",
        "type": "rich",
        "title": title,
        "html": html,
        "width": OEMBED_WIDTH,
        "height": IFRAME_HEIGHT,
        "provider_name": SITE_TITLE,
        "provider_url": site,
        "thumbnail_url": url + CARD_FILE,
        "thumbnail_width": CARD_WIDTH,
        "thumbnail_height": CARD_HEIGHT,
        // The calculator's release (oEmbed's own `version` is the protocol's, 1.0).
        "calculator_version": crate::release::VERSION,
    })
    .to_string()
}

/// `_headers` (Netlify, Cloudflare Pages): the security headers docs/embedding.md gives on every
/// file; `Access-Control-Allow-Origin: *` on what a sandboxed frame (an opaque origin, as in
/// WordPress) fetches: scripts, wasm, styles, and the JSON files (the word lists in `lang/`,
/// the oEmbed responses, `versions.json`); and caching: a pinned release (`v/X.Y.Z/`) never changes,
/// so it is cached for a year as immutable, while the live calculator's own pages and files
/// (those not named by their content's hash) are cached for five minutes. No file matches two
/// rules that set the same header: Cloudflare Pages joins such values with a comma, and
/// `*, *` is no `Access-Control-Allow-Origin`.
pub fn headers_file() -> String {
    let open = "  Access-Control-Allow-Origin: *\n";
    let mut out = "/*\n  Content-Security-Policy: ".to_string()
        + CONTENT_SECURITY_POLICY
        + "\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n/*.wasm\n  Content-Type: application/wasm\n"
        + open;
    for pattern in ["/*.js\n", "/*.css\n", "/*.json\n"] {
        out = out + pattern + open;
    }
    // `/v/:version/*`, not `/v/*`: Netlify reads `/v/*` as `/v*`, which takes in
    // `/versions.json` too (its own parser says so: tests/browser/publish.test.mjs).
    out = out
        + "/"
        + &pinned_path(":version")
        + "*\n  Cache-Control: public, max-age=31536000, immutable\n";
    for live in LIVE_FILES {
        out = out + live + "\n  Cache-Control: public, max-age=300\n";
    }
    out
}

/// The live calculator's files whose names stay the same from release to release: its pages,
/// cards, oEmbed responses, loaders and the list of releases.
const LIVE_FILES: [&str; 9] = [
    "/",
    "/index.html",
    "/p/*",
    "/card.png",
    "/oembed.json",
    "/embed.js",
    "/boot.js",
    "/versions.json",
    "/changelog.html",
];

/// The page's own lines in `<head>`: its title, its description and the site's icon. Every
/// page the publisher writes gets them (the root's too), so `index.html` holds none.
pub fn page_head(page: SitePage) -> String {
    "<title>".to_string()
        + &escape(&page.title())
        + "</title>\n<meta name=\"description\" content=\""
        + &escape(&page.description())
        + "\">\n<link rel=\"icon\" href=\""
        + &escape(ICON)
        + "\">\n"
}

/// The site's icon: a blue square with the orange wedge of the spend chart, inline (the
/// Content-Security-Policy allows `data:` images).
const ICON: &str = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16' height='16' rx='3' fill='%230072B2'/%3E%3Cpath d='M0 16V9l16-6v13z' fill='%23D55E00'/%3E%3C/svg%3E";

/// How the root page's table caption ends, naming whose figures they are.
const REPORT_FIGURES: &str = "the report\u{2019}s figures with our default assumptions";

/// What `#app` holds until the calculator starts, and for readers without JavaScript or
/// WebAssembly (and crawlers): the masthead the app shows (so the page's largest text is
/// painted with the HTML), the page's headline sentence and its scenario's table, in English
/// (a page in another language hides it until its words arrive, `boot.js`). Written into every
/// page the publisher builds, from the words and the model the app shows.
pub fn fallback_html(page: SitePage) -> String {
    let projection = project(&page.scenario());
    let (whose, note) = match page.preset {
        None => (REPORT_FIGURES.to_string(), "the report's figures"),
        Some(preset) => (preset.name().to_string(), "this scenario's figures"),
    };
    let mut html = "<div class=\"fallback\"><header class=\"masthead\"><p class=\"kicker\">"
        .to_string()
        + &escape(english(Text::MastheadKicker))
        + "</p><h1>"
        + &escape(english(Text::MastheadTitle))
        + "</h1><p class=\"deck\">"
        + &escape(english(Text::MastheadDeck))
        + "</p></header><p class=\"explorable\">"
        + &escape(&page.headline())
        + "</p><table class=\"data-table\"><caption>"
        + &escape(english(Text::TableCaption))
        + ": "
        + &escape(&whose)
        + "</caption><thead><tr><th scope=\"col\">"
        + &escape(english(Text::TableYear))
        + "</th>";
    for provider in Provider::ALL {
        html = html + "<th scope=\"col\">" + &escape(provider.name()) + "</th>";
    }
    html =
        html + "<th scope=\"col\">" + &escape(english(Text::Total)) + "</th></tr></thead><tbody>";
    for row in &projection.rows {
        html = html + "<tr><th scope=\"row\">" + &format::year(row.year) + "</th>";
        for provider in Provider::ALL {
            html = html + "<td>" + &format::grouped(provider.spend(row), 2) + "</td>";
        }
        html = html + "<td>" + &format::grouped(row.total, 2) + "</td></tr>";
    }
    html + "</tbody></table><p class=\"fallback-note\">Loading the calculator\u{2026} It runs in your browser; without JavaScript and WebAssembly, these are "
        + note
        + ".</p></div>"
}

/// The link-preview card of a page ([`CARD_WIDTH`] × [`CARD_HEIGHT`]): what it shows
/// ([`card_kicker`]), the headline sentence and the site's name on the left, and on the right
/// `chart`, the page's spend chart exactly as its SVG download draws it, scaled to fit. The
/// font is left to the renderer (the publisher gives resvg the one in style/fonts/, so every
/// machine draws the same card).
pub fn card_svg(page: SitePage, chart: &ChartImage) -> String {
    const WIDTH: f64 = 1200.0;
    const HEIGHT: f64 = 630.0;
    const LEFT: f64 = 56.0;
    const COLUMN: f64 = 400.0;
    const HEADLINE_SIZE: f64 = 34.0;
    const HEADLINE_LINE: f64 = 42.0;
    // The chart's box: right of the column, with the card's margins.
    const CHART_LEFT: f64 = LEFT + COLUMN + 24.0;
    const CHART_TOP: f64 = 36.0;
    let (kicker, headline) = (card_kicker(page), page.headline());
    let scale =
        ((WIDTH - CHART_LEFT - 32.0) / chart.width).min((HEIGHT - 2.0 * CHART_TOP) / chart.height);
    let chart_top = (HEIGHT - chart.height * scale) / 2.0;
    // A bold 34 px sentence, wider per character than the chart's 12 px legend.
    let headline_lines = wrap(&headline, COLUMN, HEADLINE_SIZE * 0.56);
    let site_lines = wrap(SITE_TITLE, COLUMN, 20.0 * 0.52);
    let mut svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"630\" viewBox=\"0 0 1200 630\" font-family=\"".to_string()
        + FONT
        + "\">\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n<rect width=\"12\" height=\"630\" fill=\""
        + Provider::Stargate.colour()
        + "\"/>\n"
        + &text(LEFT, 96.0, MUTED, "start", &kicker, " font-size=\"22\" font-weight=\"700\"");
    let mut y = 160.0;
    for line in &headline_lines {
        svg += &text(
            LEFT,
            y,
            INK,
            "start",
            line,
            " font-size=\"34\" font-weight=\"700\"",
        );
        y += HEADLINE_LINE;
    }
    let mut y = HEIGHT - 48.0 - 26.0 * (site_lines.len() as f64 - 1.0);
    for line in &site_lines {
        svg += &text(LEFT, y, MUTED, "start", line, " font-size=\"20\"");
        y += 26.0;
    }
    svg + "<g transform=\"translate("
        + &format::fixed(CHART_LEFT, 1)
        + ","
        + &format::fixed(chart_top, 1)
        + ") scale("
        + &format::fixed(scale, 4)
        + ")\">\n"
        + &chart.svg
        + "</g>\n</svg>\n"
}

/// The releases CHANGELOG.md lists, newest first: each `## [X.Y.Z] - YYYY-MM-DD` heading and the
/// first `**Numbers:**` line under it (`changed…` or `unchanged…`). An entry without a date or a
/// Numbers line, or a version that is not `X.Y.Z`, is an error that says which.
pub fn releases_from_changelog(changelog: &str) -> Result<Vec<Release>, String> {
    let mut releases: Vec<Release> = Vec::new();
    let mut numbers_seen = true;
    for line in changelog.lines() {
        if let Some(heading) = line.strip_prefix("## [") {
            if heading.starts_with("Unreleased]") {
                continue;
            }
            if let Some(last) = releases.last().filter(|_| !numbers_seen) {
                return Err(format!(
                    "CHANGELOG.md: {} has no **Numbers:** line",
                    last.version
                ));
            }
            let (version, date) = heading.split_once("] - ").ok_or_else(|| {
                format!("CHANGELOG.md: {line:?} is not `## [X.Y.Z] - YYYY-MM-DD`")
            })?;
            let date_ok = date.len() == 10
                && date.bytes().enumerate().all(|(i, b)| {
                    if i == 4 || i == 7 {
                        b == b'-'
                    } else {
                        b.is_ascii_digit()
                    }
                });
            if version_numbers(version).is_none() || !date_ok {
                return Err(format!(
                    "CHANGELOG.md: {line:?} is not `## [X.Y.Z] - YYYY-MM-DD`"
                ));
            }
            releases.push(Release {
                version: version.to_string(),
                date: date.to_string(),
                numbers_changed: false,
            });
            numbers_seen = false;
        } else if let Some(numbers) = line.strip_prefix("**Numbers:** ") {
            if let Some(release) = releases.last_mut().filter(|_| !numbers_seen) {
                release.numbers_changed = match numbers {
                    n if n.starts_with("changed") => true,
                    n if n.starts_with("unchanged") => false,
                    _ => {
                        return Err(format!(
                        "CHANGELOG.md: {}'s Numbers line must start with `changed` or `unchanged`",
                        release.version
                    ))
                    }
                };
                numbers_seen = true;
            }
        }
    }
    if let Some(last) = releases.last().filter(|_| !numbers_seen) {
        return Err(format!(
            "CHANGELOG.md: {} has no **Numbers:** line",
            last.version
        ));
    }
    Ok(releases)
}

/// `versions.json`: the newest release and every release, newest first, for a pinned page to
/// read (`release::read_latest`).
pub fn versions_json(releases: &[Release]) -> Result<String, String> {
    let latest = releases.first().ok_or("CHANGELOG.md lists no release")?;
    let list = Releases {
        latest: latest.version.clone(),
        latest_date: latest.date.clone(),
        releases: releases.to_vec(),
    };
    serde_json::to_string_pretty(&list)
        .map(|json| json + "\n")
        .map_err(|e| e.to_string())
}

/// The changelog as a page of the site (`release::CHANGELOG_FILE`): CHANGELOG.md rendered by
/// pulldown-cmark, each release's heading with its anchor (`#v1.0.0`), which a pinned page's
/// note links to.
pub fn changelog_html(changelog: &str) -> String {
    use pulldown_cmark::{html, CowStr, Event, HeadingLevel, Parser, Tag, TagEnd};
    let mut events: Vec<Event> = Vec::new();
    let mut heading: Option<usize> = None;
    for event in Parser::new(changelog) {
        match &event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H2,
                ..
            }) => heading = Some(events.len()),
            Event::Text(text) => {
                // `[1.0.0] - 2026-12-07` is a link reference that resolves to nothing: text.
                if let Some(start) = heading {
                    let version = text.trim_start_matches('[').split(']').next().unwrap_or("");
                    if version_numbers(version).is_some() {
                        if let Some(Event::Start(Tag::Heading { id, .. })) = events.get_mut(start) {
                            *id = Some(CowStr::from(changelog_anchor(version)));
                        }
                    }
                }
            }
            Event::End(TagEnd::Heading(_)) => heading = None,
            _ => {}
        }
        events.push(event);
    }
    let mut body = String::new();
    html::push_html(&mut body, events.into_iter());
    "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Changelog · ".to_string()
        + &escape(SITE_TITLE)
        + "</title>\n</head>\n<body>\n<main>\n"
        + &body
        + "</main>\n</body>\n</html>\n"
}

/// The words the card draws about its page: what the picture shows.
pub fn card_kicker(page: SitePage) -> String {
    match page.preset {
        None => t(Text::CardReport).to_string(),
        Some(preset) => fill(Text::CardScenario, &[("preset", preset.name())]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::SITE_DESCRIPTION;

    #[test]
    fn the_changelog_gives_every_release_its_date_and_whether_numbers_changed() {
        let changelog = "# Changelog\n\n## [Unreleased]\n\n## [1.1.0] - 2027-01-02\n\n**Numbers:** changed: the default growth.\n\n## [1.0.0] - 2026-12-07\n\n**Numbers:** unchanged: the first release.\n";
        let releases = releases_from_changelog(changelog);
        assert_eq!(
            releases.as_ref().map(|r| r
                .iter()
                .map(|r| (r.version.as_str(), r.date.as_str(), r.numbers_changed))
                .collect::<Vec<_>>()),
            Ok(vec![
                ("1.1.0", "2027-01-02", true),
                ("1.0.0", "2026-12-07", false)
            ])
        );
        let json = versions_json(&releases.unwrap_or_default()).unwrap_or_default();
        let read = crate::release::read_latest(&json);
        assert_eq!(
            read.map(|r| (r.version, r.date)),
            Some(("1.1.0".into(), "2027-01-02".into()))
        );
        let list: Result<Releases, _> = serde_json::from_str(&json);
        assert_eq!(list.map(|list| list.releases.len()).ok(), Some(2));
        for (bad, why) in [
            ("## [1.0] - 2026-12-07\n**Numbers:** unchanged.", "is not"),
            ("## [1.0.0] 2026-12-07\n**Numbers:** unchanged.", "is not"),
            ("## [1.0.0] - 7 Dec 2026\n**Numbers:** unchanged.", "is not"),
            (
                "## [1.0.0] - 2026-12-07\nNo numbers line.",
                "has no **Numbers:** line",
            ),
            (
                "## [1.0.1] - 2026-12-08\n## [1.0.0] - 2026-12-07\n**Numbers:** unchanged.",
                "1.0.1 has no",
            ),
            (
                "## [1.0.0] - 2026-12-07\n**Numbers:** the same.",
                "must start with",
            ),
        ] {
            let error = releases_from_changelog(bad).err().unwrap_or_default();
            assert!(error.contains(why), "{bad:?}: {error}");
        }
        assert!(versions_json(&[]).is_err());
    }

    #[test]
    fn the_changelog_is_a_page_with_an_anchor_per_release() {
        let page = changelog_html(include_str!("../CHANGELOG.md"));
        let anchor = "<h2 id=\"".to_string()
            + &crate::release::changelog_anchor(crate::release::VERSION)
            + "\">";
        assert!(page.contains(&anchor), "{page}");
        assert!(page.starts_with("<!doctype html>") && page.contains("<title>Changelog · "));
        // The project's own changelog names this release, dated, with its Numbers line.
        let releases = releases_from_changelog(include_str!("../CHANGELOG.md"));
        assert_eq!(
            releases
                .ok()
                .and_then(|r| r.first().map(|r| r.version.clone())),
            Some(crate::release::VERSION.to_string()),
            "CHANGELOG.md's newest release is Cargo.toml's version"
        );
    }

    #[test]
    fn the_fallback_says_what_the_page_shows_before_it_starts() {
        let root = fallback_html(SitePage { preset: None });
        for expected in [
            "<h1>From Azure to Stargate: where OpenAI's compute money goes</h1>",
            "<p class=\"explorable\">By 2030, OpenAI gets 75% of its compute from Stargate and spends $60.0B there, 3.0× its Azure spend.</p>",
            "<caption>Compute spend by provider, US$ billions per year: the report\u{2019}s figures with our default assumptions</caption>",
            "<thead><tr><th scope=\"col\">Year</th><th scope=\"col\">Microsoft Azure</th><th scope=\"col\">Stargate</th><th scope=\"col\">Oracle</th><th scope=\"col\">Other clouds</th><th scope=\"col\">Total</th></tr></thead>",
            "<tr><th scope=\"row\">2024</th><td>5.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>5.00</td></tr>",
            "<tr><th scope=\"row\">2030</th><td>19.98</td><td>59.95</td><td>0.00</td><td>0.00</td><td>79.94</td></tr></tbody>",
            "these are the report's figures.</p></div>",
        ] {
            assert!(root.contains(expected), "{expected}\n{root}");
        }
        assert_eq!(root.matches("<tr><th scope=\"row\">").count(), 7);
        let all_in = fallback_html(SitePage::all()[4]);
        assert!(
            all_in.contains("By 2030, OpenAI gets 95% of its compute from Stargate"),
            "{all_in}"
        );
        assert!(
            all_in.contains("per year: All-in on Stargate</caption>"),
            "{all_in}"
        );
        assert!(all_in.contains("these are this scenario's figures."));
    }

    #[test]
    fn a_site_must_be_an_absolute_folder() {
        assert_eq!(
            check_site("https://example.org/calc/"),
            Ok("https://example.org/calc/")
        );
        assert!(check_site("http://127.0.0.1:4317/").is_ok());
        for bad in [
            "example.org/calc/",
            "https://example.org/calc",
            "https:///calc/",
            "https://",
            "ftp://example.org/",
            "https://example.org/?a=1/",
            "https://example.org/\"><script>/",
            "https://exa mple.org/",
        ] {
            assert!(check_site(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn without_a_site_a_page_has_no_absolute_tag() {
        for page in SitePage::all() {
            assert_eq!(head_tags(page, None), "");
        }
    }

    #[test]
    fn with_a_site_each_page_says_where_it_is_and_what_it_shows() {
        let site = "https://example.org/calc/";
        let tags = head_tags(SitePage::all()[3], Some(site));
        for expected in [
            "<link rel=\"canonical\" href=\"https://example.org/calc/p/stargate-slips/\">",
            "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"https://example.org/calc/p/stargate-slips/oembed.json\"",
            "<meta property=\"og:url\" content=\"https://example.org/calc/p/stargate-slips/\">",
            "<meta property=\"og:image\" content=\"https://example.org/calc/p/stargate-slips/card.png\">",
            "<meta property=\"og:image:width\" content=\"1200\">",
            "<meta property=\"og:image:height\" content=\"630\">",
            "<meta name=\"twitter:card\" content=\"summary_large_image\">",
            "<meta property=\"og:title\" content=\"Stargate slips · ",
            "<meta property=\"og:image:alt\" content=\"",
            "<meta property=\"og:description\" content=\"Building takes longer",
        ] {
            assert!(tags.contains(expected), "{expected}\n{tags}");
        }
        let root = head_tags(SitePage::all()[0], Some(site));
        assert!(root.contains("og:url\" content=\"https://example.org/calc/\""));
        assert!(root.contains("og:image\" content=\"https://example.org/calc/card.png\""));
    }

    #[test]
    fn the_oembed_response_has_what_the_spec_and_wordpress_need() {
        let json: serde_json::Value = serde_json::from_str(&oembed_json(
            SitePage::all()[4],
            "https://example.org/calc/",
        ))
        .expect("JSON");
        assert_eq!(json["version"], "1.0");
        assert_eq!(json["type"], "rich");
        assert_eq!(json["width"], 600);
        assert_eq!(json["height"], 720);
        assert_eq!(json["provider_url"], "https://example.org/calc/");
        assert_eq!(
            json["thumbnail_url"],
            "https://example.org/calc/p/all-in/card.png"
        );
        assert_eq!(json["thumbnail_width"], 1200);
        assert_eq!(json["thumbnail_height"], 630);
        let html = json["html"].as_str().expect("html");
        assert!(html.starts_with("<blockquote><a href=\"https://example.org/calc/p/all-in/\">"));
        assert!(html.contains("<iframe src=\"https://example.org/calc/p/all-in/?embed=1\" width=\"600\" height=\"720\" title=\""));
        // Only attributes WordPress keeps on an iframe.
        let tag = html
            .split("<iframe")
            .nth(1)
            .and_then(|rest| rest.split('>').next())
            .expect("iframe");
        let names: Vec<&str> = tag
            .split('"')
            .step_by(2)
            .map(|outside| outside.trim().trim_end_matches('='))
            .filter(|name| !name.is_empty())
            .collect();
        assert_eq!(
            names,
            [
                "src",
                "width",
                "height",
                "title",
                "frameborder",
                "marginwidth",
                "marginheight"
            ]
        );
    }

    #[test]
    fn the_headers_file_opens_what_a_sandboxed_frame_fetches() {
        let headers = headers_file();
        assert!(headers.starts_with("/*\n  Content-Security-Policy: default-src 'self'; "));
        assert!(headers.contains("\n  X-Content-Type-Options: nosniff\n"));
        assert!(headers.contains(
            "/*.wasm\n  Content-Type: application/wasm\n  Access-Control-Allow-Origin: *\n"
        ));
        for pattern in ["/*.js\n", "/*.css\n", "/*.json\n"] {
            assert!(
                headers.contains(&(pattern.to_string() + "  Access-Control-Allow-Origin: *\n")),
                "{pattern}"
            );
        }
        // Each rule once: a host that joins a header set by two matching rules must not
        // send `*, *`.
        assert_eq!(headers.matches("Access-Control-Allow-Origin").count(), 4);
        assert!(!headers.contains("/lang/"));
        // A pinned release for a year, immutable; the live pages for five minutes; no rule
        // that names the live pages matches a pinned one.
        assert!(headers
            .contains("/v/:version/*\n  Cache-Control: public, max-age=31536000, immutable\n"));
        assert_eq!(
            headers.matches("Cache-Control").count(),
            1 + LIVE_FILES.len()
        );
        assert!(LIVE_FILES
            .iter()
            .all(|live| !live.starts_with("/v/") && !live.starts_with("/*")));
    }

    #[test]
    fn every_page_is_named_by_the_publisher_and_index_html_by_no_one_else() {
        let root = page_head(SitePage { preset: None });
        assert!(root.starts_with(&("<title>".to_string() + SITE_TITLE + "</title>\n")));
        assert!(root.contains(&("content=\"".to_string() + SITE_DESCRIPTION + "\"")));
        assert!(root.contains("<link rel=\"icon\" href=\"data:image/svg+xml,"));
        let all_in = page_head(SitePage::all()[4]);
        assert!(
            all_in.starts_with("<title>All-in on Stargate · From Azure"),
            "{all_in}"
        );
        // index.html is structure only: the publisher writes its title, icon and fallback.
        let index = include_str!("../index.html");
        assert!(!index.contains("<title") && !index.contains("description"));
        assert!(!index.contains("rel=\"icon\"") && !index.contains("fallback"));
        assert!(index.contains("<main id=\"app\"></main>"));
    }

    #[test]
    fn a_card_draws_its_words_and_the_spend_chart_in_1200_by_630() {
        use crate::annotation::Annotation;
        use crate::chart::ChartKind;
        let page = SitePage::all()[2];
        let scenario = page.scenario();
        // The chart's marks are the page's drawing (its tests, in the publisher, check them).
        let drawing = "<g data-drawing=\"\"></g>";
        let chart = crate::export::chart_svg(
            ChartKind::Spend,
            &project(&scenario),
            &scenario,
            &Annotation::default(),
            drawing,
        );
        let svg = card_svg(page, &chart);
        assert!(svg.starts_with(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"630\""
        ));
        assert!(
            svg.contains(">Scenario: Microsoft keeps up</text>"),
            "{svg}"
        );
        assert!(
            svg.contains(">By 2030, OpenAI gets 40% of its compute</text>") || svg.contains("40%")
        );
        assert!(svg.contains(drawing));
        assert!(
            svg.contains("Scenario: sg=40"),
            "the chart's source names the scenario"
        );
        assert!(svg.trim_end().ends_with("</svg>"));
    }
}
