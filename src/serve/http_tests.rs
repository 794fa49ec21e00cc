use std::collections::BTreeMap;
use std::sync::Arc;

use super::*;

fn site() -> Snapshot {
    let files: BTreeMap<String, Arc<[u8]>> = [
        ("index.html", "<html><body>home</body></html>"),
        ("404.html", "<html><body>not here</body></html>"),
        ("treaties/index.html", "<html><body>treaties</body></html>"),
        ("style.css", "body{}"),
        ("a b.txt", "spaced"),
    ]
    .into_iter()
    .map(|(p, b)| (p.to_string(), Arc::from(b.as_bytes())))
    .collect();
    Snapshot { version: 4, files: Arc::new(files) }
}

fn get(target: &str) -> Answer {
    answer(true, target, &site())
}

fn body(a: &Answer) -> String {
    String::from_utf8(a.body.clone()).unwrap()
}

#[test]
fn folders_serve_their_index() {
    assert_eq!(site_path("/"), Ok("index.html".into()));
    assert_eq!(site_path("/treaties/"), Ok("treaties/index.html".into()));
    assert_eq!(site_path("/treaties/x/?q=1#top"), Ok("treaties/x/index.html".into()));
    assert_eq!(site_path("/a%20b.txt"), Ok("a b.txt".into()));
    let a = get("/treaties/");
    assert_eq!((a.status, a.content_type), (200, "text/html; charset=utf-8"));
    assert!(body(&a).starts_with("<html><body>treaties<script>"), "{}", body(&a));
}

#[test]
fn a_folder_without_its_slash_redirects() {
    let a = get("/treaties?x");
    assert_eq!(a.status, 301);
    assert_eq!(a.location.as_deref(), Some("/treaties/"));
}

#[test]
fn missing_paths_get_the_sites_404_page() {
    let a = get("/nope/");
    assert_eq!(a.status, 404);
    assert!(body(&a).contains("not here"));
    assert!(body(&a).contains("EventSource"), "the 404 page reloads too");
}

#[test]
fn before_the_first_good_build_a_404_still_carries_the_script() {
    let empty = Snapshot { version: 0, files: Arc::new(BTreeMap::new()) };
    let a = answer(true, "/", &empty);
    assert_eq!(a.status, 404);
    assert!(body(&a).contains("Not built yet") && body(&a).contains("EventSource"));
}

#[test]
fn traversal_is_refused_in_every_spelling() {
    for target in [
        "/../etc/passwd",
        "/treaties/../../etc/passwd",
        "/%2e%2e/etc/passwd",
        "/%2E%2E%2Fetc%2Fpasswd",
        "/..%2f..%2fetc/passwd",
        "/..\\..\\etc\\passwd",
        "/%5c..%5cetc",
        "//etc/passwd",
        "/%2Fetc/passwd",
        "/./index.html",
        "/a/%00",
    ] {
        assert_eq!(site_path(target), Err(Refusal::Forbidden), "{target}");
        assert_eq!(get(target).status, 403, "{target}");
    }
}

#[test]
fn malformed_paths_are_bad_requests() {
    for target in ["etc/passwd", "http://example.org/", "/%zz", "/%2", "/%ff%fe"] {
        assert_eq!(site_path(target), Err(Refusal::BadRequest), "{target}");
        assert_eq!(get(target).status, 400, "{target}");
    }
}

#[test]
fn encoded_twice_is_decoded_once() {
    // `%252e%252e` is the literal name `%2e%2e`, which the site does not have.
    assert_eq!(site_path("/%252e%252e/x"), Ok("%2e%2e/x".into()));
    assert_eq!(get("/%252e%252e/x").status, 404);
}

#[test]
fn absolute_paths_are_looked_up_inside_the_site_only() {
    let a = get("/etc/passwd");
    assert_eq!(a.status, 404);
    assert!(body(&a).contains("not here"));
}

#[test]
fn only_get_and_head_are_served() {
    assert_eq!(answer(false, "/", &site()).status, 405);
}

#[test]
fn content_types_follow_the_extension() {
    assert_eq!(get("/style.css").content_type, "text/css; charset=utf-8");
    assert_eq!(body(&get("/style.css")), "body{}", "only HTML gets the script");
    assert_eq!(content_type("x/feed.xml"), "application/xml");
    assert_eq!(content_type("data/treaties.json"), "application/json");
    assert_eq!(content_type("data/treaties.csv"), "text/csv; charset=utf-8");
    assert_eq!(content_type("favicon.svg"), "image/svg+xml");
    assert_eq!(content_type("PHOTO.JPG"), "image/jpeg");
    assert_eq!(content_type("search.js"), "text/javascript; charset=utf-8");
    assert_eq!(content_type(".nojekyll"), "application/octet-stream");
    assert_eq!(content_type("robots.txt"), "text/plain; charset=utf-8");
}

#[test]
fn loopback_preview_answers_only_to_loopback_names() {
    let lo: std::net::IpAddr = "127.0.0.1".parse().unwrap();
    for host in ["localhost:1111", "127.0.0.1:1111", "127.0.0.2", "[::1]:1111", "LOCALHOST"] {
        assert!(allowed_host(Some(host), lo), "{host}");
    }
    for host in ["evil.example:1111", "evil.example", "10.0.0.1:1111", "localhost.evil.example"] {
        assert!(!allowed_host(Some(host), lo), "{host}");
    }
    assert!(allowed_host(None, lo), "HTTP/1.0 clients send no Host");
    let shared: std::net::IpAddr = "0.0.0.0".parse().unwrap();
    assert!(allowed_host(Some("my-laptop.local:1111"), shared), "--bind shares on purpose");
}
