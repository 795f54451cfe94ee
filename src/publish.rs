//! The published site: where its pages live (the calculator's root and a page per preset,
//! `p/<preset>/`), what each page tells link previews and oEmbed consumers about itself (its
//! head tags, its oEmbed JSON, its card), and the `_headers` file for hosts that read one.
//! Plain strings from plain data: `src/bin/publish.rs` writes them into `dist/` at build time,
//! and the page uses [`page_link`] and [`card_address`] to point at them.

use crate::embed::{iframe_title, IFRAME_HEIGHT};
use crate::export::escape;
use crate::format;
use crate::model::project;
use crate::presets::{matching, Preset, PRESETS};
use crate::providers::Provider;
use crate::query::{encode_query, Link};
use crate::scenario::Scenario;
use crate::summary::headline_sentence;
use crate::words::{fill, t, Text};

/// The site's name, as `index.html`'s `<title>` has it (tests keep the two equal).
pub const SITE_TITLE: &str = "From Azure to Stargate: OpenAI's compute spend calculator";
/// The calculator's description, as `index.html`'s meta description has it.
pub const SITE_DESCRIPTION: &str = "An in-browser calculator of OpenAI's shift in cloud compute from Microsoft Azure toward the Stargate project, 2024–2035.";
/// The link-preview card beside each page's `index.html`, its size in pixels.
pub const CARD_FILE: &str = "card.png";
pub const CARD_WIDTH: u32 = 1200;
pub const CARD_HEIGHT: u32 = 630;
/// The oEmbed response beside each page's `index.html`.
pub const OEMBED_FILE: &str = "oembed.json";
/// The one-line embed's script, at the site's root.
pub const LOADER_FILE: &str = "embed.js";
/// Width an oEmbed consumer is told the frame takes (it grows to its column).
pub const OEMBED_WIDTH: u32 = 600;
/// The policy README's Hosting section gives (and the browser suite runs the page under).
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; frame-ancestors *";
/// Where the preset pages live under the root.
const PRESET_DIR: &str = "p/";

/// One page of the site: the calculator's root (the report's scenario), or a preset's page.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SitePage {
    pub preset: Option<&'static Preset>,
}

impl SitePage {
    /// The root, then one page per preset, in the presets' order.
    pub fn all() -> Vec<SitePage> {
        std::iter::once(SitePage { preset: None })
            .chain(PRESETS.iter().map(|preset| SitePage {
                preset: Some(preset),
            }))
            .collect()
    }

    /// The page's folder under the root: `""` or `p/all-in/`.
    pub fn path(self) -> String {
        self.preset
            .map_or(String::new(), |p| PRESET_DIR.to_string() + p.id + "/")
    }

    /// The way back to the root from the page: `./` or `../../`.
    pub fn root_from_here(self) -> &'static str {
        if self.preset.is_some() {
            "../../"
        } else {
            "./"
        }
    }

    /// The scenario the page opens on.
    pub fn scenario(self) -> Scenario {
        self.preset
            .map_or(Scenario::REPORT, |p| p.apply(&Scenario::REPORT))
    }

    /// The page's `<title>` (and link preview's title).
    pub fn title(self) -> String {
        match self.preset {
            None => SITE_TITLE.to_string(),
            Some(preset) => preset.name().to_string() + " · " + SITE_TITLE,
        }
    }

    /// The page's description: the calculator's, or the preset's reason and its result.
    pub fn description(self) -> String {
        match self.preset {
            None => SITE_DESCRIPTION.to_string(),
            Some(preset) => preset.rationale().to_string() + " " + &self.headline(),
        }
    }

    /// The headline sentence of the page's scenario, as the page and its card show it.
    pub fn headline(self) -> String {
        let scenario = self.scenario();
        headline_sentence(scenario.stargate_share_2030, &project(&scenario).figures)
    }

    /// What the card shows, in words (`og:image:alt`, the newsletter image's `alt`).
    pub fn card_alt(self) -> String {
        fill(Text::CardAlt, &[("headline", &self.headline())])
    }
}

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
    })
    .to_string()
}

/// `_headers` (Netlify, Cloudflare Pages): the README's security headers on every file, and
/// `Access-Control-Allow-Origin: *` on what a sandboxed frame (an opaque origin, as in
/// WordPress) fetches: scripts, wasm, styles, and the JSON files (the word lists in `lang/`
/// and the oEmbed responses). No file matches two rules that set the same header: Cloudflare
/// Pages joins such values with a comma, and `*, *` is no `Access-Control-Allow-Origin`.
pub fn headers_file() -> String {
    let open = "  Access-Control-Allow-Origin: *\n";
    let mut out = "/*\n  Content-Security-Policy: ".to_string()
        + CONTENT_SECURITY_POLICY
        + "\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n/*.wasm\n  Content-Type: application/wasm\n"
        + open;
    for pattern in ["/*.js\n", "/*.css\n", "/*.json\n"] {
        out = out + pattern + open;
    }
    out
}

/// The calculator's root from a page's address without query (`page_base`) and the way back
/// from it (`root_from_here`, the `data-root` its `#app` carries): `https://x.org/calc/`
/// from `https://x.org/calc/p/all-in/` and `../../`.
pub fn root_of(page_base: &str, root_from_here: &str) -> String {
    let mut root = match page_base.rfind('/') {
        Some(end) => page_base.get(..=end).unwrap_or(page_base).to_string(),
        None => return page_base.to_string(),
    };
    let scheme_end = root.find("://").map_or(0, |i| i + 3);
    for _ in 0..root_from_here.matches("../").count() {
        let inner = root.get(..root.len().saturating_sub(1)).unwrap_or_default();
        match inner.rfind('/') {
            Some(end) if end >= scheme_end => root.truncate(end + 1),
            _ => break,
        }
    }
    root
}

/// The page a scenario is shared as: its preset's page, or the root for the report's scenario
/// (the root is the report's page; `p/report/` is there for links by the preset's name) and
/// for any scenario that is no preset.
pub fn shared_page(scenario: &Scenario) -> SitePage {
    SitePage {
        preset: matching(scenario).filter(|preset| preset.id != PRESETS[0].id),
    }
}

/// The link to share for `link` (the full page's) on a site with preset pages under `root`:
/// the preset's page when the scenario is exactly a preset (so the link unfurls with that
/// preset's card), with whatever else the link carries; the root with the query otherwise.
pub fn page_link(root: &str, link: &Link) -> String {
    let page = shared_page(&link.scenario);
    let query = if page.preset.is_some() {
        let mut rest = Scenario::REPORT;
        rest.last_year = link.scenario.last_year;
        encode_query(&Link {
            scenario: rest,
            ..link.clone()
        })
    } else {
        encode_query(link)
    };
    let address = root.to_string() + &page.path();
    if query.is_empty() {
        address
    } else {
        address + "?" + &query
    }
}

/// The card to show for `scenario`: its page's (a preset's, or the root's, which shows the
/// report's scenario). The flag says whether the card shows this very scenario.
pub fn card_address(root: &str, scenario: &Scenario) -> (String, SitePage, bool) {
    let page = shared_page(scenario);
    let exact = matching(scenario).is_some() && scenario.last_year == Scenario::REPORT.last_year;
    (root.to_string() + &page.path() + CARD_FILE, page, exact)
}

/// The newsletter's HTML: the card as an image linking to `link`.
pub fn image_snippet(link: &str, card: &str, alt: &str) -> String {
    "<a href=\"".to_string()
        + &escape(link)
        + "\"><img src=\""
        + &escape(card)
        + "\" alt=\""
        + &escape(alt)
        + "\" width=\"600\"></a>"
}

/// The one-line embed: an element the loader turns into the calculator's frame, and the
/// loader. `query` is the scenario's link query (the loader adds `embed=1`).
pub fn loader_snippet(root: &str, query: &str) -> String {
    "<div data-stargate-calc=\"".to_string()
        + &escape(query)
        + "\"></div><script src=\""
        + &escape(&(root.to_string() + LOADER_FILE))
        + "\" async></script>"
}

/// The rows of the no-JavaScript table (`index.html`'s fallback) for `scenario`: what a reader
/// without WebAssembly, and a crawler, read on a preset's page. As tests/fallback.rs keeps
/// index.html's rows for the report.
pub fn fallback_rows(scenario: &Scenario) -> String {
    let mut html = String::new();
    for row in &project(scenario).rows {
        html = html + "<tr><th scope=\"row\">" + &format::year(row.year) + "</th>";
        for provider in Provider::ALL {
            html = html + "<td>" + &format::grouped(provider.spend(row), 2) + "</td>";
        }
        html = html + "<td>" + &format::grouped(row.total, 2) + "</td></tr>";
    }
    html
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
    use crate::scenario::Input;

    #[test]
    fn there_is_a_page_per_preset_under_p() {
        let paths: Vec<String> = SitePage::all().into_iter().map(SitePage::path).collect();
        assert_eq!(
            paths,
            [
                "",
                "p/report/",
                "p/microsoft-keeps-up/",
                "p/stargate-slips/",
                "p/all-in/"
            ]
        );
        let all_in = SitePage::all()[4];
        assert_eq!(all_in.scenario().stargate_share_2030, 95.0);
        assert_eq!(all_in.root_from_here(), "../../");
        assert!(all_in.title().starts_with("All-in on Stargate · "));
        assert!(
            all_in.description().contains("95%"),
            "{}",
            all_in.description()
        );
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
    }

    #[test]
    fn the_root_is_found_from_any_page() {
        assert_eq!(
            root_of("https://x.org/calc/p/all-in/", "../../"),
            "https://x.org/calc/"
        );
        assert_eq!(
            root_of("https://x.org/calc/p/all-in/index.html", "../../"),
            "https://x.org/calc/"
        );
        assert_eq!(root_of("https://x.org/calc/", "./"), "https://x.org/calc/");
        assert_eq!(
            root_of("https://x.org/calc/index.html", "./"),
            "https://x.org/calc/"
        );
        assert_eq!(root_of("https://x.org/", "../../"), "https://x.org/");
        assert_eq!(root_of("", "../../"), "");
        assert_eq!(
            root_of("file:///home/me/dist/p/report/index.html", "../../"),
            "file:///home/me/dist/"
        );
    }

    #[test]
    fn a_preset_is_shared_as_its_page_and_anything_else_as_the_root() {
        let root = "https://x.org/calc/";
        let mut link = Link::to(PRESETS[3].apply(&Scenario::REPORT));
        assert_eq!(page_link(root, &link), "https://x.org/calc/p/all-in/");
        link.scenario.set(Input::LastYear, 2035.0);
        assert_eq!(
            page_link(root, &link),
            "https://x.org/calc/p/all-in/?h=2035"
        );
        link.scenario.set(Input::StargateShare2030, 60.0);
        assert!(page_link(root, &link).starts_with("https://x.org/calc/?sg=60&"));
        assert_eq!(
            page_link(root, &Link::to(Scenario::REPORT)),
            "https://x.org/calc/"
        );
    }

    #[test]
    fn the_card_is_the_presets_or_the_reports() {
        let root = "https://x.org/calc/";
        let (card, _, exact) = card_address(root, &PRESETS[2].apply(&Scenario::REPORT));
        assert_eq!(
            (card.as_str(), exact),
            ("https://x.org/calc/p/stargate-slips/card.png", true)
        );
        let mut custom = Scenario::REPORT;
        custom.stargate_share_2030 = 61.0;
        let (card, page, exact) = card_address(root, &Scenario::REPORT);
        assert_eq!(
            (card.as_str(), page.preset, exact),
            ("https://x.org/calc/card.png", None, true)
        );
        let (card, page, exact) = card_address(root, &custom);
        assert_eq!(
            (card.as_str(), page.preset, exact),
            ("https://x.org/calc/card.png", None, false)
        );
        let snippet = image_snippet("https://x.org/calc/?sg=61", &card, "A \"chart\"");
        assert_eq!(snippet, "<a href=\"https://x.org/calc/?sg=61\"><img src=\"https://x.org/calc/card.png\" alt=\"A &quot;chart&quot;\" width=\"600\"></a>");
        assert_eq!(
            loader_snippet(root, "sg=60&lang=de"),
            "<div data-stargate-calc=\"sg=60&amp;lang=de\"></div><script src=\"https://x.org/calc/embed.js\" async></script>"
        );
    }

    #[test]
    fn index_html_names_the_site_as_the_pages_do() {
        let index = include_str!("../index.html");
        assert!(index.contains(&("<title>".to_string() + SITE_TITLE + "</title>")));
        assert!(index.contains(&("content=\"".to_string() + SITE_DESCRIPTION + "\"")));
        assert!(index.contains("<main id=\"app\">"));
    }

    #[test]
    fn a_card_draws_its_words_and_the_spend_chart_in_1200_by_630() {
        let page = SitePage::all()[2];
        let scenario = page.scenario();
        let svg = crate::export::card_svg(
            &card_kicker(page),
            &page.headline(),
            SITE_TITLE,
            &project(&scenario),
            &scenario,
        );
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
        assert!(svg.contains("data-provider=\"stargate\""));
        assert!(
            svg.contains("Scenario: sg=40"),
            "the chart's source names the scenario"
        );
        assert!(svg.trim_end().ends_with("</svg>"));
    }
}
