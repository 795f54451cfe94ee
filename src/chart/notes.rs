//! The author's annotation on a chart: the marked year's rule (with its year and a dot on each
//! provider's point) and the note's callout, sized and wrapped to stay inside the plot.

use super::axes::LABEL_CHAR_WIDTH;
use super::{Chart, ChartKind};
use crate::annotation::Annotation;
use crate::format;

impl Chart {
    /// The chart with the author's annotation drawn on it: the marked year's rule (when it is
    /// among the years shown) and, on the spend chart, the note's callout.
    pub fn annotate(mut self, kind: ChartKind, annotation: &Annotation, last_year: i32) -> Chart {
        let mark = annotation.mark_shown(last_year);
        self.mark = mark.and_then(|year| mark_rule(&self, year));
        self.callout = match (&annotation.note, kind) {
            (Some(note), ChartKind::Spend) => {
                note_callout(&self, annotation.note_year(last_year), note, mark.is_some())
            }
            _ => None,
        };
        self
    }
}

/// A marked year on a chart: a dashed rule across the plot at the year's centre, the year
/// written at its top (to the left of the rule in the plot's right half, so it never reaches
/// the end labels), and a dot on each provider's point that year.
#[derive(Clone, Debug, PartialEq)]
pub struct MarkRule {
    pub year: i32,
    pub x: f64,
    pub top: f64,
    pub bottom: f64,
    pub label: String,
    /// Where the year starts (it is written left to right from there).
    pub label_x: f64,
    pub label_y: f64,
    /// Each provider's point that year, in [`Provider::ALL`] order.
    pub dots: [f64; 4],
}

/// Height of the row at the top of the plot where a marked year is written.
const MARK_LABEL_ROW: f64 = 15.0;

/// The rule of `year` on `chart`, if the year is on it.
pub fn mark_rule(chart: &Chart, year: i32) -> Option<MarkRule> {
    let axes = &chart.axes;
    let index = axes.columns.iter().position(|c| c.year == year)?;
    let column = axes.columns.get(index)?;
    let plot = axes.plot;
    let right_half = column.x > (plot.left + plot.right) / 2.0;
    Some(MarkRule {
        year,
        x: column.x,
        top: plot.top,
        bottom: plot.bottom,
        label: format::year(year),
        // Four digits at the bold labels' width, left of the rule in the plot's right half.
        label_x: if right_half {
            column.x - 4.0 - 4.0 * LABEL_CHAR_WIDTH
        } else {
            column.x + 4.0
        },
        label_y: plot.top + MARK_LABEL_ROW - 4.0,
        dots: chart.points.get(index).copied().unwrap_or_default(),
    })
}

/// The sizes a note's text may take, largest first: font size (px), the width of one of its
/// characters and the line height (generous estimates, so the text stays inside its box
/// whatever the font). A long note on a small chart takes a smaller size rather than leave
/// the plot.
const NOTE_SIZES: [(f64, f64, f64); 4] = [
    (11.0, 6.6, 14.0),
    (10.0, 6.0, 12.5),
    (9.0, 5.4, 11.0),
    (8.0, 4.8, 10.0),
];
/// Room between the box's edge and its text.
const NOTE_PAD: f64 = 6.0;
/// The widest a note's box gets.
const NOTE_MAX_WIDTH: f64 = 240.0;

/// The author's note as a callout on the spend chart: a box of wrapped lines inside the plot,
/// near the top, beside the point it is about (the top of the stack in its year), and a
/// leader from the box to that point. Inside the plot, it never reaches the axes' labels or
/// the end labels (right of the plot), nor leaves the chart, down to the narrowest frame.
#[derive(Clone, Debug, PartialEq)]
pub struct Callout {
    /// The lines, each (but the last) ending with the space the note had there, so the lines
    /// put end to end are the note.
    pub lines: Vec<String>,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub text_x: f64,
    /// The text's size (px), and the baseline of its first line; the next ones are
    /// `line_height` apart.
    pub font_size: f64,
    pub first_baseline: f64,
    pub line_height: f64,
    /// From the box's edge to the point: x1, y1, x2, y2.
    pub leader: [f64; 4],
}

/// The callout of `note` at `year` on `chart`, if the year is on it; below the top row of the
/// plot when `year` is marked, whose year is written there ([`mark_rule`]).
pub fn note_callout(chart: &Chart, year: i32, note: &str, marked: bool) -> Option<Callout> {
    let axes = &chart.axes;
    let plot = axes.plot;
    let top = plot.top + if marked { MARK_LABEL_ROW } else { 0.0 };
    let index = axes.columns.iter().position(|c| c.year == year)?;
    let px = axes.columns.get(index)?.x;
    let py = chart.points.get(index).map_or(plot.bottom, |ys| {
        ys.iter().copied().fold(plot.bottom, f64::min)
    });
    let tall = plot.bottom - top - 4.0;
    // The largest size whose box fits the plot (the smallest otherwise).
    let mut fitted = None;
    for (font, char_width, line) in NOTE_SIZES {
        let room = (plot.right - plot.left - 4.0).max(NOTE_PAD * 2.0 + char_width * 8.0);
        let max_width = room.min(NOTE_MAX_WIDTH);
        let wrapped = wrap(note, max_width - 2.0 * NOTE_PAD, char_width);
        let lines = with_spaces(note, wrapped);
        let longest = lines.iter().map(|l| l.trim_end().chars().count()).max()?;
        let width = (longest as f64 * char_width + 2.0 * NOTE_PAD).min(max_width);
        let height = lines.len() as f64 * line + 2.0 * NOTE_PAD - (line - font);
        fitted = Some((lines, width, height, font, line));
        if height <= tall {
            break;
        }
    }
    let (lines, width, height, font, line) = fitted?;
    // Beside the point, on the side with more room; always inside the plot.
    let gap = 10.0;
    let wanted = if px > (plot.left + plot.right) / 2.0 {
        px - gap - width
    } else {
        px + gap
    };
    let x = crate::clamp(
        wanted,
        plot.left + 2.0,
        (plot.right - width - 2.0).max(plot.left + 2.0),
    );
    let mut y = top + 2.0;
    // A box that would sit on its own point goes below the point when there is room.
    let covers = px >= x && px <= x + width && py >= y && py <= y + height;
    if covers && py + gap + height <= plot.bottom - 2.0 {
        y = py + gap;
    }
    let leader = [
        crate::clamp(px, x, x + width),
        crate::clamp(py, y, y + height),
        px,
        py,
    ];
    Some(Callout {
        lines,
        x,
        y,
        width,
        height,
        text_x: x + NOTE_PAD,
        font_size: font,
        first_baseline: y + NOTE_PAD + font - 2.0,
        line_height: line,
        leader,
    })
}

/// `lines` (from [`wrap`] of `text`) each followed by the space `text` had where it was cut.
fn with_spaces(text: &str, lines: Vec<String>) -> Vec<String> {
    let mut rest = text;
    lines
        .into_iter()
        .map(|line| {
            rest = rest.strip_prefix(line.as_str()).unwrap_or(rest);
            match rest.strip_prefix(' ') {
                Some(after) => {
                    rest = after;
                    line + " "
                }
                None => line,
            }
        })
        .collect()
}

/// `words` in lines of at most `width` pixels at `char_width` a character; a word longer than
/// a line (a long scenario's query) is broken where it must be, at an `&` if it has one.
pub fn wrap(words: &str, width: f64, char_width: f64) -> Vec<String> {
    let most = ((width / char_width).floor() as usize).max(8);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in words.split(' ') {
        let mut word = word.to_string();
        loop {
            let used = line.chars().count();
            let room = if used == 0 {
                most
            } else {
                most.saturating_sub(used + 1)
            };
            let length = word.chars().count();
            if length <= room {
                if used > 0 {
                    line.push(' ');
                }
                line += &word;
                break;
            }
            if used > 0 && (length <= most || room == 0) {
                lines.push(std::mem::take(&mut line));
                continue;
            }
            // Longer than a whole line: break it, after the last `&` that fits if any.
            let fits: String = word.chars().take(room.max(1)).collect();
            let cut = fits.rfind('&').map_or(fits.len(), |at| at + 1);
            let cut = if cut == 0 { fits.len() } else { cut };
            let (head, tail) = word.split_at(cut);
            if used > 0 {
                line.push(' ');
            }
            line += head;
            lines.push(std::mem::take(&mut line));
            word = tail.to_string();
            if word.is_empty() {
                break;
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::NOTE_LIMIT;
    use crate::chart::*;
    use crate::model::project;
    use crate::scenario::Scenario;

    /// True when two rectangles (left, top, right, bottom) overlap.
    fn overlap(a: [f64; 4], b: [f64; 4]) -> bool {
        a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
    }

    #[test]
    fn a_note_stays_inside_the_plot_clear_of_the_end_labels_at_every_width() {
        let notes = [
            "Stargate passes Azure".to_string(),
            "In 2028 Stargate passes Azure, and by 2030 it carries three-quarters of the bill, \
             as the report expects; Microsoft keeps the first right."
                .to_string(),
            "x".repeat(NOTE_LIMIT),
            "wide ".repeat(28).trim().to_string(),
        ];
        for last in [2030.0, 2035.0] {
            let mut scenario = Scenario::REPORT;
            scenario.last_year = last;
            let p = project(&scenario);
            for width in [100.0, 240.0, 280.0, 320.0, 390.0, 520.0, 700.0, 1200.0] {
                for frame in [Frame::for_width(width), Frame::compact_for_width(width)] {
                    let chart = spend_chart(&p, frame);
                    let plot = chart.axes.plot;
                    for year in 2024..=last as i32 {
                        for note in &notes {
                            let Some(c) = note_callout(&chart, year, note, year % 2 == 0) else {
                                panic!("a callout at {year}");
                            };
                            let at = format!("{width} px, {year}, {note:.20}");
                            assert!(
                                c.x >= plot.left && c.x + c.width <= plot.right + 0.01,
                                "{at}: {c:?}"
                            );
                            assert!(
                                c.y >= plot.top && c.y + c.height <= plot.bottom,
                                "{at}: {c:?}"
                            );
                            assert!(c.x >= 0.0 && c.x + c.width <= frame.width, "{at}");
                            // The text fits its box at the estimated character width.
                            let char_width = NOTE_SIZES
                                .iter()
                                .find(|size| size.0 == c.font_size)
                                .map_or(0.0, |size| size.1);
                            for line in &c.lines {
                                let used = line.trim_end().chars().count() as f64 * char_width;
                                assert!(used <= c.width - 2.0 * NOTE_PAD + 0.01, "{at}: {line}");
                            }
                            assert_eq!(c.lines.concat(), *note, "{at}: the lines are the note");
                            for label in &chart.end_labels {
                                let end = [
                                    label.x,
                                    label.y - 12.0,
                                    label.x + label.text.chars().count() as f64 * LABEL_CHAR_WIDTH,
                                    label.y + 3.0,
                                ];
                                assert!(
                                    !overlap([c.x, c.y, c.x + c.width, c.y + c.height], end),
                                    "{at}"
                                );
                            }
                            let [x1, y1, x2, y2] = c.leader;
                            assert!(
                                x1 >= c.x
                                    && x1 <= c.x + c.width
                                    && y1 >= c.y
                                    && y1 <= c.y + c.height
                            );
                            assert!(
                                x2 >= plot.left
                                    && x2 <= plot.right
                                    && y2 >= plot.top
                                    && y2 <= plot.bottom
                            );
                        }
                    }
                    assert!(note_callout(&chart, 2050, "x", false).is_none());
                }
            }
        }
    }

    #[test]
    fn a_marked_year_is_a_rule_across_the_plot_with_its_year() {
        let p = project(&Scenario::REPORT);
        let chart = spend_chart(&p, Frame::for_width(700.0));
        let rule = mark_rule(&chart, 2028).unwrap_or_else(|| panic!("2028 is on the chart"));
        let column = chart
            .axes
            .columns
            .iter()
            .find(|c| c.year == 2028)
            .map(|c| c.x);
        assert_eq!(Some(rule.x), column);
        assert_eq!(
            (rule.top, rule.bottom),
            (chart.axes.plot.top, chart.axes.plot.bottom)
        );
        assert_eq!(rule.label, "2028");
        assert_eq!(rule.dots, chart.points[4]);
        // In the right half, the year is written to the left of the rule.
        let last = mark_rule(&chart, 2030).unwrap_or_else(|| panic!("2030 is on the chart"));
        assert!(last.label_x + 4.0 * LABEL_CHAR_WIDTH < last.x);
        assert!(mark_rule(&chart, 2024).is_some_and(|r| r.label_x > r.x));
        assert!(mark_rule(&chart, 2031).is_none());
    }
}
