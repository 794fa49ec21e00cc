use super::*;
use crate::page::resolve;
use crate::source::SourceFile;

fn entry(key: &str, front: &str) -> Entry {
    let text = format!("+++\ntitle = \"{key}\"\nsummary = \"S\"\n{front}\n+++\nBody\n");
    let file = SourceFile { path: format!("content/{key}").into(), key: key.into(), text: text.into() };
    resolve(&file).unwrap()
}

fn site() -> Vec<Entry> {
    vec![
        entry("treaties/budapest.md", "instrument = \"treaty\"\nbinding = true\ndepositary = \"coe\""),
        entry("treaties/protocol.md", "instrument = \"protocol\"\nbinding = true\nparent = \"budapest\""),
        entry("organisations/coe.md", "treaties = [\"budapest\"]"),
        entry("cases/emotet.md", "treaties = [\"budapest\"]\norganisations = [\"coe\"]"),
    ]
}

#[test]
fn tags_become_backlinks_grouped_by_kind() {
    let (g, problems) = Graph::build(site(), BTreeSet::new(), false);
    assert!(problems.is_empty(), "{problems:?}");
    let budapest = &g.relations["treaties/budapest.md"];
    assert_eq!(budapest.backlinks[&Kind::Case], vec!["cases/emotet.md"]);
    assert_eq!(budapest.backlinks[&Kind::Organisation], vec!["organisations/coe.md"]);
    assert_eq!(g.relations["organisations/coe.md"].backlinks[&Kind::Case], vec!["cases/emotet.md"]);
}

#[test]
fn reverse_relations_are_generated() {
    let (g, _) = Graph::build(site(), BTreeSet::new(), false);
    assert_eq!(g.relations["treaties/budapest.md"].children, vec!["treaties/protocol.md"]);
    assert_eq!(g.relations["organisations/coe.md"].depositary_of, vec!["treaties/budapest.md"]);
}

#[test]
fn unknown_tag_suggests_the_nearest_slug() {
    let mut entries = site();
    entries.push(entry("cases/x.md", "treaties = [\"budapset\"]"));
    let (_, problems) = Graph::build(entries, BTreeSet::new(), false);
    assert_eq!(problems.len(), 1);
    assert!(problems[0].message.contains("`budapset` in `treaties` is not the slug"), "{}", problems[0].message);
    assert_eq!(problems[0].help.as_deref(), Some("did you mean `budapest`?"));
}

#[test]
fn tag_to_a_draft_is_an_error_unless_drafts_are_built() {
    let mut entries = site();
    entries.push(entry("principles/mla.md", "draft = true"));
    entries.push(entry("cases/y.md", "principles = [\"mla\"]"));
    let (_, problems) = Graph::build(entries.clone(), BTreeSet::new(), false);
    assert!(problems[0].message.contains("is a draft principle"), "{problems:?}");
    let (g, problems) = Graph::build(entries, BTreeSet::new(), true);
    assert!(problems.is_empty());
    assert_eq!(
        g.link_target("principles/mla.md"),
        LinkTarget::Found { path: "principles/mla/".into(), key: "principles/mla.md".into() }
    );
}

#[test]
fn duplicate_slug_is_an_error_naming_the_first_file() {
    let mut entries = site();
    entries.push(entry("cases/sub/emotet.md", ""));
    let (_, problems) = Graph::build(entries, BTreeSet::new(), false);
    assert_eq!(problems.len(), 1);
    assert!(problems[0].help.as_deref().unwrap().contains("content/cases/emotet.md"));
}

#[test]
fn link_targets_include_sections_and_home() {
    let (g, _) = Graph::build(site(), BTreeSet::new(), false);
    assert!(matches!(g.link_target("_index.md"), LinkTarget::Found { ref path, .. } if path.is_empty()));
    assert!(matches!(g.link_target("cases/_index.md"), LinkTarget::Found { ref path, .. } if path == "cases/"));
    assert_eq!(g.link_target("cases/nope.md"), LinkTarget::Missing);
}

#[test]
fn links_and_tags_to_a_broken_file_are_not_reported_twice() {
    let mut entries = site();
    entries.push(entry("cases/y.md", "principles = [\"mla\"]"));
    let broken = BTreeSet::from(["principles/mla.md".to_string()]);
    let (g, problems) = Graph::build(entries, broken, false);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(g.link_target("principles/mla.md"), LinkTarget::Broken);
}
