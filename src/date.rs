//! Dates as editors write them: a full TOML date, or `"YYYY"` / `"YYYY-MM"`
//! when only the year or month is known.
//!
//! 1. Deserialize from a TOML value: a local date, or a string.
//! 2. Validate the parts (month 1–12, day in month), rejecting times.
//! 3. Display back in ISO form, and order dates by their known parts.
//! 4. Write them for readers ("23 November 2001", "February 2017", "2017").

use std::fmt;

use serde::Serialize;
use serde::de::{self, Deserialize, Deserializer};

/// A date known to the year, the month or the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    pub fn ymd(year: u16, month: u8, day: u8) -> Self {
        PartialDate { year, month: Some(month), day: Some(day) }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Result<Self, String> {
        let bad = || format!("`{s}` is not a date; write 2024-10-09, \"2024-10\" or \"2024\"");
        let mut parts = s.split('-');
        let year = parts.next().filter(|p| p.len() == 4).and_then(|p| p.parse::<u16>().ok()).ok_or_else(bad)?;
        let mut num = |len: usize| -> Result<Option<u8>, String> {
            match parts.next() {
                None => Ok(None),
                Some(p) if p.len() == len => p.parse::<u8>().map(Some).map_err(|_| bad()),
                Some(_) => Err(bad()),
            }
        };
        let month = num(2)?;
        let day = if month.is_some() { num(2)? } else { None };
        if parts.next().is_some() {
            return Err(bad());
        }
        let date = PartialDate { year, month, day };
        date.validate()?;
        Ok(date)
    }

    fn validate(&self) -> Result<(), String> {
        if let Some(m) = self.month {
            if !(1..=12).contains(&m) {
                return Err(format!("month {m} is not between 1 and 12"));
            }
            if let Some(d) = self.day {
                let max = days_in_month(self.year, m);
                if d == 0 || d > max {
                    return Err(format!("{}-{m:02} has no day {d}", self.year));
                }
            }
        }
        Ok(())
    }

    /// The year as a number, for grouping.
    pub fn year(&self) -> u16 {
        self.year
    }

    /// The date for readers, in English: "23 November 2001", "February 2017", "2017".
    pub fn human(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {}", MONTHS[usize::from(m - 1)], self.year),
            (Some(m), None) => format!("{} {}", MONTHS[usize::from(m - 1)], self.year),
            _ => self.year.to_string(),
        }
    }

    /// The last day the date may mean ("2024" is 2024-12-31), counted in
    /// days since 1970-01-01, so ages can be compared.
    pub fn last_day(&self) -> i64 {
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or_else(|| days_in_month(self.year, month));
        days_from_civil(i64::from(self.year), i64::from(month), i64::from(day))
    }

    /// The day `days` after 1970-01-01 (years 0 to 9999).
    pub fn from_days(days: i64) -> PartialDate {
        let (y, m, d) = civil_from_days(days);
        PartialDate::ymd(y.clamp(0, 9999) as u16, m as u8, d as u8)
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`].
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match toml::Value::deserialize(d)? {
            toml::Value::String(s) => PartialDate::parse(&s).map_err(de::Error::custom),
            toml::Value::Datetime(dt) => from_datetime(&dt).map_err(de::Error::custom),
            other => Err(de::Error::custom(format!(
                "expected a date like 2024-10-09 (or \"2024-10\" / \"2024\"), found {}",
                other.type_str()
            ))),
        }
    }
}

fn from_datetime(dt: &toml::value::Datetime) -> Result<PartialDate, String> {
    match (dt.date, dt.time) {
        (Some(d), None) => Ok(PartialDate::ymd(d.year, d.month, d.day)),
        _ => Err(format!("`{dt}` has a time; write the date alone, like 2024-10-09")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct Doc {
        d: PartialDate,
    }

    fn de(src: &str) -> Result<PartialDate, String> {
        toml::from_str::<Doc>(src).map(|d| d.d).map_err(|e| e.message().to_string())
    }

    #[test]
    fn accepts_toml_dates_and_partial_strings() {
        assert_eq!(de("d = 2024-10-09").unwrap(), PartialDate::ymd(2024, 10, 9));
        assert_eq!(de("d = \"2017\"").unwrap().to_string(), "2017");
        assert_eq!(de("d = \"2017-02\"").unwrap().to_string(), "2017-02");
    }

    #[test]
    fn rejects_times_bad_months_and_other_types() {
        assert!(de("d = 2024-10-09T10:00:00Z").unwrap_err().contains("has a time"));
        assert!(de("d = \"2024-13\"").unwrap_err().contains("month 13"));
        assert!(de("d = \"2023-02-29\"").unwrap_err().contains("no day 29"));
        assert!(de("d = 2024").unwrap_err().contains("expected a date"));
        assert!(de("d = \"24\"").unwrap_err().contains("not a date"));
    }

    #[test]
    fn days_count_from_1970_and_back() {
        assert_eq!(PartialDate::ymd(1970, 1, 1).last_day(), 0);
        assert_eq!(PartialDate::ymd(2000, 3, 1).last_day(), 11_017);
        assert_eq!(PartialDate::parse("2024").unwrap().last_day(), PartialDate::ymd(2024, 12, 31).last_day());
        assert_eq!(PartialDate::parse("2024-02").unwrap().last_day(), PartialDate::ymd(2024, 2, 29).last_day());
        for days in [-1, 0, 59, 11_016, 11_017, 20_000, 2_932_896] {
            assert_eq!(PartialDate::from_days(days).last_day(), days, "{days}");
        }
        assert_eq!(PartialDate::from_days(19_783).to_string(), "2024-03-01");
    }

    #[test]
    fn human_form_names_the_month_and_drops_leading_zeros() {
        assert_eq!(PartialDate::parse("2001-11-23").unwrap().human(), "23 November 2001");
        assert_eq!(PartialDate::parse("2004-07-01").unwrap().human(), "1 July 2004");
        assert_eq!(PartialDate::parse("2017-02").unwrap().human(), "February 2017");
        assert_eq!(PartialDate::parse("2017").unwrap().human(), "2017");
    }

    #[test]
    fn orders_by_known_parts() {
        assert!(PartialDate::parse("2017").unwrap() < PartialDate::parse("2017-02").unwrap());
        assert!(PartialDate::parse("2016-12-31").unwrap() < PartialDate::parse("2017").unwrap());
    }
}
