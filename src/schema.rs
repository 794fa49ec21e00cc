//! `treatise schema KIND`: the JSON Schema (draft 2020-12) of a kind's
//! front matter, for editors' tools to validate and complete.
//!
//! 1. Generate it (schemars) from the raw types in [`crate::raw`] that the
//!    parser uses, so it describes exactly what `build` accepts: strict
//!    fields (`additionalProperties: false`), descriptions from doc comments.
//!    Fields that `build` checks further are described by schema-only types
//!    ([`Slug`], [`HttpUrl`], [`CountryCode`]). TOML has no null, so the
//!    `null` schemars allows for optional fields is taken out.
//! 2. Title it after the kind, and add the rules `check` enforces beyond
//!    `build` to its description.

use std::borrow::Cow;

use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::Value;

use crate::countries::COUNTRIES;
use crate::date::PartialDate;
use crate::kind::Kind;
use crate::raw::{CaseFrontMatter, OrganisationFrontMatter, PlainFrontMatter, TreatyFrontMatter};

/// The schema of `kind`'s front matter, as JSON.
pub fn for_kind(kind: Kind) -> Value {
    let generator = SchemaSettings::draft2020_12().with_transform(RecursiveTransform(drop_null)).into_generator();
    let mut schema = match kind {
        Kind::Treaty => generator.into_root_schema_for::<TreatyFrontMatter>(),
        Kind::Organisation => generator.into_root_schema_for::<OrganisationFrontMatter>(),
        Kind::Case => generator.into_root_schema_for::<CaseFrontMatter>(),
        Kind::Principle | Kind::Topic | Kind::Page => generator.into_root_schema_for::<PlainFrontMatter>(),
    };
    let described = schema.get("description").and_then(Value::as_str).unwrap_or_default().to_string();
    schema.insert("title".into(), format!("treatise front matter: {}", kind.name()).into());
    schema.insert("description".into(), format!("{described}\n\n{}", check_rules(kind)).into());
    schema.to_value()
}

/// What `treatise check` requires of the kind, beyond this schema.
fn check_rules(kind: Kind) -> String {
    let mut rules = vec!["`updated` is given and not older than [check] stale_after_days (warnings)"];
    if matches!(kind, Kind::Treaty | Kind::Case) {
        rules.insert(0, "at least one [[sources]] entry, each with `url` and `accessed`");
    }
    if kind == Kind::Treaty {
        rules.insert(1, "[parties] and [signatories] with `as_of` and `source`; `status` with `status_as_of`");
    }
    rules.push("no `TODO` placeholder left");
    format!("`treatise check` also requires: {}.", rules.join("; "))
}

/// Optional fields are left out in TOML, never null.
fn drop_null(schema: &mut Schema) {
    let Some(obj) = schema.as_object_mut() else { return };
    if let Some(Value::Array(types)) = obj.get_mut("type") {
        types.retain(|t| t != "null");
        if types.len() == 1 {
            let only = types.remove(0);
            obj.insert("type".into(), only);
        }
    }
    if let Some(Value::Array(values)) = obj.get_mut("enum") {
        values.retain(|v| !v.is_null());
    }
    let is_null = |v: &Value| v.get("type").is_some_and(|t| t == "null");
    if let Some(Value::Array(any)) = obj.get_mut("anyOf") {
        any.retain(|v| !is_null(v));
        if let [Value::Object(only)] = any.as_slice() {
            let only = only.clone();
            obj.remove("anyOf");
            obj.extend(only);
        }
    }
}

/// A page's slug, as a tag or relation names it: `[a-z0-9-]+`.
pub struct Slug;

impl JsonSchema for Slug {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "Slug".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "pattern": "^[a-z0-9-]+$" })
    }
}

/// An absolute http(s) address, without spaces.
pub struct HttpUrl;

impl JsonSchema for HttpUrl {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "HttpUrl".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "pattern": "^https?://\\S+$" })
    }
}

/// An assigned ISO 3166-1 alpha-2 code.
pub struct CountryCode;

impl JsonSchema for CountryCode {
    fn schema_name() -> Cow<'static, str> {
        "CountryCode".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let codes: Vec<&str> = COUNTRIES.iter().map(|(code, _)| *code).collect();
        json_schema!({
            "description": "An ISO 3166-1 alpha-2 country code: \"NL\", \"GB\" (not \"UK\"), \"US\"",
            "type": "string",
            "enum": codes,
        })
    }
}

/// A date as TOML writes it (read as a string by tools), or "YYYY-MM" / "YYYY".
impl JsonSchema for PartialDate {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "PartialDate".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$",
            "description": "A date: 2024-10-09 (a TOML date, no quotes), or \"2024-10\" / \"2024\" when only the month or year is known",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn treaty_schema_is_strict_and_described() {
        let s = for_kind(Kind::Treaty);
        assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
        assert_eq!(s["additionalProperties"], false);
        let required: Vec<&str> = s["required"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
        assert_eq!(required, ["title", "summary", "instrument", "binding"]);
        assert_eq!(s["properties"]["updated"]["pattern"], s["properties"]["adopted"]["pattern"]);
        assert_eq!(s["properties"]["treaties"]["items"]["type"], "string");
        assert!(s["properties"]["summary"]["description"].as_str().unwrap().contains("One or two sentences"));
        assert!(s["description"].as_str().unwrap().contains("`status` with `status_as_of`"));
        assert!(!s.to_string().contains("null"), "TOML has no null");
    }

    #[test]
    fn plain_kinds_share_the_common_fields_only() {
        let s = for_kind(Kind::Topic);
        let mut keys: Vec<&String> = s["properties"].as_object().unwrap().keys().collect();
        keys.sort();
        let expected =
            ["draft", "organisations", "principles", "slug", "sources", "summary", "title", "treaties", "updated"];
        assert_eq!(keys, expected);
        assert!(!s["description"].as_str().unwrap().contains("[[sources]]"));
    }
}
