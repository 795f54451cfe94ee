//! The embedded page's side of its frame: the height messages it posts to the page around it
//! (and WordPress's, with the secret WordPress gives it), the frame's title, and the height a
//! frame starts at. The snippets a post pastes are the site's (`site.rs`).

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
