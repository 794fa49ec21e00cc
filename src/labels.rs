//! Words for the enumerated front-matter values, as readers see them.
//!
//! 1. [`instrument_label`]: "treaty", "directive"…
//! 2. [`status_label`]: "in force", "not yet in force"…
//! 3. [`case_type_label`]: "law-enforcement operation", "attribution"…
//! 4. [`nav_label`]: one word per section for the menu ("Treaties").

use crate::kind::Kind;
use crate::raw::{CaseType, Instrument, Status};

/// The instrument type, in lower case.
pub fn instrument_label(i: Instrument) -> &'static str {
    match i {
        Instrument::Treaty => "treaty",
        Instrument::Protocol => "protocol",
        Instrument::Directive => "directive",
        Instrument::Regulation => "regulation",
        Instrument::Resolution => "resolution",
        Instrument::Report => "report",
        Instrument::Declaration => "declaration",
        Instrument::Manual => "manual",
        Instrument::Strategy => "strategy",
    }
}

/// The legal status, in lower case.
pub fn status_label(s: Status) -> &'static str {
    match s {
        Status::InForce => "in force",
        Status::NotYetInForce => "not yet in force",
        Status::Superseded => "superseded",
        Status::Repealed => "repealed",
    }
}

/// The type of a case study, in lower case.
pub fn case_type_label(c: CaseType) -> &'static str {
    match c {
        CaseType::LawEnforcementOperation => "law-enforcement operation",
        CaseType::Attribution => "attribution",
        CaseType::Sanctions => "sanctions",
        CaseType::Incident => "incident",
    }
}

/// One word for a section in the site's menu.
pub fn nav_label(k: Kind) -> &'static str {
    match k {
        Kind::Treaty => "Treaties",
        Kind::Organisation => "Organisations",
        Kind::Principle => "Principles",
        Kind::Case => "Cases",
        Kind::Topic => "Topics",
        Kind::Page => "Pages",
    }
}
