//! The published site: where its pages live (the calculator's root and a page per preset,
//! `p/<preset>/`), what each page is called and shows, the link a scenario is shared as and the
//! card that shows it, and the snippets a post pastes to embed the calculator (the frame, the
//! host page's script, the one-line loader, the picture for newsletters). One owner for the
//! page's share panel and address bar and for the publisher (`publish.rs`), which writes the
//! pages and cards these addresses point at.

use crate::embed::{iframe_title, HEIGHT_MESSAGE};
use crate::link::{encode_query, Link};
use crate::markup::escape;
use crate::model::project;
use crate::presets::{matching, Preset, PRESETS};
use crate::scenario::Scenario;
use crate::summary::headline_sentence;
use crate::words::{fill, Text};

/// The site's name, as every page's `<title>` starts or is.
pub const SITE_TITLE: &str = "From Azure to Stargate: OpenAI's compute spend calculator";
/// The calculator's description, as the root page's meta description has it.
pub const SITE_DESCRIPTION: &str = "An in-browser calculator of OpenAI's shift in cloud compute from Microsoft Azure toward the Stargate project, 2024–2035.";
/// The link-preview card beside each page's `index.html`.
pub const CARD_FILE: &str = "card.png";
/// The one-line embed's script, at the site's root.
pub const LOADER_FILE: &str = "embed.js";
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
    with_query(&(root.to_string() + &page.path()), &query)
}

/// `root` with `query` (no `?`); the bare address when the query is empty.
pub fn with_query(root: &str, query: &str) -> String {
    if query.is_empty() {
        root.to_string()
    } else {
        root.to_string() + "?" + query
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
/// loader at the live calculator's `root`. `query` is the scenario's link query (the loader
/// adds `embed=1`); `version` pins the frame to that release (`data-version`).
pub fn loader_snippet(root: &str, query: &str, version: Option<&str>) -> String {
    let pinned = version.map_or(String::new(), |version| {
        " data-version=\"".to_string() + &escape(version) + "\""
    });
    "<div data-stargate-calc=\"".to_string()
        + &escape(query)
        + "\""
        + &pinned
        + "></div><script src=\""
        + &escape(&(root.to_string() + LOADER_FILE))
        + "\" async></script>"
}

/// The `<iframe>` for the embed at `src` (an absolute URL with `embed=1` or `view=chart` in its
/// query), `height` pixels tall until the host sizes it. It may write to the clipboard ("Copy
/// link"); browsers deny that to frames by default.
pub fn iframe_snippet(src: &str, height: u32) -> String {
    "<iframe src=\"".to_string()
        + &escape(src)
        + "\" title=\""
        + &escape(iframe_title())
        + "\" width=\"100%\" height=\""
        + &height.to_string()
        + "\" loading=\"lazy\" allow=\"clipboard-write\" style=\"border:0\"></iframe>"
}

/// The host-page script that sets each of our iframes' height from its messages. Only
/// messages from the origin of `page` are taken (a `file://` page has none to check).
pub fn host_snippet(page: &str) -> String {
    let origin = origin_of(page);
    let check = if origin.is_empty() {
        String::new()
    } else {
        " || e.origin !== \"".to_string() + &origin + "\""
    };
    "<script>\naddEventListener(\"message\", function (e) {\n  if (!e.data || e.data.type !== \""
        .to_string()
        + HEIGHT_MESSAGE
        + "\""
        + &check
        + ") return;\n  document.querySelectorAll(\"iframe\").forEach(function (f) {\n    if (f.contentWindow === e.source) f.style.height = e.data.height + \"px\";\n  });\n});\n</script>"
}

/// `scheme://host[:port]` of an absolute http(s) URL, else empty.
fn origin_of(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return String::new();
    };
    if scheme != "http" && scheme != "https" {
        return String::new();
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    scheme.to_string() + "://" + host
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embed::{CHART_VIEW_HEIGHT, IFRAME_HEIGHT};
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
            loader_snippet(root, "sg=60&lang=de", None),
            "<div data-stargate-calc=\"sg=60&amp;lang=de\"></div><script src=\"https://x.org/calc/embed.js\" async></script>"
        );
        assert_eq!(
            loader_snippet(root, "sg=60", Some("1.0.0")),
            "<div data-stargate-calc=\"sg=60\" data-version=\"1.0.0\"></div><script src=\"https://x.org/calc/embed.js\" async></script>"
        );
        assert_eq!(with_query(root, ""), root);
        assert_eq!(with_query(root, "sg=1"), "https://x.org/calc/?sg=1");
    }

    #[test]
    fn the_iframe_has_what_a_blog_needs() {
        let snippet = iframe_snippet("https://example.org/calc/?sg=60&embed=1", IFRAME_HEIGHT);
        assert_eq!(
            snippet,
            "<iframe src=\"https://example.org/calc/?sg=60&amp;embed=1\" title=\"From Azure to Stargate: OpenAI\u{2019}s compute-spend calculator\" width=\"100%\" height=\"720\" loading=\"lazy\" allow=\"clipboard-write\" style=\"border:0\"></iframe>"
        );
        assert!(!iframe_snippet("x\"><script>", IFRAME_HEIGHT).contains("\"><script>"));
        assert!(iframe_snippet("https://example.org/calc/?view=chart", CHART_VIEW_HEIGHT)
            .contains("?view=chart\" title=\"From Azure to Stargate: OpenAI\u{2019}s compute-spend calculator\" width=\"100%\" height=\"380\""));
    }

    #[test]
    fn the_host_script_checks_the_origin_where_there_is_one() {
        let script = host_snippet("http://127.0.0.1:8080/calc/");
        assert!(script.contains("e.origin !== \"http://127.0.0.1:8080\""));
        assert!(script.contains("\"stargate-calc:height\""));
        assert!(script.starts_with("<script>") && script.ends_with("</script>"));
        assert!(!host_snippet("file:///home/me/calc.html").contains("e.origin"));
        assert_eq!(origin_of("https://a.example?x=1"), "https://a.example");
        assert_eq!(origin_of("not a url"), "");
    }
}
