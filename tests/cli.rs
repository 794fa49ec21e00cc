//! The command line itself: version, help, usage errors, `check`.

mod common;

use common::{TestSite, page};
use predicates::str::contains;

#[test]
fn version_and_help() {
    let site = TestSite::new();
    site.cmd(&["--version"]).assert().success().stdout(contains(env!("CARGO_PKG_VERSION")));
    site.cmd(&["--help"]).assert().success().stdout(contains("Examples:")).stdout(contains("treatise build"));
    site.cmd(&["build", "--help"]).assert().success().stdout(contains("--base-url"));
}

#[test]
fn usage_errors_exit_2() {
    let site = TestSite::new();
    site.cmd(&["frobnicate"]).assert().code(2);
    site.cmd(&["build", "--base-url", "not a url"]).assert().code(2).stderr(contains("--base-url"));
}

#[test]
fn check_passes_a_good_site_and_writes_nothing() {
    let site = TestSite::fixture("checked");
    site.cmd(&["check"]).assert().success();
    assert!(!site.path().join("public").exists());
}

#[test]
fn check_prints_github_annotations() {
    let site = TestSite::fixture("basic");
    site.write("content/cases/x.md", page("treaties = [\"nope\"]", ""));
    site.cmd(&["check", "--format", "github"])
        .assert()
        .code(1)
        .stdout(contains("::error file=content/cases/x.md,line=4,col=13::`nope` in `treaties` is not the slug"));
}

#[test]
fn check_prints_json() {
    let site = TestSite::fixture("basic");
    site.write("content/cases/x.md", page("titel = 1", ""));
    let out = site.cmd(&["check", "--format", "json"]).assert().code(1).get_output().stdout.clone();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let x = json.as_array().unwrap().iter().find(|d| d["path"] == "content/cases/x.md").expect("x.md reported");
    assert_eq!(x["line"], 4);
    assert_eq!(x["column"], 1);
    assert_eq!(x["severity"], "error");
    assert!(x["message"].as_str().unwrap().contains("unknown field `titel`"));
}

#[test]
fn colour_codes_are_not_written_to_a_pipe() {
    let site = TestSite::fixture("basic");
    site.write("content/cases/x.md", b"");
    let out = site.cmd(&["build"]).assert().code(1).get_output().stderr.clone();
    assert!(!out.contains(&0x1b), "escape codes in piped output");
}
