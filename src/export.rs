//! What a reader can download: the data table as CSV, each chart as a self-contained SVG (the
//! page turns that into a PNG), and the parameters as JSON. Plain strings, so every export is
//! tested natively; the page only wraps them in a file. A chart's image is its frame (title,
//! legend, source and scenario), written here, around the chart's marks as the page draws them
//! (`ui/drawing.rs`, rendered to text), laid out for the image by [`image_chart`].

use crate::annotation::Annotation;
use crate::chart::{wrap, Chart, ChartKind, Frame};
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
/// An image's colours (the page's light theme, as printed): text, muted text, gridlines, and
/// the paper behind everything. The charts' marks carry them as presentation attributes.
pub const INK: &str = "#1f2328";
pub const MUTED: &str = "#57606a";
pub const GRID: &str = "#d8dee4";
pub const PAPER: &str = "#ffffff";
/// How the charts' marks look in an image, by their classes (`ui/drawing.rs`), as a
/// stylesheet: the page's stylesheet gives the same classes the page's theme; an image is always
/// light, as it prints.
pub fn image_style() -> String {
    let rule = |selector: &str, declarations: &str| selector.to_string() + "{" + declarations + "}";
    rule(".gridline", &("stroke:".to_string() + GRID))
        + &rule(
            ".baseline,.mark-rule,.note-leader",
            &("stroke:".to_string() + INK),
        )
        + &rule(".tick-label", &("fill:".to_string() + MUTED))
        + &rule(
            ".end-label,.mark-label,.note-line",
            &("fill:".to_string() + INK),
        )
        + &rule(".end-label", "font-weight:600")
        + &rule(".mark-label", "font-weight:700")
        + &rule(".line", "stroke-width:2.5;stroke-linejoin:round")
        + &rule(".mark-rule", "stroke-dasharray:4 3")
        + &rule(".mark-dot", &("stroke:".to_string() + PAPER))
        + &rule(
            ".note-box",
            &("fill:".to_string() + PAPER + ";stroke:" + INK),
        )
}

/// The image's font: the system's sans-serif.
pub const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
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

/// The chart an image of `kind` draws: at the image's width, without overlays, with the
/// author's annotation as it applies to the years shown.
pub fn image_chart(
    kind: ChartKind,
    projection: &Projection,
    scenario: &Scenario,
    annotation: &Annotation,
) -> Chart {
    let last_year = scenario.last_year_shown();
    kind.draw(projection, Default::default(), image_frame())
        .annotate(kind, &annotation.shown(last_year), last_year)
}

/// The frame an image's chart is drawn in: the image's width less its margins.
fn image_frame() -> Frame {
    Frame::for_width(EXPORT_WIDTH - 2.0 * PAD)
}

/// One chart as a standalone SVG document around `drawing`, the marks of its [`image_chart`]
/// as SVG text: their look in the image's own stylesheet ([`image_style`]), nothing outside
/// it, so it opens the same in a browser, an editor or an `<img>`; white background; title, legend with the last year's values, the drawing, and the
/// source with the scenario. The legend and the source wrap onto as many lines as they need
/// and the image grows to hold them; a margin all round keeps every label inside the image.
pub fn chart_svg(
    kind: ChartKind,
    projection: &Projection,
    scenario: &Scenario,
    annotation: &Annotation,
    drawing: &str,
) -> ChartImage {
    let width = EXPORT_WIDTH;
    let frame = image_frame();
    let last_year = scenario.last_year_shown();
    let annotation = annotation.shown(last_year);

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
        + "</desc>\n<style>"
        + &image_style()
        + "</style>\n<rect width=\"100%\" height=\"100%\" fill=\""
        + PAPER
        + "\"/>\n"
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
        + ")\">\n"
        + drawing
        + "\n</g>\n";
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

/// One `<text>` element.
pub(crate) fn text(x: f64, y: f64, fill: &str, anchor: &str, content: &str, extra: &str) -> String {
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

    /// A stand-in for the chart's marks (`ui/drawing.rs` draws them; its tests check them
    /// in the image).
    const DRAWING: &str = "<g data-drawing=\"\"></g>";

    fn image(kind: ChartKind, scenario: &Scenario, annotation: &Annotation) -> ChartImage {
        chart_svg(kind, &project(scenario), scenario, annotation, DRAWING)
    }

    #[test]
    fn an_image_names_its_annotation_and_draws_it_on_its_chart() {
        let annotation = Annotation {
            mark: Some(2028),
            note: Some("In 2028 Stargate passes Azure".to_string()),
        };
        for kind in ChartKind::ALL {
            let svg = image(kind, &Scenario::REPORT, &annotation).svg;
            assert!(
                svg.contains("2028 is marked."),
                "{kind:?}: the description says so"
            );
            assert!(
                svg.contains("mark=2028&amp;") && svg.contains("note=In+2028+Stargate"),
                "{kind:?}: the source's link: {svg}"
            );
            let chart = image_chart(
                kind,
                &project(&Scenario::REPORT),
                &Scenario::REPORT,
                &annotation,
            );
            assert_eq!(chart.mark.map(|m| m.year), Some(2028));
            assert_eq!(chart.callout.is_some(), kind == ChartKind::Spend);
            assert_eq!(chart.axes.frame.width, EXPORT_WIDTH - 2.0 * PAD);
        }
        // A mark beyond the years shown is neither drawn nor linked.
        let mut short = Scenario::REPORT;
        short.last_year = 2030.0;
        let beyond = Annotation {
            mark: Some(2033),
            note: None,
        };
        let chart = image_chart(ChartKind::Spend, &project(&short), &short, &beyond);
        assert_eq!(chart.mark, None);
        assert!(!image(ChartKind::Spend, &short, &beyond)
            .svg
            .contains("mark="));
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
        assert!(json.starts_with("{\n  \"version\": \""), "{json}");
        assert!(json.contains("\",\n  \"sg\": 42,\n"), "{json}");
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
    fn a_chart_svg_is_standalone_around_its_drawing() {
        for kind in ChartKind::ALL {
            let svg = image(kind, &Scenario::REPORT, &Annotation::default()).svg;
            assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"720\""));
            assert!(svg.trim_end().ends_with("</svg>"));
            assert!(svg.contains(&("\">\n".to_string() + DRAWING + "\n</g>\n")));
            // The legend names every provider with its marker.
            for provider in Provider::ALL {
                assert!(
                    svg.contains(&("<path fill=\"".to_string() + provider.colour() + "\" d=\"M"))
                );
            }
            // Its own stylesheet, nothing outside it. Nothing unescaped.
            assert_eq!(svg.matches("<style>").count(), 1);
            assert!(!svg.contains("<link") && !svg.contains("@import") && !svg.contains("url("));
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
                image(ChartKind::Spend, &Scenario::REPORT, &Annotation::default()).svg,
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
        for kind in ChartKind::ALL {
            let short = image(kind, &Scenario::REPORT, &Annotation::default());
            let long = image(kind, &scenario, &Annotation::default());
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
}
