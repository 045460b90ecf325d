//! A call's window and phase, and how dates without a time are read in the office's time zone.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

use crate::wire_enum;

wire_enum! {
    /// Where a call stands, derived from its window and the clock; never stored.
    pub enum CallPhase ("call phase") {
        Upcoming => "upcoming",
        Open => "open",
        Closed => "closed",
        InReview => "in_review",
        Decided => "decided",
    }
}

wire_enum! {
    /// What the asking account may do next with a call, as its view lists it (`allowedActions`).
    pub enum CallAction ("call action") {
        /// Change the call's texts, window or settings (staff).
        Edit => "edit",
        /// Close the call now, before its deadline (staff; the call is open).
        Close => "close",
        /// Propose an idea in it (signed in; the call is open and the account is under its limit of ideas).
        ProposeIdea => "propose_idea",
        /// Set or change its rubric (staff; no review locked it and the decisions are not out).
        EditRubric => "edit_rubric",
        /// Unlock its rubric that reviews locked (staff; the decisions are not out).
        ReopenRubric => "reopen_rubric",
        /// Record decisions on its ideas (staff; the decisions are not out).
        RecordDecisions => "record_decisions",
        /// Publish its decisions (staff; the call is closed and every idea with the jury is decided).
        PublishDecisions => "publish_decisions",
    }
}

/// When citizens may propose (opens_at ..= closes_at) and when the jury reviews.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CallWindow {
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    pub review_opens_at: DateTime<Utc>,
    pub review_closes_at: DateTime<Utc>,
}

/// Which bound of the window is out of order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum WindowError {
    #[error("closesAt must be after opensAt")]
    ClosesBeforeOpening,
    #[error("the review window cannot open before the call closes")]
    ReviewBeforeClosing,
    #[error("reviewClosesAt must be after reviewOpensAt")]
    ReviewClosesBeforeOpening,
}

impl WindowError {
    /// The field the error is about, as named on the wire.
    pub fn field(self) -> &'static str {
        match self {
            WindowError::ClosesBeforeOpening => "closesAt",
            WindowError::ReviewBeforeClosing => "reviewOpensAt",
            WindowError::ReviewClosesBeforeOpening => "reviewClosesAt",
        }
    }
}

impl CallWindow {
    pub fn check(&self) -> Result<(), WindowError> {
        if self.closes_at <= self.opens_at {
            return Err(WindowError::ClosesBeforeOpening);
        }
        if self.review_opens_at < self.closes_at {
            return Err(WindowError::ReviewBeforeClosing);
        }
        if self.review_closes_at <= self.review_opens_at {
            return Err(WindowError::ReviewClosesBeforeOpening);
        }
        Ok(())
    }

    /// The phase at `now`; `decided` once the call's decisions are published.
    pub fn phase(&self, decided: bool, now: DateTime<Utc>) -> CallPhase {
        if decided {
            CallPhase::Decided
        } else if now < self.opens_at {
            CallPhase::Upcoming
        } else if now <= self.closes_at {
            CallPhase::Open
        } else if now < self.review_opens_at {
            CallPhase::Closed
        } else {
            CallPhase::InReview
        }
    }
}

/// A moment as a person gives it: an exact instant, or a day in the office's calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moment {
    At(DateTime<Utc>),
    Day(NaiveDate),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("expected an RFC 3339 date-time (2026-12-21T08:30:00+03:30) or a date (2026-12-21), in the years 1900 to 2200")]
pub struct MomentError;

/// A calendar day written strictly `YYYY-MM-DD` (Latin digits, zero-padded), in the years 1900 to
/// 2200 like a `Moment`.
pub fn parse_day(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let shaped = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .filter(|day| shaped && (1900..=2200).contains(&day.year()))
}

impl Moment {
    /// Years outside 1900–2200 are refused: no call lives there, and the calendar arithmetic on a
    /// day near chrono's limits would overflow.
    pub fn parse(text: &str) -> Result<Moment, MomentError> {
        let moment = match DateTime::parse_from_rfc3339(text) {
            Ok(at) => Moment::At(at.with_timezone(&Utc)),
            Err(_) => NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .map(Moment::Day)
                .map_err(|_| MomentError)?,
        };
        let year = match moment {
            Moment::At(at) => at.year(),
            Moment::Day(day) => day.year(),
        };
        if (1900..=2200).contains(&year) {
            Ok(moment)
        } else {
            Err(MomentError)
        }
    }

    /// The instant, reading a bare day as its first moment in `zone`.
    pub fn start(self, zone: Tz) -> DateTime<Utc> {
        match self {
            Moment::At(at) => at,
            Moment::Day(day) => local(zone, day.and_time(NaiveTime::MIN)),
        }
    }

    /// The instant, reading a bare day as its last moment in `zone` ("until 30 Bahman" includes all
    /// of that day). Microseconds are what PostgreSQL keeps, so the bound survives storage exactly.
    pub fn end(self, zone: Tz) -> DateTime<Utc> {
        match self {
            Moment::At(at) => at,
            Moment::Day(day) => {
                local(zone, day.and_time(NaiveTime::MIN) + Duration::days(1)) - Duration::microseconds(1)
            }
        }
    }
}

/// A local wall-clock time in UTC; a time skipped by a clock change moves forward an hour.
fn local(zone: Tz, wall: NaiveDateTime) -> DateTime<Utc> {
    zone.from_local_datetime(&wall)
        .earliest()
        .or_else(|| zone.from_local_datetime(&(wall + Duration::hours(1))).earliest())
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| Utc.from_utc_datetime(&wall))
}

/// The office's calendar day of an instant, for statistics per day.
pub fn office_day(at: DateTime<Utc>, zone: Tz) -> NaiveDate {
    at.with_timezone(&zone).date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_strict_and_in_range() {
        assert_eq!(
            parse_day("2016-09-21").map(|d| d.to_string()),
            Some("2016-09-21".into())
        );
        assert!(parse_day("1900-01-01").is_some() && parse_day("2200-12-31").is_some());
        for bad in [
            "2016-9-21",
            "21-09-2016",
            "2016-02-30",
            "1899-12-31",
            "2201-01-01",
            "+2016-09-21",
            "2016-09-21T00:00:00Z",
            "۲۰۱۶-۰۹-۲۱",
            "",
        ] {
            assert_eq!(parse_day(bad), None, "{bad}");
        }
    }

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).expect("valid").with_timezone(&Utc)
    }

    fn window() -> CallWindow {
        CallWindow {
            opens_at: utc("2020-12-20T20:30:00Z"),
            closes_at: utc("2021-02-18T20:29:59Z"),
            review_opens_at: utc("2021-02-19T00:00:00Z"),
            review_closes_at: utc("2021-03-19T00:00:00Z"),
        }
    }

    #[test]
    fn phases_follow_the_clock() {
        let w = window();
        assert_eq!(w.phase(false, utc("2020-12-20T20:29:59Z")), CallPhase::Upcoming);
        assert_eq!(w.phase(false, w.opens_at), CallPhase::Open);
        assert_eq!(w.phase(false, w.closes_at), CallPhase::Open);
        assert_eq!(w.phase(false, w.closes_at + Duration::seconds(1)), CallPhase::Closed);
        assert_eq!(w.phase(false, w.review_opens_at), CallPhase::InReview);
        assert_eq!(w.phase(false, utc("2022-01-01T00:00:00Z")), CallPhase::InReview);
        assert_eq!(w.phase(true, w.opens_at), CallPhase::Decided);
    }

    #[test]
    fn window_bounds_must_be_in_order() {
        assert_eq!(window().check(), Ok(()));
        let w = CallWindow {
            closes_at: window().opens_at,
            ..window()
        };
        assert_eq!(w.check(), Err(WindowError::ClosesBeforeOpening));
        let w = CallWindow {
            review_opens_at: utc("2021-02-01T00:00:00Z"),
            ..window()
        };
        assert_eq!(w.check().map_err(WindowError::field), Err("reviewOpensAt"));
        let w = CallWindow {
            review_closes_at: window().review_opens_at,
            ..window()
        };
        assert_eq!(w.check(), Err(WindowError::ReviewClosesBeforeOpening));
    }

    #[test]
    fn a_bare_day_is_read_in_the_office_time_zone() {
        let tehran: Tz = "Asia/Tehran".parse().expect("zone");
        // 1 Dey 1399 = 21 December 2020; 30 Bahman 1399 = 18 February 2021; Tehran was UTC+03:30 then.
        let opens = Moment::parse("2020-12-21").expect("date");
        assert_eq!(opens.start(tehran), utc("2020-12-20T20:30:00Z"));
        let closes = Moment::parse("2021-02-18").expect("date");
        assert_eq!(closes.end(tehran), utc("2021-02-18T20:29:59.999999Z"));
    }

    #[test]
    fn the_last_day_of_summer_time_in_tehran() {
        // Iran kept daylight saving time until 2022: 1 June 2021 ended at midnight +04:30.
        let tehran: Tz = "Asia/Tehran".parse().expect("zone");
        let day = Moment::parse("2021-06-01").expect("date");
        assert_eq!(day.end(tehran), utc("2021-06-01T19:29:59.999999Z"));
    }

    #[test]
    fn an_instant_stays_itself() {
        let tehran: Tz = "Asia/Tehran".parse().expect("zone");
        let at = Moment::parse("2026-12-21T08:30:00+03:30").expect("instant");
        assert_eq!(at.start(tehran), utc("2026-12-21T05:00:00Z"));
        assert_eq!(at.end(tehran), utc("2026-12-21T05:00:00Z"));
        assert!(Moment::parse("21/12/2026").is_err());
        // Far years are refused rather than overflowing the calendar arithmetic.
        assert!(Moment::parse("262143-12-31").is_err());
        assert!(Moment::parse("+262143-12-31").is_err());
        assert!(Moment::parse("0001-01-01T00:00:00Z").is_err());
        assert!(Moment::parse("2200-12-31").is_ok());
        assert!(Moment::parse("2026-13-01").is_err());
    }

    #[test]
    fn office_days() {
        let tehran: Tz = "Asia/Tehran".parse().expect("zone");
        assert_eq!(
            office_day(utc("2026-11-26T21:00:00Z"), tehran),
            NaiveDate::from_ymd_opt(2026, 11, 27).expect("date")
        );
    }
}
