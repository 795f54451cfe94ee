//! The calculator's releases: this build's version (Cargo's), where a release is published
//! pinned (`v/X.Y.Z/`, beside the live calculator at the site's root), and the list of every
//! release a site keeps (`versions.json`, which the publisher writes from CHANGELOG.md), read
//! by a pinned page to say, quietly, that a newer release exists. A version is `X.Y.Z`,
//! compared number by number.

use serde::{Deserialize, Serialize};

use crate::value::{Document, Value};

/// This build's version, from Cargo.toml.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The file at a site's root that lists every release it keeps.
pub const VERSIONS_FILE: &str = "versions.json";

/// The page at a site's root that says what changed in each release (CHANGELOG.md's).
pub const CHANGELOG_FILE: &str = "changelog.html";

/// Where a release is published pinned, under the site's root: `v/1.0.0/`.
pub fn pinned_path(version: &str) -> String {
    "v/".to_string() + version + "/"
}

/// The anchor of a release's entry on the changelog page: `v1.0.0`.
pub fn changelog_anchor(version: &str) -> String {
    "v".to_string() + version
}

/// One release, as `versions.json` lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Release {
    /// `X.Y.Z`.
    pub version: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Whether a reader's numbers changed with this release (its changelog entry says how).
    pub numbers_changed: bool,
}

/// What `versions.json` holds: the newest release and its date, on top for a pinned page to
/// read without walking the list (`read_latest`), and every release, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Releases {
    pub latest: String,
    pub latest_date: String,
    pub releases: Vec<Release>,
}

/// The newest release, as a pinned page reads it from `versions.json`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Latest {
    pub version: String,
    pub date: String,
}

/// A version's three numbers, or `None` when it is not `X.Y.Z` (digits only, no more than 9
/// each).
pub fn version_numbers(version: &str) -> Option<[u32; 3]> {
    let mut numbers = [0u32; 3];
    let mut parts = version.split('.');
    for number in numbers.iter_mut() {
        let part = parts.next()?;
        if part.is_empty() || part.len() > 9 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        *number = part.bytes().fold(0, |n, b| n * 10 + u32::from(b - b'0'));
    }
    parts.next().is_none().then_some(numbers)
}

/// Reads the newest release from `versions.json`'s text (its `latest` and `latest_date`, by the
/// reader files and messages use, `value.rs`): `None` for anything else (the page then says
/// nothing).
pub fn read_latest(json: &str) -> Option<Latest> {
    let Ok(Document::Object(pairs)) = serde_json::from_str::<Document>(json) else {
        return None;
    };
    let text = |key: &str| {
        pairs.iter().find_map(|(k, value)| match value {
            Value::Text(text) if k == key => Some(text.clone()),
            _ => None,
        })
    };
    let version = text("latest").filter(|v| version_numbers(v).is_some())?;
    Some(Latest {
        version,
        date: text("latest_date")?,
    })
}

/// What a page knows of the releases: the newest its site has (`latest`, the host API's) and
/// the one its note names (`newer`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageReleases {
    /// The newest release: this one on the live calculator, which follows updates; on a pinned
    /// one, the newest `versions.json` names, `None` when it could not be read.
    pub latest: Option<String>,
    /// The newest release when it is newer than this pinned one.
    pub newer: Option<Latest>,
}

impl PageReleases {
    /// For a page that is pinned or not, with `versions.json`'s text if it arrived.
    pub fn of(pinned: bool, versions_json: Option<&str>) -> PageReleases {
        if !pinned {
            return PageReleases {
                latest: Some(VERSION.to_string()),
                newer: None,
            };
        }
        let Some(latest) = versions_json.and_then(read_latest) else {
            return PageReleases::default();
        };
        PageReleases {
            latest: Some(latest.version.clone()),
            newer: (version_numbers(&latest.version) > version_numbers(VERSION)).then_some(latest),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_three_numbers_compared_as_numbers() {
        assert_eq!(version_numbers("1.0.0"), Some([1, 0, 0]));
        assert_eq!(version_numbers("1.10.2"), Some([1, 10, 2]));
        for bad in [
            "", "1", "1.0", "1.0.0.0", "v1.0.0", "1.0.x", "1..0", " 1.0.0", "1.0.-1",
        ] {
            assert_eq!(version_numbers(bad), None, "{bad:?}");
        }
        assert!(version_numbers("1.10.0") > version_numbers("1.9.9"));
        assert_eq!(
            version_numbers(VERSION).map(|_| ()),
            Some(()),
            "Cargo's version"
        );
    }

    #[test]
    fn only_a_list_with_its_newest_release_on_top_is_read() {
        let json = r#"{"latest":"1.0.1","latest_date":"2026-12-08","releases":[{"version":"1.0.1","date":"2026-12-08","numbers_changed":true}]}"#;
        assert_eq!(
            read_latest(json),
            Some(Latest {
                version: "1.0.1".into(),
                date: "2026-12-08".into()
            })
        );
        for bad in [
            "",
            "[]",
            "{}",
            "null",
            "<html>",
            r#"{"latest":1,"latest_date":"2026-12-08"}"#,
            r#"{"latest":"v1","latest_date":"2026-12-08"}"#,
            r#"{"latest":"1.0.1"}"#,
        ] {
            assert_eq!(read_latest(bad), None, "{bad}");
        }
        assert_eq!(pinned_path("1.0.0"), "v/1.0.0/");
        assert_eq!(changelog_anchor("1.0.0"), "v1.0.0");
    }

    #[test]
    fn a_pinned_page_names_a_newer_release_only_from_the_list() {
        let live = PageReleases::of(false, Some("nonsense"));
        assert_eq!((live.latest.as_deref(), live.newer), (Some(VERSION), None));
        assert_eq!(PageReleases::of(true, None), PageReleases::default());
        assert_eq!(
            PageReleases::of(true, Some("<html>")),
            PageReleases::default()
        );
        let [major, minor, patch] = version_numbers(VERSION).unwrap_or_default();
        let list = |latest: &str| {
            format!(r#"{{"latest":"{latest}","latest_date":"2027-01-02","releases":[]}}"#)
        };
        let next = format!("{major}.{minor}.{}", patch + 1);
        let pinned = PageReleases::of(true, Some(&list(&next)));
        assert_eq!(pinned.latest.as_deref(), Some(next.as_str()));
        assert_eq!(
            pinned.newer.map(|r| (r.version, r.date)),
            Some((next, "2027-01-02".to_string()))
        );
        // The newest is this one, or (a site rolled back) an older one: no note.
        for latest in [VERSION.to_string(), "0.0.1".into()] {
            let pinned = PageReleases::of(true, Some(&list(&latest)));
            assert_eq!(
                (pinned.latest.as_deref(), pinned.newer),
                (Some(latest.as_str()), None)
            );
        }
        // Ten is more than nine.
        let ten = format!("{major}.{}.0", minor + 10);
        assert!(PageReleases::of(true, Some(&list(&ten))).newer.is_some());
    }
}
