//! The documents against the code, so that they cannot drift silently: every key of a link is
//! in `docs/links.md` with its range, default or words; every message type the API reads or
//! writes is in `docs/embedding.md`; every path `docs/architecture.md` names exists, with the
//! items and tests it names in brackets after it; `docs/model.md` has the code's inputs,
//! reference values and quotes; every language has its file and its place in the build; every
//! link in the documents leads somewhere; the README is a front page that gives no weight to go
//! stale. And two invariants the architecture document names: the core imports no browser
//! crate, and its modules import each other without a cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use stargate_calc::annotation::{Annotation, NOTE_LIMIT};
use stargate_calc::format;
use stargate_calc::keys::{MARK_KEY, NOTE_KEY, RAMP_KEY};
use stargate_calc::link::{
    BandSettings, Theme, BANDS_KEY, BASELINE_KEY, BASELINE_PREFIX, EMBED_KEY, LANG_KEY,
    RANGE_PREFIX, SEED_KEY, THEME_KEY, VIEW_KEY, VIEW_WORDS,
};
use stargate_calc::messages::{write, EmbedMessage, FigureValues, State, VERSION};
use stargate_calc::model::project;
use stargate_calc::presets::PRESETS;
use stargate_calc::providers::Provider;
use stargate_calc::saved::Parameters;
use stargate_calc::scenario::{Input, InputSpec, Ramp, Scenario, Unit};
use stargate_calc::sources::FACTS;
use stargate_calc::summary::FIGURES;
use stargate_calc::uncertainty::Ranges;
use stargate_calc::words::Lang;

/// The documents this test keeps true (`docs/performance.md` is the benchmark's journal).
const DOCUMENTS: [&str; 7] = [
    "README.md",
    "CONTRIBUTING.md",
    "docs/model.md",
    "docs/links.md",
    "docs/embedding.md",
    "docs/architecture.md",
    "docs/translating.md",
];

/// The README's front-page limit, in lines.
const README_LINES: usize = 150;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A Markdown table: its header's cells and each row's cells, trimmed.
struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// The cell of `row` under the column named `column`.
    fn cell<'a>(&self, row: &'a [String], column: &str) -> &'a str {
        let index = self
            .header
            .iter()
            .position(|name| name == column)
            .unwrap_or_else(|| panic!("no column {column:?} in {:?}", self.header));
        row.get(index).map_or("", String::as_str)
    }
}

fn cells(line: &str) -> Vec<String> {
    let inner = line.trim();
    let inner = inner.strip_prefix('|').unwrap_or(inner);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    inner
        .split('|')
        .map(|cell| cell.trim().to_string())
        .collect()
}

/// The document's text outside fenced code blocks.
fn prose(doc: &str) -> String {
    let mut fenced = false;
    let mut out = String::new();
    for line in doc.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        } else if !fenced {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// Every table of a Markdown document.
fn tables(doc: &str) -> Vec<Table> {
    let mut found = Vec::new();
    let mut lines: Vec<&str> = Vec::new();
    let text = prose(doc);
    for line in text.lines().chain(std::iter::once("")) {
        if line.trim_start().starts_with('|') {
            lines.push(line);
            continue;
        }
        if let Some((header, rest)) = lines.split_first() {
            found.push(Table {
                header: cells(header),
                rows: rest.iter().skip(1).copied().map(cells).collect(),
            });
        }
        lines.clear();
    }
    found
}

/// The table with all of `columns`, and its row whose first cell is `first`.
fn find_row<'a>(tables: &'a [Table], columns: &[&str], first: &str) -> (&'a Table, &'a [String]) {
    tables
        .iter()
        .filter(|table| {
            columns
                .iter()
                .all(|column| table.header.iter().any(|name| name == column))
        })
        .find_map(|table| {
            table
                .rows
                .iter()
                .find(|row| row.first().is_some_and(|cell| cell == first))
                .map(|row| (table, row.as_slice()))
        })
        .unwrap_or_else(|| panic!("no row {first} in a table with the columns {columns:?}"))
}

fn code(word: &str) -> String {
    format!("`{word}`")
}

/// The backticked words of a cell or a line.
fn backticked(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// An input's range, step, default and unit as both documents' tables write them.
fn range_cells(spec: &InputSpec) -> [(&'static str, String); 5] {
    [
        ("min", format::canonical(spec.min)),
        ("max", format::canonical(spec.max)),
        ("step", format::canonical(spec.step)),
        ("default", format::canonical(spec.default)),
        ("unit", unit_words(spec.unit).to_string()),
    ]
}

fn unit_words(unit: Unit) -> &'static str {
    match unit {
        Unit::Percent => "%",
        Unit::PercentPerYear => "%/yr",
        Unit::BillionsUsd => "$B",
        Unit::BillionsUsdPerYear => "$B/yr",
        Unit::Year => "year",
    }
}

#[test]
fn every_input_is_in_the_links_document_with_its_range_and_default() {
    let doc = read("docs/links.md");
    let tables = tables(&doc);
    let columns = ["key", "min", "max", "step", "default", "unit"];
    for input in Input::ALL {
        let spec = input.spec();
        let (table, row) = find_row(&tables, &columns, &code(spec.key));
        for (column, value) in range_cells(spec) {
            assert_eq!(
                table.cell(row, column),
                value,
                "docs/links.md: {}'s {column}",
                spec.key
            );
        }
        // And no key the code does not have.
        for other in &table.rows {
            let key = other.first().map_or("", String::as_str).trim_matches('`');
            assert!(
                Input::from_key(key).is_some(),
                "docs/links.md names an input {key:?} the code does not have"
            );
        }
    }
}

#[test]
fn every_key_that_takes_a_word_is_in_the_links_document_with_its_words_and_default() {
    let doc = read("docs/links.md");
    let tables = tables(&doc);
    let switch: &[&str] = &["1", "0"];
    let ramps = Ramp::ALL.map(Ramp::key);
    let keys: [(&str, &[&str], &str); 7] = [
        (RAMP_KEY, &ramps, Ramp::DEFAULT.key()),
        (EMBED_KEY, switch, "0"),
        (VIEW_KEY, &VIEW_WORDS, VIEW_WORDS[0]),
        (THEME_KEY, &Theme::KEYS, Theme::default().key()),
        (LANG_KEY, &Lang::KEYS, Lang::default().key()),
        (BASELINE_KEY, switch, "0"),
        (BANDS_KEY, switch, "0"),
    ];
    for (key, words, default) in keys {
        let (table, row) = find_row(&tables, &["key", "words", "default"], &code(key));
        let written: BTreeSet<&str> = backticked(table.cell(row, "words")).into_iter().collect();
        let wanted: BTreeSet<&str> = words.iter().copied().collect();
        assert_eq!(written, wanted, "docs/links.md: the words of {key}");
        assert_eq!(
            table.cell(row, "default"),
            code(default),
            "docs/links.md: the default of {key}"
        );
    }
}

#[test]
fn the_bands_the_baseline_and_the_annotation_keys_are_in_the_links_document() {
    let doc = read("docs/links.md");
    let tables = tables(&doc);
    for input in Ranges::INPUTS {
        let spec = input.spec();
        let key = RANGE_PREFIX.to_string() + spec.key;
        let (table, row) = find_row(&tables, &["key", "default", "min", "max"], &code(&key));
        let default = Ranges::DEFAULT.get(input).unwrap_or(f64::NAN);
        assert_eq!(
            table.cell(row, "default"),
            format::canonical(default),
            "{key}"
        );
        assert_eq!(table.cell(row, "min"), "0", "{key}");
        assert_eq!(
            table.cell(row, "max"),
            format::canonical(spec.max - spec.min),
            "{key}: the span of {}",
            spec.key
        );
    }
    let (table, row) = find_row(&tables, &["key", "default", "max"], &code(SEED_KEY));
    assert_eq!(
        table.cell(row, "default"),
        format::whole(BandSettings::DEFAULT_SEED)
    );
    assert!(table
        .cell(row, "max")
        .contains(&format::whole(BandSettings::MAX_SEED)));

    for key in [MARK_KEY, NOTE_KEY] {
        let (table, row) = find_row(&tables, &["key", "value", "default"], &code(key));
        assert_eq!(table.cell(row, "default"), "none", "{key}");
    }
    let (table, row) = find_row(&tables, &["key", "value"], &code(NOTE_KEY));
    assert!(table.cell(row, "value").contains(&NOTE_LIMIT.to_string()));
    assert!(
        doc.contains(&code(&(BASELINE_PREFIX.to_string() + "KEY"))),
        "docs/links.md: the baseline's keys"
    );
}

#[test]
fn every_preset_is_in_the_links_document_with_its_values_and_page() {
    let doc = read("docs/links.md");
    let tables = tables(&doc);
    let columns = ["preset", "name", "sets", "page"];
    for preset in PRESETS {
        let (table, row) = find_row(&tables, &columns, &code(preset.id));
        assert_eq!(table.cell(row, "name"), preset.name(), "{}", preset.id);
        let mut wanted: BTreeSet<String> = preset
            .values
            .iter()
            .map(|(input, value)| input.spec().key.to_string() + "=" + &format::canonical(*value))
            .collect();
        if let Some(ramp) = preset.ramp {
            wanted.insert(RAMP_KEY.to_string() + "=" + ramp.key());
        }
        let sets: BTreeSet<String> = backticked(table.cell(row, "sets"))
            .into_iter()
            .map(String::from)
            .collect();
        assert_eq!(sets, wanted, "docs/links.md: what {} sets", preset.id);
        let page = format!("`p/{}/`", preset.id);
        assert!(table.cell(row, "page").contains(&page), "{page}");
    }
    let (table, _) = find_row(&tables, &columns, &code(PRESETS[0].id));
    assert_eq!(
        table.rows.len(),
        PRESETS.len(),
        "docs/links.md: a preset the code does not have"
    );
}

/// Every `stargate-calc:…` message type written in `source`'s code (not its tests).
fn message_types(source: &str) -> BTreeSet<String> {
    let code = source.split("#[cfg(test)]").next().unwrap_or_default();
    code.match_indices("\"stargate-calc:")
        .filter_map(|(at, _)| {
            let rest = code.get(at + 1..)?;
            let end = rest.find('"')?;
            rest.get(..end).map(String::from)
        })
        .collect()
}

#[test]
fn every_message_type_is_in_the_embedding_document() {
    let doc = read("docs/embedding.md");
    let mut types = message_types(include_str!("../src/messages.rs"));
    types.extend(message_types(include_str!("../src/embed.rs")));
    for wanted in [
        "set", "preset", "reset", "theme", "get", "ready", "state", "height",
    ] {
        assert!(
            types.contains(&format!("stargate-calc:{wanted}")),
            "the code has no stargate-calc:{wanted}: {types:?}"
        );
    }
    let missing: Vec<&String> = types.iter().filter(|t| !doc.contains(&code(t))).collect();
    assert!(missing.is_empty(), "docs/embedding.md lacks {missing:?}");

    // What the calculator sends, as it sends it: every field of the state and its figures.
    let state = State {
        version: stargate_calc::release::VERSION,
        latest: Some(stargate_calc::release::VERSION.to_string()),
        query: String::new(),
        params: Parameters {
            scenario: Scenario::REPORT,
            annotation: Annotation::default(),
        },
        figures: FigureValues::of(&project(&Scenario::REPORT)),
        notes: Vec::new(),
    };
    let message: serde_json::Value = serde_json::from_str(&write(&EmbedMessage::State {
        version: VERSION,
        state,
    }))
    .unwrap_or_default();
    let state = &message["state"];
    let mut fields: Vec<&String> = state
        .as_object()
        .map(|o| o.keys().collect())
        .unwrap_or_default();
    fields.extend(
        state["figures"]
            .as_object()
            .map(|o| o.keys().collect::<Vec<_>>())
            .unwrap_or_default(),
    );
    assert!(fields.len() > 10, "the state's fields: {fields:?}");
    let missing: Vec<&&String> = fields.iter().filter(|f| !doc.contains(&code(f))).collect();
    assert!(
        missing.is_empty(),
        "docs/embedding.md lacks the fields {missing:?}"
    );
    assert!(doc.contains(&format!("`version: {VERSION}`")));
    for preset in PRESETS {
        assert!(doc.contains(&code(preset.id)), "{}", preset.id);
    }
}

/// Is `token` (a backticked word) a path in the repository, as the documents write them?
/// A folder ends with `/`; a file has an extension; a pattern has one `*`. Templates
/// (`p/<preset>/`) and what a build writes are not paths of the repository.
fn is_path(token: &str) -> bool {
    const EXTENSIONS: [&str; 10] = [
        ".rs", ".mjs", ".js", ".html", ".json", ".toml", ".md", ".css", ".txt", ".lock",
    ];
    // Folders a build writes, and the files the publisher adds to a site (`v/X.Y.Z/`, the
    // list of releases, the changelog page).
    const BUILT: [&str; 7] = [
        "dist/",
        "dist-single/",
        "target/",
        "node_modules/",
        "v/",
        "versions.json",
        "changelog.html",
    ];
    let plain = token
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-*".contains(c));
    plain
        && !token.is_empty()
        && !BUILT.iter().any(|built| token.starts_with(built))
        && (token.contains('/') || EXTENSIONS.iter().any(|ext| token.ends_with(ext)))
}

fn exists(path: &str) -> bool {
    match path.split_once('*') {
        None => root().join(path).exists(),
        Some((before, after)) => {
            let (folder, prefix) = before.rsplit_once('/').unwrap_or(("", before));
            fs::read_dir(root().join(folder)).is_ok_and(|entries| {
                entries.filter_map(Result::ok).any(|entry| {
                    let name = entry.file_name().to_string_lossy().to_string();
                    name.starts_with(prefix) && name.ends_with(after)
                })
            })
        }
    }
}

/// Each path the document names, with the names in brackets just after it:
/// `` `tests/properties.rs` (`a_test`, `another`) ``.
fn named_paths(doc: &str) -> Vec<(String, Vec<String>)> {
    let text = prose(doc);
    let pieces: Vec<&str> = text.split('`').collect();
    let mut found = Vec::new();
    let mut i = 1;
    while let Some(token) = pieces.get(i) {
        if is_path(token) {
            let mut names = Vec::new();
            let mut j = i + 1;
            let mut between = pieces.get(j).copied().unwrap_or_default();
            if between.trim() == "(" {
                loop {
                    let name = pieces.get(j + 1).copied().unwrap_or_default();
                    names.push(name.to_string());
                    between = pieces.get(j + 2).copied().unwrap_or_default();
                    j += 2;
                    if !between.trim_start().starts_with(',') {
                        break;
                    }
                }
            }
            found.push((token.to_string(), names));
        }
        i += 2;
    }
    found
}

#[test]
fn every_path_the_architecture_names_exists_with_the_tests_it_names() {
    let doc = read("docs/architecture.md");
    let named = named_paths(&doc);
    assert!(
        named.len() > 50,
        "docs/architecture.md names {} paths",
        named.len()
    );
    let mut wrong = Vec::new();
    for (path, names) in &named {
        if !exists(path) {
            wrong.push(format!("{path} does not exist"));
            continue;
        }
        if names.is_empty() || path.ends_with('/') {
            continue;
        }
        let text = read(path);
        for name in names {
            let identifier = name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            let found = if identifier && path.ends_with(".rs") {
                defines(&text, name)
            } else {
                text.contains(name.as_str())
            };
            if !found {
                wrong.push(format!("{path} has no {name}"));
            }
        }
    }
    assert!(wrong.is_empty(), "docs/architecture.md: {wrong:#?}");

    // The code map names every module of the core, every script and every native test file.
    let paths: BTreeSet<&str> = named.iter().map(|(path, _)| path.as_str()).collect();
    let mut unnamed: Vec<String> = core_modules()
        .into_keys()
        .map(|module| {
            let file = format!("src/{module}.rs");
            if root().join(&file).exists() {
                file
            } else {
                format!("src/{module}/")
            }
        })
        .filter(|path| !paths.contains(path.as_str()))
        .collect();
    for folder in ["scripts", "tests"] {
        for entry in fs::read_dir(root().join(folder))
            .into_iter()
            .flatten()
            .flatten()
        {
            let name = entry.file_name().to_string_lossy().to_string();
            let path = format!("{folder}/{name}");
            let listed = folder == "scripts" || name.ends_with(".rs");
            if listed && entry.path().is_file() && !paths.contains(path.as_str()) {
                unnamed.push(path);
            }
        }
    }
    assert!(
        unnamed.is_empty(),
        "docs/architecture.md does not name {unnamed:?}"
    );
}

/// Whether Rust source `text` defines an item called `name` (a function, a test, a type…).
fn defines(text: &str, name: &str) -> bool {
    [
        "fn", "struct", "enum", "const", "static", "type", "trait", "mod",
    ]
    .iter()
    .any(|keyword| {
        let item = format!("{keyword} {name}");
        text.match_indices(&item).any(|(at, _)| {
            let after = text.get(at + item.len()..).unwrap_or_default();
            after
                .chars()
                .next()
                .is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '_'))
        })
    })
}

/// The core's modules (`src/lib.rs`), each with its files.
fn core_modules() -> BTreeMap<String, Vec<PathBuf>> {
    let lib = read("src/lib.rs");
    let mut modules = BTreeMap::new();
    for line in lib.lines() {
        let line = line.trim();
        let Some(name) = line
            .strip_prefix("pub mod ")
            .or_else(|| line.strip_prefix("mod "))
            .and_then(|rest| rest.strip_suffix(';'))
        else {
            continue;
        };
        let file = root().join("src").join(format!("{name}.rs"));
        let files = if file.exists() {
            vec![file]
        } else {
            let folder = root().join("src").join(name);
            let mut files: Vec<PathBuf> = fs::read_dir(folder)
                .unwrap_or_else(|e| panic!("src/{name}: {e}"))
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| path.extension().is_some_and(|ext| ext == "rs"))
                .collect();
            files.sort();
            files
        };
        modules.insert(name.to_string(), files);
    }
    assert!(modules.len() > 20, "src/lib.rs declares {modules:?}");
    modules
}

/// A file's code: without its comment lines, and without its tests.
fn code_of(path: &Path) -> String {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut code = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("#[cfg(test)]")
            && lines
                .peek()
                .is_some_and(|next| next.trim_start().starts_with("mod "))
        {
            break;
        }
        if !trimmed.starts_with("//") {
            code.push_str(line);
            code.push('\n');
        }
    }
    code
}

#[test]
fn core_imports_no_browser_crate() {
    let mut found = Vec::new();
    for (module, files) in core_modules() {
        for file in files {
            let code = code_of(&file);
            for krate in ["leptos", "web_sys", "js_sys", "wasm_bindgen", "gloo_"] {
                if code.contains(&format!("{krate}::")) || code.contains(&format!("use {krate}")) {
                    found.push(format!("{module} ({}) uses {krate}", file.display()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "the core must not know the browser: {found:#?}"
    );
}

/// The first identifier of `text`.
fn identifier(text: &str) -> &str {
    let text = text.trim_start();
    let end = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    text.get(..end).unwrap_or_default()
}

/// The modules `code` reaches through `crate::`: `crate::a::X`, `crate::{a::X, b}`.
fn crate_paths(code: &str) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = code.get(at + "crate::".len()..).unwrap_or_default();
        let Some(group) = rest.strip_prefix('{') else {
            used.insert(identifier(rest).to_string());
            continue;
        };
        // The group up to its closing brace; its items split at the commas outside braces.
        let (mut depth, mut item_start) = (0usize, 0usize);
        for (index, c) in group.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => {
                    used.insert(identifier(group.get(item_start..index).unwrap_or("")).into());
                    break;
                }
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    used.insert(identifier(group.get(item_start..index).unwrap_or("")).into());
                    item_start = index + 1;
                }
                _ => {}
            }
        }
    }
    used
}

#[test]
fn core_modules_import_each_other_without_a_cycle() {
    let modules = core_modules();
    let graph: BTreeMap<&str, BTreeSet<String>> = modules
        .iter()
        .map(|(module, files)| {
            let used = files
                .iter()
                .flat_map(|file| crate_paths(&code_of(file)))
                .filter(|used| used != module && modules.contains_key(used))
                .collect();
            (module.as_str(), used)
        })
        .collect();
    assert!(
        graph.get("link").is_some_and(|used| used.contains("keys")),
        "the graph is read: link uses keys ({graph:?})"
    );

    /// Depth first; `path` is the way from the start to `module`.
    fn visit<'a>(
        module: &'a str,
        graph: &'a BTreeMap<&str, BTreeSet<String>>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|m| *m == module) {
            let mut cycle: Vec<String> = path.iter().skip(start).map(|m| m.to_string()).collect();
            cycle.push(module.to_string());
            return Some(cycle);
        }
        if done.contains(module) {
            return None;
        }
        path.push(module);
        for next in graph.get(module).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(module);
        None
    }

    let mut done = BTreeSet::new();
    for module in graph.keys() {
        if let Some(cycle) = visit(module, &graph, &mut Vec::new(), &mut done) {
            panic!(
                "the core's modules import each other in a cycle: {} (a rule belongs to one \
                 module, and the others import it)",
                cycle.join(" → ")
            );
        }
    }
}

#[test]
fn the_model_document_matches_the_code() {
    let doc = read("docs/model.md");
    let tables = tables(&doc);
    let columns = [
        "key", "input", "min", "max", "step", "default", "unit", "source",
    ];
    for input in Input::ALL {
        let spec = input.spec();
        let (table, row) = find_row(&tables, &columns, &code(spec.key));
        let name = ("input", spec.label().to_string());
        for (column, value) in std::iter::once(name).chain(range_cells(spec)) {
            assert_eq!(
                table.cell(row, column),
                value,
                "docs/model.md: {}",
                spec.key
            );
        }
        assert_eq!(
            table.cell(row, "source").contains("assumption"),
            spec.assumption,
            "docs/model.md: whether {} is an assumption",
            spec.key
        );
    }
    let ramp_column = code(RAMP_KEY);
    for ramp in Ramp::ALL {
        let columns = [ramp_column.as_str(), "name on the page"];
        let (table, row) = find_row(&tables, &columns, &code(ramp.key()));
        assert_eq!(table.cell(row, "name on the page"), ramp.label());
    }
    assert!(doc.contains(&format!("default {}", code(Ramp::DEFAULT.key()))));

    // The reference table, exactly as the model computes it.
    let projection = project(&Scenario::REPORT);
    let mut header = vec!["Year".to_string()];
    header.extend(Provider::ALL.iter().map(|p| p.name().to_string()));
    header.push("Total".to_string());
    let reference = tables
        .iter()
        .find(|table| table.header == header)
        .unwrap_or_else(|| panic!("docs/model.md has no table headed {header:?}"));
    let rows: Vec<Vec<String>> = projection
        .rows
        .iter()
        .map(|row| {
            let mut cells = vec![format::year(row.year)];
            cells.extend(Provider::ALL.iter().map(|p| format::fixed(p.spend(row), 2)));
            cells.push(format::fixed(row.total, 2));
            cells
        })
        .collect();
    assert_eq!(reference.rows, rows, "docs/model.md: the reference table");

    let f = projection.figures;
    let year = |y: Option<i32>| y.map_or("none".to_string(), format::year);
    let figures = [
        ("total_2030", format::fixed(f.total_2030, 2)),
        ("stargate_2030", format::fixed(f.stargate_2030, 2)),
        ("microsoft_2024", format::fixed(f.microsoft_2024, 2)),
        ("microsoft_2030", format::fixed(f.microsoft_2030, 2)),
        (
            "microsoft_change",
            f.microsoft_change
                .map_or("none".to_string(), |x| format::fixed(x, 2)),
        ),
        ("microsoft_peak_year", format::year(f.microsoft_peak_year)),
        ("crossover_year", year(f.crossover_year)),
        ("cumulative_total", format::fixed(f.cumulative_total, 2)),
        ("cumulative_oracle", format::fixed(f.cumulative_oracle, 2)),
        ("cumulative_other", format::fixed(f.cumulative_other, 2)),
        ("cumulative_savings", format::fixed(f.cumulative_savings, 2)),
        ("funding_passed_year", year(f.funding_passed_year)),
        (
            "stargate_commitment_share",
            format::fixed(f.stargate_commitment_share, 1),
        ),
    ];
    for (field, value) in figures {
        let (table, row) = find_row(&tables, &["field", "at the defaults"], &code(field));
        assert_eq!(
            table.cell(row, "at the defaults"),
            value,
            "docs/model.md: {field}"
        );
    }

    for figure in FIGURES {
        find_row(&tables, &["figure", "what it is"], &code(figure.name));
    }
    for fact in FACTS {
        for quote in fact.quotes {
            assert!(doc.contains(quote), "docs/model.md does not quote: {quote}");
        }
    }
}

#[test]
fn the_readme_is_a_front_page_with_its_two_commands() {
    let readme = read("README.md");
    let lines = readme.lines().count();
    assert!(
        lines <= README_LINES,
        "README.md is {lines} lines: at most {README_LINES}; the rest belongs in docs/"
    );
    for command in [
        "| Build the release and serve it at <http://127.0.0.1:8080/> (rebuilds on change) | `scripts/serve` |",
        "| Run every test: formatting, lints, native tests, release build, browser tests | `scripts/test` |",
    ] {
        assert!(readme.contains(command), "README.md lacks: {command}");
    }
    assert!(
        read(".ci/run").contains("scripts/test"),
        "CI runs the README's test command"
    );
}

/// Each place `text` gives a weight in bytes: `199 KB`, `7.9KiB`, `202,553 B`.
fn weights(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (at, c) in text.char_indices() {
        if !c.is_ascii_digit() {
            continue;
        }
        let rest = text.get(at + c.len_utf8()..).unwrap_or_default();
        let unit = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
        let spaced = unit.len() < rest.len();
        let word_end = |after: &str| after.chars().next().is_none_or(|c| !c.is_alphanumeric());
        let is_weight = ["KB", "kB", "KiB", "MB", "MiB", "bytes"]
            .iter()
            .any(|u| unit.strip_prefix(u).is_some_and(word_end))
            || (spaced && unit.strip_prefix('B').is_some_and(word_end));
        if is_weight {
            found.push(
                text.get(at..)
                    .unwrap_or_default()
                    .chars()
                    .take(12)
                    .collect(),
            );
        }
    }
    found
}

#[test]
fn the_readme_gives_no_weight_to_go_stale() {
    assert_eq!(weights("about 199 KB with brotli"), ["9 KB with br"]);
    assert_eq!(weights("202,553 B and 7.9KiB").len(), 2);
    assert!(weights("spends $60.0B, 5B more, 12 minutes").is_empty());
    let found = weights(&read("README.md"));
    assert!(
        found.is_empty(),
        "README.md gives weights, which go stale ({found:?}): docs/performance.md has them"
    );
}

/// GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens.
fn anchor(heading: &str) -> String {
    heading
        .trim()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .map(|c| if c == ' ' { '-' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

fn anchors(doc: &str) -> BTreeSet<String> {
    prose(doc)
        .lines()
        .filter_map(|line| line.strip_prefix('#'))
        .map(|heading| anchor(heading.trim_start_matches('#')))
        .collect()
}

#[test]
fn every_link_in_the_documents_leads_somewhere() {
    let mut broken = Vec::new();
    for document in DOCUMENTS {
        // The prose without its code: a snippet's `src="…"` is not a link.
        let text: String = prose(&read(document)).split('`').step_by(2).collect();
        let folder = Path::new(document).parent().unwrap_or(Path::new(""));
        let targets = text
            .match_indices("](")
            .filter_map(|(at, _)| {
                let rest = text.get(at + 2..)?;
                rest.get(..rest.find(')')?)
            })
            .chain(text.match_indices("src=\"").filter_map(|(at, _)| {
                let rest = text.get(at + 5..)?;
                rest.get(..rest.find('"')?)
            }));
        for target in targets {
            if target.contains("://") || target.starts_with("mailto:") {
                continue;
            }
            let (file, fragment) = target.split_once('#').unwrap_or((target, ""));
            let path = if file.is_empty() {
                PathBuf::from(document)
            } else {
                folder.join(file)
            };
            if !root().join(&path).exists() {
                broken.push(format!("{document}: {target} (no such file)"));
                continue;
            }
            if !fragment.is_empty() && !anchors(&read(&path.to_string_lossy())).contains(fragment) {
                broken.push(format!("{document}: {target} (no such heading)"));
            }
        }
    }
    assert!(broken.is_empty(), "broken links: {broken:#?}");
}

#[test]
fn every_language_has_its_file_its_row_and_its_place_in_the_build() {
    let doc = read("docs/translating.md");
    let tables = tables(&doc);
    let words_build = read("scripts/words-build.mjs");
    let boot = read("src/boot.js");
    let publisher = read("src/bin/publish.rs");
    for lang in Lang::ALL {
        let key = lang.key();
        let file = format!("lang/{key}.json");
        assert!(root().join(&file).exists(), "{file}");
        let (table, row) = find_row(&tables, &["code", "language", "words"], &code(key));
        assert_eq!(table.cell(row, "language"), lang.name());
        assert!(table.cell(row, "words").contains(&code(&file)));
        assert!(
            publisher.contains(&format!("(\"{key}\", include_str!")),
            "src/bin/publish.rs: {key}"
        );
        if lang != Lang::En {
            let quoted = format!("'{key}'");
            let languages = words_build
                .lines()
                .find(|line| line.starts_with("export const LANGUAGES"))
                .unwrap_or_default();
            assert!(
                languages.contains(&quoted),
                "scripts/words-build.mjs: {key}"
            );
            assert!(boot.contains(&quoted), "src/boot.js: {key}");
        }
    }
}
