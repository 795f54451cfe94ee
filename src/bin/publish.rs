//! Writes the published site's pages into a Trunk build (scripts/post-build.mjs runs it on
//! every release build, with the address scripts/publish was given, if any):
//!
//! - `p/<preset>/index.html` for each preset: the page with its own title and description,
//!   opening on that preset (`#app`'s `data-preset`), its files reached from two folders down;
//! - every page's `card.png`: its link-preview card (`export::card_svg`), rasterised by resvg
//!   with the font in style/fonts/, never a system font, so every machine draws the same card;
//! - `_headers`, for hosts that read one (`publish::headers_file`);
//! - with a SITE: every page's absolute tags (canonical, Open Graph, Twitter, oEmbed
//!   discovery) and its `oembed.json`.
//!
//! `publish DIR [SITE]`. What the pages say is the core's (`stargate_calc::publish`); this
//! file only reads and writes files.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use stargate_calc::export::card_svg;
use stargate_calc::model::project;
use stargate_calc::publish::{
    card_kicker, check_site, fallback_rows, head_tags, headers_file, oembed_json, SitePage,
    CARD_FILE, CARD_HEIGHT, CARD_WIDTH, LOADER_FILE, OEMBED_FILE, SITE_DESCRIPTION, SITE_TITLE,
};
use stargate_calc::words::Lang;

/// How index.html's fallback table's caption ends, naming whose figures they are.
const FALLBACK_CAPTION_END: &str = ": the report’s figures with our default assumptions</caption>";

/// Every language's words, for the loader's frame titles (`embed_iframe_title`).
const LANGUAGES: [(&str, &str); 4] = [
    ("en", include_str!("../../lang/en.json")),
    ("de", include_str!("../../lang/de.json")),
    ("fr", include_str!("../../lang/fr.json")),
    ("es", include_str!("../../lang/es.json")),
];
const TITLE_KEY: &str = "embed_iframe_title";

/// How index.html's note under the fallback ends.
const FALLBACK_NOTE_END: &str = "these are the report's figures.";

/// The card's font: Liberation Sans 2 (SIL Open Font License, style/fonts/OFL.txt).
const FONTS: [&[u8]; 2] = [
    include_bytes!("../../style/fonts/LiberationSans-Regular.ttf"),
    include_bytes!("../../style/fonts/LiberationSans-Bold.ttf"),
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (dir, site) = match args.as_slice() {
        [dir] => (PathBuf::from(dir), None),
        [dir, site] if !site.is_empty() => (PathBuf::from(dir), Some(site.as_str())),
        [dir, _] => (PathBuf::from(dir), None),
        _ => {
            eprintln!("usage: publish DIR [SITE]   (e.g. publish dist https://example.org/calc/)");
            return ExitCode::from(2);
        }
    };
    match publish(&dir, site) {
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
    if index.contains("data-root=") {
        return Err(format!(
            "{} has its pages already: publish a fresh build",
            index_path.display()
        ));
    }
    let fonts = fonts();
    for page in SitePage::all() {
        let folder = dir.join(page.path());
        std::fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        write(&folder.join("index.html"), &page_html(&index, page, site)?)?;
        let scenario = page.scenario();
        let svg = card_svg(
            &card_kicker(page),
            &page.headline(),
            SITE_TITLE,
            &project(&scenario),
            &scenario,
        );
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

/// The one-line embed's loader with the frame's title in every language of the page.
fn loader_with_titles(loader: &str) -> Result<String, String> {
    let mut titles = serde_json::Map::new();
    let languages: Vec<&str> = LANGUAGES.iter().map(|(lang, _)| *lang).collect();
    let page_languages: Vec<&str> = Lang::ALL.iter().map(|lang| lang.key()).collect();
    if languages != page_languages {
        return Err(format!(
            "the loader's languages {languages:?} are not the page's {page_languages:?}"
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

/// `index` (Trunk's page, minified or not) as `page`: its title and description, the way to
/// its files from its folder, `#app` told where the root is and which preset it opens on,
/// and the head tags that need `site`.
fn page_html(index: &str, page: SitePage, site: Option<&str>) -> Result<String, String> {
    let mut html = index.to_string();
    replace_once(
        &mut html,
        &("<title>".to_string() + SITE_TITLE + "</title>"),
        &("<title>".to_string() + &escape(&page.title()) + "</title>"),
    )?;
    let description = escape(&page.description());
    replace_once(
        &mut html,
        &("content=\"".to_string() + SITE_DESCRIPTION + "\""),
        &("content=\"".to_string() + &description + "\""),
    )?;
    let mut app = " data-root=\"".to_string() + page.root_from_here() + "\"";
    if let Some(preset) = page.preset {
        // What a reader without WebAssembly (and a crawler) reads: this preset's sentence and
        // table, not the report's.
        let report = SitePage { preset: None };
        replace_once(&mut html, &report.headline(), &page.headline())?;
        let (start, end) = match (html.find("<tbody>"), html.find("</tbody>")) {
            (Some(start), Some(end)) if start < end => (start + "<tbody>".len(), end),
            _ => return Err("index.html has no fallback table (<tbody>…</tbody>)".to_string()),
        };
        html.replace_range(start..end, &fallback_rows(&page.scenario()));
        replace_once(
            &mut html,
            FALLBACK_NOTE_END,
            "these are this scenario's figures.",
        )?;
        replace_once(
            &mut html,
            FALLBACK_CAPTION_END,
            &(": ".to_string() + &escape(preset.name()) + "</caption>"),
        )?;
        // Every relative address (`./boot.js`, quoted or not) now starts two folders up.
        html = html.replace("=\"./", "=\"../../").replace("=./", "=../../");
        app = app + " data-preset=\"" + preset.id + "\"";
    }
    let main = if html.contains("<main id=app>") {
        "<main id=app>"
    } else {
        "<main id=\"app\">"
    };
    replace_once(
        &mut html,
        main,
        &(main.trim_end_matches('>').to_string() + &app + ">"),
    )?;
    replace_once(&mut html, "</head>", &(head_tags(page, site) + "</head>"))?;
    Ok(html)
}

/// Replaces the one occurrence of `from`, or says that the page has none.
fn replace_once(html: &mut String, from: &str, to: &str) -> Result<(), String> {
    match html.find(from) {
        Some(at) => {
            html.replace_range(at..at + from.len(), to);
            Ok(())
        }
        None => Err(format!(
            "index.html has no {from:?} (index.html and src/publish.rs must agree)"
        )),
    }
}

fn escape(text: &str) -> String {
    stargate_calc::export::escape(text)
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
