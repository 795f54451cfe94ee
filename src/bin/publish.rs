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
    card_svg, check_site, fallback_html, head_tags, headers_file, oembed_json, page_head,
    CARD_HEIGHT, CARD_WIDTH, OEMBED_FILE,
};
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
        [dir] => publish(&PathBuf::from(dir), None),
        [dir, site] => publish(&PathBuf::from(dir), Some(*site).filter(|s| !s.is_empty())),
        _ => {
            eprintln!("usage: publish DIR [SITE]   (e.g. publish dist https://example.org/calc/)");
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

fn publish(dir: &Path, site: Option<&str>) -> Result<(), String> {
    let site = site.map(check_site).transpose()?;
    let index_path = dir.join("index.html");
    let index = read(&index_path)?;
    let fonts = fonts();
    for page in SitePage::all() {
        let folder = dir.join(page.path());
        std::fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        write(
            &folder.join("index.html"),
            &page_html(&index, page, site, true)?,
        )?;
        let svg = card_svg(page, &chart_image(ChartKind::Spend, &page.scenario()));
        let png = rasterise(&svg, &fonts)?;
        std::fs::write(folder.join(CARD_FILE), png)
            .map_err(|e| format!("{}: {e}", folder.display()))?;
        if let Some(site) = site {
            write(&folder.join(OEMBED_FILE), &oembed_json(page, site))?;
        }
    }
    write(&dir.join("_headers"), &headers_file())?;
    let loader_path = dir.join(LOADER_FILE);
    let loader = read(&loader_path)?;
    write(&loader_path, &loader_with_titles(&loader)?)
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
        &page_html(&html, SitePage { preset: None }, None, false)?,
    )
}

/// The one-line embed's loader with the frame's title in every language of the page.
fn loader_with_titles(loader: &str) -> Result<String, String> {
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
    let line = "const TITLES = {};";
    if !loader.contains(line) {
        return Err(format!("{LOADER_FILE} has no {line:?} to fill in"));
    }
    Ok(loader.replacen(
        line,
        &("const TITLES = ".to_string() + &serde_json::Value::Object(titles).to_string() + ";"),
        1,
    ))
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
