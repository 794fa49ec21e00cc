use super::*;

fn file(key: &str, text: &str) -> SourceFile {
    SourceFile { path: format!("content/{key}").into(), key: key.into(), text: text.into() }
}

fn page(key: &str, text: &str) -> Page {
    match resolve(&file(key, text)).unwrap() {
        Entry::Page(p) => *p,
        Entry::Section(_) => panic!("expected a page"),
    }
}

fn errors(key: &str, text: &str) -> Vec<String> {
    resolve(&file(key, text)).unwrap_err().into_iter().map(|d| d.message).collect()
}

#[test]
fn kind_and_url_come_from_the_folder() {
    let p =
        page("treaties/x.md", "+++\ntitle = \"X\"\nsummary = \"S\"\ninstrument = \"treaty\"\nbinding = true\n+++\n");
    assert_eq!((p.kind, p.slug.as_str(), p.path.as_str()), (Kind::Treaty, "x", "treaties/x/"));
    let p = page("about.md", "+++\ntitle = \"A\"\nsummary = \"S\"\n+++\n");
    assert_eq!((p.kind, p.path.as_str()), (Kind::Page, "about/"));
}

#[test]
fn slug_field_wins_and_is_checked() {
    let p = page("cases/x.md", "+++\ntitle = \"X\"\nsummary = \"S\"\nslug = \"emotet\"\n+++\n");
    assert_eq!(p.path, "cases/emotet/");
    let e = errors("cases/x.md", "+++\ntitle = \"X\"\nsummary = \"S\"\nslug = \"../etc\"\n+++\n");
    assert!(e[0].contains("not a valid slug"), "{e:?}");
}

#[test]
fn reserved_top_level_slugs_are_refused() {
    let e = errors("search.md", "+++\ntitle = \"X\"\nsummary = \"S\"\n+++\n");
    assert!(e[0].contains("taken by a page the build generates"), "{e:?}");
}

#[test]
fn unknown_folder_is_an_error() {
    let e = errors("treaty/x.md", "+++\ntitle = \"X\"\nsummary = \"S\"\n+++\n");
    assert!(e[0].contains("not a section folder"), "{e:?}");
}

#[test]
fn status_on_non_binding_instrument_is_an_error() {
    let e = errors(
        "treaties/x.md",
        "+++\ntitle = \"X\"\nsummary = \"S\"\ninstrument = \"report\"\nbinding = false\nstatus = \"in-force\"\n+++\n",
    );
    assert!(e[0].contains("binding instruments only"), "{e:?}");
}

#[test]
fn scripts_in_urls_and_bad_countries_are_errors() {
    let e = errors(
        "cases/x.md",
        "+++\ntitle = \"X\"\nsummary = \"S\"\ncountries = [\"UK\"]\n[[sources]]\ntitle = \"t\"\nurl = \"javascript:alert(1)\"\n+++\n",
    );
    assert_eq!(e.len(), 2, "{e:?}");
    assert!(e.iter().any(|m| m.contains("not an http(s) URL")));
    assert!(e.iter().any(|m| m.contains("`UK` is not an ISO")));
}

#[test]
fn section_index_has_no_page_fields() {
    let entry = resolve(&file("treaties/_index.md", "+++\ntitle = \"Treaties\"\n+++\nIntro")).unwrap();
    let Entry::Section(s) = entry else { panic!("expected a section") };
    assert_eq!((s.kind, s.path.as_str(), s.body()), (Some(Kind::Treaty), "treaties/", "Intro"));
}
