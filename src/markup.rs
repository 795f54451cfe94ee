//! Text made safe to write inside HTML and SVG: the one escaper of every page, snippet and
//! image the calculator writes as text.

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

    #[test]
    fn escape_makes_text_safe_in_an_element_and_a_quoted_attribute() {
        assert_eq!(
            escape("a < b & \"c\" > d's"),
            "a &lt; b &amp; &quot;c&quot; &gt; d's"
        );
        assert_eq!(escape("\"><script>"), "&quot;&gt;&lt;script&gt;");
    }
}
