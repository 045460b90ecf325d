//! Dates and numbers as the reader expects them: the Jalali (Persian) calendar with Persian digits for
//! Persian readers, the Gregorian calendar for English readers, both in the office's time zone (a
//! deadline at 23:59 in Isfahan is that day there, wherever the server runs).

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use chrono_tz::Tz;
use domain::account::Locale;
use icu_calendar::Date;
use icu_calendar::cal::Persian;

const PERSIAN_MONTHS: [&str; 12] = [
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
];

const ENGLISH_MONTHS: [&str; 12] = [
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

/// A day of the Jalali calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JalaliDate {
    pub year: i32,
    /// 1 (Farvardin) to 12 (Esfand).
    pub month: u8,
    pub day: u8,
}

/// The Jalali day of a Gregorian one, by ICU4X's Persian calendar (right on the 1403 leap year, where
/// the common 33-year arithmetic is off by a day).
pub fn to_jalali(date: NaiveDate) -> Option<JalaliDate> {
    let month = u8::try_from(date.month()).ok()?;
    let day = u8::try_from(date.day()).ok()?;
    let iso = Date::try_new_iso(date.year(), month, day).ok()?;
    let persian = iso.to_calendar(Persian);
    Some(JalaliDate {
        year: persian.era_year().year,
        month: persian.month().ordinal,
        day: persian.day_of_month().0,
    })
}

/// Western digits written as Persian ones (۰ to ۹); everything else is kept.
pub fn persian_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c.to_digit(10) {
            Some(digit) if c.is_ascii_digit() => char::from_u32('۰' as u32 + digit).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Digits in the reader's script.
pub fn localize_digits(text: &str, locale: Locale) -> String {
    match locale {
        Locale::Fa => persian_digits(text),
        Locale::En => text.to_owned(),
    }
}

/// A calendar day: "۱۵ بهمن ۱۴۰۵" or "20 December 2026".
pub fn format_date(date: NaiveDate, locale: Locale) -> String {
    match locale {
        Locale::Fa => match to_jalali(date) {
            Some(jalali) => {
                let month = PERSIAN_MONTHS[usize::from(jalali.month.clamp(1, 12) - 1)];
                persian_digits(&format!("{} {month} {}", jalali.day, jalali.year))
            }
            // Out of the calendar's range: still a readable date rather than a failed message.
            None => persian_digits(&date.format("%Y-%m-%d").to_string()),
        },
        Locale::En => {
            let month = ENGLISH_MONTHS[date.month0() as usize];
            format!("{} {month} {}", date.day(), date.year())
        }
    }
}

/// A moment, in the office's zone: "۱۵ بهمن ۱۴۰۵، ساعت ۱۴:۳۰" or "20 December 2026, 14:30".
pub fn format_datetime(moment: DateTime<Utc>, zone: Tz, locale: Locale) -> String {
    let local = moment.with_timezone(&zone);
    let date = format_date(local.date_naive(), locale);
    let time = format!("{:02}:{:02}", local.hour(), local.minute());
    match locale {
        Locale::Fa => format!("{date}، ساعت {}", persian_digits(&time)),
        Locale::En => format!("{date}, {time}"),
    }
}

/// The calendar day of a moment in the office's zone.
pub fn local_date(moment: DateTime<Utc>, zone: Tz) -> NaiveDate {
    moment.with_timezone(&zone).date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("a date")
    }

    fn jalali(year: i32, month: u8, day: u8) -> Option<JalaliDate> {
        Some(JalaliDate { year, month, day })
    }

    #[test]
    fn known_days_convert_to_the_jalali_calendar() {
        assert_eq!(to_jalali(day("2026-03-21")), jalali(1405, 1, 1));
        assert_eq!(to_jalali(day("2025-03-21")), jalali(1404, 1, 1));
        // 1403 is a leap year that starts on the 20th: where simple arithmetic goes wrong.
        assert_eq!(to_jalali(day("2024-03-20")), jalali(1403, 1, 1));
        assert_eq!(to_jalali(day("2025-03-20")), jalali(1403, 12, 30));
        assert_eq!(to_jalali(day("2026-12-07")), jalali(1405, 9, 16));
        assert_eq!(to_jalali(day("2027-02-04")), jalali(1405, 11, 15));
    }

    #[test]
    fn persian_dates_use_month_names_and_persian_digits() {
        assert_eq!(format_date(day("2027-02-04"), Locale::Fa), "۱۵ بهمن ۱۴۰۵");
        assert_eq!(format_date(day("2026-12-07"), Locale::Fa), "۱۶ آذر ۱۴۰۵");
        assert_eq!(format_date(day("2026-12-20"), Locale::En), "20 December 2026");
    }

    #[test]
    fn moments_are_shown_in_the_office_zone() {
        let moment: DateTime<Utc> = "2026-12-20T11:00:00Z".parse().expect("a moment");
        let tehran = chrono_tz::Asia::Tehran;
        assert_eq!(format_datetime(moment, tehran, Locale::En), "20 December 2026, 14:30");
        assert_eq!(format_datetime(moment, tehran, Locale::Fa), "۲۹ آذر ۱۴۰۵، ساعت ۱۴:۳۰");
        // 22:00 UTC is already the next day in Tehran.
        let late: DateTime<Utc> = "2026-12-20T22:00:00Z".parse().expect("a moment");
        assert_eq!(local_date(late, tehran), day("2026-12-21"));
    }

    #[test]
    fn digits_follow_the_locale() {
        assert_eq!(localize_digits("12 of 30", Locale::Fa), "۱۲ of ۳۰");
        assert_eq!(localize_digits("12", Locale::En), "12");
    }
}
