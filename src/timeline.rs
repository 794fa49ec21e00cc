//! The `/timeline/` page: every dated event of the site, in order.
//!
//! 1. Collect the events: a treaty's adoption, opening for signature and
//!    entry into force; a case's date (with its end date, if any).
//! 2. Sort them by date, then by the order of the steps, then by title.
//! 3. Group them by year, oldest first, for `timeline.html`.

use serde::Serialize;

use crate::date::PartialDate;
use crate::kind::Kind;
use crate::page::{Meta, Page};
use crate::views::{LinkView, Views, case_type_label};

/// Every dated event, grouped by year.
#[derive(Debug, Serialize)]
pub struct TimelineView<'a> {
    /// How many events there are in all.
    pub count: usize,
    pub years: Vec<YearView<'a>>,
}

/// The events of one year, in order.
#[derive(Debug, Serialize)]
pub struct YearView<'a> {
    pub year: u16,
    pub events: Vec<EventView<'a>>,
}

/// One dated event and the page it belongs to.
#[derive(Debug, Serialize)]
pub struct EventView<'a> {
    /// ISO date (`2001-11-23`, `2016-08`, `1997`).
    pub date: String,
    /// ISO end date, for a case that lasted more than a day.
    pub end_date: Option<String>,
    /// What happened: `adopted`, `opened-for-signature`, `in-force` or `case`.
    pub event: &'static str,
    /// The same, for readers ("Opened for signature", "Law-enforcement operation").
    pub label: &'static str,
    pub kind: Kind,
    pub page: LinkView<'a>,
    /// For instruments: whether it is legally binding.
    pub binding: Option<bool>,
}

/// An event before it is grouped: its sort key and its view.
struct Dated<'a> {
    date: PartialDate,
    step: u8,
    view: EventView<'a>,
}

/// The timeline of the whole site.
pub fn timeline<'a>(views: &Views<'a>) -> TimelineView<'a> {
    let mut events: Vec<Dated<'a>> = views.graph.pages.values().flat_map(|p| page_events(views, p)).collect();
    events.sort_by(|a, b| {
        (a.date, a.step, a.view.page.title, &a.view.page.url).cmp(&(
            b.date,
            b.step,
            b.view.page.title,
            &b.view.page.url,
        ))
    });
    let count = events.len();
    let mut years: Vec<YearView<'a>> = Vec::new();
    for e in events {
        match years.last_mut() {
            Some(y) if y.year == e.date.year() => y.events.push(e.view),
            _ => years.push(YearView { year: e.date.year(), events: vec![e.view] }),
        }
    }
    TimelineView { count, years }
}

/// The dated events of one page.
fn page_events<'a>(views: &Views<'a>, page: &'a Page) -> Vec<Dated<'a>> {
    let Some(link) = views.link(&page.key) else { return Vec::new() };
    let event = |date: PartialDate, step: u8, event, label, end_date: Option<PartialDate>, binding| Dated {
        date,
        step,
        view: EventView {
            date: date.to_string(),
            end_date: end_date.map(|d| d.to_string()),
            event,
            label,
            kind: page.kind,
            page: LinkView { title: link.title, url: link.url.clone(), summary: link.summary },
            binding,
        },
    };
    match &page.meta {
        Meta::Treaty(t) => {
            let b = Some(t.binding);
            [
                t.adopted.map(|d| event(d, 0, "adopted", "Adopted", None, b)),
                t.opened_for_signature.map(|d| event(d, 1, "opened-for-signature", "Opened for signature", None, b)),
                t.in_force.map(|d| event(d, 2, "in-force", "Entered into force", None, b)),
            ]
            .into_iter()
            .flatten()
            .collect()
        }
        Meta::Case(c) => {
            let label = c.case_type.map_or("Case study", |t| capitalised(case_type_label(t)));
            c.date
                .map(|d| event(d, 3, "case", label, c.end_date.as_ref().map(|e| *e.get_ref()), None))
                .into_iter()
                .collect()
        }
        Meta::Organisation(_) | Meta::Plain => Vec::new(),
    }
}

/// The case-type labels with a capital letter, as event labels.
fn capitalised(label: &'static str) -> &'static str {
    match label {
        "law-enforcement operation" => "Law-enforcement operation",
        "attribution" => "Attribution",
        "sanctions" => "Sanctions",
        "incident" => "Incident",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_graph::graph_of;

    #[test]
    fn events_are_grouped_by_year_in_date_order() {
        let graph = graph_of(&[
            ("treaties/a.md", "instrument = \"treaty\"\nbinding = true\nadopted = 2001-11-08\nin_force = \"2004\""),
            ("treaties/b.md", "instrument = \"report\"\nbinding = false\nadopted = \"2001-11\""),
            ("cases/c.md", "date = 2004-07-01\nend_date = 2004-07-03\ncase_type = \"attribution\""),
            ("organisations/o.md", "founded = 1949-05-05"),
        ]);
        let config = crate::config::Config::default_for_test();
        let t = timeline(&Views { graph: &graph, config: &config });
        assert_eq!(t.count, 4);
        let years: Vec<u16> = t.years.iter().map(|y| y.year).collect();
        assert_eq!(years, [2001, 2004]);
        let first: Vec<(&str, &str)> = t.years[0].events.iter().map(|e| (e.date.as_str(), e.event)).collect();
        assert_eq!(first, [("2001-11", "adopted"), ("2001-11-08", "adopted")]);
        let second: Vec<(&str, &str)> = t.years[1].events.iter().map(|e| (e.label, e.page.url.as_str())).collect();
        assert_eq!(second, [("Entered into force", "/treaties/a/"), ("Attribution", "/cases/c/")]);
        assert_eq!(t.years[1].events[1].end_date.as_deref(), Some("2004-07-03"));
        assert_eq!(t.years[0].events[0].binding, Some(false));
    }
}
