//! A site's own templates/ and static/ override the embedded theme file by file.

mod common;

use common::TestSite;
use predicates::str::contains;

#[test]
fn a_site_template_replaces_the_embedded_one() {
    let site = TestSite::fixture("basic");
    site.write("templates/principle.html", "<p>custom {{ page.title }} · {{ page.related | length }}</p>");
    site.build(&[]);
    assert_eq!(site.read("public/principles/cooperation/index.html"), "<p>custom Cooperation · 3</p>");
    assert!(
        site.read("public/treaties/convention/index.html").contains("<section class=\"facts\" id=\"page-facts\""),
        "others keep the default"
    );
}

#[test]
fn a_site_static_file_replaces_the_embedded_one_and_new_ones_are_copied() {
    let site = TestSite::fixture("basic");
    site.write("static/style.css", "body { color: red }");
    site.write("static/img/logo.svg", "<svg/>");
    site.build(&[]);
    assert_eq!(site.read("public/style.css"), "body { color: red }");
    assert_eq!(site.read("public/img/logo.svg"), "<svg/>");
    assert!(site.path().join("public/favicon.svg").exists());
}

#[test]
fn a_broken_template_is_a_content_error_naming_the_file() {
    let site = TestSite::fixture("basic");
    site.write("templates/case.html", "{% if %}");
    site.cmd(&["build"])
        .assert()
        .code(1)
        .stderr(contains("templates/case.html"))
        .stderr(contains("could not be compiled"));
}

#[test]
fn a_template_using_an_unknown_field_names_the_template() {
    let site = TestSite::fixture("basic");
    site.write("templates/topic.html", "{{ page.no_such_field.x }}");
    site.cmd(&["build"]).assert().code(1).stderr(contains("templates/topic.html")).stderr(contains("no_such_field"));
}
