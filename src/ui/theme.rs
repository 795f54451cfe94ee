//! Light, dark or the reader's system setting (`theme=`). The stylesheet does the work with
//! `color-scheme` and `light-dark()`; the page keeps `<html data-theme>` equal to the theme
//! (see `start`) and this picker offers the choice on the full page.

use stargate_calc::query::Theme;

use super::controls::flag;
use super::markup::{Markup, Target};
use super::state::THEME;

pub fn theme_picker(h: &mut Markup) {
    h.raw("<fieldset class=\"theme-picker\"><legend>Theme</legend>");
    for (i, theme) in Theme::ALL.into_iter().enumerate() {
        h.raw("<label>");
        h.open("input type=\"radio\" name=\"theme\"");
        h.attr("value", theme.key());
        h.bind(Target::Checked, THEME, i as u32, |p, i| {
            flag(Theme::ALL.get(i as usize) == Some(&p.theme))
        });
        h.raw(">");
        h.text(theme.label());
        h.raw("</label>");
    }
    h.raw("</fieldset>");
}
