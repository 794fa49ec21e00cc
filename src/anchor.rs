//! Heading ids: public citation URLs, so the rule never changes silently.
//!
//! 1. An explicit `{#id}` on the heading wins.
//! 2. A heading that starts with "Article N" gets `art-N`; a Latin ordinal
//!    suffix is kept ("Article 13 bis" gives `art-13-bis`).
//! 3. Any other heading gets its text slugified (`Scope and purpose` gives
//!    `scope-and-purpose`; empty text gives `section`).
//! 4. Ids are made unique within a page by `-1`, `-2`… in document order,
//!    never taking an id that a heading sets explicitly.

use std::collections::BTreeSet;

const ORDINALS: &[&str] =
    &["bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "nonies", "decies"];

/// The id a heading's text asks for, before it is made unique.
pub fn heading_id(text: &str) -> String {
    article_id(text).unwrap_or_else(|| {
        let s = slug::slugify(text);
        if s.is_empty() { "section".to_string() } else { s }
    })
}

/// `art-N` (with an ordinal suffix) when `text` starts with "Article N".
fn article_id(text: &str) -> Option<String> {
    let mut words = text.split_whitespace();
    if !words.next()?.eq_ignore_ascii_case("article") {
        return None;
    }
    let number_word = words.next()?;
    let number: String = number_word.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
    if !number.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let mut id = format!("art-{}", number.to_ascii_lowercase());
    // "Article 13 bis" — the suffix is its own word, when the number word ended cleanly.
    if number.len() == number_word.len() {
        if let Some(next) = words.next() {
            let word: String = next.chars().take_while(|c| c.is_ascii_alphabetic()).collect::<String>().to_lowercase();
            if ORDINALS.contains(&word.as_str()) {
                id.push('-');
                id.push_str(&word);
            }
        }
    }
    Some(id)
}

/// The ids taken on one page.
#[derive(Debug, Default, Clone)]
pub struct Ids {
    used: BTreeSet<String>,
    reserved: BTreeSet<String>,
}

impl Ids {
    /// Starts with the ids headings set explicitly, which automatic ids avoid.
    pub fn with_explicit(explicit: impl IntoIterator<Item = String>) -> Ids {
        Ids { used: BTreeSet::new(), reserved: explicit.into_iter().collect() }
    }

    /// Takes an explicit id; false if the page already used it.
    pub fn take_explicit(&mut self, id: &str) -> bool {
        self.used.insert(id.to_string())
    }

    /// Takes `base`, or the first free `base-1`, `base-2`…
    pub fn take(&mut self, base: &str) -> String {
        let free = |s: &String, ids: &Ids| !ids.used.contains(s) && !ids.reserved.contains(s);
        let mut id = base.to_string();
        let mut n = 0;
        while !free(&id, self) {
            n += 1;
            id = format!("{base}-{n}");
        }
        self.used.insert(id.clone());
        id
    }

    pub fn into_set(self) -> BTreeSet<String> {
        self.used
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_headings_get_article_ids() {
        assert_eq!(heading_id("Article 35 – 24/7 Network"), "art-35");
        assert_eq!(heading_id("Article 13 bis"), "art-13-bis");
        assert_eq!(heading_id("Article 2: Illegal access"), "art-2");
        assert_eq!(heading_id("ARTICLE 7A Forgery"), "art-7a");
        assert_eq!(heading_id("Article 12 Bis. Something"), "art-12-bis");
    }

    #[test]
    fn other_headings_are_slugified() {
        assert_eq!(heading_id("Articles 2–11: offences"), "articles-2-11-offences");
        assert_eq!(heading_id("Article on sovereignty"), "article-on-sovereignty");
        assert_eq!(heading_id("Côte d'Ivoire & Ghana"), "cote-d-ivoire-ghana");
        assert_eq!(heading_id("!!!"), "section");
    }

    #[test]
    fn ids_are_unique_and_avoid_explicit_ones() {
        let mut ids = Ids::with_explicit(["scope-1".to_string()]);
        assert_eq!(ids.take("scope"), "scope");
        assert_eq!(ids.take("scope"), "scope-2");
        assert!(ids.take_explicit("scope-1"));
        assert!(!ids.take_explicit("scope"));
    }
}
