//! A data subject's requests (GDPR Art. 15 and 17) over every mapped table, by its subject
//! columns: erasure deletes the person's rows, or, for a type declared
//! `erasure = redact_requester`, overwrites the person's id in each subject column and keeps
//! the row for the other party; legal holds keep rows and the receipt says so. Export reads
//! the person's visible rows, secrets left out and other people's ids pseudonymised
//! (Art. 15(4)).

use super::audit::{self, AuditAction, AuditEntry, AuditReason};
use super::dialect::{BatchDelete, Dialect, Params};
use super::mapping::Mapping;
use super::{Engine, EngineError, rules};
use crate::{ErasureRule, SubjectId};
use core::fmt;
use serde_json::{Map, Value, json};

/// What one erasure request did in one table.
///
/// ```
/// use privacy_core::engine::ReceiptLine;
/// let line = ReceiptLine { type_name: "ChatMessage", table: "chat_messages", deleted: 2, redacted: 1, held: 0 };
/// assert_eq!(line.to_string(), "ChatMessage (chat_messages): 2 deleted, 1 kept for the other party without the requester's id");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReceiptLine {
    /// The type.
    pub type_name: &'static str,
    /// Its table.
    pub table: &'static str,
    /// Rows deleted.
    pub deleted: u64,
    /// Rows kept for the other party, the requester's id overwritten.
    pub redacted: u64,
    /// Rows a legal hold keeps.
    pub held: u64,
}

impl fmt::Display for ReceiptLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} ({}): {} deleted",
            self.type_name, self.table, self.deleted
        )?;
        if self.redacted > 0 {
            write!(
                f,
                ", {} kept for the other party without the requester's id",
                self.redacted
            )?;
        }
        if self.held > 0 {
            write!(f, ", {} kept under a legal hold", self.held)?;
        }
        Ok(())
    }
}

/// The answer to one erasure request: this request's work only, per table.
///
/// ```
/// use privacy_core::engine::ErasureReceipt;
/// let receipt = ErasureReceipt { request: "3f2a".into(), tenant: "acme".into(), lines: Vec::new() };
/// assert!(receipt.is_complete());
/// assert_eq!(receipt.to_string(), "erasure request 3f2a (tenant acme): nothing held the subject's id");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErasureReceipt {
    /// The request's keyed reference (never the subject's id), as the audit log names it.
    pub request: String,
    /// The tenant.
    pub tenant: String,
    /// One line per mapped table that held the subject's rows.
    pub lines: Vec<ReceiptLine>,
}

impl ErasureReceipt {
    /// Whether nothing was kept under a hold.
    ///
    /// ```
    /// use privacy_core::engine::{ErasureReceipt, ReceiptLine};
    /// let held = ReceiptLine { type_name: "Profile", table: "profiles", deleted: 0, redacted: 0, held: 1 };
    /// let receipt = ErasureReceipt { request: "r".into(), tenant: "acme".into(), lines: vec![held] };
    /// assert!(!receipt.is_complete());
    /// ```
    #[must_use]
    pub fn is_complete(&self) -> bool {
        self.lines.iter().all(|line| line.held == 0)
    }

    /// Rows deleted in all tables.
    ///
    /// ```
    /// use privacy_core::engine::{ErasureReceipt, ReceiptLine};
    /// let line = ReceiptLine { type_name: "Profile", table: "profiles", deleted: 2, redacted: 0, held: 0 };
    /// let receipt = ErasureReceipt { request: "r".into(), tenant: "acme".into(), lines: vec![line.clone(), line] };
    /// assert_eq!(receipt.deleted(), 4);
    /// ```
    #[must_use]
    pub fn deleted(&self) -> u64 {
        self.lines.iter().map(|line| line.deleted).sum()
    }
}

impl fmt::Display for ErasureReceipt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "erasure request {} (tenant {})",
            self.request, self.tenant
        )?;
        if self.lines.is_empty() {
            return f.write_str(": nothing held the subject's id");
        }
        for line in &self.lines {
            write!(f, "\n  {line}")?;
        }
        Ok(())
    }
}

impl<DB: Dialect> Engine<DB> {
    /// Erases `subject`'s rows of `tenant` from every mapped table with subject columns.
    ///
    /// # Errors
    /// When the database fails; the batches before stay committed and audited, and running
    /// the request again finishes it.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "sqlite")]
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// use privacy_core::engine::Engine;
    /// use privacy_core::{im, Classified, SubjectId};
    /// #[derive(Classified)]
    /// #[privacy(category = im::UserInformation, table = "profiles")]
    /// struct Profile { #[privacy(tenant)] app_id: String, #[privacy(subject)] user_id: String, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
    /// let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
    /// sqlx::query("CREATE TABLE profiles (app_id TEXT, user_id TEXT, at TEXT)").execute(&pool).await.unwrap();
    /// let engine = Engine::builder(pool.clone()).table::<Profile>().build().unwrap();
    /// engine.install().await.unwrap();
    /// for (app, user) in [("acme", "u1"), ("acme", "U1"), ("beta", "u1")] {
    ///     sqlx::query("INSERT INTO profiles VALUES (?, ?, ?)").bind(app).bind(user).bind(engine.now()).execute(&pool).await.unwrap();
    /// }
    /// let receipt = engine.erase("acme", &SubjectId::new("u1")).await.unwrap();
    /// assert_eq!(receipt.deleted(), 1); // not `U1`, not tenant `beta`'s `u1`
    /// # });
    /// ```
    pub async fn erase(
        &self,
        tenant: &str,
        subject: &SubjectId,
    ) -> Result<ErasureReceipt, EngineError> {
        let request = self.reference(subject.as_str());
        let mut lines = Vec::new();
        for mapping in self
            .inner
            .mappings
            .iter()
            .filter(|mapping| !mapping.subjects.is_empty())
        {
            let line = self
                .erase_in(mapping, tenant, subject.as_str(), &request)
                .await?;
            if line.deleted + line.redacted + line.held > 0 {
                lines.push(line);
            }
        }
        Ok(ErasureReceipt {
            request,
            tenant: tenant.into(),
            lines,
        })
    }

    async fn erase_in(
        &self,
        mapping: &Mapping,
        tenant: &str,
        subject: &str,
        request: &str,
    ) -> Result<ReceiptLine, EngineError> {
        let operation = format!(
            "erasing a data subject's rows from `{}`",
            mapping.table.name
        );
        let fail = |error| EngineError::database(&operation, error);
        let row = DB::qualifier(mapping.table.name);
        let held = rules::held::<DB>(mapping, &self.inner.tables, &row);
        let mut line = ReceiptLine {
            type_name: mapping.descriptor.name,
            table: mapping.table.name,
            deleted: 0,
            redacted: 0,
            held: 0,
        };
        let keeps_for_others = mapping.descriptor.erasure == Some(ErasureRule::RedactRequester)
            && mapping.subjects.len() > 1;
        let now = self.now();
        let entry = |action: AuditAction, count: u64| AuditEntry {
            at: now,
            action,
            type_name: mapping.descriptor.name.into(),
            table: mapping.table.name.into(),
            tenant: Some(tenant.into()),
            count,
            cutoff: None,
            reason: AuditReason::Request,
            request: Some(request.into()),
        };
        loop {
            let mut transaction = self.inner.pool.begin().await.map_err(fail)?;
            let (action, count) = if keeps_for_others {
                let (sql, params) = redaction::<DB>(mapping, &row, tenant, subject, &held, request);
                let count = DB::execute(&mut transaction, &sql, params.binds())
                    .await
                    .map_err(fail)?;
                (AuditAction::Redaction, count)
            } else {
                let mut params = Params::new::<DB>();
                let names = names_subject::<DB>(mapping, &row, tenant, subject, &mut params);
                let condition = format!("{names} AND NOT {held}");
                let sql = DB::delete_batch(&BatchDelete {
                    table: mapping.table.name,
                    condition: &condition,
                    limit: self.inner.batch,
                    returning: None,
                    skip_locked: false,
                    single: false,
                });
                let count = DB::execute(&mut transaction, &sql, params.binds())
                    .await
                    .map_err(fail)?;
                (AuditAction::Erasure, count)
            };
            if count > 0 {
                let (sql, params) =
                    audit::insert::<DB>(&self.inner.tables.audit, &[entry(action, count)]);
                DB::execute(&mut transaction, &sql, params.binds())
                    .await
                    .map_err(fail)?;
            }
            transaction.commit().await.map_err(fail)?;
            match action {
                AuditAction::Redaction => line.redacted += count,
                _ => line.deleted += count,
            }
            if action == AuditAction::Redaction || count < self.inner.batch as u64 {
                break;
            }
        }
        let mut params = Params::new::<DB>();
        let names = names_subject::<DB>(mapping, &row, tenant, subject, &mut params);
        let sql = format!(
            "SELECT count(*) FROM {} WHERE {names} AND {held}",
            table_with_alias::<DB>(mapping.table.name)
        );
        let rows = self.fetch(&operation, &sql, params.binds()).await?;
        line.held = rows
            .first()
            .and_then(|row| row.first())
            .and_then(|(_, value)| value.as_u64())
            .unwrap_or(0);
        if line.held > 0 {
            let (sql, params) = audit::insert::<DB>(
                &self.inner.tables.audit,
                &[entry(AuditAction::Held, line.held)],
            );
            self.execute(&operation, &sql, params.binds()).await?;
        }
        Ok(line)
    }

    /// Every visible row of `subject` in `tenant`, as one JSON document grouped by category,
    /// each group with its purpose, legal basis and retention; secrets left out, other
    /// people's ids in subject columns replaced by keyed pseudonyms.
    ///
    /// # Errors
    /// When the database fails: an export must be whole.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "sqlite")]
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// use privacy_core::engine::Engine;
    /// use privacy_core::{im, Classified, Secret, SubjectId};
    /// #[derive(Classified)]
    /// #[privacy(category = im::ChatMessageRecord, table = "messages", erasure = redact_requester)]
    /// struct Message {
    ///     #[privacy(tenant)] app_id: String,
    ///     #[privacy(subject)] sender: String,
    ///     #[privacy(subject)] recipient: String,
    ///     body: String,
    ///     #[privacy(secret, column = "token")] push_token: Secret<String>,
    ///     #[privacy(collected_at)] sent_at: chrono::DateTime<chrono::Utc>,
    /// }
    /// let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
    /// sqlx::query("CREATE TABLE messages (app_id TEXT, sender TEXT, recipient TEXT, body TEXT, token TEXT, sent_at TEXT)").execute(&pool).await.unwrap();
    /// let engine = Engine::builder(pool.clone()).table::<Message>().build().unwrap();
    /// engine.install().await.unwrap();
    /// sqlx::query("INSERT INTO messages VALUES ('acme', 'ann', 'bob', 'hi', 'tok-1', ?)").bind(engine.now()).execute(&pool).await.unwrap();
    /// let export = engine.export("acme", &SubjectId::new("ann")).await.unwrap();
    /// let record = &export["categories"][0]["records"][0]["record"];
    /// assert_eq!((record["sender"].as_str(), record["body"].as_str()), (Some("ann"), Some("hi")));
    /// assert!(record["recipient"].as_str().unwrap().starts_with("pseudonym:")); // not `bob`
    /// assert!(!export.to_string().contains("tok-1"));
    /// # });
    /// ```
    pub async fn export(&self, tenant: &str, subject: &SubjectId) -> Result<Value, EngineError> {
        let mut categories: Vec<Value> = Vec::new();
        for mapping in self
            .inner
            .mappings
            .iter()
            .filter(|mapping| !mapping.subjects.is_empty())
        {
            let operation = format!(
                "exporting a data subject's rows from `{}`",
                mapping.table.name
            );
            let row = "r";
            let mut params = Params::new::<DB>();
            let names = names_subject::<DB>(mapping, row, tenant, subject.as_str(), &mut params);
            let visible = rules::visible::<DB>(mapping, &self.inner.tables, self.now(), row);
            let columns: Vec<String> = mapping
                .exported
                .iter()
                .map(|(_, column)| format!("{row}.{column}"))
                .collect();
            let sql = format!(
                "SELECT {} FROM {} AS {row} WHERE {names} AND {visible}",
                columns.join(", "),
                mapping.table.name
            );
            let rows = self.fetch(&operation, &sql, params.binds()).await?;
            if rows.is_empty() {
                continue;
            }
            let info = mapping.descriptor.categories().first().copied();
            let key = info.map_or("", |info| info.key);
            let position = categories.iter().position(|group| group["key"] == key);
            let group = if let Some(position) = position {
                &mut categories[position]
            } else {
                categories.push(json!({
                    "key": key,
                    "name": info.map_or("", |info| info.name),
                    "purpose": mapping.descriptor.purpose,
                    "legal_basis": mapping.descriptor.legal_basis.key(),
                    "retention": mapping.descriptor.retention.to_string(),
                    "records": [],
                }));
                let last = categories.len() - 1;
                &mut categories[last]
            };
            for cells in rows {
                let mut record = Map::new();
                for ((field, column), (_, value)) in mapping.exported.iter().zip(cells) {
                    let value = if mapping.subjects.contains(column)
                        && !same_id(&value, subject.as_str())
                        && !value.is_null()
                    {
                        Value::from(format!("pseudonym:{}", self.reference(&id_text(&value))))
                    } else {
                        value
                    };
                    record.insert((*field).to_owned(), value);
                }
                if let Some(list) = group["records"].as_array_mut() {
                    list.push(json!({ "type": mapping.descriptor.name, "table": mapping.table.name, "record": record }));
                }
            }
        }
        Ok(json!({
            "subject": subject.as_str(),
            "tenant": tenant,
            "exported_at": self.now().to_rfc3339(),
            "categories": categories,
        }))
    }
}

/// `row` belongs to `tenant` and names `subject` in one of its subject columns.
fn names_subject<DB: Dialect>(
    mapping: &Mapping,
    row: &str,
    tenant: &str,
    subject: &str,
    params: &mut Params,
) -> String {
    let tenant = mapping.tenant.map_or_else(
        || "1 = 1".to_owned(),
        |column| DB::column_is(&format!("{row}.{column}"), tenant, params),
    );
    let subjects: Vec<String> = mapping
        .subjects
        .iter()
        .map(|column| DB::column_is(&format!("{row}.{column}"), subject, params))
        .collect();
    format!("{tenant} AND ({})", subjects.join(" OR "))
}

/// The `UPDATE` that overwrites the requester's id in each subject column of the rows that
/// name them (by column, whatever serde calls the field) and keeps the rows for the others.
fn redaction<DB: Dialect>(
    mapping: &Mapping,
    row: &str,
    tenant: &str,
    subject: &str,
    held: &str,
    request: &str,
) -> (String, Params) {
    let mut params = Params::new::<DB>();
    let replacement = format!("erased:{request}");
    let set: Vec<String> = mapping
        .subjects
        .iter()
        .map(|column| {
            let is_requester = DB::column_is(&format!("{row}.{column}"), subject, &mut params);
            let value = params.text(&replacement);
            format!("{column} = CASE WHEN {is_requester} THEN {value} ELSE {row}.{column} END")
        })
        .collect();
    let names = names_subject::<DB>(mapping, row, tenant, subject, &mut params);
    let sql = format!(
        "UPDATE {} SET {} WHERE {names} AND NOT {held}",
        table_with_alias::<DB>(mapping.table.name),
        set.join(", "),
    );
    (sql, params)
}

/// `table AS r` where the database allows an alias in `UPDATE` and `SELECT`, else the table.
fn table_with_alias<DB: Dialect>(table: &str) -> String {
    let qualifier = DB::qualifier(table);
    if qualifier == table {
        table.to_owned()
    } else {
        format!("{table} AS {qualifier}")
    }
}

fn id_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

fn same_id(value: &Value, subject: &str) -> bool {
    id_text(value) == subject
}
