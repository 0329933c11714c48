//! MariaDB and MySQL, through the `mysql` client.

use super::{Dialect, SqlConnection, SqlValue};
use crate::store::StoreError;
use mysql::prelude::Queryable;

/// A MariaDB or MySQL connection.
pub struct MysqlConnection(mysql::Conn);

fn failed(error: &mysql::Error) -> StoreError {
    StoreError::Backend(format!("mysql: {error}"))
}

impl MysqlConnection {
    /// Connects with a URL, such as `mysql://root@127.0.0.1:3306/test`.
    ///
    /// # Errors
    /// When the server cannot be reached or refuses the connection.
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
