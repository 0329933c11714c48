//! SQL backends: one implementation of [`Backend`] over a small connection trait, so SQLite,
//! PostgreSQL and MariaDB/MySQL share the schema, the queries and the sweep.
//!
//! The schema (table names take a prefix, so several stores can share a database):
//!
//! - `<prefix>records`: one row per record, keyed by (type, tenant, id), with its category,
//!   retention class, collection instant and deadline (milliseconds since the Unix epoch; the
//!   deadline is indexed), a legal hold's reason, and the record as JSON.
//! - `<prefix>subjects`: (keyed subject hash, record key), indexed by subject, so a data
//!   subject's records are found without the id in clear.
//! - `<prefix>audit`: the append-only audit log.
//!
//! Sweeps delete in batches: each batch selects the earliest due, unheld rows (with
//! `FOR UPDATE SKIP LOCKED` on PostgreSQL and MariaDB, so concurrent sweepers take disjoint rows
//! and neither waits on the other), deletes them and appends their audit entries in one
//! transaction.

#[cfg(feature = "mysql")]
mod mysql;
#[cfg(feature = "postgres")]
mod postgres;
#[cfg(feature = "sqlite")]
mod sqlite;

#[cfg(feature = "mysql")]
pub use self::mysql::MysqlConnection;
#[cfg(feature = "postgres")]
pub use self::postgres::PostgresConnection;
#[cfg(feature = "sqlite")]
pub use self::sqlite::SqliteConnection;

use super::audit::{
    AuditAction, AuditEntry, AuditReason, entries_for_deleted, entries_for_replaced, expiry_reason,
};
use super::{Backend, HoldTarget, RetentionClass, Row, RowKey, StoreError};

/// A value bound to or read from a statement.
///
/// ```
/// # #[cfg(feature = "sqlite")] {
/// use privacy_core::store::sql::{SqlConnection, SqlValue, SqliteConnection};
/// let mut db = SqliteConnection::in_memory().unwrap();
/// let rows = db.query("SELECT ?, ?, NULL", &[SqlValue::Int(7), SqlValue::Text("seven".into())]).unwrap();
/// assert_eq!(rows, vec![vec![SqlValue::Int(7), SqlValue::Text("seven".into()), SqlValue::NullText]]);
/// # }
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SqlValue {
    /// An integer.
    Int(i64),
    /// Text.
    Text(String),
    /// An integer column's NULL.
    NullInt,
    /// A text column's NULL.
    NullText,
}

impl SqlValue {
    fn int(value: Option<i64>) -> Self {
        value.map_or(SqlValue::NullInt, SqlValue::Int)
    }

    fn text(value: Option<&str>) -> Self {
        value.map_or(SqlValue::NullText, |text| SqlValue::Text(text.to_owned()))
    }

    fn as_int(&self) -> Option<i64> {
        match self {
            SqlValue::Int(value) => Some(*value),
            SqlValue::Text(text) => text.parse().ok(),
            SqlValue::NullInt | SqlValue::NullText => None,
        }
    }

    fn into_text(self) -> Option<String> {
        match self {
            SqlValue::Text(text) => Some(text),
            SqlValue::Int(value) => Some(value.to_string()),
            SqlValue::NullInt | SqlValue::NullText => None,
        }
    }
}

/// The SQL a dialect writes differently.
///
/// ```
/// # #[cfg(feature = "sqlite")] {
/// use privacy_core::store::sql::{Dialect, SqlConnection, SqliteConnection};
/// assert_eq!(SqliteConnection::in_memory().unwrap().dialect(), Dialect::Sqlite);
/// # }
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// SQLite.
    Sqlite,
    /// PostgreSQL.
    Postgres,
    /// MariaDB and MySQL.
    Mysql,
}

/// A connection the SQL backend drives. Statements use `?` placeholders; a connection rewrites
/// them if its database wants another form.
///
/// ```
/// # #[cfg(feature = "sqlite")] {
/// use privacy_core::store::sql::{Dialect, SqlBackend, SqlConnection, SqlValue, SqliteConnection};
/// use privacy_core::store::StoreError;
///
/// /// A connection that counts the statements it runs, over SQLite.
/// struct Counting(SqliteConnection, usize);
/// impl SqlConnection for Counting {
///     fn dialect(&self) -> Dialect { self.0.dialect() }
///     fn batch(&mut self, sql: &str) -> Result<(), StoreError> { self.1 += 1; self.0.batch(sql) }
///     fn execute(&mut self, sql: &str, params: &[SqlValue]) -> Result<u64, StoreError> { self.1 += 1; self.0.execute(sql, params) }
///     fn query(&mut self, sql: &str, params: &[SqlValue]) -> Result<Vec<Vec<SqlValue>>, StoreError> { self.1 += 1; self.0.query(sql, params) }
/// }
///
/// let mut backend = SqlBackend::open(Counting(SqliteConnection::in_memory().unwrap(), 0), "app_").unwrap();
/// assert!(backend.connection().1 >= 3); // the three tables, and their indexes
/// # }
/// ```
pub trait SqlConnection {
    /// The connection's dialect.
    ///
    /// ```
    /// # #[cfg(feature = "sqlite")] {
    /// use privacy_core::store::sql::{Dialect, SqlConnection, SqliteConnection};
    /// let db = SqliteConnection::in_memory().unwrap();
    /// assert_eq!(db.dialect(), Dialect::Sqlite);
    /// # }
    /// ```
    fn dialect(&self) -> Dialect;

    /// Runs statements without parameters or results (schema, transaction control).
    ///
    /// # Errors
    /// When the database fails.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "sqlite")] {
    /// use privacy_core::store::sql::{SqlConnection, SqlValue, SqliteConnection};
    /// let mut db = SqliteConnection::in_memory().unwrap();
    /// db.batch("CREATE TABLE t (n BIGINT); INSERT INTO t VALUES (1), (2);").unwrap();
    /// assert_eq!(db.query("SELECT COUNT(*) FROM t", &[]).unwrap(), vec![vec![SqlValue::Int(2)]]);
    /// assert!(db.batch("DROP TABLE missing").unwrap_err().to_string().contains("no such table"));
    /// # }
    /// ```
    fn batch(&mut self, sql: &str) -> Result<(), StoreError>;

    /// Runs one statement; returns the rows it changed.
    ///
    /// # Errors
    /// When the database fails.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "sqlite")] {
    /// use privacy_core::store::sql::{SqlConnection, SqlValue, SqliteConnection};
    /// let mut db = SqliteConnection::in_memory().unwrap();
    /// db.batch("CREATE TABLE t (n BIGINT); INSERT INTO t VALUES (1), (2), (3);").unwrap();
    /// assert_eq!(db.execute("DELETE FROM t WHERE n >= ?", &[SqlValue::Int(2)]).unwrap(), 2);
    /// # }
    /// ```
    fn execute(&mut self, sql: &str, params: &[SqlValue]) -> Result<u64, StoreError>;

    /// Runs one query; returns its rows.
    ///
    /// # Errors
    /// When the database fails.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "sqlite")] {
    /// use privacy_core::store::sql::{SqlConnection, SqlValue, SqliteConnection};
    /// let mut db = SqliteConnection::in_memory().unwrap();
    /// db.batch("CREATE TABLE t (n BIGINT, label TEXT); INSERT INTO t VALUES (1, 'one'), (2, NULL);").unwrap();
    /// let rows = db.query("SELECT label FROM t WHERE n > ? ORDER BY n", &[SqlValue::Int(0)]).unwrap();
    /// assert_eq!(rows, vec![vec![SqlValue::Text("one".into())], vec![SqlValue::NullText]]);
    /// # }
    /// ```
    fn query(&mut self, sql: &str, params: &[SqlValue]) -> Result<Vec<Vec<SqlValue>>, StoreError>;
}

/// A [`Backend`] over a SQL connection.
///
/// ```
/// # #[cfg(feature = "sqlite")] {
/// # use chrono::{TimeDelta, TimeZone, Utc};
/// # use privacy_core::store::Store;
/// # use privacy_core::{im, Classified};
/// # #[derive(Classified, serde::Serialize, serde::Deserialize)]
/// # #[privacy(category = im::LogData)]
/// # struct RequestLog { #[privacy(collected_at)] at: chrono::DateTime<Utc> }
/// # let day0 = Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap();
/// use privacy_core::store::sql::{SqlBackend, SqliteConnection};
/// let backend = SqlBackend::open(SqliteConnection::in_memory().unwrap(), "privacy_").unwrap();
/// let mut store = Store::new(backend, b"subject-hashing-key");
/// store.write("app-1", "r1", &RequestLog { at: day0 }, day0).unwrap();
/// assert_eq!(store.sweep(day0 + TimeDelta::days(7), 500).unwrap().deleted, 1);
/// # }
/// ```
pub struct SqlBackend<C> {
    connection: C,
    /// Within one sweep (one `now`), the lowest deadline still to look at: the rows below it
    /// were taken by earlier batches, and their index entries stay until the database cleans
    /// up, so starting past them keeps every batch as cheap as the first.
    sweep_floor: Option<(i64, i64)>,
    records: String,
    subjects: String,
    audit: String,
}

const RECORD_COLUMNS: &str =
    "type_key, tenant, id, category, class, collected_at, deadline, payload";

impl<C: SqlConnection> SqlBackend<C> {
    /// A backend over `connection`, creating its tables (named `<prefix>records`,
    /// `<prefix>subjects`, `<prefix>audit`) if they do not exist.
    ///
    /// # Errors
    /// When the schema cannot be created.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "sqlite")] {
    /// use privacy_core::store::sql::{SqlBackend, SqlConnection, SqlValue, SqliteConnection};
    /// let mut backend = SqlBackend::open(SqliteConnection::in_memory().unwrap(), "chat_").unwrap();
    /// let tables = backend
    ///     .connection()
    ///     .query("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'chat_%' ORDER BY name", &[])
    ///     .unwrap();
    /// let names: Vec<SqlValue> = tables.into_iter().flatten().collect();
    /// assert_eq!(names, ["chat_audit", "chat_records", "chat_subjects"].map(|name| SqlValue::Text(name.into())));
    /// # }
    /// ```
    pub fn open(mut connection: C, prefix: &str) -> Result<Self, StoreError> {
        let (records, subjects, audit) = (
            format!("{prefix}records"),
            format!("{prefix}subjects"),
            format!("{prefix}audit"),
        );
        let dialect = connection.dialect();
        // 191 characters keep the composite keys within MariaDB's index size in utf8mb4.
        let key = "VARCHAR(191) NOT NULL";
        let serial = match dialect {
            Dialect::Sqlite => "INTEGER PRIMARY KEY AUTOINCREMENT",
            Dialect::Postgres => "BIGSERIAL PRIMARY KEY",
            Dialect::Mysql => "BIGINT AUTO_INCREMENT PRIMARY KEY",
        };
        let payload = if dialect == Dialect::Mysql {
            "LONGTEXT"
        } else {
            "TEXT"
        };
        for statement in [
            format!(
                "CREATE TABLE IF NOT EXISTS {records} (type_key {key}, tenant {key}, id {key}, category {key}, \
                 class BIGINT NOT NULL, collected_at BIGINT NULL, deadline BIGINT NULL, hold_reason TEXT NULL, \
                 payload {payload} NOT NULL, PRIMARY KEY (type_key, tenant, id))"
            ),
            format!("CREATE INDEX IF NOT EXISTS {records}_deadline ON {records} (deadline)"),
            format!("CREATE INDEX IF NOT EXISTS {records}_schedule ON {records} (tenant, class)"),
            format!(
                "CREATE TABLE IF NOT EXISTS {subjects} (subject VARCHAR(64) NOT NULL, type_key {key}, tenant {key}, \
                 id {key}, PRIMARY KEY (subject, type_key, tenant, id))"
            ),
            // Deleting a record deletes its subject entries by record key.
            format!(
                "CREATE INDEX IF NOT EXISTS {subjects}_record ON {subjects} (type_key, tenant, id)"
            ),
            format!(
                "CREATE TABLE IF NOT EXISTS {audit} (seq {serial}, at BIGINT NOT NULL, action VARCHAR(16) NOT NULL, \
                 reason VARCHAR(16) NOT NULL, type_key {key}, category {key}, count BIGINT NOT NULL, \
                 deadline_min BIGINT NULL, deadline_max BIGINT NULL, note TEXT NOT NULL)"
            ),
        ] {
            connection.batch(&statement)?;
        }
        Ok(SqlBackend {
            connection,
            sweep_floor: None,
            records,
            subjects,
            audit,
        })
    }

    /// The connection, for direct looks at the tables.
    ///
    /// ```
    /// # #[cfg(feature = "sqlite")] {
    /// # use chrono::{TimeDelta, TimeZone, Utc};
    /// # use privacy_core::store::Store;
    /// # use privacy_core::{im, Classified};
    /// # #[derive(Classified, serde::Serialize, serde::Deserialize)]
    /// # #[privacy(category = im::LogData)]
    /// # struct RequestLog { #[privacy(collected_at)] at: chrono::DateTime<Utc> }
    /// # let day0 = Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap();
    /// use privacy_core::store::sql::{SqlBackend, SqlConnection, SqlValue, SqliteConnection};
    /// let backend = SqlBackend::open(SqliteConnection::in_memory().unwrap(), "").unwrap();
    /// let mut store = Store::new(backend, b"subject-hashing-key");
    /// store.write("app-1", "r1", &RequestLog { at: day0 }, day0).unwrap();
    /// let deadline = store.backend().connection().query("SELECT deadline FROM records", &[]).unwrap();
    /// assert_eq!(deadline, vec![vec![SqlValue::Int((day0 + TimeDelta::days(7)).timestamp_millis())]]);
    /// # }
    /// ```
    pub fn connection(&mut self) -> &mut C {
        &mut self.connection
    }

    /// The name of one of the store's tables (`records`, `subjects` or `audit`) with its prefix.
    ///
    /// ```
    /// # #[cfg(feature = "sqlite")] {
    /// use privacy_core::store::sql::{SqlBackend, SqliteConnection};
    /// let backend = SqlBackend::open(SqliteConnection::in_memory().unwrap(), "chat_").unwrap();
    /// assert_eq!(backend.table("audit"), "chat_audit");
    /// # }
    /// ```
    #[must_use]
    pub fn table(&self, table: &str) -> String {
        match table {
            "subjects" => self.subjects.clone(),
            "audit" => self.audit.clone(),
            _ => self.records.clone(),
        }
    }

    /// Runs `work` in a transaction: committed when it succeeds, rolled back when it fails.
    /// A transaction the database aborts for a concurrent one (see [`StoreError::Conflict`])
    /// is run again, this many times at most, after a short pause that grows each time.
    const CONFLICT_RETRIES: u32 = 5;

    fn transaction<T>(
        &mut self,
        mut work: impl FnMut(&mut Self) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let mut retries = 0;
        loop {
            match self.transaction_once(&mut work) {
                Err(StoreError::Conflict(_)) if retries < Self::CONFLICT_RETRIES => {
                    retries += 1;
                    std::thread::sleep(std::time::Duration::from_millis(2 << retries));
                }
                outcome => return outcome,
            }
        }
    }

    fn transaction_once<T>(
        &mut self,
        work: &mut impl FnMut(&mut Self) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let begin = match self.connection.dialect() {
            Dialect::Sqlite => "BEGIN IMMEDIATE",
            Dialect::Postgres | Dialect::Mysql => "START TRANSACTION",
        };
        self.connection.batch(begin)?;
        match work(self).and_then(|value| self.connection.batch("COMMIT").map(|()| value)) {
            Ok(value) => Ok(value),
            Err(error) => {
                // The transaction's own failure is the one to report.
                let _ = self.connection.batch("ROLLBACK");
                Err(error)
            }
        }
    }

    fn key_params(key: &RowKey) -> [SqlValue; 3] {
        [
            SqlValue::Text(key.type_key.clone()),
            SqlValue::Text(key.tenant.clone()),
            SqlValue::Text(key.id.clone()),
        ]
    }

    fn insert_audit(&mut self, entries: &[AuditEntry]) -> Result<(), StoreError> {
        let sql = format!(
            "INSERT INTO {} (at, action, reason, type_key, category, count, deadline_min, deadline_max, note) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            self.audit
        );
        for entry in entries {
            self.connection.execute(
                &sql,
                &[
                    SqlValue::Int(entry.at),
                    SqlValue::Text(entry.action.code().to_owned()),
                    SqlValue::Text(entry.reason.code().to_owned()),
                    SqlValue::Text(entry.type_key.clone()),
                    SqlValue::Text(entry.category.clone()),
                    SqlValue::Int(i64::try_from(entry.count).unwrap_or(i64::MAX)),
                    SqlValue::int(entry.deadline_min),
                    SqlValue::int(entry.deadline_max),
                    SqlValue::Text(entry.note.clone()),
                ],
            )?;
        }
        Ok(())
    }

    fn lock_clause(&self) -> &'static str {
        match self.connection.dialect() {
            Dialect::Sqlite => "",
            Dialect::Postgres | Dialect::Mysql => " FOR UPDATE SKIP LOCKED",
        }
    }

    /// Deletes the rows `keys` and their subject index entries.
    fn delete_rows(&mut self, keys: &[RowKey]) -> Result<(), StoreError> {
        self.delete_subject_entries(keys)?;
        let records = self.records.clone();
        self.delete_by_keys(&records, keys)
    }

    /// Deletes the subject index entries of the rows `keys`.
    fn delete_subject_entries(&mut self, keys: &[RowKey]) -> Result<(), StoreError> {
        let subjects = self.subjects.clone();
        self.delete_by_keys(&subjects, keys)
    }

    /// Deletes from `table` the rows with the given record keys: a few statements per batch,
    /// not one per row, the keys going in chunks as row values.
    fn delete_by_keys(&mut self, table: &str, keys: &[RowKey]) -> Result<(), StoreError> {
        const CHUNK: usize = 500;
        for chunk in keys.chunks(CHUNK) {
            let tuples = vec!["(?, ?, ?)"; chunk.len()].join(", ");
            let list = match self.connection.dialect() {
                Dialect::Mysql => format!("({tuples})"),
                Dialect::Sqlite | Dialect::Postgres => format!("(VALUES {tuples})"),
            };
            let params: Vec<SqlValue> = chunk.iter().flat_map(Self::key_params).collect();
            let sql = format!("DELETE FROM {table} WHERE (type_key, tenant, id) IN {list}");
            self.connection.execute(&sql, &params)?;
        }
        Ok(())
    }
}

fn row_from(values: Vec<SqlValue>, subjects: Vec<String>) -> Option<Row> {
    let mut values = values.into_iter();
    let mut text = || values.next().and_then(SqlValue::into_text);
    let (type_key, tenant, id, category) = (text()?, text()?, text()?, text()?);
    let class = RetentionClass::from_code(text()?.parse().ok()?)?;
    let collected_at = text().and_then(|value| value.parse().ok());
    let deadline = text().and_then(|value| value.parse().ok());
    let payload = text()?;
    Some(Row {
        key: RowKey {
            type_key,
            tenant,
            id,
        },
        category,
        class,
        subjects,
        collected_at,
        deadline,
        payload,
    })
}

impl<C: SqlConnection> Backend for SqlBackend<C> {
    fn write(&mut self, row: &Row, now: i64) -> Result<(), StoreError> {
        self.transaction(|backend| {
            let key = SqlBackend::<C>::key_params(&row.key);
            let existing = format!(
                "SELECT category, class, deadline, hold_reason FROM {} WHERE type_key = ? AND tenant = ? AND id = ?",
                backend.records
            );
            let values = [
                SqlValue::Text(row.category.clone()),
                SqlValue::Int(row.class.code()),
                SqlValue::int(row.collected_at),
                SqlValue::int(row.deadline),
                SqlValue::Text(row.payload.clone()),
            ];
            let replaced = backend.connection.query(&existing, &key)?.pop();
            if let Some([category, class, deadline, SqlValue::NullText | SqlValue::NullInt]) = replaced.as_deref() {
                let class = class.as_int().and_then(RetentionClass::from_code).unwrap_or(RetentionClass::Fixed);
                let category = category.clone().into_text().unwrap_or_default();
                backend.insert_audit(&entries_for_replaced(now, &row.key.type_key, &category, class, deadline.as_int()))?;
            }
            if replaced.is_none() {
                let sql = format!("INSERT INTO {} ({RECORD_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", backend.records);
                let params: Vec<SqlValue> = key.iter().cloned().chain(values).collect();
                backend.connection.execute(&sql, &params)?;
            } else {
                // A hold placed on the record stays.
                let sql = format!(
                    "UPDATE {} SET category = ?, class = ?, collected_at = ?, deadline = ?, payload = ? \
                     WHERE type_key = ? AND tenant = ? AND id = ?",
                    backend.records
                );
                let params: Vec<SqlValue> = values.into_iter().chain(key.iter().cloned()).collect();
                backend.connection.execute(&sql, &params)?;
                let sql = format!("DELETE FROM {} WHERE type_key = ? AND tenant = ? AND id = ?", backend.subjects);
                backend.connection.execute(&sql, &key)?;
            }
            let sql = format!("INSERT INTO {} (subject, type_key, tenant, id) VALUES (?, ?, ?, ?)", backend.subjects);
            for subject in &row.subjects {
                let params: Vec<SqlValue> =
                    std::iter::once(SqlValue::Text(subject.clone())).chain(key.iter().cloned()).collect();
                backend.connection.execute(&sql, &params)?;
            }
            Ok(())
        })
    }

    fn read(&mut self, key: &RowKey, now: i64) -> Result<Option<Row>, StoreError> {
        let sql = format!(
            "SELECT {RECORD_COLUMNS} FROM {} WHERE type_key = ? AND tenant = ? AND id = ? \
             AND (deadline IS NULL OR deadline > ?)",
            self.records
        );
        let params: Vec<SqlValue> = Self::key_params(key)
            .into_iter()
            .chain([SqlValue::Int(now)])
            .collect();
        let Some(values) = self.connection.query(&sql, &params)?.into_iter().next() else {
            return Ok(None);
        };
        let sql = format!(
            "SELECT subject FROM {} WHERE type_key = ? AND tenant = ? AND id = ?",
            self.subjects
        );
        let subjects = self
            .connection
            .query(&sql, &Self::key_params(key))?
            .into_iter()
            .filter_map(|row| row.into_iter().next().and_then(SqlValue::into_text))
            .collect();
        row_from(values, subjects)
            .map(Some)
            .ok_or_else(|| StoreError::Backend("a stored row is malformed".into()))
    }

    fn schedule(
        &mut self,
        tenant: &str,
        class: RetentionClass,
    ) -> Result<Vec<(RowKey, Option<i64>)>, StoreError> {
        let sql = format!(
            "SELECT type_key, tenant, id, collected_at FROM {} WHERE tenant = ? AND class = ?",
            self.records
        );
        let rows = self.connection.query(
            &sql,
            &[
                SqlValue::Text(tenant.to_owned()),
                SqlValue::Int(class.code()),
            ],
        )?;
        Ok(rows
            .into_iter()
            .filter_map(|row| {
                let collected_at = row.get(3).and_then(SqlValue::as_int);
                let mut values = row.into_iter().map(SqlValue::into_text);
                let key = RowKey::new(values.next()??, values.next()??, values.next()??);
                Some((key, collected_at))
            })
            .collect())
    }

    fn set_deadlines(&mut self, updates: &[(RowKey, Option<i64>)]) -> Result<(), StoreError> {
        self.transaction(|backend| {
            let sql = format!(
                "UPDATE {} SET deadline = ? WHERE type_key = ? AND tenant = ? AND id = ?",
                backend.records
            );
            for (key, deadline) in updates {
                let params: Vec<SqlValue> = std::iter::once(SqlValue::int(*deadline))
                    .chain(SqlBackend::<C>::key_params(key))
                    .collect();
                backend.connection.execute(&sql, &params)?;
            }
            Ok(())
        })
    }

    fn sweep_batch(&mut self, now: i64, limit: usize) -> Result<Vec<AuditEntry>, StoreError> {
        let (entries, next_floor) = self.transaction(|backend| {
            if backend.connection.dialect() == Dialect::Postgres {
                // A sweep batch need not wait for its commit to reach the disk: if the server
                // crashes first, the rows and their audit entries come back together and the
                // next sweep deletes them again. Writes keep their durability.
                // Without statistics (a table just bulk-loaded, before autovacuum analyses it)
                // the planner sorts every due row for each batch (70 ms per batch of 500 at
                // 100,000 due rows); with sorting off it walks the deadline index (2 ms).
                backend
                    .connection
                    .batch("SET LOCAL synchronous_commit TO OFF; SET LOCAL enable_sort TO off")?;
            }
            let (records, subjects) = (&backend.records, &backend.subjects);
            let floor = match backend.sweep_floor {
                Some((swept_at, floor)) if swept_at == now => floor,
                _ => i64::MIN,
            };
            let due = format!(
                "SELECT {{columns}} FROM {records} WHERE deadline IS NOT NULL AND deadline <= ? AND deadline >= ? \
                 AND hold_reason IS NULL ORDER BY deadline LIMIT {limit}"
            );
            // Where the database can, one statement takes the batch and returns what it deleted;
            // the rows never travel to the client and back as a key list.
            let sql = match backend.connection.dialect() {
                Dialect::Postgres => format!(
                    // By tuple id: the planner takes a TID scan, never a scan of the table.
                    "WITH due AS ({} FOR UPDATE SKIP LOCKED), \
                     gone AS (DELETE FROM {subjects} s USING due \
                              WHERE s.type_key = due.type_key AND s.tenant = due.tenant AND s.id = due.id) \
                     DELETE FROM {records} WHERE ctid = ANY(ARRAY(SELECT ctid FROM due)) \
                     RETURNING type_key, tenant, id, category, class, deadline",
                    due.replace("{columns}", "ctid, type_key, tenant, id")
                ),
                Dialect::Sqlite => format!(
                    "DELETE FROM {records} WHERE rowid IN ({}) RETURNING type_key, tenant, id, category, class, deadline",
                    due.replace("{columns}", "rowid")
                ),
                Dialect::Mysql => {
                    due.replace("{columns}", "type_key, tenant, id, category, class, deadline") + " FOR UPDATE SKIP LOCKED"
                }
            };
            let due = backend.connection.query(&sql, &[SqlValue::Int(now), SqlValue::Int(floor)])?;
            let mut keys = Vec::with_capacity(due.len());
            let mut deleted = Vec::with_capacity(due.len());
            for row in due {
                let deadline = row.get(5).and_then(SqlValue::as_int);
                let class = row.get(4).and_then(SqlValue::as_int).and_then(RetentionClass::from_code);
                let mut values = row.into_iter().map(SqlValue::into_text);
                let (Some(Some(type_key)), Some(Some(tenant)), Some(Some(id)), Some(Some(category)), Some(class)) =
                    (values.next(), values.next(), values.next(), values.next(), class)
                else {
                    return Err(StoreError::Backend("a stored row is malformed".into()));
                };
                keys.push(RowKey::new(type_key.clone(), tenant, id));
                deleted.push((type_key, category, expiry_reason(class), deadline));
            }
            let highest = deleted.iter().filter_map(|(_, _, _, deadline)| *deadline).max();
            // Moved only once the batch commits: a batch rolled back leaves its rows to the next.
            let next_floor = highest.unwrap_or(floor).max(floor);
            match backend.connection.dialect() {
                Dialect::Postgres => {}
                Dialect::Sqlite => backend.delete_subject_entries(&keys)?,
                Dialect::Mysql => backend.delete_rows(&keys)?,
            }
            let entries = entries_for_deleted(
                now,
                deleted.iter().map(|(type_key, category, reason, deadline)| {
                    (type_key.as_str(), category.as_str(), *reason, *deadline)
                }),
                "",
            );
            backend.insert_audit(&entries)?;
            Ok((entries, next_floor))
        })?;
        self.sweep_floor = Some((now, next_floor));
        Ok(entries)
    }

    fn set_hold(
        &mut self,
        target: &HoldTarget,
        reason: Option<&str>,
        now: i64,
    ) -> Result<usize, StoreError> {
        self.transaction(|backend| {
            let (filter, params) = match target {
                HoldTarget::Record(key) => {
                    ("type_key = ? AND tenant = ? AND id = ?".to_owned(), SqlBackend::<C>::key_params(key).to_vec())
                }
                HoldTarget::Subject { tenant, subject_key } => (
                    format!(
                        "tenant = ? AND EXISTS (SELECT 1 FROM {subjects} s WHERE s.subject = ? AND s.type_key = {records}.type_key \
                         AND s.tenant = {records}.tenant AND s.id = {records}.id)",
                        subjects = backend.subjects,
                        records = backend.records
                    ),
                    vec![SqlValue::Text(tenant.clone()), SqlValue::Text(subject_key.clone())],
                ),
            };
            let sql = format!("SELECT type_key, category, COUNT(*) FROM {} WHERE {filter} GROUP BY type_key, category", backend.records);
            let covered = backend.connection.query(&sql, &params)?;
            let sql = format!("UPDATE {} SET hold_reason = ? WHERE {filter}", backend.records);
            let update: Vec<SqlValue> = std::iter::once(SqlValue::text(reason)).chain(params.iter().cloned()).collect();
            backend.connection.execute(&sql, &update)?;
            let action = if reason.is_some() { AuditAction::Held } else { AuditAction::Released };
            let mut total = 0_u64;
            let mut entries = Vec::new();
            for row in covered {
                let count = row.get(2).and_then(SqlValue::as_int).unwrap_or(0).unsigned_abs();
                let mut values = row.into_iter().map(SqlValue::into_text);
                let (Some(Some(type_key)), Some(Some(category))) = (values.next(), values.next()) else {
                    continue;
                };
                total += count;
                entries.push(AuditEntry {
                    at: now,
                    action,
                    reason: AuditReason::LegalHold,
                    type_key,
                    category,
                    count,
                    deadline_min: None,
                    deadline_max: None,
                    note: reason.unwrap_or_default().to_owned(),
                });
            }
            backend.insert_audit(&entries)?;
            Ok(usize::try_from(total).unwrap_or(usize::MAX))
        })
    }

    fn subject_rows(
        &mut self,
        tenant: &str,
        subject_key: &str,
    ) -> Result<Vec<(Row, Option<String>)>, StoreError> {
        let sql = format!(
            "SELECT r.type_key, r.tenant, r.id, r.category, r.class, r.collected_at, r.deadline, r.payload, r.hold_reason \
             FROM {records} r JOIN {subjects} s ON s.type_key = r.type_key AND s.tenant = r.tenant AND s.id = r.id \
             WHERE s.subject = ? AND r.tenant = ?",
            records = self.records,
            subjects = self.subjects
        );
        let rows = self.connection.query(
            &sql,
            &[
                SqlValue::Text(subject_key.to_owned()),
                SqlValue::Text(tenant.to_owned()),
            ],
        )?;
        let mut found = Vec::with_capacity(rows.len());
        for mut values in rows {
            let hold = values.pop().and_then(SqlValue::into_text);
            let key = {
                let mut text = values.iter().take(3).cloned().map(SqlValue::into_text);
                match (
                    text.next().flatten(),
                    text.next().flatten(),
                    text.next().flatten(),
                ) {
                    (Some(type_key), Some(tenant), Some(id)) => RowKey::new(type_key, tenant, id),
                    _ => return Err(StoreError::Backend("a stored row is malformed".into())),
                }
            };
            let sql = format!(
                "SELECT subject FROM {} WHERE type_key = ? AND tenant = ? AND id = ?",
                self.subjects
            );
            let subjects = self
                .connection
                .query(&sql, &Self::key_params(&key))?
                .into_iter()
                .filter_map(|row| row.into_iter().next().and_then(SqlValue::into_text))
                .collect();
            let row = row_from(values, subjects)
                .ok_or_else(|| StoreError::Backend("a stored row is malformed".into()))?;
            found.push((row, hold));
        }
        Ok(found)
    }

    fn erase_batch(
        &mut self,
        tenant: &str,
        subject_key: &str,
        note: &str,
        now: i64,
        limit: usize,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        self.transaction(|backend| {
            let sql = format!(
                "SELECT r.type_key, r.tenant, r.id, r.category, r.deadline FROM {records} r \
                 JOIN {subjects} s ON s.type_key = r.type_key AND s.tenant = r.tenant AND s.id = r.id \
                 WHERE s.subject = ? AND r.tenant = ? AND r.hold_reason IS NULL LIMIT {limit}{lock}",
                records = backend.records,
                subjects = backend.subjects,
                lock = backend.lock_clause()
            );
            let doomed = backend.connection.query(&sql, &[SqlValue::Text(subject_key.to_owned()), SqlValue::Text(tenant.to_owned())])?;
            let mut keys = Vec::with_capacity(doomed.len());
            let mut deleted = Vec::with_capacity(doomed.len());
            for row in doomed {
                let deadline = row.get(4).and_then(SqlValue::as_int);
                let mut values = row.into_iter().map(SqlValue::into_text);
                let (Some(Some(type_key)), Some(Some(tenant)), Some(Some(id)), Some(Some(category))) =
                    (values.next(), values.next(), values.next(), values.next())
                else {
                    return Err(StoreError::Backend("a stored row is malformed".into()));
                };
                keys.push(RowKey::new(type_key.clone(), tenant, id));
                deleted.push((type_key, category, deadline));
            }
            backend.delete_rows(&keys)?;
            let entries = entries_for_deleted(
                now,
                deleted.iter().map(|(type_key, category, deadline)| (type_key.as_str(), category.as_str(), AuditReason::Erasure, *deadline)),
                note,
            );
            backend.insert_audit(&entries)?;
            Ok(entries)
        })
    }

    fn append_audit(&mut self, entries: &[AuditEntry]) -> Result<(), StoreError> {
        self.insert_audit(entries)
    }

    fn audit_log(&mut self) -> Result<Vec<AuditEntry>, StoreError> {
        let sql = format!(
            "SELECT at, action, reason, type_key, category, count, deadline_min, deadline_max, note FROM {} ORDER BY seq",
            self.audit
        );
        let rows = self.connection.query(&sql, &[])?;
        rows.into_iter()
            .map(|row| {
                let int = |index: usize| row.get(index).and_then(SqlValue::as_int);
                let text = |index: usize| {
                    row.get(index)
                        .cloned()
                        .and_then(SqlValue::into_text)
                        .unwrap_or_default()
                };
                Ok(AuditEntry {
                    at: int(0).unwrap_or_default(),
                    action: AuditAction::from_code(&text(1))
                        .ok_or_else(|| StoreError::Backend("unknown audit action".into()))?,
                    reason: AuditReason::from_code(&text(2))
                        .ok_or_else(|| StoreError::Backend("unknown audit reason".into()))?,
                    type_key: text(3),
                    category: text(4),
                    count: int(5).unwrap_or_default().unsigned_abs(),
                    deadline_min: int(6),
                    deadline_max: int(7),
                    note: text(8),
                })
            })
            .collect()
    }
}
