//! Countries are ISO 3166-1 alpha-2 codes, upper case ("IT", "MY"); the list comes from the
//! `isocountry` crate so that we do not keep our own copy of the standard.

use isocountry::CountryCode;

/// The code in its canonical (upper-case) form, if it names a country.
pub fn parse(code: &str) -> Option<&'static str> {
    if code.len() != 2 {
        return None;
    }
    CountryCode::for_alpha2_caseless(code).ok().map(|c| c.alpha2())
}

/// The country's English name, for exports and messages.
pub fn english_name(code: &str) -> Option<&'static str> {
    CountryCode::for_alpha2(code).ok().map(|c| c.name())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_codes_parse_to_upper_case() {
        assert_eq!(parse("IT"), Some("IT"));
        assert_eq!(parse("my"), Some("MY"));
        assert_eq!(parse("IR"), Some("IR"));
    }

    #[test]
    fn anything_else_is_refused() {
        assert_eq!(parse("XX"), None);
        assert_eq!(parse("ITA"), None);
        assert_eq!(parse(""), None);
        assert_eq!(parse("I"), None);
    }

    #[test]
    fn names() {
        assert_eq!(english_name("MY"), Some("Malaysia"));
        assert_eq!(english_name("XX"), None);
    }
}
