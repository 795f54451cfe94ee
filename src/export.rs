//! What a reader can download: the data table as CSV, each chart as a self-contained SVG (the
//! page turns that into a PNG), and the parameters as JSON. Plain strings, so every export is
//! tested natively; the page only wraps them in a file.

use crate::annotation::Annotation;
use crate::chart::{wrap, ChartKind, Frame};
use crate::format;
use crate::link::{encode_query, Link};
use crate::markup::escape;
use crate::model::Projection;
use crate::providers::Provider;
use crate::scenario::{Input, Scenario};
use crate::sources::{REPORT_CITES, REPORT_TITLE};
use crate::summary::{annotation_description, chart_description};
use crate::words::{fill, t, Text};

/// Start of every file name.
const FILE_PREFIX: &str = "stargate-mix";

/// A file name without its extension that says which scenario it holds:
/// `stargate-mix-sg60` for the report's figures with a 60 % share, then every other input that
/// differs from its default, e.g. `stargate-mix-sg50-y02027-ramplate`.
pub fn file_stem(scenario: &Scenario) -> String {
    let clean = scenario.sanitized();
    let mut stem = FILE_PREFIX.to_string() + "-sg" + &format::canonical(clean.stargate_share_2030);
    // The query's pairs, minus `sg` (already first), glued as key and value.
    for pair in encode_query(&Link::to(clean)).split('&') {
        if let Some((key, value)) = pair.split_once('=') {
            if key != Input::StargateShare2030.spec().key {
                stem = stem + "-" + key + value;
            }
        }
    }
    stem
}

/// The data table as CSV: a header row, then one row per year; spends in $B with two
/// decimals and no thousands separators, so any spreadsheet reads them as numbers. In English
/// and the same in every language of the page: a download stays machine-readable.
pub fn csv(projection: &Projection) -> String {
    let mut out = "Year".to_string();
    for provider in Provider::ALL {
        out = out + "," + provider.column_name();
    }
    out.push_str(",Total\n");
    for row in &projection.rows {
        out.push_str(&format::year(row.year));
        for provider in Provider::ALL {
            out = out + "," + &format::fixed(provider.spend(row), 2);
        }
        out = out + "," + &format::fixed(row.total, 2) + "\n";
    }
    out
}

/// Every parameter of the scenario as a JSON object keyed by the URL keys, so a file reads
/// back as a link (and opens again with "Open a saved scenario"): `{"sg": 75, …, "ramp": "s"}`,
/// with `mark` and `note` when the author set them. Written by serde (`saved.rs`).
pub fn parameters_json(scenario: &Scenario, annotation: &Annotation) -> String {
    crate::saved::to_json(&crate::saved::Parameters {
        scenario: *scenario,
        annotation: annotation.clone(),
    })
}

/// Width of an exported chart, CSS pixels (a PNG doubles it).
pub const EXPORT_WIDTH: f64 = 720.0;
/// Margin round everything in the image: the axis labels and the end labels never reach its
/// edges, whatever the font.
const PAD: f64 = 16.0;
/// Baseline of the title, and of the legend's first line.
const TITLE_Y: f64 = 24.0;
const LEGEND_Y: f64 = 48.0;
const LEGEND_LINE: f64 = 18.0;
/// Room between the legend's last line and the plot.
const LEGEND_GAP: f64 = 16.0;
/// The source line's size and spacing, and its distance below the plot.
const SOURCE_LINE: f64 = 14.0;
const SOURCE_GAP: f64 = 22.0;
const INK: &str = "#1f2328";
const MUTED: &str = "#57606a";
const GRID: &str = "#d8dee4";
const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
/// Advance of one character of the 12 px legend font, on the wide side: the image is laid out
/// before any font is known (DejaVu Sans, the widest common one, averages 7 px).
const LEGEND_CHAR_WIDTH: f64 = 7.4;
/// The same for the 11 px source line.
const SOURCE_CHAR_WIDTH: f64 = 6.8;

/// An exported chart: a standalone SVG document and its size in CSS pixels (a PNG doubles it).
#[derive(Clone, Debug, PartialEq)]
pub struct ChartImage {
    pub svg: String,
    pub width: f64,
    pub height: f64,
}

/// One chart as a standalone SVG document: every style is an attribute, so it opens the same
/// in a browser, an editor or an `<img>`; white background; title, legend with the last year's
/// values, axes, the four series, end labels (the legend's values), the marked year and the
/// author's note (spend chart) when there are, and the source with the scenario. The legend
/// and the source wrap onto as many lines as they need and the image grows to hold them; a
/// margin all round keeps every label inside the image.
pub fn chart_svg(
    kind: ChartKind,
    projection: &Projection,
    scenario: &Scenario,
    annotation: &Annotation,
) -> ChartImage {
    let width = EXPORT_WIDTH;
    let frame = Frame::for_width(width - 2.0 * PAD);
    let last_year = scenario.last_year_shown();
    let annotation = annotation.shown(last_year);
    let chart =
        kind.draw(projection, Default::default(), frame)
            .annotate(kind, &annotation, last_year);

    // Legend: marker, name and the last year's value, left to right, onto a new line when
    // the next item would pass the right margin.
    let mut legend = String::new();
    let mut legend_y = LEGEND_Y;
    if let Some(last) = projection.rows.last() {
        let mut x = PAD;
        let year = fill(
            Text::ExportLegendYear,
            &[("year", &format::year(last.year))],
        );
        legend += &text(x, legend_y, MUTED, "start", &year, "");
        x += year.chars().count() as f64 * LEGEND_CHAR_WIDTH + 10.0;
        for provider in Provider::ALL {
            let label = kind.value_label(provider, last);
            let item = 14.0 + label.chars().count() as f64 * LEGEND_CHAR_WIDTH;
            if x + item > width - PAD {
                x = PAD;
                legend_y += LEGEND_LINE;
            }
            legend = legend
                + "<path fill=\""
                + provider.colour()
                + "\" d=\""
                + &crate::chart::marker_symbol(provider.marker(), x + 5.0, legend_y - 4.0)
                + "\"/>\n"
                + &text(x + 14.0, legend_y, INK, "start", &label, "");
            x += item + 16.0;
        }
    }
    let header = legend_y + LEGEND_GAP;

    let query = encode_query(&Link {
        annotation: annotation.clone(),
        ..Link::to(*scenario)
    });
    let scenario_text = if query.is_empty() {
        t(Text::ExportScenarioReport)
    } else {
        &query
    };
    let source = fill(
        Text::ExportSource,
        &[
            ("report", REPORT_TITLE),
            ("cites", REPORT_CITES),
            ("scenario", scenario_text),
        ],
    );
    let source_lines = wrap(&source, width - 2.0 * PAD, SOURCE_CHAR_WIDTH);
    let source_top = header + frame.height + SOURCE_GAP;
    let height = (source_top + SOURCE_LINE * (source_lines.len() as f64 - 1.0) + 10.0).ceil();

    let w = format::fixed(width, 0);
    let h = format::fixed(height, 0);
    let mut svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"".to_string()
        + &w
        + "\" height=\""
        + &h
        + "\" viewBox=\"0 0 "
        + &w
        + " "
        + &h
        + "\" font-family=\""
        + FONT
        + "\" font-size=\"12\">\n<title>"
        + &escape(kind.title())
        + "</title>\n<desc>"
        + &escape(
            &(chart_description(kind, projection)
                + &annotation_description(&annotation, last_year, kind)),
        )
        + "</desc>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
        + &text(
            PAD,
            TITLE_Y,
            INK,
            "start",
            kind.title(),
            " font-size=\"16\" font-weight=\"600\"",
        )
        + &legend;

    svg = svg
        + "<g transform=\"translate("
        + &format::fixed(PAD, 0)
        + ","
        + &format::fixed(header, 0)
        + ")\">\n";
    let plot = chart.axes.plot;
    let (left, right) = (format::fixed(plot.left, 1), format::fixed(plot.right, 1));
    for tick in &chart.axes.y_ticks {
        svg = svg
            + &horizontal_line(&left, &right, tick.position, GRID)
            + &text(
                plot.left - 6.0,
                tick.position + 4.0,
                MUTED,
                "end",
                &tick.label,
                "",
            );
    }
    for (i, provider) in Provider::ALL.iter().enumerate() {
        let d = chart.series.get(i).map_or("", String::as_str);
        svg = svg
            + "<path data-provider=\""
            + provider.slug()
            + "\" d=\""
            + d
            + "\" "
            + &match kind {
                ChartKind::Spend => "fill=\"".to_string() + provider.colour() + "\"",
                ChartKind::Share => {
                    "fill=\"none\" stroke-width=\"2.5\" stroke-linejoin=\"round\" stroke=\""
                        .to_string()
                        + provider.colour()
                        + "\""
                }
            }
            + "><title>"
            + provider.name()
            + "</title></path>\n";
        if let Some(markers) = chart.markers.get(i).filter(|d| !d.is_empty()) {
            svg = svg + "<path fill=\"" + provider.colour() + "\" d=\"" + markers + "\"/>\n";
        }
    }
    svg += &horizontal_line(&left, &right, plot.bottom, INK);
    for tick in &chart.axes.x_ticks {
        svg += &text(
            tick.position,
            plot.bottom + 18.0,
            MUTED,
            "middle",
            &tick.label,
            "",
        );
    }
    for label in &chart.end_labels {
        svg += &text(
            label.x,
            label.y,
            INK,
            "start",
            &label.text,
            " font-weight=\"600\" data-end-label=\"\"",
        );
    }
    if let Some(rule) = &chart.mark {
        svg = svg + "<g data-mark=\"" + &rule.label + "\">\n";
        let x = format::fixed(rule.x, 1);
        svg += &line(
            [rule.x, rule.top, rule.x, rule.bottom],
            " stroke-dasharray=\"4 3\"",
        );
        for (provider, y) in Provider::ALL.iter().zip(rule.dots) {
            svg = svg
                + "<circle r=\"3.5\" cx=\""
                + &x
                + "\" cy=\""
                + &format::fixed(y, 1)
                + "\" fill=\""
                + provider.colour()
                + "\" stroke=\"#ffffff\"/>\n";
        }
        svg += &text(
            rule.label_x,
            rule.label_y,
            INK,
            "start",
            &rule.label,
            " font-weight=\"700\"",
        );
        svg += "</g>\n";
    }
    if let Some(callout) = &chart.callout {
        svg = svg
            + "<g data-note-callout=\"\">\n"
            + &line(callout.leader, "")
            + "<rect x=\""
            + &format::fixed(callout.x, 1)
            + "\" y=\""
            + &format::fixed(callout.y, 1)
            + "\" width=\""
            + &format::fixed(callout.width, 1)
            + "\" height=\""
            + &format::fixed(callout.height, 1)
            + "\" rx=\"4\" fill=\"#ffffff\" stroke=\""
            + INK
            + "\"/>\n<text data-note=\"\" fill=\""
            + INK
            + "\" font-size=\""
            + &format::fixed(callout.font_size, 0)
            + "\">";
        for (i, line) in callout.lines.iter().enumerate() {
            svg = svg
                + "<tspan x=\""
                + &format::fixed(callout.text_x, 1)
                + "\" y=\""
                + &format::fixed(callout.first_baseline + callout.line_height * i as f64, 1)
                + "\">"
                + &escape(line)
                + "</tspan>";
        }
        svg += "</text>\n</g>\n";
    }
    svg += "</g>\n";
    for (i, line) in source_lines.iter().enumerate() {
        svg += &text(
            PAD,
            source_top + SOURCE_LINE * i as f64,
            MUTED,
            "start",
            line,
            " font-size=\"11\" data-source=\"\"",
        );
    }
    ChartImage {
        svg: svg + "</svg>\n",
        width,
        height,
    }
}

/// The link-preview card of a page (1200×630, `publish::CARD_*`): what it shows (`kicker`),
/// the headline sentence and the site's name on the left, the scenario's spend chart exactly
/// as the SVG download draws it on the right, scaled to fit. The font is left to the renderer
/// (scripts/publish gives resvg the one in style/fonts/, so every machine draws the same card).
pub fn card_svg(
    kicker: &str,
    headline: &str,
    site: &str,
    projection: &Projection,
    scenario: &Scenario,
) -> String {
    const WIDTH: f64 = 1200.0;
    const HEIGHT: f64 = 630.0;
    const LEFT: f64 = 56.0;
    const COLUMN: f64 = 400.0;
    const HEADLINE_SIZE: f64 = 34.0;
    const HEADLINE_LINE: f64 = 42.0;
    // The chart's box: right of the column, with the card's margins.
    const CHART_LEFT: f64 = LEFT + COLUMN + 24.0;
    const CHART_TOP: f64 = 36.0;
    let chart = chart_svg(
        ChartKind::Spend,
        projection,
        scenario,
        &Annotation::default(),
    );
    let scale =
        ((WIDTH - CHART_LEFT - 32.0) / chart.width).min((HEIGHT - 2.0 * CHART_TOP) / chart.height);
    let chart_top = (HEIGHT - chart.height * scale) / 2.0;
    // A bold 34 px sentence, wider per character than the chart's 12 px legend.
    let headline_lines = wrap(headline, COLUMN, HEADLINE_SIZE * 0.56);
    let site_lines = wrap(site, COLUMN, 20.0 * 0.52);
    let mut svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"630\" viewBox=\"0 0 1200 630\" font-family=\"".to_string()
        + FONT
        + "\">\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n<rect width=\"12\" height=\"630\" fill=\""
        + Provider::Stargate.colour()
        + "\"/>\n"
        + &text(LEFT, 96.0, MUTED, "start", kicker, " font-size=\"22\" font-weight=\"700\"");
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

/// One `<line>` in ink from (x1, y1) to (x2, y2), with `extra` attributes.
fn line([x1, y1, x2, y2]: [f64; 4], extra: &str) -> String {
    let [x1, y1, x2, y2] = [x1, y1, x2, y2].map(|v| format::fixed(v, 1));
    "<line x1=\"".to_string()
        + &x1
        + "\" y1=\""
        + &y1
        + "\" x2=\""
        + &x2
        + "\" y2=\""
        + &y2
        + "\" stroke=\""
        + INK
        + "\""
        + extra
        + "/>\n"
}

/// One `<line>` across the plot at `y`.
fn horizontal_line(left: &str, right: &str, y: f64, stroke: &str) -> String {
    let y = format::fixed(y, 1);
    "<line x1=\"".to_string()
        + left
        + "\" x2=\""
        + right
        + "\" y1=\""
        + &y
        + "\" y2=\""
        + &y
        + "\" stroke=\""
        + stroke
        + "\"/>\n"
}

/// One `<text>` element.
fn text(x: f64, y: f64, fill: &str, anchor: &str, content: &str, extra: &str) -> String {
    "<text x=\"".to_string()
        + &format::fixed(x, 1)
        + "\" y=\""
        + &format::fixed(y, 1)
        + "\" fill=\""
        + fill
        + "\" text-anchor=\""
        + anchor
        + "\""
        + extra
        + ">"
        + &escape(content)
        + "</text>\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::parse_query;
    use crate::model::project;
    use crate::scenario::Ramp;

    #[test]
    fn exported_charts_carry_the_mark_and_the_note_inside_the_image() {
        let scenario = Scenario::REPORT;
        let note = "In 2028 Stargate passes Azure <b>&</b> \"quotes\", a note long enough to take \
                    three lines or so in its box on the exported spend chart";
        let annotation = Annotation {
            mark: Some(2028),
            note: Some(note.to_string()),
        };
        for kind in ChartKind::ALL {
            let image = chart_svg(kind, &project(&scenario), &scenario, &annotation);
            let svg = &image.svg;
            assert!(svg.contains("<g data-mark=\"2028\">"), "{kind:?}");
            assert!(
                svg.contains("2028 is marked."),
                "{kind:?}: the description says so"
            );
            assert!(
                svg.contains("mark=2028&amp;") && svg.contains("note=In+2028+Stargate"),
                "{kind:?}: the source's link: {svg}"
            );
            let has_note = svg.contains("data-note=\"\"");
            assert_eq!(
                has_note,
                kind == ChartKind::Spend,
                "only the spend chart has the note"
            );
            if kind != ChartKind::Spend {
                continue;
            }
            // The lines, unescaped and put end to end, are the note; markup stays text.
            let text = svg.split("data-note=\"\"").nth(1).unwrap_or_default();
            let text = text.split("</text>").next().unwrap_or_default();
            let lines: String = text
                .split("<tspan ")
                .skip(1)
                .map(|t| {
                    t.split_once('>')
                        .map_or("", |x| x.1)
                        .trim_end_matches("</tspan>")
                })
                .collect();
            let unescaped = lines
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&amp;", "&");
            assert_eq!(unescaped, note);
            assert!(!svg.contains("<b>"));
            // The box sits inside the image (the plot is translated by the margin and header).
            let rect = svg
                .split("<g data-note-callout=\"\">")
                .nth(1)
                .unwrap_or_default();
            let number = |name: &str| -> f64 {
                let at = rect
                    .find(&format!(" {name}=\""))
                    .map_or(0, |i| i + name.len() + 3);
                rect.get(at..)
                    .and_then(|r| r.split('"').next())
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(f64::NAN)
            };
            let (x, w) = (number("x"), number("width"));
            assert!(x > 0.0 && PAD + x + w < image.width - PAD, "{x} {w}");
            assert!(number("height") > 30.0, "three lines or so");
        }
        // Without an annotation the image is as it was.
        let plain = chart_svg(
            ChartKind::Spend,
            &project(&scenario),
            &scenario,
            &Annotation::default(),
        );
        assert!(!plain.svg.contains("data-mark") && !plain.svg.contains("data-note"));
    }

    #[test]
    fn file_names_carry_the_scenario() {
        assert_eq!(file_stem(&Scenario::REPORT), "stargate-mix-sg75");
        let mut s = Scenario::REPORT;
        s.stargate_share_2030 = 60.0;
        assert_eq!(file_stem(&s), "stargate-mix-sg60");
        s.ramp = Ramp::Late;
        s.first_stargate_year = 2027.0;
        s.growth_after_2027 = 62.5;
        assert_eq!(file_stem(&s), "stargate-mix-sg60-g62.5-y02027-ramplate");
    }

    #[test]
    fn csv_has_a_header_and_one_row_per_year_of_the_table() {
        let table = csv(&project(&Scenario::REPORT));
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines.len(), 8);
        assert_eq!(
            lines[0],
            "Year,Microsoft Azure,Stargate,Oracle,Other clouds,Total"
        );
        assert_eq!(lines[1], "2024,5.00,0.00,0.00,0.00,5.00");
        assert_eq!(lines[7], "2030,19.98,59.95,0.00,0.00,79.94");
        // Large values stay plain numbers.
        let mut big = Scenario::REPORT;
        big.spend_2027 = 200.0;
        big.growth_after_2027 = 150.0;
        big.last_year = 2035.0;
        let big = csv(&project(&big));
        assert!(big.lines().all(|line| line.split(',').count() == 6));
        assert!(big.lines().last().is_some_and(|l| l.starts_with("2035,")));
    }

    #[test]
    fn parameters_read_back_as_the_same_scenario() {
        let mut s = Scenario::REPORT;
        s.stargate_share_2030 = 42.0;
        s.ramp = Ramp::Early;
        s.growth_after_2027 = 12.3;
        let json = parameters_json(&s, &Annotation::default());
        assert!(json.starts_with("{\n  \"sg\": 42,\n"));
        assert!(json.ends_with("  \"ramp\": \"early\"\n}\n"));
        // Turn {"k": v, ...} into k=v&... and read it as a link.
        let query: Vec<String> = json
            .trim_matches(|c: char| c == '{' || c == '}' || c.is_whitespace())
            .split(",\n")
            .map(|pair| pair.replace(['"', ' '], "").replacen(':', "=", 1))
            .collect();
        let parsed = parse_query(&query.join("&"), &Scenario::REPORT);
        assert!(parsed.notes.is_empty(), "{:?}", parsed.notes);
        assert_eq!(parsed.link.scenario, s);
    }

    #[test]
    fn a_chart_svg_is_standalone_and_holds_the_four_series() {
        for kind in ChartKind::ALL {
            let image = chart_svg(
                kind,
                &project(&Scenario::REPORT),
                &Scenario::REPORT,
                &Annotation::default(),
            );
            let svg = image.svg;
            assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"720\""));
            assert!(svg.trim_end().ends_with("</svg>"));
            for provider in Provider::ALL {
                let marker = "data-provider=\"".to_string() + provider.slug() + "\" d=\"M";
                assert!(svg.contains(&marker), "{kind:?} {provider:?}");
            }
            // No stylesheet, no class: styles are attributes. Nothing unescaped.
            assert!(!svg.contains("class=") && !svg.contains("<style"));
            assert_eq!(svg.matches('<').count(), svg.matches('>').count());
            assert!(svg.contains("the report\u{2019}s figures"));
        }
    }

    #[test]
    fn a_chart_svg_speaks_the_page_language_but_the_csv_does_not() {
        use crate::words::{with_language, Lang};
        let german = include_str!("../lang/de.json");
        let projection = project(&Scenario::REPORT);
        let (svg, table) = with_language(Lang::De, german, || {
            (
                chart_svg(
                    ChartKind::Spend,
                    &projection,
                    &Scenario::REPORT,
                    &Annotation::default(),
                )
                .svg,
                csv(&projection),
            )
        });
        assert!(svg.contains(
            "<title>Ausgaben für Rechenleistung nach Anbieter, Mrd. Dollar pro Jahr</title>"
        ));
        let source: Vec<&str> = svg
            .lines()
            .filter(|l| l.contains("data-source"))
            .filter_map(|l| l.split('>').nth(1)?.split('<').next())
            .collect();
        let source = source.join(" ");
        assert!(
            source.starts_with(
                "Quelle: \u{201e}OpenAI secures new partnership amidst Asia expansion\u{201c}"
            ),
            "{source}"
        );
        assert!(source.ends_with("Szenario: die Zahlen des Berichts."));
        assert!(svg.contains(">Sonstige Clouds "));
        assert_eq!(table, csv(&projection));
        assert!(table.starts_with("Year,Microsoft Azure,Stargate,Oracle,Other clouds,Total\n"));
    }

    /// The long scenario a reader reported: every part of the source line must be there.
    fn long_scenario() -> Scenario {
        crate::link::parse_query(
            "sg=33&s24=7.5&s27=25&g=44.4&y0=2027&ramp=late&mc=12.5&mg=55&ora=35&disc=45&h=2035",
            &Scenario::REPORT,
        )
        .link
        .scenario
    }

    #[test]
    fn the_source_line_wraps_and_the_image_grows_to_hold_it() {
        let scenario = long_scenario();
        let projection = project(&scenario);
        for kind in ChartKind::ALL {
            let short = chart_svg(
                kind,
                &project(&Scenario::REPORT),
                &Scenario::REPORT,
                &Annotation::default(),
            );
            let long = chart_svg(kind, &projection, &scenario, &Annotation::default());
            let lines: Vec<&str> = long
                .svg
                .lines()
                .filter(|l| l.contains("data-source"))
                .collect();
            assert!(lines.len() >= 2, "{kind:?}: {lines:?}");
            assert!(long.height > short.height);
            assert!(long.svg.contains(&format!("height=\"{}\"", long.height)));
            // Every line within the margins, at the wide estimate; the whole query kept.
            let mut joined = String::new();
            for line in &lines {
                let words = line.split('>').nth(1).unwrap().split('<').next().unwrap();
                let words = words.replace("&amp;", "&");
                assert!(
                    words.chars().count() as f64 * SOURCE_CHAR_WIDTH <= EXPORT_WIDTH - 2.0 * PAD
                );
                joined += &words;
            }
            // (Lines break at spaces, or inside the query at an `&`: compare without spaces.)
            assert!(
                joined.replace(' ', "").contains(
                    "Scenario:sg=33&s24=7.5&s27=25&g=44.4&y0=2027&ramp=late&mc=12.5&mg=55&ora=35&disc=45&h=2035."
                ),
                "{joined}"
            );
        }
    }

    #[test]
    fn wrapping_keeps_every_character_and_breaks_long_words_at_ampersands() {
        let text = "one two three four&five&six&seven&eight&nine&ten end";
        let lines = wrap(text, 10.0 * 6.8, 6.8);
        assert!(lines.iter().all(|l| l.chars().count() <= 10), "{lines:?}");
        assert_eq!(lines.concat().replace(' ', ""), text.replace(' ', ""));
        assert!(lines.iter().any(|l| l.ends_with('&')), "{lines:?}");
    }

    #[test]
    fn end_labels_say_what_the_legend_says() {
        let scenario = long_scenario();
        let projection = project(&scenario);
        let last = projection.rows.last().unwrap();
        for kind in ChartKind::ALL {
            let svg = chart_svg(kind, &projection, &scenario, &Annotation::default()).svg;
            for line in svg.lines().filter(|l| l.contains("data-end-label")) {
                let words = line.split('>').nth(1).unwrap().split('<').next().unwrap();
                let provider = Provider::ALL
                    .into_iter()
                    .find(|p| words.starts_with(p.name()))
                    .unwrap();
                assert_eq!(
                    words,
                    provider.name().to_string() + " " + &kind.value_text(provider, last)
                );
            }
        }
    }
}
