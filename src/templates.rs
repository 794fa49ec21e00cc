//! Tera, set up once for a build.
//!
//! 1. Gather the theme's templates (embedded, then the site's overrides).
//! 2. Compile them all at once, so inheritance between them resolves; a
//!    syntax error is a diagnostic on the template file.
//! 3. Render a named template from a serializable view; autoescaping is on
//!    for `.html` and `.xml` templates. The `human_date` filter writes an ISO
//!    date for readers ("23 November 2001").

use std::path::PathBuf;

use serde::Serialize;
use tera::Tera;

use crate::date::PartialDate;
use crate::diagnostic::Diagnostic;
use crate::theme::ThemeFile;

/// The compiled templates.
pub struct Templates {
    tera: Tera,
    origins: std::collections::BTreeMap<String, PathBuf>,
}

impl Templates {
    /// Compiles the theme's templates.
    pub fn compile(files: &std::collections::BTreeMap<String, ThemeFile>) -> Result<Templates, Diagnostic> {
        let mut origins = std::collections::BTreeMap::new();
        let mut sources = Vec::new();
        for (name, file) in files {
            let origin = file.origin.clone().unwrap_or_else(|| PathBuf::from(format!("templates/{name}")));
            let text = String::from_utf8(file.bytes.clone())
                .map_err(|_| Diagnostic::error(&origin, 0..0, "this template is not valid UTF-8"))?;
            origins.insert(name.clone(), origin);
            sources.push((name.clone(), text));
        }
        let mut tera = Tera::default();
        tera.set_escape_fn(escape_html);
        tera.register_filter("human_date", human_date);
        tera.add_raw_templates(sources).map_err(|e| {
            let path = error_template(&e).and_then(|n| origins.get(&n).cloned()).unwrap_or_else(|| "templates".into());
            Diagnostic::error(path, 0..0, format!("the template could not be compiled: {}", chain(&e)))
        })?;
        Ok(Templates { tera, origins })
    }

    /// Renders `name` with `view` as its context.
    pub fn render(&self, name: &str, view: &impl Serialize) -> Result<String, Diagnostic> {
        let origin = self.origins.get(name).cloned().unwrap_or_else(|| PathBuf::from(format!("templates/{name}")));
        let context = tera::Context::from_serialize(view)
            .map_err(|e| Diagnostic::error(&origin, 0..0, format!("internal error building the context: {e}")))?;
        self.tera
            .render(name, &context)
            .map_err(|e| Diagnostic::error(&origin, 0..0, format!("rendering `{name}` failed: {}", chain(&e))))
    }

    pub fn has(&self, name: &str) -> bool {
        self.origins.contains_key(name)
    }
}

/// Escapes text for HTML content and double- or single-quoted attributes.
/// (Tera's default also escapes `/`, which makes every URL unreadable.)
fn escape_html(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for c in input.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `{{ "2001-11-23" | human_date }}` gives "23 November 2001"; an empty value stays empty.
fn human_date(value: &tera::Value, _: &std::collections::HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
    match value {
        tera::Value::Null => Ok(tera::Value::String(String::new())),
        tera::Value::String(s) if s.is_empty() => Ok(value.clone()),
        tera::Value::String(s) => {
            PartialDate::parse(s).map(|d| tera::Value::String(d.human())).map_err(tera::Error::msg)
        }
        tera::Value::Number(n) => Ok(tera::Value::String(n.to_string())),
        other => Err(tera::Error::msg(format!("human_date expects a date like \"2001-11-23\", found {other}"))),
    }
}

/// The message of an error and all its causes, joined.
fn chain(e: &dyn std::error::Error) -> String {
    let mut parts = vec![e.to_string()];
    let mut source = e.source();
    while let Some(s) = source {
        parts.push(s.to_string());
        source = s.source();
    }
    parts.join(": ")
}

/// The template an error names, if Tera said which one.
fn error_template(e: &tera::Error) -> Option<String> {
    let msg = e.to_string();
    let start = msg.find('\'')? + 1;
    let end = start + msg[start..].find('\'')?;
    Some(msg[start..end].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(pairs: &[(&str, &str)]) -> std::collections::BTreeMap<String, ThemeFile> {
        pairs.iter().map(|(n, t)| (n.to_string(), ThemeFile { bytes: t.as_bytes().to_vec(), origin: None })).collect()
    }

    #[test]
    fn renders_with_autoescape() {
        let t = Templates::compile(&files(&[("a.html", "<p>{{ x }}</p>")])).unwrap();
        let html = t.render("a.html", &serde_json::json!({"x": "<script>'\"&/"})).unwrap();
        assert_eq!(html, "<p>&lt;script&gt;&#39;&quot;&amp;/</p>");
    }

    #[test]
    fn syntax_errors_name_the_template() {
        let d = Templates::compile(&files(&[("a.html", "{% if %}")])).err().unwrap();
        assert_eq!(d.path, PathBuf::from("templates/a.html"));
        assert!(d.message.contains("could not be compiled"), "{}", d.message);
    }

    #[test]
    fn human_date_filter_writes_dates_for_readers() {
        let t =
            Templates::compile(&files(&[("a.html", "{{ a | human_date }}|{{ b | human_date }}|{{ c | human_date }}")]))
                .unwrap();
        let html = t.render("a.html", &serde_json::json!({"a": "2001-11-23", "b": "2017-02", "c": null})).unwrap();
        assert_eq!(html, "23 November 2001|February 2017|");
        let bad = t.render("a.html", &serde_json::json!({"a": "soon", "b": "", "c": null})).unwrap_err();
        assert!(bad.message.contains("not a date"), "{}", bad.message);
    }

    #[test]
    fn missing_variables_are_reported() {
        let t = Templates::compile(&files(&[("a.html", "{{ nope.x }}")])).unwrap();
        let d = t.render("a.html", &serde_json::json!({})).unwrap_err();
        assert!(d.message.contains("nope"), "{}", d.message);
    }
}
