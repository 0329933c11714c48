//! MySQL 8 and MariaDB (feature `mysql`). The engine's tables use a binary collation, and
//! every comparison with the service's columns is exact, whatever their collation: `ACME` is
//! not `acme`, `café` is not `cafe`.

use super::dialect::{
    BatchDelete, ColumnTypes, Dialect, Params, private::Sealed, schema_and_name, sqlx_operations,
};
use crate::InstantEncoding;

impl Sealed for sqlx::MySql {}

impl Dialect for sqlx::MySql {
    fn param(_: usize) -> String {
        "?".to_owned()
    }

    const TYPES: ColumnTypes = ColumnTypes {
        text: "VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin",
        long_text: "TEXT",
        integer: "BIGINT",
        id: "BIGINT AUTO_INCREMENT PRIMARY KEY",
        options: " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin",
    };

    fn from_unix(seconds: &str, _encoding: InstantEncoding) -> String {
        // sqlx sets each session's time zone to UTC, in which `DATETIME` and `TIMESTAMP`
        // columns written from Rust hold their instants.
        format!("FROM_UNIXTIME({seconds})")
    }

    fn same_text(ours: &str, theirs: &str) -> String {
        format!("{ours} = CONVERT({theirs} USING utf8mb4) COLLATE utf8mb4_bin")
    }

    fn column_is(column: &str, value: &str, params: &mut Params) -> String {
        // The first test lets an index on the column (in its own collation) find candidates;
        // the second keeps only exact matches.
        let (first, second) = (params.text(value), params.text(value));
        format!(
            "({column} = {first} AND CONVERT({column} USING utf8mb4) COLLATE utf8mb4_bin = CONVERT({second} USING utf8mb4) COLLATE utf8mb4_bin)"
        )
    }

    fn insert_if_absent(table: &str, columns: &str, values: &str) -> String {
        format!("INSERT IGNORE INTO {table} ({columns}) VALUES ({values})")
    }

    fn columns_sql(table: &str) -> String {
        let (schema, name) = schema_and_name(table, "DATABASE()");
        format!(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = {schema} AND table_name = '{name}'"
        )
    }

    fn index_columns_sql(table: &str) -> String {
        let (schema, name) = schema_and_name(table, "DATABASE()");
        format!(
            "SELECT index_name, seq_in_index, column_name FROM information_schema.statistics WHERE table_schema = {schema} AND table_name = '{name}' ORDER BY 1, 2"
        )
    }

    fn qualifier(table: &str) -> String {
        table.to_owned()
    }

    fn delete_batch(batch: &BatchDelete) -> String {
        // `RETURNING` on `DELETE` is MariaDB's (10.0.5 and later).
        // Rows locked by another transaction are waited for: the database has no skipping.
        let (table, condition, limit, returning) = batch.parts();
        format!("DELETE FROM {table} WHERE {condition} LIMIT {limit}{returning}")
    }

    sqlx_operations!(sqlx::MySql);

    fn is_transient_code(code: &str) -> bool {
        // 1213 ER_LOCK_DEADLOCK, 1205 ER_LOCK_WAIT_TIMEOUT.
        code == "1213" || code == "1205" || code == "40001"
    }
}
