//! The schema check: every mapped table and column exists, indexes serve the sweep and
//! erasure, and a partitioned table is partitioned by its `collected_at` column with the next
//! day's partitions there; the missing `CREATE INDEX` and `CREATE TABLE ... PARTITION OF`
//! statements, ready to run.

use core::fmt;

/// One problem the schema check found.
///
/// ```
/// use privacy_core::engine::SchemaProblem;
/// let problem = SchemaProblem::MissingIndex { table: "chat_messages".into(), columns: vec!["app_id".into(), "sent_at".into()], serves: "the sweep" };
/// assert_eq!(problem.create_index().as_deref(), Some("CREATE INDEX chat_messages_app_id_sent_at ON chat_messages (app_id, sent_at)"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SchemaProblem {
    /// The table does not exist.
    MissingTable {
        /// The table.
        table: String,
        /// The type mapped on it.
        type_name: &'static str,
    },
    /// A mapped column does not exist.
    MissingColumn {
        /// The table.
        table: String,
        /// The column.
        column: String,
    },
    /// No index starts with these columns.
    MissingIndex {
        /// The table.
        table: String,
        /// The columns, in order.
        columns: Vec<String>,
        /// What it serves: "the sweep" or "erasure".
        serves: &'static str,
    },
    /// The table is partitioned, but not by range over the type's `collected_at` column, so
    /// no partition is retired whole (its rows are swept one by one).
    PartitionKey {
        /// The table.
        table: String,
        /// The key it should have: `RANGE (<collected_at column>)`.
        expected: String,
        /// The key it has, as the database prints it.
        found: String,
    },
    /// The table is partitioned by its `collected_at` column and no partition covers some of
    /// the next day's instants: writes of those instants would fail.
    MissingPartitions {
        /// The table.
        table: String,
        /// The first instant not covered.
        from: chrono::DateTime<chrono::Utc>,
        /// The end (exclusive) of the stretch not covered.
        to: chrono::DateTime<chrono::Utc>,
        /// The statements creating the missing partitions (what
        /// [`Engine::create_partitions`](super::Engine::create_partitions) runs).
        statements: Vec<String>,
    },
}

impl SchemaProblem {
    /// The statement that fixes a missing index.
    ///
    /// ```
    /// use privacy_core::engine::SchemaProblem;
    /// let problem = SchemaProblem::MissingTable { table: "t".into(), type_name: "T" };
    /// assert_eq!(problem.create_index(), None);
    /// ```
    #[must_use]
    pub fn create_index(&self) -> Option<String> {
        match self {
            SchemaProblem::MissingIndex { table, columns, .. } => {
                let name = format!("{}_{}", table.replace('.', "_"), columns.join("_"));
                Some(format!(
                    "CREATE INDEX {name} ON {table} ({})",
                    columns.join(", ")
                ))
            }
            _ => None,
        }
    }

    /// The statements that fix the problem: the missing index, or the missing partitions;
    /// none for a missing table or column, or a partition key (the service's own migration
    /// fixes those).
    ///
    /// ```
    /// use privacy_core::engine::SchemaProblem;
    /// let from = chrono::DateTime::UNIX_EPOCH;
    /// let problem = SchemaProblem::MissingPartitions {
    ///     table: "request_logs".into(),
    ///     from,
    ///     to: from + chrono::TimeDelta::hours(6),
    ///     statements: vec!["CREATE TABLE IF NOT EXISTS request_logs_p1970010100 PARTITION OF request_logs FOR VALUES FROM ('1970-01-01 00:00:00+00') TO ('1970-01-01 06:00:00+00')".into()],
    /// };
    /// assert!(problem.statements()[0].contains("PARTITION OF request_logs"));
    /// assert!(problem.to_string().contains("no partition of `request_logs` covers"));
    /// ```
    #[must_use]
    pub fn statements(&self) -> Vec<String> {
        match self {
            SchemaProblem::MissingIndex { .. } => self.create_index().into_iter().collect(),
            SchemaProblem::MissingPartitions { statements, .. } => statements.clone(),
            _ => Vec::new(),
        }
    }
}

impl fmt::Display for SchemaProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SchemaProblem::MissingTable { table, type_name } => {
                write!(f, "table `{table}` of `{type_name}` does not exist")
            }
            SchemaProblem::MissingColumn { table, column } => {
                write!(f, "table `{table}` has no column `{column}`")
            }
            SchemaProblem::MissingIndex {
                table,
                columns,
                serves,
            } => write!(
                f,
                "no index of `{table}` starts with ({}), so {serves} scans the table; run: {};",
                columns.join(", "),
                self.create_index().unwrap_or_default()
            ),
            SchemaProblem::PartitionKey {
                table,
                expected,
                found,
            } => write!(
                f,
                "table `{table}` is partitioned by `{found}`, not `{expected}`, so no partition is retired whole; partition it by `{expected}`"
            ),
            SchemaProblem::MissingPartitions {
                table,
                from,
                to,
                statements,
            } => write!(
                f,
                "no partition of `{table}` covers {} to {}, so writes of those instants fail; run `create_partitions` daily, or: {};",
                from.format("%Y-%m-%d %H:%M UTC"),
                to.format("%Y-%m-%d %H:%M UTC"),
                statements.join("; ")
            ),
        }
    }
}

/// What the schema check found.
///
/// ```
/// use privacy_core::engine::SchemaReport;
/// assert!(SchemaReport::default().is_ok());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SchemaReport {
    /// Every problem, table by table.
    pub problems: Vec<SchemaProblem>,
}

impl SchemaReport {
    /// Whether nothing is missing.
    ///
    /// ```
    /// use privacy_core::engine::{SchemaProblem, SchemaReport};
    /// let report = SchemaReport { problems: vec![SchemaProblem::MissingTable { table: "t".into(), type_name: "T" }] };
    /// assert!(!report.is_ok());
    /// ```
    #[must_use]
    pub fn is_ok(&self) -> bool {
        self.problems.is_empty()
    }
}

impl fmt::Display for SchemaReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.problems.is_empty() {
            return f.write_str("schema: every mapped table, column, index and partition is there");
        }
        for problem in &self.problems {
            writeln!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl<DB: super::Dialect> super::Engine<DB> {
    /// Checks the service's schema against the mappings: every table and mapped column
    /// exists, an index serves each sweep (`collected_at`, after the tenant where retention
    /// depends on the tenant) and erasure (each subject column, after the tenant). On
    /// PostgreSQL, a partitioned table of a type with a fixed retention must be partitioned by
    /// `RANGE (<collected_at column>)`, and partitions must cover the next day's instants (by
    /// the engine's clock); an index on the parent serves every partition.
    ///
    /// # Errors
    /// When the database fails to answer the catalogue queries.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "sqlite")]
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// use privacy_core::{engine::Engine, im, Classified};
    /// #[derive(Classified)]
    /// #[privacy(category = im::LogData, table = "request_logs")]
    /// struct RequestLog { interface: String, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
    /// let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
    /// sqlx::query("CREATE TABLE request_logs (interface TEXT, at TEXT)").execute(&pool).await.unwrap();
    /// let engine = Engine::builder(pool).table::<RequestLog>().build().unwrap();
    /// let report = engine.check_schema().await.unwrap();
    /// assert_eq!(report.problems[0].create_index().unwrap(), "CREATE INDEX request_logs_at ON request_logs (at)");
    /// # });
    /// ```
    pub async fn check_schema(&self) -> Result<SchemaReport, super::EngineError> {
        let mut report = SchemaReport::default();
        for mapping in &self.inner.mappings {
            let table = mapping.table.name;
            let operation = format!("reading the catalogue of `{table}`");
            let columns: Vec<String> = self
                .fetch(&operation, &DB::columns_sql(table), &[])
                .await?
                .into_iter()
                .filter_map(|row| {
                    row.first()
                        .and_then(|(_, value)| value.as_str())
                        .map(str::to_lowercase)
                })
                .collect();
            if columns.is_empty() {
                report.problems.push(SchemaProblem::MissingTable {
                    table: table.into(),
                    type_name: mapping.descriptor.name,
                });
                continue;
            }
            for column in &mapping.columns {
                if !columns.contains(&column.to_lowercase()) {
                    report.problems.push(SchemaProblem::MissingColumn {
                        table: table.into(),
                        column: (*column).into(),
                    });
                }
            }
            let mut indexes: Vec<(String, Vec<String>)> = Vec::new();
            for row in self
                .fetch(&operation, &DB::index_columns_sql(table), &[])
                .await?
            {
                let text = |index: usize| {
                    row.get(index)
                        .and_then(|(_, value)| value.as_str())
                        .map(str::to_lowercase)
                };
                let (Some(name), Some(column)) = (text(0), text(2)) else {
                    continue;
                };
                match indexes.iter_mut().find(|(known, _)| *known == name) {
                    Some((_, list)) => list.push(column),
                    None => indexes.push((name, vec![column])),
                }
            }
            let served = |wanted: &[&str]| {
                indexes.iter().any(|(_, list)| {
                    list.len() >= wanted.len()
                        && list
                            .iter()
                            .zip(wanted)
                            .all(|(have, want)| *have == want.to_lowercase())
                })
            };
            let mut want = |wanted: Vec<&str>, serves: &'static str| {
                if !served(&wanted) {
                    report.problems.push(SchemaProblem::MissingIndex {
                        table: table.into(),
                        columns: wanted.into_iter().map(str::to_owned).collect(),
                        serves,
                    });
                }
            };
            if let Some((instant, _)) = mapping.instant {
                match mapping.tenant {
                    Some(tenant) if mapping.follows_choice || mapping.end_user => {
                        want(vec![tenant, instant], "the sweep");
                    }
                    _ => want(vec![instant], "the sweep"),
                }
            }
            for subject in &mapping.subjects {
                match mapping.tenant {
                    Some(tenant) => want(vec![tenant, subject], "erasure"),
                    None => want(vec![subject], "erasure"),
                }
            }
            let Some(children) = self.children(mapping).await? else {
                continue;
            };
            if let (Some(found), crate::Retention::Fixed(_), Some((instant, _))) = (
                children.key.as_deref(),
                mapping.descriptor.retention,
                mapping.instant,
            ) {
                let expected = format!("RANGE ({instant})");
                if !found.eq_ignore_ascii_case(&expected) {
                    report.problems.push(SchemaProblem::PartitionKey {
                        table: table.into(),
                        expected,
                        found: found.into(),
                    });
                }
            }
            if let Some(missing) = self.missing_partitions(mapping, &children)? {
                report.problems.push(SchemaProblem::MissingPartitions {
                    table: table.into(),
                    from: missing.from,
                    to: missing.to,
                    statements: missing.statements,
                });
            }
        }
        Ok(report)
    }
}
