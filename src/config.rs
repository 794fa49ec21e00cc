//! The site's configuration, `site.toml`.
//!
//! 1. Parse the file strictly into [`RawConfig`] (unknown keys are errors,
//!    reported with the TOML parser's span).
//! 2. Resolve it into [`Config`]: the base URL split into origin and path
//!    prefix, defaults filled in one place, command-line overrides applied.

use std::ops::Range;
use std::path::Path;

use serde::Deserialize;

use crate::check::CheckConfig;
use crate::diagnostic::Diagnostic;

/// What `site.toml` says, as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawConfig {
    pub title: String,
    pub base_url: toml::Spanned<String>,
    #[serde(default)]
    pub description: String,
    pub language: Option<String>,
    /// Repository URL of the site's sources, for "edit this page" links.
    pub repository: Option<String>,
    /// Branch used in "edit this page" links.
    pub branch: Option<String>,
    /// Author or publisher named in citations and the feed.
    pub author: Option<String>,
    /// What `treatise check` reports, `[check]`.
    #[serde(default)]
    pub check: CheckConfig,
}

/// The resolved configuration the build uses.
#[derive(Debug, Clone)]
pub struct Config {
    pub title: String,
    pub description: String,
    pub language: String,
    pub repository: Option<String>,
    pub branch: String,
    pub author: Option<String>,
    /// The base URL with a trailing slash, e.g. `https://owner.github.io/repo/`.
    pub base_url: String,
    /// The path part of the base URL with a trailing slash, e.g. `/repo/`.
    pub base_path: String,
    /// `[check]` settings, read by `treatise check` only.
    pub check: CheckConfig,
}

impl Config {
    /// Parses `site.toml` text; `path` names the file in diagnostics.
    pub fn parse(path: &Path, text: &str) -> Result<Config, Diagnostic> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| toml_diagnostic(path, &e))?;
        let base_span = raw.base_url.span();
        let base = raw.base_url.into_inner();
        let (base_url, base_path) = split_base_url(&base).map_err(|msg| {
            Diagnostic::error(path, base_span, msg)
                .with_help("write an absolute URL such as \"https://owner.github.io/repo/\"")
        })?;
        Ok(Config {
            title: raw.title,
            description: raw.description,
            language: raw.language.unwrap_or_else(|| "en".into()),
            repository: raw.repository.map(|r| r.trim_end_matches('/').to_string()),
            branch: raw.branch.unwrap_or_else(|| "main".into()),
            author: raw.author,
            base_url,
            base_path,
            check: raw.check,
        })
    }

    /// Replaces the base URL (from `--base-url`).
    pub fn set_base_url(&mut self, url: &str) -> Result<(), String> {
        let (base_url, base_path) = split_base_url(url)?;
        self.base_url = base_url;
        self.base_path = base_path;
        Ok(())
    }

    /// A configuration for unit tests, served from `https://example.org/`.
    pub fn default_for_test() -> Config {
        Config {
            title: "Test site".into(),
            description: String::new(),
            language: "en".into(),
            repository: None,
            branch: "main".into(),
            author: None,
            base_url: "https://example.org/".into(),
            base_path: "/".into(),
            check: CheckConfig::default(),
        }
    }
}

/// Splits `https://host/a/b` into (`https://host/a/b/`, `/a/b/`).
pub fn split_base_url(url: &str) -> Result<(String, String), String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| format!("base_url `{url}` must start with https:// or http://"))?;
    let path = rest.find('/').map_or("", |i| &rest[i..]);
    let host = &rest[..rest.len() - path.len()];
    if host.is_empty() || url.contains(['?', '#', ' ']) {
        return Err(format!("base_url `{url}` is not a plain absolute URL"));
    }
    let path = format!("/{}", path.trim_matches('/'));
    let path = if path == "/" { path } else { format!("{path}/") };
    let scheme_len = url.len() - rest.len();
    Ok((format!("{}{host}{path}", &url[..scheme_len]), path))
}

/// Turns a TOML parse error into a diagnostic at the parser's span.
pub fn toml_diagnostic(path: &Path, e: &toml::de::Error) -> Diagnostic {
    toml_diagnostic_at(path, e, 0)
}

/// Like [`toml_diagnostic`], for TOML that starts `offset` bytes into the file.
pub fn toml_diagnostic_at(path: &Path, e: &toml::de::Error, offset: usize) -> Diagnostic {
    let span: Range<usize> = e.span().map_or(offset..offset, |s| s.start + offset..s.end + offset);
    let message = e.message().trim().to_string();
    let help = toml_help(&message);
    let d = Diagnostic::error(path, span, message);
    match help {
        Some(h) => d.with_help(h),
        None => d,
    }
}

fn toml_help(message: &str) -> Option<String> {
    if message.starts_with("unknown field") {
        Some("check the spelling; the accepted fields are listed in the message".into())
    } else if message.starts_with("missing field") {
        Some("add the field to the front matter".into())
    } else if message.starts_with("invalid type") {
        Some("strings need quotes, dates do not (2024-10-09), lists use [ ]".into())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_splits_into_origin_and_path() {
        assert_eq!(
            split_base_url("https://owner.github.io/repo").unwrap(),
            ("https://owner.github.io/repo/".into(), "/repo/".into())
        );
        assert_eq!(split_base_url("https://example.org").unwrap(), ("https://example.org/".into(), "/".into()));
        assert!(split_base_url("example.org").is_err());
        assert!(split_base_url("https:///x").is_err());
    }

    #[test]
    fn unknown_key_is_an_error_at_its_line() {
        let text = "title = \"T\"\nbase_url = \"https://x.org/\"\ntitel = \"oops\"\n";
        let d = Config::parse(Path::new("site.toml"), text).unwrap_err();
        assert!(d.message.contains("unknown field `titel`"), "{}", d.message);
        assert_eq!(crate::diagnostic::position_in(text, d.span.start).line, 3);
    }

    #[test]
    fn bad_base_url_points_at_the_value() {
        let text = "title = \"T\"\nbase_url = \"ftp://x\"\n";
        let d = Config::parse(Path::new("site.toml"), text).unwrap_err();
        assert_eq!(&text[d.span.clone()], "\"ftp://x\"");
    }
}
