//! `treatise schema KIND`: a valid JSON Schema (2020-12) that accepts every
//! page the fixtures and the flagship site hold, and rejects what `build`
//! rejects field by field (unknown fields, bad slugs, URLs, codes, dates).

mod common;

use std::path::Path;

use serde_json::{Value, json};
use treatise::frontmatter;
use treatise::kind::Kind;
use treatise::schema::for_kind;

use common::TestSite;

/// TOML as editors' tools see it in JSON: dates become strings.
fn to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => json!(i),
        toml::Value::Float(f) => json!(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(to_json).collect()),
        toml::Value::Table(t) => Value::Object(t.into_iter().map(|(k, v)| (k, to_json(v))).collect()),
    }
}

/// The front matter of a page's text, as JSON.
fn front_matter(text: &str) -> Value {
    let split = frontmatter::split(Path::new("x.md"), text).expect("front matter");
    to_json(toml::from_str::<toml::Value>(&text[split.toml]).expect("TOML"))
}

/// The problems the kind's schema finds in `instance`.
fn errors(kind: Kind, instance: &Value) -> Vec<String> {
    let validator = jsonschema::validator_for(&for_kind(kind)).expect("schema compiles");
    validator.iter_errors(instance).map(|e| format!("{} at {}", e, e.instance_path())).collect()
}

/// Every page (not `_index.md`) under `content`, with its kind.
fn pages(content: &Path) -> Vec<(Kind, std::path::PathBuf)> {
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(content).sort_by_file_name() {
        let path = entry.unwrap().into_path();
        if path.extension().is_none_or(|e| e != "md") || path.ends_with("_index.md") {
            continue;
        }
        let folder = path.parent().unwrap().strip_prefix(content).unwrap().to_string_lossy().into_owned();
        found.push((Kind::from_folder(&folder).unwrap_or(Kind::Page), path));
    }
    found
}

fn treaty() -> Value {
    front_matter(&common::treaty("", ""))
}

#[test]
fn every_schema_is_valid_2020_12() {
    for kind in Kind::SECTIONS.into_iter().chain([Kind::Page]) {
        let schema = for_kind(kind);
        assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
        jsonschema::meta::validate(&schema).unwrap_or_else(|e| panic!("{kind:?}: {e}"));
        assert_eq!(schema["additionalProperties"], false, "{kind:?}");
    }
}

#[test]
fn fixtures_and_the_flagship_site_validate() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut count = 0;
    for content in ["tests/fixtures/basic/content", "tests/fixtures/checked/content", "content"] {
        for (kind, path) in pages(&root.join(content)) {
            let text = std::fs::read_to_string(&path).unwrap();
            let problems = errors(kind, &front_matter(&text));
            assert!(problems.is_empty(), "{}: {problems:#?}", path.display());
            count += 1;
        }
    }
    assert!(count > 60, "only {count} pages found");
}

#[test]
fn drafts_written_by_new_validate() {
    let today = treatise::date::PartialDate::ymd(2026, 3, 1);
    for kind in Kind::SECTIONS.into_iter().chain([Kind::Page]) {
        let text = treatise::scaffold::template(kind, "A \"quoted\" title", today);
        let problems = errors(kind, &front_matter(&text));
        assert!(problems.is_empty(), "{kind:?}: {problems:#?}");
    }
}

#[test]
fn an_unknown_field_is_rejected() {
    let mut page = treaty();
    page["titel"] = json!("typo");
    let problems = errors(Kind::Treaty, &page);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("titel"), "{problems:?}");
    let mut source = treaty();
    source["sources"] = json!([{ "title": "T", "link": "https://example.org/" }]);
    assert!(errors(Kind::Treaty, &source)[0].contains("link"));
}

#[test]
fn fields_of_another_kind_are_rejected() {
    let mut page = front_matter(&common::page("", ""));
    assert!(errors(Kind::Topic, &page).is_empty());
    page["instrument"] = json!("treaty");
    assert!(!errors(Kind::Topic, &page).is_empty());
}

#[test]
fn required_fields_are_required() {
    let mut page = treaty();
    page.as_object_mut().unwrap().remove("instrument");
    let problems = errors(Kind::Treaty, &page);
    assert!(problems.iter().any(|p| p.contains("\"instrument\" is a required property")), "{problems:?}");
}

#[test]
fn values_build_rejects_are_rejected() {
    let cases = [
        (Kind::Treaty, "treaties", json!(["Budapest Convention"])),
        (Kind::Treaty, "text_url", json!("javascript:alert(1)")),
        (Kind::Treaty, "adopted", json!("2001-13")),
        (Kind::Treaty, "status", json!("in force")),
        (Kind::Treaty, "instrument", json!("pact")),
        (Kind::Treaty, "binding", json!("yes")),
        (Kind::Case, "countries", json!(["UK"])),
        (Kind::Case, "case_type", json!("hack")),
        (Kind::Topic, "slug", json!("../../etc")),
    ];
    for (kind, field, value) in cases {
        let mut page = if kind == Kind::Treaty { treaty() } else { front_matter(&common::page("", "")) };
        assert!(errors(kind, &page).is_empty(), "{kind:?} base page");
        page[field] = value.clone();
        assert!(!errors(kind, &page).is_empty(), "{kind:?} accepts {field} = {value}");
    }
}

#[test]
fn partial_dates_and_counts_are_accepted() {
    let mut page = treaty();
    page["adopted"] = json!("2001");
    page["in_force"] = json!("2004-07");
    page["parties"] = json!({ "count": 76, "as_of": "2024-10-09", "source": "https://example.org/c" });
    assert_eq!(errors(Kind::Treaty, &page), Vec::<String>::new());
    page["parties"]["count"] = json!(-1);
    assert!(!errors(Kind::Treaty, &page).is_empty());
}

#[test]
fn the_command_prints_the_schema() {
    let site = TestSite::new();
    let out = site.cmd(&["schema", "case"]).assert().success().get_output().stdout.clone();
    let printed: Value = serde_json::from_slice(&out).expect("JSON on stdout");
    assert_eq!(printed, for_kind(Kind::Case));
    assert!(printed["description"].as_str().unwrap().contains("`treatise check` also requires"));
}

#[test]
fn an_unknown_kind_is_a_usage_error() {
    let site = TestSite::new();
    site.cmd(&["schema", "treaties"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("possible values: treaty, organisation, principle, case, topic, page"));
}
