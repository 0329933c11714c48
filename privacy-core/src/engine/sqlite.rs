//! SQLite (feature `sqlite`), the embedded default.

use super::dialect::{BatchDelete, ColumnTypes, Dialect, private::Sealed, sqlx_operations};
use crate::InstantEncoding;

impl Sealed for sqlx::Sqlite {}

impl Dialect for sqlx::Sqlite {
    fn param(_: usize) -> String {
        "?".to_owned()
    }

    const TYPES: ColumnTypes = ColumnTypes {
        // SQLite compares text with BINARY collation unless a column declares another.
        text: "TEXT",
        long_text: "TEXT",
        integer: "INTEGER",
        id: "INTEGER PRIMARY KEY",
        options: "",
    };

    fn from_unix(seconds: &str, encoding: InstantEncoding) -> String {
        // SQLite keeps instants as text in the format sqlx writes for each Rust type; the
        // cutoff is written in the same layout (milliseconds, cut down, so ties err late), so
        // text order is time order and the column's index serves.
        let format = match encoding {
            InstantEncoding::Utc => "%Y-%m-%dT%H:%M:%f+00:00",
            InstantEncoding::OffsetTime => "%Y-%m-%dT%H:%M:%fZ",
            InstantEncoding::Naive | InstantEncoding::PrimitiveTime => "%Y-%m-%d %H:%M:%f",
        };
        format!("strftime('{format}', {seconds}, 'unixepoch')")
    }

    fn at_or_before(column: &str, seconds: &str, encoding: InstantEncoding) -> String {
        // The text test lets the column's index find candidates: it holds every row written
        // in the layout sqlx uses for the field's type, and rows in SQLite's own layout
        // (`CURRENT_TIMESTAMP`'s `YYYY-MM-DD HH:MM:SS`, whose space sorts before `T`). The
        // instant test then keeps only rows truly at or before the cutoff, whatever their
        // layout: text order alone would let a row of the cutoff's day in another layout go up
        // to a day early.
        format!(
            "({column} <= {} AND unixepoch({column}, 'subsec') <= {seconds})",
            Self::from_unix(seconds, encoding)
        )
    }

    fn same_text(ours: &str, theirs: &str) -> String {
        // SQLite compares text with BINARY collation unless a column declares another.
        format!("{ours} = {theirs} COLLATE BINARY")
    }

    fn columns_sql(table: &str) -> String {
        format!("SELECT name FROM pragma_table_info('{table}')")
    }

    fn index_columns_sql(table: &str) -> String {
        format!(
            "SELECT l.name, i.seqno, i.name FROM pragma_index_list('{table}') AS l, pragma_index_info(l.name) AS i ORDER BY 1, 2"
        )
    }

    fn delete_batch(batch: &BatchDelete) -> String {
        // Rows locked by another transaction are waited for: the database has no skipping.
        let (table, condition, limit, returning) = batch.parts();
        format!(
            "DELETE FROM {table} WHERE rowid IN (SELECT r.rowid FROM {table} AS r WHERE {condition} LIMIT {limit}){returning}"
        )
    }

    sqlx_operations!(sqlx::Sqlite);

    fn is_transient_code(code: &str) -> bool {
        // SQLITE_BUSY (5) and SQLITE_LOCKED (6), with their extended codes.
        code.parse::<i64>()
            .is_ok_and(|code| matches!(code & 0xff, 5 | 6))
    }
}
