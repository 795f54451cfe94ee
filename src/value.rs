//! A value as a link, a saved file or a host's message gives it, typed: a link's values are all
//! text; a JSON document's may be a number, a text, `true`/`false`, `null`, a list or an
//! object. Read with serde; put into words only when the page shows them (`notes.rs`).

use std::fmt;

use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

/// One value of a pair, as far as reading a scenario cares: what is inside a list or an object
/// is never a setting, so it is skipped unread.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Number(f64),
    Text(String),
    Bool(bool),
    Null,
    List,
    Object,
}

/// A JSON document: an object's pairs in the order written (so a repeated key is seen, which a
/// map would hide), or the one value it holds instead.
#[derive(Clone, Debug, PartialEq)]
pub enum Document {
    Object(Vec<(String, Value)>),
    Other(Value),
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(
            match deserializer.deserialize_any(Reading { pairs: false })? {
                Document::Object(_) => Value::Object,
                Document::Other(value) => value,
            },
        )
    }
}

impl<'de> Deserialize<'de> for Document {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(Reading { pairs: true })
    }
}

/// One visitor for a document and for each of its values: an object's pairs are read at the
/// top (`pairs`), and skipped inside, unread, with lists (serde_json skips nested values
/// without recursing).
struct Reading {
    pairs: bool,
}

impl<'de> Visitor<'de> for Reading {
    type Value = Document;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Document, E> {
        Ok(Document::Other(Value::Bool(value)))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Document, E> {
        Ok(Document::Other(Value::Number(value as f64)))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Document, E> {
        Ok(Document::Other(Value::Number(value as f64)))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Document, E> {
        Ok(Document::Other(Value::Number(value)))
    }

    fn visit_str<E>(self, value: &str) -> Result<Document, E> {
        Ok(Document::Other(Value::Text(value.to_string())))
    }

    fn visit_unit<E>(self) -> Result<Document, E> {
        Ok(Document::Other(Value::Null))
    }

    fn visit_none<E>(self) -> Result<Document, E> {
        Ok(Document::Other(Value::Null))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Document, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Document::Other(Value::List))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Document, A::Error> {
        let mut pairs = Vec::new();
        if self.pairs {
            while let Some(pair) = map.next_entry::<String, Value>()? {
                pairs.push(pair);
            }
        } else {
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        }
        Ok(Document::Object(pairs))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(json: &str) -> Option<Document> {
        serde_json::from_str(json).ok()
    }

    #[test]
    fn a_document_keeps_its_pairs_in_order_with_their_kinds() {
        assert_eq!(
            document(r#"{"a": 1, "b": "x", "a": null, "c": [1, [2]], "d": {"e": 1}, "f": true}"#),
            Some(Document::Object(vec![
                ("a".into(), Value::Number(1.0)),
                ("b".into(), Value::Text("x".into())),
                ("a".into(), Value::Null),
                ("c".into(), Value::List),
                ("d".into(), Value::Object),
                ("f".into(), Value::Bool(true)),
            ]))
        );
        assert_eq!(document("[1]"), Some(Document::Other(Value::List)));
        assert_eq!(document("null"), Some(Document::Other(Value::Null)));
        assert_eq!(document("2.5"), Some(Document::Other(Value::Number(2.5))));
        assert_eq!(
            document("\"x\""),
            Some(Document::Other(Value::Text("x".into())))
        );
        assert_eq!(document("{"), None);
    }

    #[test]
    fn deep_nesting_is_skipped_not_recursed() {
        let deep = "{\"a\": ".to_string() + &"[".repeat(100_000) + &"]".repeat(100_000) + "}";
        assert_eq!(
            document(&deep),
            Some(Document::Object(vec![("a".into(), Value::List)]))
        );
    }
}
