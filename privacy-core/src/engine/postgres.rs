//! PostgreSQL (feature `postgres`).

use super::dialect::{
    BatchDelete, ColumnTypes, Dialect, private::Sealed, schema_and_name, sqlx_operations,
};
use crate::InstantEncoding;

impl Sealed for sqlx::Postgres {}

impl Dialect for sqlx::Postgres {
    fn param(n: usize) -> String {
        format!("${n}")
    }

    const TYPES: ColumnTypes = ColumnTypes {
        // Text comparison is exact under PostgreSQL's deterministic collations.
        text: "TEXT",
        long_text: "TEXT",
        integer: "BIGINT",
        id: "BIGSERIAL PRIMARY KEY",
        options: "",
    };

    fn from_unix(seconds: &str, encoding: InstantEncoding) -> String {
        match encoding {
            InstantEncoding::Utc | InstantEncoding::OffsetTime => {
                format!("to_timestamp({seconds})")
            }
            InstantEncoding::Naive | InstantEncoding::PrimitiveTime => {
                format!("(to_timestamp({seconds}) AT TIME ZONE 'UTC')")
            }
        }
    }

    fn same_text(ours: &str, theirs: &str) -> String {
        // Text comparison is exact under PostgreSQL's deterministic collations.
        format!("{ours} = {theirs}")
    }

    fn columns_sql(table: &str) -> String {
        let (schema, name) = schema_and_name(table, "current_schema()");
        format!(
            "SELECT column_name::text FROM information_schema.columns WHERE table_schema = {schema} AND table_name = '{name}'"
        )
    }

    fn index_columns_sql(table: &str) -> String {
        let (schema, name) = schema_and_name(table, "current_schema()");
        format!(
            "SELECT i.relname::text, k.ord, a.attname::text FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_class i ON i.oid = x.indexrelid CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, ord) JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum WHERE n.nspname = {schema} AND c.relname = '{name}' ORDER BY 1, 2"
        )
    }

    fn partitions_sql(table: &str, encoding: InstantEncoding) -> Option<String> {
        let (schema, name) = schema_and_name(table, "current_schema()");
        // A range over one column is printed `FOR VALUES FROM ('...') TO ('...')`, in the
        // session's time zone with its offset for `timestamptz`, without one for `timestamp`
        // (whose instants the engine writes in UTC).
        let instant = |bound: &str| {
            let text = format!(
                "(regexp_match(pg_get_expr(c.relpartbound, c.oid), '{bound} \\(''([^'']*)''\\)'))[1]"
            );
            match encoding {
                InstantEncoding::Utc | InstantEncoding::OffsetTime => {
                    format!("extract(epoch FROM {text}::timestamptz)")
                }
                InstantEncoding::Naive | InstantEncoding::PrimitiveTime => {
                    format!("extract(epoch FROM {text}::timestamp AT TIME ZONE 'UTC')")
                }
            }
        };
        Some(format!(
            "SELECT c.relname::text, floor({})::bigint, ceil({})::bigint, pg_get_partkeydef(p.oid), quote_ident(cn.nspname) || '.' || quote_ident(c.relname), c.relkind = 'r' FROM pg_class p JOIN pg_namespace n ON n.oid = p.relnamespace LEFT JOIN pg_inherits i ON i.inhparent = p.oid LEFT JOIN pg_class c ON c.oid = i.inhrelid LEFT JOIN pg_namespace cn ON cn.oid = c.relnamespace WHERE n.nspname = {schema} AND p.relname = '{name}' ORDER BY 1",
            instant("FROM"),
            instant("TO")
        ))
    }

    fn create_partition_sql(
        table: &str,
        name: &str,
        from: i64,
        to: i64,
        encoding: InstantEncoding,
    ) -> Option<String> {
        let bound = |seconds: i64| {
            let at = chrono::DateTime::from_timestamp(seconds, 0).unwrap_or_default();
            match encoding {
                InstantEncoding::Utc | InstantEncoding::OffsetTime => {
                    format!("'{}+00'", at.format("%Y-%m-%d %H:%M:%S"))
                }
                InstantEncoding::Naive | InstantEncoding::PrimitiveTime => {
                    format!("'{}'", at.format("%Y-%m-%d %H:%M:%S"))
                }
            }
        };
        let schema = table
            .split_once('.')
            .map_or(String::new(), |(schema, _)| format!("{schema}."));
        Some(format!(
            "CREATE TABLE IF NOT EXISTS {schema}{name} PARTITION OF {table} FOR VALUES FROM ({}) TO ({})",
            bound(from),
            bound(to)
        ))
    }

    fn lock_for_retirement_sql(table: &str) -> Option<String> {
        // Conflicts with writes and with itself, not with reads; the `DROP` that follows takes
        // the rest.
        Some(format!("LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE"))
    }

    fn drop_partitions_sql(partitions: &[&str]) -> Option<String> {
        Some(format!("DROP TABLE {}", partitions.join(", ")))
    }

    fn delete_batch(batch: &BatchDelete) -> String {
        let (table, condition, limit, returning) = batch.parts();
        // Rows are chosen and locked in one step; a row a concurrent sweeper or writer holds is
        // skipped.
        let lock = if batch.skip_locked {
            "FOR UPDATE SKIP LOCKED"
        } else {
            "FOR UPDATE"
        };
        if batch.single {
            // A table without children: `ctid` names a row, and a TID scan over the array
            // visits the batch in physical order (about twice as fast per batch as the join
            // below, measured by `benches/sweep.rs`).
            format!(
                "DELETE FROM {table} WHERE ctid = ANY (ARRAY(SELECT r.ctid FROM {table} AS r WHERE {condition} LIMIT {limit} {lock})){returning}"
            )
        } else {
            // `(tableoid, ctid)` names a row even in a partitioned or inherited table.
            format!(
                "DELETE FROM {table} WHERE (tableoid, ctid) IN (SELECT r.tableoid, r.ctid FROM {table} AS r WHERE {condition} LIMIT {limit} {lock}){returning}"
            )
        }
    }

    sqlx_operations!(sqlx::Postgres);

    fn is_transient_code(code: &str) -> bool {
        // 40001 serialization_failure, 40P01 deadlock_detected.
        code == "40001" || code == "40P01"
    }
}
