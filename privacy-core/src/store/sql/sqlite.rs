//! SQLite, embedded: the default store, with no server to run.

use super::{Dialect, SqlConnection, SqlValue};
use crate::store::StoreError;
use rusqlite::types::{ToSqlOutput, ValueRef};

/// A SQLite database, in a file or in memory.
///
/// ```
/// # use chrono::{TimeDelta, TimeZone, Utc};
/// # use privacy_core::store::Store;
/// # use privacy_core::{im, Classified};
/// # #[derive(Classified, serde::Serialize, serde::Deserialize)]
/// # #[privacy(category = im::LogData)]
/// # struct RequestLog { #[privacy(collected_at)] at: chrono::DateTime<Utc> }
/// # let day0 = Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap();
/// use privacy_core::store::sql::{SqlBackend, SqliteConnection};
/// let backend = SqlBackend::open(SqliteConnection::in_memory().unwrap(), "").unwrap();
/// let mut store = Store::new(backend, b"subject-hashing-key");
/// store.write("app-1", "r1", &RequestLog { at: day0 }, day0).unwrap();
/// assert!(store.read::<RequestLog>("app-1", "r1", day0).unwrap().is_some());
/// ```
pub struct SqliteConnection(rusqlite::Connection);

fn failed(error: &rusqlite::Error) -> StoreError {
    StoreError::Backend(format!("sqlite: {error}"))
}

impl SqliteConnection {
    /// The database in the file at `path` (created if missing), in write-ahead-log mode so
    /// readers do not wait for a sweep.
    ///
    /// # Errors
    /// When the file cannot be opened.
    ///
    /// # Examples
    ///
    /// ```
    /// use privacy_core::store::sql::{SqlConnection, SqlValue, SqliteConnection};
    /// let path = std::env::temp_dir().join(format!("privacy-doc-{}.db", std::process::id()));
    /// let mut db = SqliteConnection::open(&path).unwrap();
    /// assert_eq!(db.query("PRAGMA journal_mode", &[]).unwrap(), vec![vec![SqlValue::Text("wal".into())]]);
    /// # drop(db);
    /// # for suffix in ["", "-wal", "-shm"] { let _ = std::fs::remove_file(format!("{}{suffix}", path.display())); }
    /// ```
    pub fn open(path: impl AsRef<std::path::Path>) -> Result<Self, StoreError> {
        let connection = rusqlite::Connection::open(path).map_err(|error| failed(&error))?;
        connection
            .execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;")
            .map_err(|error| failed(&error))?;
        connection
            .busy_timeout(std::time::Duration::from_secs(30))
            .map_err(|error| failed(&error))?;
        Ok(SqliteConnection(connection))
    }

    /// A private database in memory.
    ///
    /// # Errors
    /// When SQLite cannot allocate it.
    ///
    /// # Examples
    ///
    /// ```
    /// use privacy_core::store::sql::{SqlConnection, SqlValue, SqliteConnection};
    /// let mut db = SqliteConnection::in_memory().unwrap();
    /// assert_eq!(db.query("SELECT 1 + 1", &[]).unwrap(), vec![vec![SqlValue::Int(2)]]);
    /// ```
    pub fn in_memory() -> Result<Self, StoreError> {
        rusqlite::Connection::open_in_memory()
            .map(SqliteConnection)
            .map_err(|error| failed(&error))
    }
}

impl rusqlite::ToSql for SqlValue {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self {
            SqlValue::Int(value) => ToSqlOutput::Borrowed(ValueRef::Integer(*value)),
            SqlValue::Text(text) => ToSqlOutput::Borrowed(ValueRef::Text(text.as_bytes())),
            SqlValue::NullInt | SqlValue::NullText => ToSqlOutput::Borrowed(ValueRef::Null),
        })
    }
}

impl SqlConnection for SqliteConnection {
    fn dialect(&self) -> Dialect {
        Dialect::Sqlite
    }

    fn batch(&mut self, sql: &str) -> Result<(), StoreError> {
        self.0.execute_batch(sql).map_err(|error| failed(&error))
    }

    fn execute(&mut self, sql: &str, params: &[SqlValue]) -> Result<u64, StoreError> {
        let mut statement = self.0.prepare_cached(sql).map_err(|error| failed(&error))?;
        let changed = statement
            .execute(rusqlite::params_from_iter(params))
            .map_err(|error| failed(&error))?;
        Ok(changed as u64)
    }

    fn query(&mut self, sql: &str, params: &[SqlValue]) -> Result<Vec<Vec<SqlValue>>, StoreError> {
        let mut statement = self.0.prepare_cached(sql).map_err(|error| failed(&error))?;
        let columns = statement.column_count();
        let mut rows = statement
            .query(rusqlite::params_from_iter(params))
            .map_err(|error| failed(&error))?;
        let mut out = Vec::new();
        while let Some(row) = rows.next().map_err(|error| failed(&error))? {
            let mut values = Vec::with_capacity(columns);
            for index in 0..columns {
                values.push(match row.get_ref(index).map_err(|error| failed(&error))? {
                    ValueRef::Integer(value) => SqlValue::Int(value),
                    ValueRef::Text(text) | ValueRef::Blob(text) => {
                        SqlValue::Text(String::from_utf8_lossy(text).into_owned())
                    }
                    ValueRef::Real(value) => SqlValue::Text(value.to_string()),
                    ValueRef::Null => SqlValue::NullText,
                });
            }
            out.push(values);
        }
        Ok(out)
    }
}
