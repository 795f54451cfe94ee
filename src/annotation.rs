//! The author's annotation of a scenario: a marked year and a note on the chart (`mark=2028`,
//! `note=In 2028 Stargate passes Azure`). Links, saved files and host messages read them by
//! the same rules (`keys.rs`); links, files, the host's state and the exported charts carry
//! them. The note is the author's words: never translated, never markup (it reaches the page
//! and the images as text), at most [`NOTE_LIMIT`] characters, with no control characters and
//! no bidi overrides (which could make it read backwards, or hide what follows it).

use crate::model::FIRST_YEAR;

/// The most characters a note keeps; a longer one is cut at a word and ends with "…".
pub const NOTE_LIMIT: usize = 140;

/// A marked year (drawn on both charts, its row marked in the table) and a note (a callout on
/// the spend chart at the marked year, or at the last year without one).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Annotation {
    pub mark: Option<i32>,
    pub note: Option<String>,
}

impl Annotation {
    /// The marked year, if it is among the years shown (2024 to `last_year`): a mark beyond
    /// them (the reader shortened the years) is neither drawn nor written into links.
    pub fn mark_shown(&self, last_year: i32) -> Option<i32> {
        self.mark
            .filter(|year| (FIRST_YEAR..=last_year).contains(year))
    }

    /// The year the note points at: the marked year shown, else the last year.
    pub fn note_year(&self, last_year: i32) -> i32 {
        self.mark_shown(last_year).unwrap_or(last_year)
    }

    /// The annotation as it applies to the years shown (what links and files write).
    pub fn shown(&self, last_year: i32) -> Annotation {
        Annotation {
            mark: self.mark_shown(last_year),
            note: self.note.clone(),
        }
    }
}

/// The year a number marks: rounded to a whole year (halves up) and brought into 2024 to
/// `last_year`; a NaN marks the last year.
pub fn mark_year(number: f64, last_year: i32) -> i32 {
    let last = last_year.max(FIRST_YEAR);
    let rounded = (number + 0.5).floor();
    if rounded.is_nan() {
        last
    } else {
        crate::clamp(rounded, f64::from(FIRST_YEAR), f64::from(last)) as i32
    }
}

/// A note as the page keeps it: control characters and bidi overrides gone (a line break or a
/// tab becomes a space), runs of spaces one, no space at either end; `None` when nothing is
/// left. Longer than [`NOTE_LIMIT`]: cut at the last word that fits, with "…", and the length
/// it had (for the note that says so).
pub fn read_note(given: &str) -> (Option<String>, Option<usize>) {
    let mut text = String::new();
    let mut space = false;
    for c in given.chars() {
        if c.is_whitespace() {
            space = !text.is_empty();
        } else if !c.is_control() && !is_bidi_control(c) {
            if space {
                text.push(' ');
                space = false;
            }
            text.push(c);
        }
    }
    let length = text.chars().count();
    if length == 0 {
        return (None, None);
    }
    if length <= NOTE_LIMIT {
        return (Some(text), None);
    }
    (Some(cut_at_word(&text)), Some(length))
}

/// The first [`NOTE_LIMIT`] − 1 characters, back to the end of the last whole word (when there
/// is one), and "…".
fn cut_at_word(text: &str) -> String {
    let keep = NOTE_LIMIT - 1;
    let end = text
        .char_indices()
        .nth(keep)
        .map_or(text.len(), |(index, _)| index);
    let head = text.get(..end).unwrap_or(text);
    // Cut at a space when the cut falls inside a word; keep a word that ends right at the cut.
    let whole = text.get(end..).is_some_and(|rest| rest.starts_with(' '));
    let head = match head.rfind(' ') {
        Some(space) if !whole && space > 0 => head.get(..space).unwrap_or(head),
        _ => head,
    };
    head.trim_end_matches([' ', ',', ';', ':', '-', '—', '–'])
        .to_string()
        + "…"
}

/// The characters that override or isolate text direction: U+202A–U+202E and U+2066–U+2069.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mark_is_a_year_among_those_shown() {
        assert_eq!(mark_year(2028.0, 2030), 2028);
        assert_eq!(mark_year(2040.0, 2030), 2030);
        assert_eq!(mark_year(1999.0, 2035), 2024);
        assert_eq!(mark_year(2040.0, 2035), 2035);
        assert_eq!(mark_year(2028.5, 2030), 2029);
        assert_eq!(mark_year(2028.49, 2030), 2028);
        assert_eq!(mark_year(f64::INFINITY, 2030), 2030);
        assert_eq!(mark_year(f64::NEG_INFINITY, 2030), 2024);
        assert_eq!(mark_year(f64::NAN, 2032), 2032);
        // A last year before the first is read as the first.
        assert_eq!(mark_year(2028.0, 2000), 2024);
    }

    #[test]
    fn a_mark_beyond_the_years_shown_is_not_shown() {
        let annotation = Annotation {
            mark: Some(2033),
            note: None,
        };
        assert_eq!(annotation.mark_shown(2035), Some(2033));
        assert_eq!(annotation.mark_shown(2030), None);
        assert_eq!(annotation.note_year(2030), 2030);
        assert_eq!(annotation.note_year(2035), 2033);
        assert_eq!(annotation.shown(2030), Annotation::default());
    }

    #[test]
    fn a_note_is_plain_text_without_controls_or_bidi_overrides() {
        assert_eq!(
            read_note("In 2028 Stargate passes Azure").0.as_deref(),
            Some("In 2028 Stargate passes Azure")
        );
        assert_eq!(
            read_note("  two\n\nlines\tand\r\ntabs  ").0.as_deref(),
            Some("two lines and tabs")
        );
        assert_eq!(
            read_note("a\u{202e}evil\u{2066}x\u{2069}\u{202a}b\u{0}\u{7}\u{1b}[31m")
                .0
                .as_deref(),
            Some("aevilxb[31m")
        );
        // Markup stays the author's text; the page never reads it as markup.
        assert_eq!(
            read_note("<img src=x onerror=alert(1)>").0.as_deref(),
            Some("<img src=x onerror=alert(1)>")
        );
        for empty in ["", "   ", "\n\t", "\u{202e}\u{2066}"] {
            assert_eq!(read_note(empty), (None, None), "{empty:?}");
        }
        // Other scripts and emoji are kept as they are.
        assert_eq!(
            read_note("2028 年 😀 مرحبا").0.as_deref(),
            Some("2028 年 😀 مرحبا")
        );
    }

    #[test]
    fn a_long_note_is_cut_at_a_word_with_an_ellipsis() {
        let exact = "x".repeat(NOTE_LIMIT);
        assert_eq!(read_note(&exact), (Some(exact.clone()), None));
        let words = "Stargate passes Azure ".repeat(10);
        let (note, cut) = read_note(&words);
        let note = note.unwrap_or_default();
        assert!(note.chars().count() <= NOTE_LIMIT, "{note}");
        assert!(
            note.ends_with("Azure…") || note.ends_with("passes…") || note.ends_with("Stargate…"),
            "{note}"
        );
        assert!(words.starts_with(note.trim_end_matches('…')));
        assert_eq!(cut, Some(219));
        // One long word is cut inside it; 10,000 characters come back as 140.
        let long = read_note(&"y".repeat(10_000)).0.unwrap_or_default();
        assert_eq!(long.chars().count(), NOTE_LIMIT);
        assert!(long.ends_with("y…"));
        // Multi-byte characters are counted as characters, never split.
        let wide = read_note(&"é".repeat(300)).0.unwrap_or_default();
        assert_eq!(wide.chars().count(), NOTE_LIMIT);
        // A word that ends right at the cut is kept whole.
        let fits = "a".repeat(NOTE_LIMIT - 1) + " more words";
        assert_eq!(read_note(&fits).0, Some("a".repeat(NOTE_LIMIT - 1) + "…"));
    }
}
