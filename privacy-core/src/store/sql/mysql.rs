//! MariaDB and MySQL, through the `mysql` client.

use super::{Dialect, SqlConnection, SqlValue};
use crate::store::StoreError;
use mysql::prelude::Queryable;

/// A MariaDB or MySQL connection.
///
/// ```
/// use privacy_core::store::sql::{MysqlConnection, SqlBackend};
/// use privacy_core::store::{Store, StoreError};
///
/// /// The store a service opens at start-up, its tables prefixed `privacy_`.
/// fn open_store(url: &str, key: &[u8]) -> Result<Store<SqlBackend<MysqlConnection>>, StoreError> {
///     let backend = SqlBackend::open(MysqlConnection::connect(url)?, "privacy_")?;
///     Ok(Store::new(backend, key).named("mariadb"))
/// }
/// // Nothing listens on port 1: the error names the backend that failed.
/// let refused = open_store("mysql://root@127.0.0.1:1/test", b"key").err().unwrap();
/// assert!(refused.to_string().starts_with("store backend failed: mysql:"));
/// ```
pub struct MysqlConnection(mysql::Conn);

fn failed(error: &mysql::Error) -> StoreError {
    // 1213: the transaction was chosen as a deadlock's victim and rolled back.
    if let mysql::Error::MySqlError(server) = error
        && (server.code == 1213 || server.state == "40001")
    {
        return StoreError::Conflict(format!("mysql: {error}"));
    }
    StoreError::Backend(format!("mysql: {error}"))
}

impl MysqlConnection {
    /// Connects with a URL, such as `mysql://root@127.0.0.1:3306/test`.
    ///
    /// # Errors
    /// When the server cannot be reached or refuses the connection.
    ///
    /// # Examples
    ///
    /// ```
    /// use privacy_core::store::sql::MysqlConnection;
    /// assert!(MysqlConnection::connect("mysql://root@127.0.0.1:1/test").is_err());
    /// let malformed = MysqlConnection::connect("postgres://127.0.0.1/test").err().unwrap();
    /// assert!(malformed.to_string().starts_with("store backend failed: mysql:"));
    /// ```
    pub fn connect(url: &str) -> Result<Self, StoreError> {
        let options = mysql::Opts::from_url(url)
            .map_err(|error| StoreError::Backend(format!("mysql: {error}")))?;
        mysql::Conn::new(options)
            .map(MysqlConnection)
            .map_err(|error| failed(&error))
    }
}

fn bind(params: &[SqlValue]) -> mysql::Params {
    if params.is_empty() {
        return mysql::Params::Empty;
    }
    mysql::Params::Positional(
        params
            .iter()
            .map(|value| match value {
                SqlValue::Int(value) => mysql::Value::Int(*value),
                SqlValue::Text(text) => mysql::Value::Bytes(text.as_bytes().to_vec()),
                SqlValue::NullInt | SqlValue::NullText => mysql::Value::NULL,
            })
            .collect(),
    )
}

impl SqlConnection for MysqlConnection {
    fn dialect(&self) -> Dialect {
        Dialect::Mysql
    }

    fn batch(&mut self, sql: &str) -> Result<(), StoreError> {
        self.0.query_drop(sql).map_err(|error| failed(&error))
    }

    fn execute(&mut self, sql: &str, params: &[SqlValue]) -> Result<u64, StoreError> {
        self.0
            .exec_drop(sql, bind(params))
            .map_err(|error| failed(&error))?;
        Ok(self.0.affected_rows())
    }

    fn query(&mut self, sql: &str, params: &[SqlValue]) -> Result<Vec<Vec<SqlValue>>, StoreError> {
        let rows: Vec<mysql::Row> = self
            .0
            .exec(sql, bind(params))
            .map_err(|error| failed(&error))?;
        Ok(rows
            .into_iter()
            .map(|row| {
                row.unwrap()
                    .into_iter()
                    .map(|value| match value {
                        mysql::Value::Int(value) => SqlValue::Int(value),
                        mysql::Value::UInt(value) => {
                            SqlValue::Int(i64::try_from(value).unwrap_or(i64::MAX))
                        }
                        mysql::Value::Bytes(bytes) => {
                            SqlValue::Text(String::from_utf8_lossy(&bytes).into_owned())
                        }
                        mysql::Value::NULL => SqlValue::NullText,
                        other => SqlValue::Text(other.as_sql(true)),
                    })
                    .collect()
            })
            .collect())
    }
}
