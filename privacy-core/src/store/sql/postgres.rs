//! PostgreSQL, through the `postgres` client.

use super::{Dialect, SqlConnection, SqlValue};
use crate::store::StoreError;
use postgres::types::ToSql;
use std::collections::HashMap;

/// A PostgreSQL connection.
///
/// ```
/// use privacy_core::store::sql::{PostgresConnection, SqlBackend};
/// use privacy_core::store::{Store, StoreError};
///
/// /// The store a service opens at start-up, its tables prefixed `privacy_`.
/// fn open_store(params: &str, key: &[u8]) -> Result<Store<SqlBackend<PostgresConnection>>, StoreError> {
///     let backend = SqlBackend::open(PostgresConnection::connect(params)?, "privacy_")?;
///     Ok(Store::new(backend, key).named("postgres"))
/// }
/// // Nothing listens on port 1: the error names the backend that failed.
/// let refused = open_store("host=127.0.0.1 port=1 user=postgres dbname=test", b"key").err().unwrap();
/// assert!(refused.to_string().starts_with("store backend failed: postgres:"));
/// ```
pub struct PostgresConnection {
    client: postgres::Client,
    /// Every statement prepared once and reused: the store runs the same few statements over
    /// and over (a sweep, batch after batch), and preparing is a round trip and a parse each.
    statements: HashMap<String, postgres::Statement>,
}

fn failed(error: &postgres::Error) -> StoreError {
    use postgres::error::SqlState;
    if let Some(code) = error.code()
        && (*code == SqlState::T_R_DEADLOCK_DETECTED
            || *code == SqlState::T_R_SERIALIZATION_FAILURE)
    {
        return StoreError::Conflict(format!("postgres: {error}"));
    }
    StoreError::Backend(format!("postgres: {error}"))
}

impl PostgresConnection {
    /// Connects with a libpq-style string, such as `host=127.0.0.1 user=postgres dbname=test`.
    ///
    /// # Errors
    /// When the server cannot be reached or refuses the connection.
    ///
    /// # Examples
    ///
    /// ```
    /// use privacy_core::store::sql::PostgresConnection;
    /// let refused = PostgresConnection::connect("host=127.0.0.1 port=1 user=postgres dbname=test");
    /// assert!(refused.is_err());
    /// let malformed = PostgresConnection::connect("host=127.0.0.1 port=not-a-port");
    /// assert!(malformed.err().unwrap().to_string().contains("postgres:"));
    /// ```
    pub fn connect(params: &str) -> Result<Self, StoreError> {
        postgres::Client::connect(params, postgres::NoTls)
            .map(|client| PostgresConnection {
                client,
                statements: HashMap::new(),
            })
            .map_err(|error| failed(&error))
    }
}

impl PostgresConnection {
    /// The statement for `sql` (with `?` placeholders), prepared on first use.
    fn prepared(&mut self, sql: &str) -> Result<postgres::Statement, StoreError> {
        if let Some(statement) = self.statements.get(sql) {
            return Ok(statement.clone());
        }
        let statement = self
            .client
            .prepare(&numbered(sql))
            .map_err(|error| failed(&error))?;
        self.statements.insert(sql.to_owned(), statement.clone());
        Ok(statement)
    }
}

/// `?` placeholders as PostgreSQL's `$1`, `$2`, ...
fn numbered(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 8);
    let mut number = 0;
    for character in sql.chars() {
        if character == '?' {
            number += 1;
            out.push('$');
            out.push_str(&number.to_string());
        } else {
            out.push(character);
        }
    }
    out
}

fn bind(params: &[SqlValue]) -> Vec<Box<dyn ToSql + Sync>> {
    params
        .iter()
        .map(|value| -> Box<dyn ToSql + Sync> {
            match value {
                SqlValue::Int(value) => Box::new(*value),
                SqlValue::Text(text) => Box::new(text.clone()),
                SqlValue::NullInt => Box::new(None::<i64>),
                SqlValue::NullText => Box::new(None::<String>),
            }
        })
        .collect()
}

impl SqlConnection for PostgresConnection {
    fn dialect(&self) -> Dialect {
        Dialect::Postgres
    }

    fn batch(&mut self, sql: &str) -> Result<(), StoreError> {
        self.client
            .batch_execute(sql)
            .map_err(|error| failed(&error))
    }

    fn execute(&mut self, sql: &str, params: &[SqlValue]) -> Result<u64, StoreError> {
        let statement = self.prepared(sql)?;
        let bound = bind(params);
        let references: Vec<&(dyn ToSql + Sync)> = bound.iter().map(AsRef::as_ref).collect();
        self.client
            .execute(&statement, &references)
            .map_err(|error| failed(&error))
    }

    fn query(&mut self, sql: &str, params: &[SqlValue]) -> Result<Vec<Vec<SqlValue>>, StoreError> {
        let statement = self.prepared(sql)?;
        let bound = bind(params);
        let references: Vec<&(dyn ToSql + Sync)> = bound.iter().map(AsRef::as_ref).collect();
        let rows = self
            .client
            .query(&statement, &references)
            .map_err(|error| failed(&error))?;
        let mut out = Vec::with_capacity(rows.len());
        for row in &rows {
            let mut values = Vec::with_capacity(row.len());
            for index in 0..row.len() {
                let value = if let Ok(value) = row.try_get::<_, Option<i64>>(index) {
                    value.map_or(SqlValue::NullInt, SqlValue::Int)
                } else if let Ok(value) = row.try_get::<_, Option<String>>(index) {
                    value.map_or(SqlValue::NullText, SqlValue::Text)
                } else if let Ok(value) = row.try_get::<_, Option<i32>>(index) {
                    value.map_or(SqlValue::NullInt, |value| SqlValue::Int(i64::from(value)))
                } else {
                    let column = &row.columns()[index];
                    return Err(StoreError::Backend(format!(
                        "postgres: column `{}` has type {}, which the store does not read; cast it to BIGINT or TEXT",
                        column.name(),
                        column.type_()
                    )));
                };
                values.push(value);
            }
            out.push(values);
        }
        Ok(out)
    }
}
