//! The demo's clock and dice: days in the office's time zone, instants within them, and a fixed-seed
//! generator, so that every run gives the same demo.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use domain::call::Moment;

/// The office's time zone: the first call ran "from 1 Dey to 30 Bahman" in Isfahan's days.
pub const TEHRAN: Tz = chrono_tz::Asia::Tehran;

/// A day of the demo's calendar, written in the code (evaluated at compile time where it is a constant).
pub const fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(day) => day,
        None => panic!("not a calendar date"),
    }
}

/// The office's day at `at`.
pub fn office_day(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&TEHRAN).date_naive()
}

/// `minutes` after the start of `day` in the office's time zone.
pub fn office_time(day: NaiveDate, minutes: i64) -> DateTime<Utc> {
    Moment::Day(day).start(TEHRAN) + Duration::minutes(minutes)
}

pub fn start_of(day: NaiveDate) -> DateTime<Utc> {
    Moment::Day(day).start(TEHRAN)
}

pub fn end_of(day: NaiveDate) -> DateTime<Utc> {
    Moment::Day(day).end(TEHRAN)
}

/// The instant `fraction` of the way from `from` to `until` (`from` when `until` is not later).
pub fn between(from: DateTime<Utc>, until: DateTime<Utc>, fraction: f64) -> DateTime<Utc> {
    let seconds = (until - from).num_seconds().max(0) as f64 * fraction;
    from + Duration::seconds(seconds as i64)
}

/// SplitMix64, spelled out rather than borrowed so that the demo stays the same across runs, platforms and
/// versions of the rand crate.
pub struct Dice(pub u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// 0 ..< n, and 0 when n is 0.
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }

    /// [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, probability: f64) -> bool {
        self.unit() < probability
    }

    /// One of a list, None when it is empty.
    pub fn choose<T: Copy>(&mut self, items: &[T]) -> Option<T> {
        items.get(self.below(items.len())).copied()
    }

    /// One of a list of texts ("" when it is empty; the data's test keeps them filled).
    pub fn pick<'a>(&mut self, texts: &'a [String]) -> &'a str {
        texts.get(self.below(texts.len())).map_or("", String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dice_give_the_same_draws_every_run() {
        let mut dice = Dice(0x1399_1001);
        let draws: Vec<usize> = (0..5).map(|_| dice.below(100)).collect();
        let mut again = Dice(0x1399_1001);
        assert_eq!(draws, (0..5).map(|_| again.below(100)).collect::<Vec<_>>());
        assert_eq!(dice.below(0), 0);
        assert!((0..1000).all(|_| (0.0..1.0).contains(&dice.unit())));
    }

    #[test]
    fn office_times_are_in_tehran() {
        let day = date(2021, 2, 26);
        assert_eq!(office_time(day, 9 * 60).to_rfc3339(), "2021-02-26T05:30:00+00:00");
        assert_eq!(office_day(office_time(day, 23 * 60)), day);
        assert_eq!(between(start_of(day), end_of(day), 0.0), start_of(day));
    }
}
