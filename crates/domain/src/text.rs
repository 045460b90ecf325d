//! Persian text folding for search: so that a search finds what a person means, whichever keyboard typed it.
//!
//! Folds Arabic to Persian letter forms (ي→ی, ى→ی, ك→ک, ة→ه), drops diacritics, tatweel and the
//! zero-width non-joiner, maps Persian and Arabic-Indic digits to Latin ones and lower-cases Latin letters.
//! NFKC first turns presentation forms (ﻙ, ﯾ) and full-width Latin into their plain letters.

use unicode_normalization::UnicodeNormalization;

/// Folds `text` to the form stored for search and used for queries. Runs of whitespace become one space.
/// A text in Persian with its English version if there is one: `(fa, en)`.
pub type Text = (String, Option<String>);

pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.nfkc().flat_map(char::to_lowercase) {
        let c = match c {
            'ي' | 'ى' => 'ی',
            'ك' => 'ک',
            'ة' => 'ه',
            '۰'..='۹' => digit(c, '۰'),
            '٠'..='٩' => digit(c, '٠'),
            // Tatweel, zero-width joiners and non-joiners, and the harakat carry no meaning for search.
            '\u{0640}' | '\u{200C}' | '\u{200D}' | '\u{064B}'..='\u{065F}' | '\u{0670}' => continue,
            c => c,
        };
        if c.is_whitespace() {
            pending_space = !folded.is_empty();
            continue;
        }
        if pending_space {
            folded.push(' ');
            pending_space = false;
        }
        folded.push(c);
    }
    folded
}

/// The first control character of `text` that no text of ours may hold: every Unicode control
/// (C0, DEL, C1) but tab and line breaks. A NUL cannot be stored in PostgreSQL at all, and the others
/// only hide text from readers and corrupt logs and exports.
pub fn forbidden_control_character(text: &str) -> Option<char> {
    text.chars()
        .find(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

fn digit(c: char, zero: char) -> char {
    let value = c as u32 - zero as u32;
    char::from_digit(value, 10).unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::{fold, forbidden_control_character};

    #[test]
    fn control_characters_other_than_tab_and_line_breaks_are_found() {
        assert_eq!(forbidden_control_character("abc\u{0}def"), Some('\u{0}'));
        assert_eq!(forbidden_control_character("\u{1b}[31m"), Some('\u{1b}'));
        assert_eq!(forbidden_control_character("x\u{7f}"), Some('\u{7f}'));
        assert_eq!(forbidden_control_character("x\u{85}"), Some('\u{85}'));
        assert_eq!(forbidden_control_character("سطر یک\r\nسطر\tدو\n"), None);
        assert_eq!(
            forbidden_control_character("می\u{200C}خواهم"),
            None,
            "ZWNJ is a format character, not a control"
        );
    }

    #[test]
    fn arabic_letter_forms_fold_to_persian() {
        assert_eq!(fold("علي"), fold("علی"));
        assert_eq!(fold("كتاب"), "کتاب");
        assert_eq!(fold("مدينة"), "مدینه");
        assert_eq!(fold("مصطفى"), "مصطفی");
    }

    #[test]
    fn diacritics_tatweel_and_zwnj_are_dropped() {
        assert_eq!(fold("مُحَمَّد"), "محمد");
        assert_eq!(fold("اصفهـــان"), "اصفهان");
        assert_eq!(fold("می\u{200C}خواهم"), "میخواهم");
    }

    #[test]
    fn digits_of_every_script_become_latin() {
        assert_eq!(fold("۱۴۰۵"), "1405");
        assert_eq!(fold("٢٠٢٦"), "2026");
        assert_eq!(fold("1405"), "1405");
    }

    #[test]
    fn latin_is_lower_cased_and_whitespace_collapsed() {
        assert_eq!(fold("  Kuala   Lumpur "), "kuala lumpur");
        assert_eq!(fold("ＦＬＯＲＥＮＣＥ"), "florence");
    }

    #[test]
    fn presentation_forms_fold_through_nfkc() {
        // U+FEDB ARABIC LETTER KAF INITIAL FORM is an Arabic kaf once normalised, then a Persian one.
        assert_eq!(fold("\u{FEDB}"), "ک");
    }
}
