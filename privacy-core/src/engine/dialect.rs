//! The contract each database fulfils for the engine: the SQL that differs between them, and
//! running a statement with its parameters. One file per database implements it.
#![cfg_attr(
    not(any(feature = "sqlite", feature = "postgres", feature = "mysql")),
    allow(
        unused_macros,
        unused_imports,
        dead_code,
        reason = "the engine built without a database: nothing implements the contract"
    )
)]

use crate::InstantEncoding;
use serde_json::Value;
use std::future::Future;
use std::pin::Pin;

/// A boxed future that can cross threads (the sweeper runs on `tokio::spawn`).
pub(crate) type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// How a database spells the engine's column types (the tables themselves are
/// [`EngineTables::ddl`](super::EngineTables::ddl)'s).
#[derive(Debug)]
#[doc(hidden)]
pub struct ColumnTypes {
    /// Short text compared exactly (tenants, names): binary collation where that is not the
    /// default.
    pub text: &'static str,
    /// Free text (a hold's reason).
    pub long_text: &'static str,
    /// A 64-bit integer.
    pub integer: &'static str,
    /// A 64-bit key the database numbers itself.
    pub id: &'static str,
    /// What follows `CREATE TABLE ... (...)`.
    pub options: &'static str,
}

/// `(schema, name)` of a validated, possibly schema-qualified table name: the schema as an
/// SQL string literal, or `current` (the database's function naming the current one).
#[cfg(any(feature = "postgres", feature = "mysql"))]
pub(crate) fn schema_and_name<'a>(table: &'a str, current: &str) -> (String, &'a str) {
    match table.split_once('.') {
        Some((schema, name)) => (format!("'{schema}'"), name),
        None => (current.to_owned(), table),
    }
}

/// A fetched row: each column's name and its value as JSON.
pub(crate) type Cells = Vec<(String, Value)>;

/// A statement parameter. Values from the service (tenants, subject ids) are always bound,
/// never spliced into SQL text.
///
/// ```
/// # #[cfg(feature = "sqlite")] {
/// use privacy_core::engine::Bind;
/// let tenant = Bind::Text("acme".into());
/// assert!(matches!(tenant, Bind::Text(ref text) if text == "acme"));
/// # }
/// ```
#[derive(Clone, Debug)]
pub enum Bind {
    /// Text.
    Text(String),
    /// A whole number.
    Int(i64),
    /// SQL `NULL` where text is expected.
    NullText,
    /// SQL `NULL` where a whole number is expected.
    NullInt,
}

/// One batch of a sweep or an erasure: at most `limit` rows of `table` matching `condition`
/// (rows named by [`Dialect::qualifier`]), returning column `returning` of each deleted row when
/// given. With `skip_locked`, rows another transaction holds are left for later (a sweep: the
/// next one takes them) rather than waited for (an erasure must not skip). With `single`,
/// `table` is known to have no child tables (see [`Dialect::partitions_sql`]), so a row's
/// physical address names it.
#[doc(hidden)]
pub struct BatchDelete<'a> {
    pub table: &'a str,
    pub condition: &'a str,
    pub limit: usize,
    pub returning: Option<&'a str>,
    pub skip_locked: bool,
    pub single: bool,
}

impl BatchDelete<'_> {
    /// The table, the condition, the limit and the ` RETURNING ...` clause (empty without a
    /// column): the parts every dialect's statement is written from.
    #[doc(hidden)]
    #[must_use]
    pub fn parts(&self) -> (&str, &str, usize, String) {
        let returning = self
            .returning
            .map_or_else(String::new, |column| format!(" RETURNING {column}"));
        (self.table, self.condition, self.limit, returning)
    }
}

/// A database the engine runs on: [`sqlx::Sqlite`], [`sqlx::Postgres`] or [`sqlx::MySql`]
/// (MySQL 8 and MariaDB), each with the feature of its name.
///
/// Sealed: the engine's guarantees (each row deleted once, audit in the batch's transaction,
/// exact text comparison) are proven per database by the tests.
///
/// ```
/// # #[cfg(feature = "sqlite")] {
/// fn name<DB: privacy_core::engine::Dialect>() -> &'static str { <DB as sqlx::Database>::NAME }
/// assert_eq!(name::<sqlx::Sqlite>(), "SQLite");
/// # }
/// ```
pub trait Dialect: sqlx::Database + private::Sealed {
    /// The `n`-th (from 1) parameter placeholder.
    #[doc(hidden)]
    fn param(n: usize) -> String;

    /// The column types of the engine's own tables in this database.
    #[doc(hidden)]
    const TYPES: ColumnTypes;

    /// SQL turning `seconds` (an integer expression of Unix seconds) into a value that compares
    /// with a column of `encoding` in that column's own order, so the column's index serves.
    #[doc(hidden)]
    fn from_unix(seconds: &str, encoding: InstantEncoding) -> String;

    /// A condition that the instant in `column` (of `encoding`) is at or before `seconds`
    /// (an integer SQL expression of Unix seconds), comparing in the column's own order so
    /// its index serves.
    #[doc(hidden)]
    fn at_or_before(column: &str, seconds: &str, encoding: InstantEncoding) -> String {
        format!("{column} <= {}", Self::from_unix(seconds, encoding))
    }

    /// A condition that `ours` (a column of the engine's own tables, binary collation) equals
    /// `theirs` (an expression over the service's table) exactly: no case or accent folding.
    #[doc(hidden)]
    fn same_text(ours: &str, theirs: &str) -> String;

    /// A condition that the service's column `column` equals the text `value` exactly, whatever
    /// the column's collation, while an index on the column still serves; binds `value`.
    #[doc(hidden)]
    fn column_is(column: &str, value: &str, params: &mut Params) -> String {
        Self::same_text(column, &params.text(value))
    }

    /// How the engine's own statements name a row of `table` in conditions (`r`, or the table
    /// itself where the database allows no alias in `DELETE`).
    #[doc(hidden)]
    fn qualifier(_table: &str) -> String {
        "r".to_owned()
    }

    /// `DELETE` of one batch, as [`BatchDelete`] describes it.
    #[doc(hidden)]
    fn delete_batch(batch: &BatchDelete) -> String;

    /// `INSERT INTO {table} ({columns}) VALUES ({values})` that does nothing when the row's key
    /// is already there.
    #[doc(hidden)]
    fn insert_if_absent(table: &str, columns: &str, values: &str) -> String {
        format!("INSERT INTO {table} ({columns}) VALUES ({values}) ON CONFLICT DO NOTHING")
    }

    /// A query listing the columns of `table` (one row each: its name).
    #[doc(hidden)]
    fn columns_sql(table: &str) -> String;

    /// A query listing the indexes of `table`, one row per indexed column: index name,
    /// position, column name, ordered by index and position.
    #[doc(hidden)]
    fn index_columns_sql(table: &str) -> String;

    /// A query listing the tables that inherit from `table` (partitions, children), one row
    /// each (one row with a `NULL` name when there is none; no row when `table` does not
    /// exist): its name, the first and the end instant of its range as whole Unix seconds (the
    /// first cut down, the end rounded up; `NULL` for a default partition, a child without a
    /// range, or a range not over one instant of `encoding`), and the parent's partition key
    /// (`RANGE (at)`, or `NULL`), the child's schema-qualified name as SQL and whether it is
    /// a leaf (a plain table, not itself partitioned). `None` where the database has no
    /// partitions the engine can retire whole (only PostgreSQL's declarative partitions).
    #[doc(hidden)]
    fn partitions_sql(_table: &str, _encoding: InstantEncoding) -> Option<String> {
        None
    }

    /// The statement creating partition `name` of `table` for instants of `encoding` from
    /// `from` (inclusive) to `to` (exclusive), Unix seconds; `None` where unsupported.
    #[doc(hidden)]
    fn create_partition_sql(
        _table: &str,
        _name: &str,
        _from: i64,
        _to: i64,
        _encoding: InstantEncoding,
    ) -> Option<String> {
        None
    }

    /// The statement that keeps `table`'s rows from being written, and other retirements from
    /// starting, until the transaction ends, while reads go on.
    #[doc(hidden)]
    fn lock_for_retirement_sql(_table: &str) -> Option<String> {
        None
    }

    /// The one statement dropping `partitions` (schema-qualified names as SQL; a dropped
    /// partition leaves its parent with it).
    #[doc(hidden)]
    fn drop_partitions_sql(_partitions: &[&str]) -> Option<String> {
        None
    }

    /// Runs `sql` and returns the number of rows it changed.
    #[doc(hidden)]
    fn execute<'c>(
        connection: &'c mut Self::Connection,
        sql: &'c str,
        binds: &'c [Bind],
    ) -> BoxFuture<'c, Result<u64, sqlx::Error>>;

    /// Runs `sql` and returns its rows, each column as JSON (numbers, text, booleans, instants
    /// as RFC 3339 text, `null`; binary columns as their length).
    #[doc(hidden)]
    fn fetch<'c>(
        connection: &'c mut Self::Connection,
        sql: &'c str,
        binds: &'c [Bind],
    ) -> BoxFuture<'c, Result<Vec<Cells>, sqlx::Error>>;

    /// Whether the database's error `code` (as sqlx gives it: SQLSTATE on PostgreSQL, the
    /// error number on MySQL, the result code on SQLite) aborts a transaction for a concurrent
    /// one (a deadlock victim, a serialization failure, a busy database).
    #[doc(hidden)]
    fn is_transient_code(code: &str) -> bool;

    /// Whether `error` is a transaction the database aborted for a concurrent one, so the same
    /// work may run again.
    #[doc(hidden)]
    fn is_transient(error: &sqlx::Error) -> bool {
        error
            .as_database_error()
            .and_then(|error| error.code())
            .is_some_and(|code| Self::is_transient_code(&code))
    }
}

/// The parameters of one statement, numbered as the database wants them.
#[derive(Debug)]
#[doc(hidden)]
pub struct Params {
    binds: Vec<Bind>,
    placeholder: fn(usize) -> String,
}

impl Params {
    pub(crate) fn new<DB: Dialect>() -> Self {
        Params {
            binds: Vec::new(),
            placeholder: DB::param,
        }
    }

    /// Binds `bind` and returns its placeholder.
    pub(crate) fn push(&mut self, bind: Bind) -> String {
        self.binds.push(bind);
        (self.placeholder)(self.binds.len())
    }

    /// Binds `value` as text and returns its placeholder.
    pub fn text(&mut self, value: &str) -> String {
        self.push(Bind::Text(value.to_owned()))
    }

    pub(crate) fn binds(&self) -> &[Bind] {
        &self.binds
    }
}

pub(crate) mod private {
    pub trait Sealed {}
}

/// Implements [`Dialect::execute`] and [`Dialect::fetch`] for one sqlx driver: the same code
/// over each driver's concrete types, which generic sqlx code cannot name without a bound per
/// type.
macro_rules! sqlx_operations {
    ($database:ty) => {
        fn execute<'c>(
            connection: &'c mut <$database as sqlx::Database>::Connection,
            sql: &'c str,
            binds: &'c [$crate::engine::dialect::Bind],
        ) -> $crate::engine::dialect::BoxFuture<'c, Result<u64, sqlx::Error>> {
            Box::pin(async move {
                let query = $crate::engine::dialect::bind_all(sqlx::query::<$database>(sql), binds);
                Ok(query.execute(&mut *connection).await?.rows_affected())
            })
        }

        fn fetch<'c>(
            connection: &'c mut <$database as sqlx::Database>::Connection,
            sql: &'c str,
            binds: &'c [$crate::engine::dialect::Bind],
        ) -> $crate::engine::dialect::BoxFuture<
            'c,
            Result<Vec<$crate::engine::dialect::Cells>, sqlx::Error>,
        > {
            Box::pin(async move {
                use sqlx::{Column as _, Row as _};
                let query = $crate::engine::dialect::bind_all(sqlx::query::<$database>(sql), binds);
                let rows = query.fetch_all(&mut *connection).await?;
                Ok(rows
                    .iter()
                    .map(|row| {
                        row.columns()
                            .iter()
                            .map(|column| {
                                let index = column.ordinal();
                                let value = $crate::engine::dialect::cell!(row, index);
                                (column.name().to_owned(), value)
                            })
                            .collect()
                    })
                    .collect())
            })
        }
    };
}

/// One column of a row as JSON: the first Rust type the column decodes as.
macro_rules! cell {
    ($row:expr, $index:expr) => {{
        use serde_json::Value;
        let row = $row;
        if let Ok(value) = row.try_get::<Option<i64>, _>($index) {
            value.map_or(Value::Null, Value::from)
        } else if let Ok(value) = row.try_get::<Option<bool>, _>($index) {
            value.map_or(Value::Null, Value::from)
        } else if let Ok(value) = row.try_get::<Option<f64>, _>($index) {
            value.map_or(Value::Null, Value::from)
        } else if let Ok(value) = row.try_get::<Option<String>, _>($index) {
            value.map_or(Value::Null, Value::from)
        } else if let Ok(value) = row.try_get::<Option<chrono::DateTime<chrono::Utc>>, _>($index) {
            value.map_or(Value::Null, |at| Value::from(at.to_rfc3339()))
        } else if let Ok(value) = row.try_get::<Option<chrono::NaiveDateTime>, _>($index) {
            value.map_or(Value::Null, |at| Value::from(at.and_utc().to_rfc3339()))
        } else if let Ok(value) = row.try_get::<Option<i32>, _>($index) {
            value.map_or(Value::Null, Value::from)
        } else if let Ok(value) = row.try_get::<Option<i16>, _>($index) {
            value.map_or(Value::Null, Value::from)
        } else if let Ok(value) = row.try_get::<Option<Vec<u8>>, _>($index) {
            // Text in a binary collation arrives as bytes (MySQL); other bytes show their size.
            value.map_or(Value::Null, |bytes| match String::from_utf8(bytes) {
                Ok(text) => Value::from(text),
                Err(bytes) => serde_json::json!({ "bytes": bytes.as_bytes().len() }),
            })
        } else {
            Value::Null
        }
    }};
}

pub(crate) use {cell, sqlx_operations};

/// Binds every parameter, in order.
pub(crate) fn bind_all<'q, DB>(
    mut query: sqlx::query::Query<'q, DB, <DB as sqlx::Database>::Arguments<'q>>,
    binds: &'q [Bind],
) -> sqlx::query::Query<'q, DB, <DB as sqlx::Database>::Arguments<'q>>
where
    DB: sqlx::Database,
    &'q str: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    i64: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    Option<&'q str>: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    Option<i64>: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
{
    for bind in binds {
        query = match bind {
            Bind::Text(text) => query.bind(text.as_str()),
            Bind::Int(number) => query.bind(*number),
            Bind::NullText => query.bind(None::<&str>),
            Bind::NullInt => query.bind(None::<i64>),
        };
    }
    query
}
