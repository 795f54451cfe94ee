//! The tornado charts: for one figure, a bar per lever from the figure at the lever's low end
//! to its high end, largest swing first, around the scenario's own figure.

use super::axes::{LinearScale, CHAR_WIDTH};
use super::Frame;
use crate::format;
use crate::sensitivity::{Lever, Swing};
use crate::words::{fill, Text};

/// One lever's row of a tornado chart.
#[derive(Clone, Debug, PartialEq)]
pub struct TornadoRow {
    /// The lever, in words.
    pub label: String,
    /// What the lever's ends are: `0% to 100%`, `Late to Early`.
    pub range: String,
    /// Vertical centre of the row.
    pub y: f64,
    /// The bar, from the lower figure to the higher one (zero width for no effect).
    pub x: f64,
    pub width: f64,
    /// The figure at the lever's low and high end, where their labels go.
    pub low_x: f64,
    pub high_x: f64,
    pub low_text: String,
    pub high_text: String,
    /// True when the lever's low end gives the higher figure (the bar reads right to left).
    pub reversed: bool,
}

/// A tornado chart: rows of levers, largest swing first, around the scenario's own figure.
#[derive(Default, Clone, Debug, PartialEq)]
pub struct Tornado {
    pub frame: Frame,
    /// Where the scenario's own figure is: the line the bars swing around.
    pub base_x: f64,
    pub base_text: String,
    pub top: f64,
    pub bottom: f64,
    /// The levers that move the figure, largest swing first.
    pub rows: Vec<TornadoRow>,
    /// The levers that do not move it at all, named rather than drawn as empty bars.
    pub no_effect: Vec<&'static str>,
}

/// Height of one lever's row.
const TORNADO_ROW: f64 = 34.0;
/// Room above the rows for the base label.
const TORNADO_HEADER: f64 = 22.0;

/// Below this width a row gives its lever's name only, not its range.
const TORNADO_COMPACT_WIDTH: f64 = 520.0;

/// The tornado for `swings` (largest first, as `sensitivity::tornado` gives them) in a chart
/// `width` pixels wide. Labels sit above their bars, so it reads the same on a phone.
pub fn tornado_chart(swings: &[Swing], width: f64) -> Tornado {
    let width = if width.is_finite() {
        width.max(Frame::MIN.width)
    } else {
        640.0
    };
    let compact = width < TORNADO_COMPACT_WIDTH;
    // Every swing shares the scenario's own figure, moving or not.
    let base = swings.first().map_or(0.0, |s| s.base);
    let no_effect: Vec<&'static str> = swings
        .iter()
        .filter(|s| s.size() <= 1e-9)
        .map(|s| s.lever.label())
        .collect();
    let swings: Vec<&Swing> = swings.iter().filter(|s| s.size() > 1e-9).collect();
    let frame = Frame {
        width,
        height: TORNADO_HEADER + TORNADO_ROW * swings.len() as f64 + 8.0,
    };
    let (low, high) = swings.iter().fold((base, base), |(lo, hi), s| {
        (
            lo.min(s.at_low).min(s.at_high),
            hi.max(s.at_low).max(s.at_high),
        )
    });
    let money = format::billions;
    // Room at both ends for the value labels, as long as the language writes them
    // (`60,0 Mrd. $` takes twice the room of `$60.0B`), but never more than a quarter each.
    let longest = swings
        .iter()
        .flat_map(|s| [money(s.at_low), money(s.at_high)])
        .map(|text| text.chars().count())
        .max()
        .unwrap_or(0);
    let room = crate::clamp(longest as f64 * CHAR_WIDTH + 10.0, 64.0, width / 4.0);
    let x = LinearScale {
        domain: (low, high),
        range: (room, width - room),
    };
    let rows = swings
        .iter()
        .enumerate()
        .map(|(i, swing)| {
            let (a, b) = (x.map(swing.at_low), x.map(swing.at_high));
            let range = match (swing.lever, swing.ramp_at_low, swing.ramp_at_high) {
                _ if compact => String::new(),
                (Lever::Number(input), _, _) => {
                    let spec = input.spec();
                    range_text(
                        &format::input_value(spec.min, spec.unit),
                        &format::input_value(spec.max, spec.unit),
                    )
                }
                (Lever::Ramp, Some(lo), Some(hi)) => range_text(lo.label(), hi.label()),
                (Lever::Ramp, _, _) => String::new(),
            };
            TornadoRow {
                label: swing.lever.label().to_string(),
                range,
                y: TORNADO_HEADER + TORNADO_ROW * (i as f64 + 0.5) + 6.0,
                x: a.min(b),
                width: (a - b).abs(),
                low_x: a,
                high_x: b,
                low_text: money(swing.at_low),
                high_text: money(swing.at_high),
                reversed: swing.at_low > swing.at_high,
            }
        })
        .collect();
    Tornado {
        frame,
        base_x: x.map(base),
        base_text: money(base),
        top: TORNADO_HEADER,
        bottom: frame.height - 4.0,
        rows,
        no_effect,
    }
}

/// A lever's two ends in words: `0% to 100%`, `Late to Early`.
fn range_text(low: &str, high: &str) -> String {
    fill(Text::ChartRange, &[("low", low), ("high", high)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Scenario;

    #[test]
    fn a_tornado_puts_the_largest_swing_first_around_the_base() {
        use crate::sensitivity::{tornado, Output};
        let swings = tornado(&Scenario::REPORT, Output::Stargate2030);
        let chart = tornado_chart(&swings, 600.0);
        assert_eq!(
            chart.rows.len(),
            2,
            "only growth and the share move Stargate 2030"
        );
        assert_eq!(chart.no_effect.len(), 6);
        assert_eq!(chart.no_effect[0], "First year with Stargate compute");
        assert_eq!(chart.base_text, "$60.0B");
        // Growth after 2027 first, then the share (from the report's scenario).
        assert_eq!(chart.rows[0].label, "Spend growth after 2027");
        assert_eq!(
            chart.rows[1].label,
            "Stargate share of compute spend in 2030"
        );
        assert_eq!(chart.rows[1].range, "0% to 100%");
        assert_eq!(chart.rows[1].low_text, "$0.00B");
        assert_eq!(chart.rows[1].high_text, "$79.9B");
        assert!(chart.rows[0].width >= chart.rows[1].width);
        // Every bar contains the base line, inside the frame; rows go down the chart.
        for (row, next) in chart.rows.iter().zip(chart.rows.iter().skip(1)) {
            assert!(row.y < next.y);
        }
        for row in &chart.rows {
            assert!(row.x <= chart.base_x + 1e-9 && chart.base_x <= row.x + row.width + 1e-9);
            assert!(row.x >= 0.0 && row.x + row.width <= 600.0);
        }
        // On a phone the rows name the lever only.
        let narrow = tornado_chart(&swings, 360.0);
        assert!(narrow.rows.iter().all(|r| r.range.is_empty()));
        assert!(tornado_chart(&[], f64::NAN).rows.is_empty());
    }

    #[test]
    fn tornado_value_labels_fit_in_every_language() {
        use crate::sensitivity::{tornado, Output};
        use crate::words::{with_language, Lang};
        let mut s = Scenario::REPORT;
        s.growth_after_2027 = 150.0;
        let swings = tornado(&s, Output::Stargate2030);
        for (lang, file) in [
            (Lang::En, "{}"),
            (Lang::De, include_str!("../../lang/de.json")),
            (Lang::Es, include_str!("../../lang/es.json")),
        ] {
            for width in [360.0, 600.0, 900.0] {
                let chart = with_language(lang, file, || tornado_chart(&swings, width));
                for row in &chart.rows {
                    // Labels sit outside the bar's ends, 4 px off (ui/sensitivity.rs).
                    let left = row.x
                        - 4.0
                        - row
                            .low_text
                            .chars()
                            .count()
                            .max(row.high_text.chars().count()) as f64
                            * CHAR_WIDTH;
                    let right = row.x
                        + row.width
                        + 4.0
                        + row
                            .high_text
                            .chars()
                            .count()
                            .max(row.low_text.chars().count()) as f64
                            * CHAR_WIDTH;
                    assert!(left >= 0.0 && right <= width, "{lang:?} {width}: {row:?}");
                }
            }
        }
    }
}
