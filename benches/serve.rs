//! How long an edit takes to reach `treatise serve`'s browser, on the
//! flagship site (this repository's own content/).
//!
//! Run with `cargo bench --bench serve`. It prints, over a copy of the site
//! in a temporary folder:
//!
//! 1. rebuild: the time `Live::rebuild` takes after one edit (the work
//!    `serve` does between the edit and the new page being available), for
//!    a body edit (re-renders one page) and a title edit (re-renders the
//!    page, its listings and the pages that list it);
//! 2. end to end: from writing the file to `GET` returning the new page,
//!    against the real binary on a free port (includes the file watcher,
//!    its 20 ms debounce and HTTP).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use treatise::build::Options;
use treatise::serve::live::{Live, Outcome};

const RUNS: usize = 40;
const PAGE: &str = "content/treaties/budapest-convention.md";

fn main() {
    let site = flagship_copy();
    let root = site.path();
    let options = Options {
        root: root.to_path_buf(),
        output: None,
        base_url: Some("http://127.0.0.1:1111/".into()),
        drafts: true,
    };
    let mut live = Live::new(options);
    let first = Instant::now();
    let Outcome::Built { rendered: all, .. } = live.rebuild() else { panic!("the flagship site does not build") };
    println!("first build (in memory): {:.1} ms, {all} files", ms(first.elapsed()));

    let original = std::fs::read_to_string(root.join(PAGE)).unwrap();
    let body = time_edits(&mut live, root, |i| format!("{original}\nBench edit {i}.\n"));
    report("rebuild after a body edit", &body);
    let title = time_edits(&mut live, root, |i| original.replacen("title = \"", &format!("title = \"{i} "), 1));
    report("rebuild after a title edit", &title);
    std::fs::write(root.join(PAGE), &original).unwrap();
    live.rebuild();

    report("end to end (edit → new page over HTTP)", &end_to_end(root, &original));
}

/// Times `live.rebuild()` after each of [`RUNS`] edits of [`PAGE`].
fn time_edits(live: &mut Live, root: &Path, edit: impl Fn(usize) -> String) -> Vec<Duration> {
    (0..RUNS)
        .map(|i| {
            std::fs::write(root.join(PAGE), edit(i)).unwrap();
            let start = Instant::now();
            let outcome = live.rebuild();
            let elapsed = start.elapsed();
            match outcome {
                Outcome::Built { changed, .. } => assert!(!changed.is_empty(), "the edit changed nothing"),
                Outcome::Failed { problems, .. } => panic!("{problems}"),
            }
            elapsed
        })
        .collect()
}

/// Runs the binary and times each edit until a GET shows it.
fn end_to_end(root: &Path, original: &str) -> Vec<Duration> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_treatise"))
        .args(["serve", "--port", "0"])
        .current_dir(root)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let url = line.split_whitespace().find(|w| w.starts_with("http://")).expect("the server prints its URL");
    let addr: SocketAddr = url.trim_start_matches("http://").trim_end_matches('/').parse().unwrap();
    let times = (0..RUNS)
        .map(|i| {
            let marker = format!("End-to-end edit {i}.");
            std::fs::write(root.join(PAGE), format!("{original}\n{marker}\n")).unwrap();
            let start = Instant::now();
            for _ in 0..5_000 {
                if get(addr, "/treaties/budapest-convention/").contains(&marker) {
                    return start.elapsed();
                }
                std::thread::sleep(Duration::from_millis(1));
            }
            panic!("the edit never showed");
        })
        .collect();
    let _ = child.kill();
    let _ = child.wait();
    times
}

fn get(addr: SocketAddr, path: &str) -> String {
    let mut stream = TcpStream::connect(addr).unwrap();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").unwrap();
    let mut body = String::new();
    stream.read_to_string(&mut body).unwrap();
    body
}

fn report(what: &str, times: &[Duration]) {
    let mut t = times.to_vec();
    t.sort();
    let pick = |q: f64| ms(t[((t.len() - 1) as f64 * q).round() as usize]);
    println!(
        "{what}: median {:.1} ms, p90 {:.1} ms, min {:.1} ms, max {:.1} ms ({} runs)",
        pick(0.5),
        pick(0.9),
        pick(0.0),
        pick(1.0),
        t.len()
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// This repository's site (site.toml, content/, templates/, static/) in a temporary folder.
fn flagship_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(repo.join("site.toml"), dir.path().join("site.toml")).unwrap();
    for folder in ["content", "templates", "static"] {
        for entry in walkdir::WalkDir::new(repo.join(folder)) {
            let entry = entry.unwrap();
            let target = dir.path().join(entry.path().strip_prefix(repo).unwrap());
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&target).unwrap();
            } else {
                std::fs::copy(entry.path(), &target).unwrap();
            }
        }
    }
    dir
}
