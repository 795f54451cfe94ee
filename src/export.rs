//! What a reader can download: the data table as CSV, each chart as a self-contained SVG (the
//! page turns that into a PNG), and the parameters as JSON. Plain strings, so every export is
//! tested natively; the page only wraps them in a file.

use crate::chart::{ChartKind, Frame};
use crate::format;
use crate::model::Projection;
use crate::providers::Provider;
use crate::query::{encode_query, Link};
use crate::scenario::{Input, Scenario};
use crate::sources::{REPORT_CITES, REPORT_TITLE};
use crate::summary::chart_description;

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
/// decimals and no thousands separators, so any spreadsheet reads them as numbers.
pub fn csv(projection: &Projection) -> String {
    let mut out = "Year".to_string();
    for provider in Provider::ALL {
        out = out + "," + provider.name();
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
/// back as a link (and opens again with "Open a saved scenario"): `{"sg": 75, …, "ramp": "s"}`.
/// Written by serde (`saved.rs`).
pub fn parameters_json(scenario: &Scenario) -> String {
    crate::saved::to_json(scenario)
}

/// Width of an exported chart, CSS pixels (a PNG doubles it).
pub const EXPORT_WIDTH: f64 = 720.0;
/// Room above the plot for the title and the legend.
const HEADER: f64 = 64.0;
/// Room below the plot for the source line.
const FOOTER: f64 = 30.0;
const INK: &str = "#1f2328";
const MUTED: &str = "#57606a";
const GRID: &str = "#d8dee4";
const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
/// Approximate advance of one character of the 12 px legend font.
const LEGEND_CHAR_WIDTH: f64 = 6.8;

/// Size of an exported chart in CSS pixels: the chart, its header and its source line.
pub fn chart_export_size() -> (f64, f64) {
    let frame = Frame::for_width(EXPORT_WIDTH);
    (frame.width, frame.height + HEADER + FOOTER)
}

/// One chart as a standalone SVG document: every style is an attribute, so it opens the same
/// in a browser, an editor or an `<img>`; white background; title, legend with the last year's
/// values, axes, the four series, end labels and the source.
pub fn chart_svg(kind: ChartKind, projection: &Projection, scenario: &Scenario) -> String {
    let frame = Frame::for_width(EXPORT_WIDTH);
    let chart = kind.draw(projection, Default::default(), frame);
    let (width, height) = chart_export_size();
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
        + &escape(&chart_description(kind, projection))
        + "</desc>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
        + &text(
            16.0,
            24.0,
            INK,
            "start",
            kind.title(),
            " font-size=\"16\" font-weight=\"600\"",
        );

    // Legend: marker, name and the last year's value, left to right.
    if let Some(last) = projection.rows.last() {
        let mut x = 16.0;
        let year = format::year(last.year) + ":";
        svg += &text(x, 48.0, MUTED, "start", &year, "");
        x += year.chars().count() as f64 * LEGEND_CHAR_WIDTH + 10.0;
        for provider in Provider::ALL {
            let label = provider.name().to_string() + " " + &kind.value_text(provider, last);
            svg = svg
                + "<path fill=\""
                + provider.colour()
                + "\" d=\""
                + &crate::chart::marker_symbol(provider.marker(), x + 5.0, 44.0)
                + "\"/>\n"
                + &text(x + 14.0, 48.0, INK, "start", &label, "");
            x += 14.0 + label.chars().count() as f64 * LEGEND_CHAR_WIDTH + 16.0;
        }
    }

    svg = svg + "<g transform=\"translate(0," + &format::fixed(HEADER, 0) + ")\">\n";
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
            " font-weight=\"600\"",
        );
    }
    let query = encode_query(&Link::to(*scenario));
    let scenario_text = if query.is_empty() {
        "the report\u{2019}s figures".to_string()
    } else {
        query
    };
    svg = svg
        + "</g>\n"
        + &text(
            16.0,
            height - 10.0,
            MUTED,
            "start",
            &("Source: \u{201c}".to_string()
                + REPORT_TITLE
                + "\u{201d}, citing "
                + REPORT_CITES
                + "; tagged assumptions are ours. Scenario: "
                + &scenario_text
                + "."),
            " font-size=\"11\"",
        )
        + "</svg>\n";
    svg
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

/// Text made safe for XML character data and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::project;
    use crate::query::parse_query;
    use crate::scenario::Ramp;

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
        let json = parameters_json(&s);
        assert!(json.starts_with("{\n  \"sg\": 42,\n"));
        assert!(json.ends_with("  \"ramp\": \"early\"\n}\n"));
        // Turn {"k": v, ...} into k=v&... and read it as a link.
        let query: Vec<String> = json
            .trim_matches(|c: char| c == '{' || c == '}' || c.is_whitespace())
            .split(",\n")
            .map(|pair| pair.replace(['"', ' '], "").replacen(':', "=", 1))
            .collect();
        let parsed = parse_query(&query.join("&"));
        assert!(parsed.notes.is_empty(), "{:?}", parsed.notes);
        assert_eq!(parsed.link.scenario, s);
    }

    #[test]
    fn a_chart_svg_is_standalone_and_holds_the_four_series() {
        for kind in ChartKind::ALL {
            let svg = chart_svg(kind, &project(&Scenario::REPORT), &Scenario::REPORT);
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
    fn escape_makes_text_safe_for_xml() {
        assert_eq!(
            escape("a < b & \"c\" > d"),
            "a &lt; b &amp; &quot;c&quot; &gt; d"
        );
    }
}
