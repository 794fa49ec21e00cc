use super::*;
use crate::page::{Entry, resolve};
use crate::source::SourceFile;

fn graph() -> Graph {
    let text = "+++\ntitle = \"B\"\nsummary = \"S\"\ninstrument = \"treaty\"\nbinding = true\n+++\n## Article 35\n";
    let file = SourceFile { path: "content/treaties/b.md".into(), key: "treaties/b.md".into(), text: text.into() };
    let entries: Vec<Entry> = vec![resolve(&file).unwrap()];
    Graph::build(entries, Default::default(), false).0
}

fn md(body: &str) -> Rendered {
    let g = graph();
    let cx = Context { graph: &g, base_path: "/repo/", path: Path::new("content/x.md"), offset: 100 };
    render(body, &cx)
}

#[test]
fn headings_get_stable_ids_and_a_toc() {
    let r = md("## Article 35 – 24/7 Network\n\n## Scope\n\n## Scope\n\n### Custom {#mine}\n");
    let ids: Vec<&str> = r.toc.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["art-35", "scope", "scope-1", "mine"]);
    assert!(
        r.html.contains("<h2 id=\"art-35\">Article 35 – 24/7 Network<a class=\"anchor\" href=\"#art-35\""),
        "{}",
        r.html
    );
}

#[test]
fn duplicate_explicit_ids_are_errors() {
    let r = md("## A {#x}\n\n## B {#x}\n");
    assert_eq!(r.diagnostics.len(), 1);
    assert!(r.diagnostics[0].message.contains("used by two headings"));
}

#[test]
fn internal_links_resolve_under_the_base_path() {
    let r = md("See [B](@/treaties/b.md#art-35) and [all](@/treaties/_index.md).\n");
    assert!(r.html.contains("href=\"/repo/treaties/b/#art-35\""), "{}", r.html);
    assert!(r.html.contains("href=\"/repo/treaties/\""), "{}", r.html);
    assert_eq!(r.links[0], OutgoingLink { key: "treaties/b.md".into(), anchor: Some("art-35".into()), span: 104..131 });
}

#[test]
fn missing_page_is_an_error_at_the_link() {
    let r = md("Text\n\nSee [X](@/treaties/x.md).\n");
    assert_eq!(r.diagnostics.len(), 1);
    assert!(r.diagnostics[0].message.contains("`@/treaties/x.md` points at no page"));
    assert_eq!(r.diagnostics[0].span.start, 100 + 10);
}

#[test]
fn script_links_are_refused() {
    let r = md("[x](javascript:alert(1)) [y](JavaScript:alert(1))\n");
    assert_eq!(r.diagnostics.len(), 2);
    assert!(!r.html.to_lowercase().contains("javascript:"));
}

#[test]
fn raw_html_is_sanitised() {
    let r = md("<script>alert(1)</script>\n\n<p onclick=\"x()\">Hi <abbr title=\"t\">T</abbr></p>\n");
    assert!(!r.html.contains("<script"), "{}", r.html);
    assert!(!r.html.contains("onclick"), "{}", r.html);
    assert!(r.html.contains("<abbr title=\"t\">T</abbr>"), "{}", r.html);
}

#[test]
fn tables_footnotes_and_code_render() {
    let r = md("| a | b |\n|---|---|\n| 1 | 2 |\n\nNote[^1].\n\n[^1]: Source.\n\n```rust\nfn x() {}\n```\n");
    assert!(r.html.contains("<table>"));
    assert!(r.html.contains("footnote-definition"));
    assert!(r.html.contains("hl-"));
    assert!(r.text.contains("fn x()"));
}

#[test]
fn pages_without_raw_html_are_not_sanitised() {
    // ammonia would add nothing here, but it would re-serialise `<br>` forms;
    // a heading anchor alone must not send the page through the sanitiser.
    let r = md("## Title\n\nLine one  \nline two\n");
    assert!(r.html.contains("<br />"), "{}", r.html);
}
