use std::path::Path;

use super::*;
use crate::markdown;
use crate::page::resolve;
use crate::source::SourceFile;
use crate::theme;

/// A small site: a treaty, an organisation tagging it, a case tagging both
/// and linking to the organisation, and a principle nobody mentions.
fn site() -> BTreeMap<String, String> {
    [
        ("_index.md", "+++\ntitle = \"Home\"\n+++\nWelcome.\n"),
        ("treaties/_index.md", "+++\ntitle = \"Treaties\"\n+++\n"),
        ("treaties/conv.md", &page("Convention", "instrument = \"treaty\"\nbinding = true", "Text.")),
        ("organisations/council.md", &page("Council", "treaties = [\"conv\"]", "About.")),
        ("cases/op.md", &page("Operation", "treaties = [\"conv\"]", "See [the council](@/organisations/council.md).")),
        ("principles/lonely.md", &page("Lonely", "", "Alone.")),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

fn page(title: &str, front: &str, body: &str) -> String {
    format!("+++\ntitle = \"{title}\"\nsummary = \"S\"\nupdated = 2026-01-01\n{front}\n+++\n{body}\n")
}

fn deps_of(files: &BTreeMap<String, String>) -> Deps {
    deps_with(files, &Config::default_for_test(), &BTreeMap::new())
}

fn deps_with(files: &BTreeMap<String, String>, config: &Config, overrides: &BTreeMap<String, ThemeFile>) -> Deps {
    let entries = files
        .iter()
        .map(|(key, text)| {
            let file =
                SourceFile { path: format!("content/{key}").into(), key: key.clone(), text: text.as_str().into() };
            resolve(&file).unwrap_or_else(|e| panic!("{key}: {e:?}"))
        })
        .collect();
    let (graph, problems) = Graph::build(entries, BTreeSet::new(), false);
    assert!(problems.is_empty(), "{problems:?}");
    let pages = graph.pages.values().map(|p| (&p.key, &p.source, p.body(), p.body.start));
    let sections = graph.sections.values().map(|s| (&s.key, &s.source, s.body(), s.body.start));
    let rendered = pages
        .chain(sections)
        .map(|(key, path, body, offset)| {
            let cx = markdown::Context { graph: &graph, base_path: "/", path, offset };
            (key.clone(), markdown::render(body, &cx))
        })
        .collect();
    let templates = theme::templates(Path::new("/nonexistent")).unwrap();
    let mut static_files = theme::static_files(Path::new("/nonexistent")).unwrap();
    static_files.extend(overrides.clone());
    Deps::of(&Inputs { graph: &graph, rendered: &rendered, config, templates: &templates, static_files: &static_files })
}

fn only(paths: &[&str]) -> Selection {
    Selection::Only(paths.iter().map(|p| p.to_string()).collect())
}

fn edit(key: &str, from: &str, to: &str) -> (Deps, Deps) {
    let mut files = site();
    let before = deps_of(&files);
    let text = files.get_mut(key).unwrap();
    assert!(text.contains(from), "{key} has no `{from}`");
    *text = text.replace(from, to);
    (before, deps_of(&files))
}

#[test]
fn nothing_changed_selects_nothing() {
    assert_eq!(affected(&deps_of(&site()), &deps_of(&site())), only(&[]));
}

#[test]
fn a_body_edit_selects_only_that_page() {
    let (old, new) = edit("principles/lonely.md", "Alone.", "Still alone.");
    assert_eq!(affected(&old, &new), only(&["principles/lonely/index.html"]));
    let (old, new) = edit("treaties/conv.md", "Text.", "More text.");
    assert_eq!(affected(&old, &new), only(&["treaties/conv/index.html"]));
}

#[test]
fn a_title_edit_selects_the_pages_that_list_it() {
    let (old, new) = edit("organisations/council.md", "\"Council\"", "\"The Council\"");
    assert_eq!(
        affected(&old, &new),
        only(&[
            "cases/op/index.html", // links to it with @/
            "index.html",
            "organisations/council/index.html",
            "organisations/index.html",
            "treaties/conv/index.html", // lists it as tagging the treaty
        ])
    );
}

#[test]
fn adding_and_removing_a_tag_selects_both_tag_pages() {
    let mut files = site();
    files.insert("treaties/other.md".into(), page("Other", "instrument = \"treaty\"\nbinding = true", ""));
    let old = deps_of(&files);
    let op = files.get_mut("cases/op.md").unwrap();
    *op = op.replace("treaties = [\"conv\"]", "treaties = [\"other\"]");
    let Selection::Only(paths) = affected(&old, &deps_of(&files)) else { panic!("expected a selection") };
    assert!(paths.contains("treaties/conv/index.html"), "the old tag page lists it no more: {paths:?}");
    assert!(paths.contains("treaties/other/index.html"), "the new tag page lists it: {paths:?}");
    assert!(!paths.contains("principles/lonely/index.html"), "{paths:?}");
}

#[test]
fn a_renamed_page_selects_pages_linking_to_it_and_removes_its_old_output() {
    let (old, new) = edit("organisations/council.md", "title = \"Council\"", "title = \"Council\"\nslug = \"coe\"");
    let Selection::Only(paths) = affected(&old, &new) else { panic!("expected a selection") };
    assert!(paths.contains("cases/op/index.html"), "{paths:?}");
    assert!(paths.contains("organisations/coe/index.html"), "{paths:?}");
    assert!(!paths.contains("organisations/council/index.html"), "gone, so not rendered: {paths:?}");
    assert_eq!(removed(&old, &new), vec!["organisations/council/index.html".to_string()]);
}

#[test]
fn a_deleted_page_is_removed_and_its_listings_selected() {
    let mut files = site();
    let old = deps_of(&files);
    files.remove("principles/lonely.md");
    let new = deps_of(&files);
    assert_eq!(removed(&old, &new), vec!["principles/lonely/index.html".to_string()]);
    assert_eq!(affected(&old, &new), only(&["index.html", "principles/index.html"]));
}

#[test]
fn a_new_page_selects_itself_its_section_and_home() {
    let mut files = site();
    let old = deps_of(&files);
    files.insert("principles/new.md".into(), page("New", "", ""));
    assert_eq!(
        affected(&old, &deps_of(&files)),
        only(&["index.html", "principles/index.html", "principles/new/index.html"])
    );
}

#[test]
fn a_site_wide_change_selects_everything() {
    // every page shows the newest `updated` in its footer
    let (old, new) = edit("principles/lonely.md", "updated = 2026-01-01", "updated = 2026-06-01");
    assert_eq!(affected(&old, &new), Selection::All);
    // and the section titles in the navigation
    let (old, new) = edit("treaties/_index.md", "\"Treaties\"", "\"Instruments\"");
    assert_eq!(affected(&old, &new), Selection::All);
}

#[test]
fn a_config_change_selects_everything() {
    let old = deps_of(&site());
    let mut config = Config::default_for_test();
    config.branch = "trunk".into();
    assert_eq!(affected(&old, &deps_with(&site(), &config, &BTreeMap::new())), Selection::All);
}

#[test]
fn a_template_change_selects_everything() {
    let mut old = deps_of(&site());
    let new = old.clone();
    old.fingerprints.insert(Input::Template("treaty.html".into()), 0);
    assert_eq!(affected(&old, &new), Selection::All);
}

#[test]
fn a_static_file_change_selects_only_that_file() {
    let old = deps_of(&site());
    let css = ThemeFile { bytes: b"body{}".to_vec(), origin: Some("static/style.css".into()) };
    let new = deps_with(&site(), &Config::default_for_test(), &BTreeMap::from([("style.css".to_string(), css)]));
    assert_eq!(affected(&old, &new), only(&["style.css"]));
    assert_eq!(changed(&old, &new), BTreeSet::from([Input::Static("style.css".into())]));
}

#[test]
fn every_rendered_page_is_a_known_output() {
    let deps = deps_of(&site());
    for path in ["index.html", "404.html", "treaties/conv/index.html", "cases/index.html", "style.css", ".nojekyll"] {
        assert!(deps.outputs().contains(path), "{path} missing from {:?}", deps.outputs());
    }
}
