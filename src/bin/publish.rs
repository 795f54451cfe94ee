//! Writes the published site's pages into a Trunk build (scripts/post-build.mjs runs it on
//! every release build, with the address scripts/publish was given, if any):
//!
//! - every page's name, description and icon, and what `#app` shows before the calculator
//!   starts and to readers without JavaScript (`publish::page_head`, `publish::fallback_html`):
//!   the root's `index.html`, and `p/<preset>/index.html` for each preset, opening on that
//!   preset (`#app`'s `data-preset`), its files reached from two folders down;
//! - every page's `card.png`: its link-preview card (`publish::card_svg`), its chart's marks
//!   drawn by the page's own views (`ui/drawing.rs`, rendered to text), rasterised by resvg
//!   with the font in style/fonts/, never a system font, so every machine draws the same card;
//! - `_headers`, for hosts that read one (`publish::headers_file`);
//! - with a SITE: every page's absolute tags (canonical, Open Graph, Twitter, oEmbed
//!   discovery) and its `oembed.json`.
//!
//! `publish DIR [SITE]` for a site; `publish --single FILE` for the one-file build's page (the
//! root's name and fallback, and nothing that needs files beside it). What the pages say is the
//! core's (`stargate_calc::publish`, `stargate_calc::site`); this file only reads and writes.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use stargate_calc::annotation::Annotation;
use stargate_calc::chart::ChartKind;
use stargate_calc::export::{chart_svg, image_chart, ChartImage};
use stargate_calc::markup::escape;
use stargate_calc::model::project;
use stargate_calc::publish::{
    card_svg, changelog_html, check_site, fallback_html, head_tags, headers_file, oembed_json,
    page_head, releases_from_changelog, versions_json, CARD_HEIGHT, CARD_WIDTH, OEMBED_FILE,
};
use stargate_calc::release::{pinned_path, CHANGELOG_FILE, VERSION, VERSIONS_FILE};
use stargate_calc::scenario::Scenario;
use stargate_calc::site::{SitePage, CARD_FILE, LOADER_FILE};
use stargate_calc::words::Lang;

/// The charts' marks, as the page draws them (the page's own file, shared, not copied).
#[path = "../ui/drawing.rs"]
#[allow(dead_code)]
mod drawing;

/// Every language's words, for the loader's frame titles (`embed_iframe_title`).
const LANGUAGES: [(&str, &str); 4] = [
    ("en", include_str!("../../lang/en.json")),
    ("de", include_str!("../../lang/de.json")),
    ("fr", include_str!("../../lang/fr.json")),
    ("es", include_str!("../../lang/es.json")),
];
const TITLE_KEY: &str = "embed_iframe_title";

/// The card's font: Liberation Sans 2 (SIL Open Font License, style/fonts/OFL.txt).
const FONTS: [&[u8]; 2] = [
    include_bytes!("../../style/fonts/LiberationSans-Regular.ttf"),
    include_bytes!("../../style/fonts/LiberationSans-Bold.ttf"),
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let done = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["--single", file] => publish_single(Path::new(file)),
        ["--pinned", dir] => publish_pinned(&PathBuf::from(dir), None),
        ["--pinned", dir, site] => {
            site_address(site).and_then(|site| publish_pinned(&PathBuf::from(dir), site))
        }
        [dir] => publish(&PathBuf::from(dir), None),
        [dir, site] => site_address(site).and_then(|site| publish(&PathBuf::from(dir), site)),
        _ => {
            eprintln!("usage: publish DIR [SITE]   (e.g. publish dist https://example.org/calc/)");
            eprintln!("       publish --pinned DIR [SITE]   (SITE: where this release is pinned)");
            eprintln!("       publish --single FILE");
            return ExitCode::from(2);
        }
    };
    match done {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("publish: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The SITE argument: checked, or none when empty (a plain build).
fn site_address(site: &str) -> Result<Option<&str>, String> {
    Some(site)
        .filter(|s| !s.is_empty())
        .map(check_site)
        .transpose()
}

/// The site: the live calculator at the root, this release pinned at `v/X.Y.Z/` (a copy of
/// the build, its pages told they are pinned), the list of releases and the changelog page
/// from CHANGELOG.md, and `_headers`. Earlier releases are scripts/publish's (each built from
/// its own tag with `--pinned`, into `v/`).
fn publish(dir: &Path, site: Option<&str>) -> Result<(), String> {
    let changelog = include_str!("../../CHANGELOG.md");
    let releases = releases_from_changelog(changelog)?;
    if !releases.iter().any(|release| release.version == VERSION) {
        return Err(format!(
            "CHANGELOG.md has no entry for {VERSION}, Cargo.toml's version: a release says what it changes"
        ));
    }
    let index = read(&dir.join("index.html"))?;
    let pinned = dir.join(pinned_path(VERSION));
    copy_build(dir, &pinned)?;
    let pinned_site = site.map(|site| site.to_string() + &pinned_path(VERSION));
    write_pages(&pinned, &index, pinned_site.as_deref(), Some(VERSION))?;
    write_pages(dir, &index, site, None)?;
    write(&dir.join(VERSIONS_FILE), &versions_json(&releases)?)?;
    write(&dir.join(CHANGELOG_FILE), &changelog_html(changelog))?;
    write(&dir.join("_headers"), &headers_file())
}

/// A release built to be served pinned at SITE (which ends in `v/X.Y.Z/`): its pages only,
/// told they are pinned; the site around it is the live release's.
fn publish_pinned(dir: &Path, site: Option<&str>) -> Result<(), String> {
    if let Some(site) = site {
        if !site.ends_with(&pinned_path(VERSION)) {
            return Err(format!(
                "a pinned release's SITE ends in {}: {site:?}",
                pinned_path(VERSION)
            ));
        }
    }
    let index = read(&dir.join("index.html"))?;
    write_pages(dir, &index, site, Some(VERSION))
}

/// Every page of a build in `dir`, from Trunk's unnamed `index`: its name, fallback and head
/// tags, its card and oEmbed response, and the loader's titles; `pinned` names the release a
/// pinned copy is (its pages say so, and where the live calculator is).
fn write_pages(
    dir: &Path,
    index: &str,
    site: Option<&str>,
    pinned: Option<&str>,
) -> Result<(), String> {
    let fonts = fonts();
    for page in SitePage::all() {
        let folder = dir.join(page.path());
        std::fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        write(
            &folder.join("index.html"),
            &page_html(index, page, site, true, pinned)?,
        )?;
        let svg = card_svg(page, &chart_image(ChartKind::Spend, &page.scenario()));
        let png = rasterise(&svg, &fonts)?;
        std::fs::write(folder.join(CARD_FILE), png)
            .map_err(|e| format!("{}: {e}", folder.display()))?;
        if let Some(site) = site {
            write(&folder.join(OEMBED_FILE), &oembed_json(page, site))?;
        }
    }
    let loader_path = dir.join(LOADER_FILE);
    let loader = read(&loader_path)?;
    let live = match pinned {
        Some(_) => live_from(SitePage { preset: None }),
        None => "./".to_string(),
    };
    write(&loader_path, &loader_filled(&loader, &live)?)
}

/// The files of the build in `from` (Trunk's: the wasm, glue, styles, scripts, word lists,
/// examples), copied into `to` as they are, for the pinned copy of this release.
fn copy_build(from: &Path, to: &Path) -> Result<(), String> {
    let pinned_root = from.join("v");
    let mut folders = vec![from.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let entries =
            std::fs::read_dir(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path == pinned_root {
                continue;
            }
            let relative = path.strip_prefix(from).map_err(|e| e.to_string())?;
            let target = to.join(relative);
            if path.is_dir() {
                folders.push(path);
            } else {
                if let Some(parent) = target.parent() {
                    std::fs::create_dir_all(parent)
                        .map_err(|e| format!("{}: {e}", parent.display()))?;
                }
                std::fs::copy(&path, &target).map_err(|e| format!("{}: {e}", target.display()))?;
            }
        }
    }
    Ok(())
}

/// A chart of `scenario` as its SVG download has it: the page's marks in the image's frame.
fn chart_image(kind: ChartKind, scenario: &Scenario) -> ChartImage {
    let projection = project(scenario);
    let annotation = Annotation::default();
    let drawing =
        drawing::image_markup(kind, image_chart(kind, &projection, scenario, &annotation));
    chart_svg(kind, &projection, scenario, &annotation, &drawing)
}

/// The one-file build's page: the root's name and fallback, and no `data-root` (it has no
/// preset pages, cards or loader beside it, so its links point at the file itself).
fn publish_single(file: &Path) -> Result<(), String> {
    let html = read(file)?;
    write(
        file,
        &page_html(&html, SitePage { preset: None }, None, false, None)?,
    )
}

/// The one-line embed's loader with the frame's title in every language of the page, the way
/// from it to the live calculator (`live`: `./`, or up out of a pinned release) and where a
/// release is pinned under the live root.
fn loader_filled(loader: &str, live: &str) -> Result<String, String> {
    let mut titles = serde_json::Map::new();
    let languages: Vec<&str> = LANGUAGES.iter().map(|(lang, _)| *lang).collect();
    if languages != Lang::KEYS {
        return Err(format!(
            "the loader's languages {languages:?} are not the page's {:?}",
            Lang::KEYS
        ));
    }
    for (lang, words) in LANGUAGES {
        let words: serde_json::Value =
            serde_json::from_str(words).map_err(|e| format!("lang/{lang}.json: {e}"))?;
        let title = words
            .get(TITLE_KEY)
            .and_then(|title| title.as_str())
            .ok_or_else(|| format!("lang/{lang}.json has no {TITLE_KEY}"))?;
        titles.insert(lang.to_string(), title.into());
    }
    let mut loader = loader.to_string();
    for (line, value) in [
        ("const TITLES = {};", serde_json::Value::Object(titles)),
        ("const LIVE = './';", live.into()),
        (
            "const PINNED = 'v/{version}/';",
            pinned_path("{version}").into(),
        ),
    ] {
        let (start, _) = line.split_once(" = ").unwrap_or((line, ""));
        replace_once(
            &mut loader,
            line,
            &(start.to_string() + " = " + &value.to_string() + ";"),
        )
        .map_err(|e| format!("{LOADER_FILE}: {e}"))?;
    }
    Ok(loader)
}

/// `index` (a page Trunk built, minified or not) as `page`: its name, description and icon,
/// the head tags that need `site`, and `#app` filled with the page's fallback and, on a site
/// (`on_site`), told where the root is and which preset it opens on; a preset's page reaches
/// its files from its folder.
fn page_html(
    index: &str,
    page: SitePage,
    site: Option<&str>,
    on_site: bool,
    pinned: Option<&str>,
) -> Result<String, String> {
    let mut html = index.to_string();
    if html.contains("<title>") || html.contains("data-root=") {
        return Err("the page is named already: publish a fresh build".to_string());
    }
    replace_once(
        &mut html,
        "</head>",
        &(page_head(page) + &head_tags(page, site) + "</head>"),
    )?;
    let app = ["<main id=app></main>", "<main id=\"app\"></main>"]
        .into_iter()
        .find(|app| html.contains(app))
        .ok_or("the page has no empty <main id=\"app\"></main>")?;
    let mut attributes = String::new();
    if on_site {
        attributes = attributes + " data-root=\"" + page.root_from_here() + "\"";
    }
    if let Some(version) = pinned {
        // A pinned release: which, the way from this page up to the live calculator (the same
        // scenario there), and its list of releases, which boot.js fetches.
        let live = live_from(page);
        attributes = attributes
            + " data-pinned=\""
            + &escape(version)
            + "\" data-live=\""
            + &live
            + "\" data-releases=\""
            + &live
            + VERSIONS_FILE
            + "\"";
    }
    if let Some(preset) = page.preset {
        attributes = attributes + " data-preset=\"" + &escape(preset.id) + "\"";
        // Every relative address (`./boot.js`, quoted or not) now starts two folders up.
        html = html.replace("=\"./", "=\"../../").replace("=./", "=../../");
    }
    replace_once(
        &mut html,
        app,
        &("<main id=\"app\"".to_string() + &attributes + ">" + &fallback_html(page) + "</main>"),
    )?;
    Ok(html)
}

/// The way from a pinned page up to the live calculator's root: out of `v/X.Y.Z/` and the
/// page's own folders.
fn live_from(page: SitePage) -> String {
    let up = page.root_from_here().trim_start_matches("./");
    up.to_string() + &"../".repeat(pinned_path(VERSION).matches('/').count())
}

/// Replaces the one occurrence of `from`, or says that the page has none.
fn replace_once(html: &mut String, from: &str, to: &str) -> Result<(), String> {
    match html.find(from) {
        Some(at) => {
            html.replace_range(at..at + from.len(), to);
            Ok(())
        }
        None => Err(format!("the page has no {from:?}")),
    }
}

fn fonts() -> Arc<resvg::usvg::fontdb::Database> {
    let mut fonts = resvg::usvg::fontdb::Database::new();
    for font in FONTS {
        fonts.load_font_data(font.to_vec());
    }
    // Every family the chart names falls back to the one font there is.
    fonts.set_sans_serif_family("Liberation Sans");
    Arc::new(fonts)
}

/// The card's SVG as a PNG of its own size.
fn rasterise(svg: &str, fonts: &Arc<resvg::usvg::fontdb::Database>) -> Result<Vec<u8>, String> {
    let options = resvg::usvg::Options {
        font_family: "Liberation Sans".to_string(),
        fontdb: fonts.clone(),
        ..Default::default()
    };
    let tree = resvg::usvg::Tree::from_str(svg, &options).map_err(|e| format!("card: {e}"))?;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(CARD_WIDTH, CARD_HEIGHT)
        .ok_or("card: no pixmap of 1200×630")?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::identity(),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|e| format!("card: {e}"))
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}
