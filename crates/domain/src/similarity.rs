//! Near-duplicate detection of ideas: a fixed-size MinHash fingerprint per idea, stored with it, and the
//! estimated similarity of two ideas from their fingerprints alone, so a call of 10,000 ideas stays cheap.
//!
//! A fingerprint is the MinHash signature of the text's character trigrams. The hashing is spelled out here
//! (FNV-1a 64, then splitmix64 with fixed seeds) rather than borrowed from std, because fingerprints are stored
//! in the database and must stay equal across processes, platforms and Rust versions.

use std::cmp::Ordering;

/// The number of hash functions, and so of `u32` values in a fingerprint. Changing it invalidates every stored
/// fingerprint.
pub const SIGNATURE_LEN: usize = 128;

/// Shingle length in characters: trigrams catch a changed word without drowning in letters common to any text.
const SHINGLE_LEN: usize = 3;

/// A MinHash signature of a text's character shingles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint([u32; SIGNATURE_LEN]);

impl Fingerprint {
    /// The fingerprint of a text that is ALREADY folded with [`crate::text::fold`] (callers fold first).
    ///
    /// The shingles are the character trigrams of the text's words joined by single spaces; a text shorter
    /// than three characters is its own single shingle, and the empty text has none (every value `u32::MAX`).
    pub fn of_folded(text: &str) -> Fingerprint {
        let hashes = shingle_hashes(text);
        let mut signature = [u32::MAX; SIGNATURE_LEN];
        for &hash in &hashes {
            for (min, &seed) in signature.iter_mut().zip(SEEDS.iter()) {
                *min = (*min).min(permute(hash, seed));
            }
        }
        Fingerprint(signature)
    }

    /// Little-endian bytes, `SIGNATURE_LEN * 4` long, for storage.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|value| value.to_le_bytes()).collect()
    }

    /// The fingerprint stored by [`Fingerprint::to_bytes`]; `None` when the length is wrong.
    pub fn from_bytes(bytes: &[u8]) -> Option<Fingerprint> {
        if bytes.len() != SIGNATURE_LEN * 4 {
            return None;
        }
        let mut signature = [0; SIGNATURE_LEN];
        for (value, chunk) in signature.iter_mut().zip(bytes.chunks_exact(4)) {
            *value = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
        }
        Some(Fingerprint(signature))
    }

    /// Estimated Jaccard similarity of the two texts' shingle sets, in [0, 1]: the fraction of equal positions.
    /// An empty text is similar to nothing, not even another empty text, so blank ideas never pair up as
    /// duplicates.
    pub fn similarity(&self, other: &Fingerprint) -> f64 {
        if self.is_empty() || other.is_empty() {
            return 0.0;
        }
        let equal = self.0.iter().zip(other.0.iter()).filter(|(a, b)| a == b).count();
        equal as f64 / SIGNATURE_LEN as f64
    }

    /// Whether this is the fingerprint of the empty text.
    fn is_empty(&self) -> bool {
        self.0.iter().all(|&value| value == u32::MAX)
    }
}

/// One idea's best other match among `others`, by similarity (ties broken by the smaller id), skipping `own_id`.
pub fn best_match<Id: Copy + Ord>(own_id: Id, own: &Fingerprint, others: &[(Id, Fingerprint)]) -> Option<(Id, f64)> {
    others
        .iter()
        .filter(|(id, _)| *id != own_id)
        .map(|(id, fingerprint)| (*id, own.similarity(fingerprint)))
        .min_by(rank)
}

/// The `limit` most similar entries of `others` to `own` (skipping `own_id`), best first, ties by smaller id,
/// only those with similarity >= `min_score`.
pub fn most_similar<Id: Copy + Ord>(
    own_id: Id,
    own: &Fingerprint,
    others: &[(Id, Fingerprint)],
    limit: usize,
    min_score: f64,
) -> Vec<(Id, f64)> {
    if limit == 0 {
        return Vec::new();
    }
    let mut matches: Vec<(Id, f64)> = others
        .iter()
        .filter(|(id, _)| *id != own_id)
        .map(|(id, fingerprint)| (*id, own.similarity(fingerprint)))
        .filter(|&(_, score)| score >= min_score)
        .collect();
    // Selecting before sorting keeps a call of 10,000 ideas from sorting 10,000 matches for each idea.
    if matches.len() > limit {
        matches.select_nth_unstable_by(limit - 1, rank);
        matches.truncate(limit);
    }
    matches.sort_unstable_by(rank);
    matches
}

/// Best first: the higher score, then the smaller id.
fn rank<Id: Ord>(a: &(Id, f64), b: &(Id, f64)) -> Ordering {
    b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0))
}

/// The FNV-1a 64 hashes of the text's shingles, deduplicated (a repeated shingle changes no minimum).
fn shingle_hashes(text: &str) -> Vec<u64> {
    let mut chars: Vec<char> = Vec::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !chars.is_empty() {
            chars.push(' ');
        }
        chars.extend(word.chars());
    }
    let mut hashes: Vec<u64> = if chars.is_empty() {
        Vec::new()
    } else if chars.len() < SHINGLE_LEN {
        vec![fnv1a(&chars)]
    } else {
        chars.windows(SHINGLE_LEN).map(fnv1a).collect()
    };
    hashes.sort_unstable();
    hashes.dedup();
    hashes
}

/// FNV-1a 64 of the shingle's UTF-8 bytes.
fn fnv1a(shingle: &[char]) -> u64 {
    const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut buffer = [0u8; 4];
    let mut hash = OFFSET_BASIS;
    for c in shingle {
        for &byte in c.encode_utf8(&mut buffer).as_bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    hash
}

/// The `i`th hash function of MinHash: splitmix64 of the shingle hash under the `i`th seed, its high half.
fn permute(hash: u64, seed: u64) -> u32 {
    (splitmix64(hash ^ seed) >> 32) as u32
}

/// The splitmix64 finaliser: a cheap, well-mixing bijection on 64 bits.
const fn splitmix64(x: u64) -> u64 {
    let mut z = x;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The seeds of the `SIGNATURE_LEN` hash functions: the splitmix64 sequence from a fixed start, computed at
/// compile time so that they are the same in every build.
const SEEDS: [u64; SIGNATURE_LEN] = seeds();

const fn seeds() -> [u64; SIGNATURE_LEN] {
    const START: u64 = 0x0C17_12E4_D1A1_0000;
    const GOLDEN_GAMMA: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut seeds = [0; SIGNATURE_LEN];
    let mut state = START;
    let mut i = 0;
    while i < SIGNATURE_LEN {
        state = state.wrapping_add(GOLDEN_GAMMA);
        seeds[i] = splitmix64(state);
        i += 1;
    }
    seeds
}

#[cfg(test)]
mod tests {
    use super::{Fingerprint, SIGNATURE_LEN, best_match, most_similar};
    use crate::text::fold;

    const EXCHANGE: &str = "پیشنهاد می‌کنم دانشگاه اصفهان و دانشگاه دولتی سن‌پترزبورگ هر سال بیست دانشجو را \
        برای یک ترم با هم مبادله کنند. دانشجویان مهمان در خانه‌ی خانواده‌های میزبان زندگی کنند تا زبان و \
        فرهنگ یکدیگر را از نزدیک بشناسند. هزینه‌ی سفر را شهرداری‌های دو شهر خواهرخوانده به‌طور مشترک بپردازند.";

    const TRAM: &str = "فلورانس در ساخت تراموای شهری در میان بافت تاریخی تجربه‌ی ارزشمندی دارد. \
        مهندسان قطار شهری شیراز برای یک دوره‌ی آموزشی به آنجا بروند و روش ریل‌گذاری بدون آسیب به \
        بناهای قدیمی را بیاموزند.";

    const TRADE_FAIR: &str = "برگزاری نمایشگاه تجاری فرش و صنایع دستی ایرانی در کوالالامپور فرصتی برای \
        صادرکنندگان کوچک است. اتاق بازرگانی می‌تواند غرفه‌ها را با تخفیف در اختیار هنرمندان تبریز بگذارد.";

    fn fingerprint(text: &str) -> Fingerprint {
        Fingerprint::of_folded(&fold(text))
    }

    /// A fingerprint that agrees with `base` in exactly its first `equal` positions, so its similarity to
    /// `base` is exactly `equal / SIGNATURE_LEN`.
    fn agreeing_in(base: &Fingerprint, equal: usize) -> Fingerprint {
        let mut signature = base.0;
        for value in signature.iter_mut().skip(equal) {
            *value = value.wrapping_add(1);
        }
        Fingerprint(signature)
    }

    fn score(equal: usize) -> f64 {
        equal as f64 / SIGNATURE_LEN as f64
    }

    #[test]
    fn identical_texts_are_fully_similar() {
        assert_eq!(fingerprint(EXCHANGE).similarity(&fingerprint(EXCHANGE)), 1.0);
        let english = "Host twenty students from St. Petersburg at the University of Isfahan every spring.";
        assert_eq!(fingerprint(english).similarity(&fingerprint(english)), 1.0);
    }

    #[test]
    fn bytes_round_trip() {
        let original = fingerprint(EXCHANGE);
        let bytes = original.to_bytes();
        assert_eq!(bytes.len(), SIGNATURE_LEN * 4);
        assert_eq!(Fingerprint::from_bytes(&bytes), Some(original));
        let empty = fingerprint("");
        assert_eq!(Fingerprint::from_bytes(&empty.to_bytes()), Some(empty));
    }

    #[test]
    fn bytes_are_little_endian() {
        let bytes = fingerprint(EXCHANGE).to_bytes();
        assert_eq!(&bytes[..4], &fingerprint(EXCHANGE).0[0].to_le_bytes());
    }

    #[test]
    fn bytes_of_the_wrong_length_are_refused() {
        let bytes = fingerprint(EXCHANGE).to_bytes();
        assert_eq!(Fingerprint::from_bytes(&bytes[..bytes.len() - 1]), None);
        assert_eq!(Fingerprint::from_bytes(&[bytes.as_slice(), &[0]].concat()), None);
        assert_eq!(Fingerprint::from_bytes(&[]), None);
    }

    #[test]
    fn one_changed_word_is_a_near_duplicate() {
        let changed = EXCHANGE.replace("بیست", "سی");
        assert_ne!(changed, EXCHANGE);
        let similarity = fingerprint(EXCHANGE).similarity(&fingerprint(&changed));
        assert!(similarity > 0.7, "similarity {similarity}");
        assert!(similarity < 1.0, "similarity {similarity}");
    }

    #[test]
    fn english_with_one_changed_word_is_a_near_duplicate() {
        let original = "Let the University of Isfahan and St. Petersburg State University exchange twenty \
            students for one term every year, each living with a host family to learn the language.";
        let changed = original.replace("twenty", "thirty");
        let similarity = fingerprint(original).similarity(&fingerprint(&changed));
        assert!(similarity > 0.7, "similarity {similarity}");
    }

    #[test]
    fn arabic_keyboard_typing_is_the_same_idea() {
        let arabic = EXCHANGE.replace('ی', "ي").replace('ک', "ك");
        assert_ne!(arabic, EXCHANGE);
        assert_eq!(fingerprint(EXCHANGE).similarity(&fingerprint(&arabic)), 1.0);
    }

    #[test]
    fn unrelated_ideas_are_dissimilar() {
        let similarity = fingerprint(TRAM).similarity(&fingerprint(TRADE_FAIR));
        assert!(similarity < 0.25, "similarity {similarity}");
        let similarity = fingerprint(TRAM).similarity(&fingerprint(EXCHANGE));
        assert!(similarity < 0.25, "similarity {similarity}");
    }

    #[test]
    fn similarity_is_symmetric_and_within_bounds() {
        let texts = [EXCHANGE, TRAM, TRADE_FAIR, "تبادل", "ab", ""];
        for a in texts {
            for b in texts {
                let ab = fingerprint(a).similarity(&fingerprint(b));
                assert_eq!(ab, fingerprint(b).similarity(&fingerprint(a)));
                assert!((0.0..=1.0).contains(&ab), "similarity {ab}");
            }
        }
    }

    #[test]
    fn empty_text_is_similar_to_nothing() {
        let empty = fingerprint("");
        assert_eq!(empty.0, [u32::MAX; SIGNATURE_LEN]);
        assert_eq!(fingerprint("   \u{200C} ").0, [u32::MAX; SIGNATURE_LEN]);
        assert_eq!(empty.similarity(&fingerprint("")), 0.0);
        assert_eq!(empty.similarity(&fingerprint(EXCHANGE)), 0.0);
        assert_eq!(fingerprint(EXCHANGE).similarity(&empty), 0.0);
    }

    #[test]
    fn short_texts_are_their_own_shingle() {
        assert_ne!(fingerprint("ab").0, [u32::MAX; SIGNATURE_LEN]);
        assert_eq!(fingerprint("ab").similarity(&fingerprint("AB")), 1.0);
        assert_eq!(fingerprint("ab").similarity(&fingerprint("ba")), 0.0);
        assert_eq!(fingerprint("آب").similarity(&fingerprint("آب")), 1.0);
        assert_eq!(fingerprint("a").similarity(&fingerprint("a")), 1.0);
    }

    #[test]
    fn whitespace_between_words_counts_once() {
        assert_eq!(
            Fingerprint::of_folded("kuala lumpur"),
            Fingerprint::of_folded("  kuala \t\n lumpur ")
        );
    }

    #[test]
    fn shingles_are_characters_not_bytes() {
        // Three Persian letters are six bytes but one trigram. "کتبکت" has the trigrams کتب, تبک and بکت, so it
        // shares one of three with "کتب"; byte trigrams would give other sets and another score.
        let three = Fingerprint::of_folded("کتب");
        let five = Fingerprint::of_folded("کتبکت");
        let similarity = three.similarity(&five);
        assert!(similarity > 0.0 && similarity < 0.7, "similarity {similarity}");
    }

    #[test]
    fn fingerprint_is_deterministic() {
        // Stored fingerprints must never change meaning: a change of the hashing has to fail this test.
        let english = fingerprint("Tram know-how from Florence");
        assert_eq!(english.0[..4], [385_894_071, 26_270_280, 74_904_981, 163_082_595]);
        let persian = fingerprint("اصفهان");
        assert_eq!(persian.0[..4], [598_329_240, 73_291_312, 2_100_163_253, 1_463_390_715]);
    }

    #[test]
    fn best_match_picks_the_most_similar_other() {
        let own = fingerprint(EXCHANGE);
        let others = vec![
            (1, agreeing_in(&own, 10)),
            (2, agreeing_in(&own, 90)),
            (3, agreeing_in(&own, 40)),
        ];
        assert_eq!(best_match(7, &own, &others), Some((2, score(90))));
    }

    #[test]
    fn best_match_breaks_ties_by_the_smaller_id() {
        let own = fingerprint(EXCHANGE);
        let others = vec![
            (9, agreeing_in(&own, 64)),
            (4, agreeing_in(&own, 64)),
            (6, agreeing_in(&own, 64)),
        ];
        assert_eq!(best_match(1, &own, &others), Some((4, score(64))));
    }

    #[test]
    fn best_match_skips_its_own_id() {
        let own = fingerprint(EXCHANGE);
        let others = vec![(1, own.clone()), (2, agreeing_in(&own, 32))];
        assert_eq!(best_match(1, &own, &others), Some((2, score(32))));
        assert_eq!(best_match(1, &own, &[(1, own.clone())]), None);
        assert_eq!(best_match(1, &own, &[]), None);
    }

    #[test]
    fn best_match_of_an_empty_text_scores_zero() {
        let empty = fingerprint("");
        let others = vec![(5, fingerprint(TRAM)), (3, fingerprint(""))];
        assert_eq!(best_match(1, &empty, &others), Some((3, 0.0)));
    }

    #[test]
    fn most_similar_orders_best_first_with_ties_by_smaller_id() {
        let own = fingerprint(EXCHANGE);
        let others = vec![
            (5, agreeing_in(&own, 50)),
            (2, agreeing_in(&own, 100)),
            (8, agreeing_in(&own, 50)),
            (3, agreeing_in(&own, 50)),
            (1, agreeing_in(&own, 10)),
        ];
        assert_eq!(
            most_similar(0, &own, &others, 10, 0.0),
            vec![
                (2, score(100)),
                (3, score(50)),
                (5, score(50)),
                (8, score(50)),
                (1, score(10))
            ]
        );
    }

    #[test]
    fn most_similar_keeps_only_the_limit() {
        let own = fingerprint(EXCHANGE);
        let others: Vec<(u32, Fingerprint)> = (1..=50)
            .map(|id| (id, agreeing_in(&own, (id as usize * 7) % 129)))
            .collect();
        let top = most_similar(0, &own, &others, 3, 0.0);
        let mut expected: Vec<(u32, f64)> = others.iter().map(|(id, f)| (*id, own.similarity(f))).collect();
        expected.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        expected.truncate(3);
        assert_eq!(top, expected);
        assert!(most_similar(0, &own, &others, 0, 0.0).is_empty());
    }

    #[test]
    fn most_similar_limit_cuts_through_a_tie_by_smaller_id() {
        let own = fingerprint(EXCHANGE);
        let others = vec![
            (7, agreeing_in(&own, 64)),
            (3, agreeing_in(&own, 64)),
            (5, agreeing_in(&own, 64)),
        ];
        assert_eq!(
            most_similar(0, &own, &others, 2, 0.0),
            vec![(3, score(64)), (5, score(64))]
        );
    }

    #[test]
    fn most_similar_skips_its_own_id() {
        let own = fingerprint(EXCHANGE);
        let others = vec![(1, own.clone()), (2, agreeing_in(&own, 96))];
        assert_eq!(most_similar(1, &own, &others, 5, 0.0), vec![(2, score(96))]);
    }

    #[test]
    fn most_similar_drops_scores_below_the_minimum() {
        let own = fingerprint(EXCHANGE);
        let others = vec![
            (1, agreeing_in(&own, 32)),
            (2, agreeing_in(&own, 96)),
            (3, agreeing_in(&own, 64)),
        ];
        // The minimum is inclusive: 64/128 is exactly 0.5.
        assert_eq!(
            most_similar(0, &own, &others, 5, 0.5),
            vec![(2, score(96)), (3, score(64))]
        );
        assert_eq!(most_similar(0, &own, &others, 5, 0.7), vec![(2, score(96))]);
        assert!(most_similar(0, &own, &others, 5, 0.9).is_empty());
    }

    #[test]
    fn most_similar_finds_the_duplicate_among_real_ideas() {
        let ideas = vec![
            (1, fingerprint(TRAM)),
            (2, fingerprint(EXCHANGE)),
            (3, fingerprint(TRADE_FAIR)),
            (
                4,
                fingerprint(&EXCHANGE.replace("بیست", "سی").replace('ی', "ي").replace('ک', "ك")),
            ),
        ];
        let top = most_similar(2, &ideas[1].1, &ideas, 5, 0.5);
        assert_eq!(top.len(), 1);
        assert_eq!(top[0].0, 4);
        assert!(top[0].1 > 0.7);
    }
}
