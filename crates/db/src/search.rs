//! Text search: a query is folded like the stored text (`domain::text::fold`) and split into words;
//! an item matches when its folded text contains every word. Words of three characters or more use
//! the trigram index (pg_trgm, or SQLite's FTS5 trigram table); shorter ones a plain substring test.

use domain::text::fold;
use sea_orm::sea_query::{Condition, Expr, ExprTrait, LikeExpr, SimpleExpr};
use sea_orm::{ColumnTrait, DbBackend};

/// The words of a search, folded; empty when there is nothing to search for.
pub fn words(q: Option<&str>) -> Vec<String> {
    q.map(fold)
        .map(|folded| folded.split(' ').filter(|w| !w.is_empty()).map(str::to_owned).collect())
        .unwrap_or_default()
}

/// `column LIKE '%text%'`, with LIKE's wildcards in `text` taken literally.
pub fn contains(column: impl ColumnTrait, text: &str) -> SimpleExpr {
    let escaped = text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    Expr::col(column.as_column_ref()).like(LikeExpr::new(format!("%{escaped}%")).escape('\\'))
}

/// The condition that `column` (holding folded text) contains every word. On SQLite, `fts_table`
/// is the FTS5 trigram table indexing that column by the rowid of `table`.
pub fn condition(
    backend: DbBackend,
    table: &str,
    fts_table: &str,
    column: impl ColumnTrait + Copy,
    words: &[String],
) -> Condition {
    let mut condition = Condition::all();
    let mut indexed = Vec::new();
    for word in words {
        if backend == DbBackend::Sqlite && word.chars().count() >= 3 {
            // An FTS5 string in double quotes is a phrase: with the trigram tokenizer, a substring.
            indexed.push(format!("\"{}\"", word.replace('"', "\"\"")));
        } else {
            condition = condition.add(contains(column, word));
        }
    }
    if !indexed.is_empty() {
        condition = condition.add(Expr::cust_with_values(
            format!("{table}.rowid IN (SELECT rowid FROM {fts_table} WHERE {fts_table} MATCH ?)"),
            [indexed.join(" ")],
        ));
    }
    condition
}

#[cfg(test)]
mod tests {
    use super::words;

    #[test]
    fn words_are_folded_and_split() {
        assert_eq!(words(Some("  سفارت  ايران ")), vec!["سفارت", "ایران"]);
        assert!(words(Some("   ")).is_empty());
        assert!(words(None).is_empty());
    }
}
