//! The embed code a blogger pastes: the iframe for a scenario and the host-page script that
//! sizes it from the height messages the embedded page posts. Plain strings, tested here.

use crate::words::{t, Text};

/// `type` of the message an embedded page posts to its parent: `{type, height}`.
pub const HEIGHT_MESSAGE: &str = "stargate-calc:height";

/// Height the iframe gets before (or without) the auto-height script: the compact calculator
/// at a typical blog column width.
pub const IFRAME_HEIGHT: u32 = 720;
/// The same for the chart view (`view=chart`): its sentence and chart at a blog column's width.
pub const CHART_VIEW_HEIGHT: u32 = 380;

/// The secret WordPress gives a frame it embeds from an oEmbed discovery: the address ends
/// in `#?secret=AbC123` (letters and digits, as WordPress's `wp-embed.js` checks). `None`
/// when the fragment has none, or one WordPress would not accept.
pub fn wordpress_secret(fragment: &str) -> Option<&str> {
    let secret = fragment.strip_prefix('#').unwrap_or(fragment);
    let secret = secret.strip_prefix("?secret=")?;
    let secret = secret.split('&').next().unwrap_or_default();
    (!secret.is_empty() && secret.len() <= 64 && secret.bytes().all(|b| b.is_ascii_alphanumeric()))
        .then_some(secret)
}

/// The iframe's accessible title, in the page's language, which the embedded page also shows
/// screen readers as its (visually hidden) heading.
pub fn iframe_title() -> &'static str {
    t(Text::EmbedIframeTitle)
}

/// The `<iframe>` for the embed at `src` (an absolute URL with `embed=1` or `view=chart` in its
/// query), `height` pixels tall until the host sizes it. It may write to the clipboard ("Copy
/// link"); browsers deny that to frames by default.
pub fn iframe_snippet(src: &str, height: u32) -> String {
    "<iframe src=\"".to_string()
        + &attribute(src)
        + "\" title=\""
        + &attribute(iframe_title())
        + "\" width=\"100%\" height=\""
        + &height.to_string()
        + "\" loading=\"lazy\" allow=\"clipboard-write\" style=\"border:0\"></iframe>"
}

/// The host-page script that sets each of our iframes' height from its messages. Only
/// messages from the origin of `page` are taken (a `file://` page has none to check).
pub fn host_snippet(page: &str) -> String {
    let origin = origin_of(page);
    let check = if origin.is_empty() {
        String::new()
    } else {
        " || e.origin !== \"".to_string() + &origin + "\""
    };
    "<script>\naddEventListener(\"message\", function (e) {\n  if (!e.data || e.data.type !== \""
        .to_string()
        + HEIGHT_MESSAGE
        + "\""
        + &check
        + ") return;\n  document.querySelectorAll(\"iframe\").forEach(function (f) {\n    if (f.contentWindow === e.source) f.style.height = e.data.height + \"px\";\n  });\n});\n</script>"
}

/// `scheme://host[:port]` of an absolute http(s) URL, else empty.
fn origin_of(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return String::new();
    };
    if scheme != "http" && scheme != "https" {
        return String::new();
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    scheme.to_string() + "://" + host
}

/// Text safe inside a double-quoted HTML attribute.
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_iframe_has_what_a_blog_needs() {
        let snippet = iframe_snippet("https://example.org/calc/?sg=60&embed=1", IFRAME_HEIGHT);
        assert_eq!(
            snippet,
            "<iframe src=\"https://example.org/calc/?sg=60&amp;embed=1\" title=\"From Azure to Stargate: OpenAI\u{2019}s compute-spend calculator\" width=\"100%\" height=\"720\" loading=\"lazy\" allow=\"clipboard-write\" style=\"border:0\"></iframe>"
        );
        assert!(!iframe_snippet("x\"><script>", IFRAME_HEIGHT).contains("\"><script>"));
        assert!(iframe_snippet("https://example.org/calc/?view=chart", CHART_VIEW_HEIGHT)
            .contains("?view=chart\" title=\"From Azure to Stargate: OpenAI\u{2019}s compute-spend calculator\" width=\"100%\" height=\"380\""));
    }

    #[test]
    fn a_wordpress_secret_is_read_from_the_fragment_as_wp_embed_checks_it() {
        assert_eq!(wordpress_secret("#?secret=a1B2c3D4e5"), Some("a1B2c3D4e5"));
        assert_eq!(wordpress_secret("?secret=xyz"), Some("xyz"));
        for bad in [
            "",
            "#",
            "#?secret=",
            "#?secret=a-b",
            "#?secret=<x>",
            "#secret=abc",
            "#?other=abc",
        ] {
            assert_eq!(wordpress_secret(bad), None, "{bad}");
        }
        assert_eq!(
            wordpress_secret(&("#?secret=".to_string() + &"a".repeat(65))),
            None
        );
    }

    #[test]
    fn the_host_script_checks_the_origin_where_there_is_one() {
        let script = host_snippet("http://127.0.0.1:8080/calc/");
        assert!(script.contains("e.origin !== \"http://127.0.0.1:8080\""));
        assert!(script.contains("\"stargate-calc:height\""));
        assert!(script.starts_with("<script>") && script.ends_with("</script>"));
        assert!(!host_snippet("file:///home/me/calc.html").contains("e.origin"));
        assert_eq!(origin_of("https://a.example?x=1"), "https://a.example");
        assert_eq!(origin_of("not a url"), "");
    }
}
