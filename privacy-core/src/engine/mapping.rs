//! A mapped type as the engine enforces it: its table's columns by role, checked once when
//! the engine is built.

use super::EngineError;
use crate::deadline::{follows_customer_choice, holds_end_user_data};
use crate::{FieldRole, InstantEncoding, Redaction, Retention, Table, TypeDescriptor};

/// One mapped type.
#[derive(Debug)]
pub(crate) struct Mapping {
    pub descriptor: &'static TypeDescriptor,
    pub table: &'static Table,
    /// The tenant column.
    pub tenant: Option<&'static str>,
    /// The `collected_at` column and how it stores instants.
    pub instant: Option<(&'static str, InstantEncoding)>,
    /// The columns holding data subjects' ids.
    pub subjects: Vec<&'static str>,
    /// `(field, column)` of every column an export shows: all but secrets.
    pub exported: Vec<(&'static str, &'static str)>,
    /// The columns of the type's fields, for the schema check.
    pub columns: Vec<&'static str>,
    pub end_user: bool,
    pub follows_choice: bool,
}

impl Mapping {
    /// Checks that the engine can enforce `descriptor` on its table.
    pub fn new(descriptor: &'static TypeDescriptor) -> Result<Self, EngineError> {
        let type_name = descriptor.name;
        let problem = |problem: String| EngineError::Mapping { type_name, problem };
        let table = descriptor.table.ok_or_else(|| {
            problem(format!(
                "it names no table; add `#[privacy(table = \"...\")]` to `{type_name}`"
            ))
        })?;
        check_table_name(table.name).map_err(|why| problem(format!("its table {why}")))?;
        let retention = descriptor.retention;
        if retention.is_ephemeral() {
            return Err(problem(
                "it is ephemeral: its records are never stored, so no table may hold them".into(),
            ));
        }
        let instant = match (table.collected_at, table.instant) {
            (Some(column), Some(encoding)) => Some((column, encoding)),
            _ => None,
        };
        if retention.counts_from_collection() && instant.is_none() {
            return Err(problem(format!(
                "it is kept {retention} from collection, and its table maps no `collected_at` column; mark the field with `#[privacy(collected_at)]`"
            )));
        }
        let end_user = holds_end_user_data(descriptor);
        let follows_choice = follows_customer_choice(descriptor);
        let by_tenant =
            end_user || follows_choice || matches!(retention, Retention::UntilTerminated { .. });
        if by_tenant && table.tenant.is_none() {
            return Err(problem(
                "its retention depends on each tenant's decisions (opt-out, chosen period, termination), and its table maps no tenant column; mark the field with `#[privacy(tenant)]`".into(),
            ));
        }
        let columns = flattened(descriptor, Some(table));
        let subjects: Vec<&'static str> = columns
            .iter()
            .filter(|column| column.role == FieldRole::Subject)
            .map(|column| column.name)
            .collect();
        if subjects.is_empty() && end_user {
            return Err(problem(
                "it holds end users' data and maps no `subject` column, so erasure could not find a person's rows; mark the column holding the user's id with `#[privacy(subject)]`".into(),
            ));
        }
        Ok(Mapping {
            descriptor,
            table,
            tenant: table.tenant,
            instant,
            subjects,
            exported: columns
                .iter()
                .filter(|column| column.redaction != Redaction::Secret)
                .map(|column| (column.field, column.name))
                .collect(),
            columns: columns.iter().map(|column| column.name).collect(),
            end_user,
            follows_choice,
        })
    }
}

/// One column of a mapped table.
struct Column {
    /// The field it holds (a nested type's field for a flattened one).
    field: &'static str,
    /// The column's name.
    name: &'static str,
    role: FieldRole,
    redaction: Redaction,
}

/// The columns of a type's rows: its own fields, and the fields of its `nested` types
/// flattened into the same row (as `#[sqlx(flatten)]` reads them), so a subject inside a nested
/// type is a column erasure finds too.
fn flattened(descriptor: &'static TypeDescriptor, table: Option<&'static Table>) -> Vec<Column> {
    let mut columns = Vec::new();
    for field in descriptor
        .fields
        .iter()
        .filter(|field| field.variant.is_none())
    {
        match field.nested {
            Some(nested) => columns.extend(flattened(nested, nested.table)),
            None => columns.push(Column {
                field: field.name,
                name: table.map_or(field.name, |table| table.column_of(field.name)),
                role: field.role,
                redaction: field.redaction,
            }),
        }
    }
    columns
}

/// A plain SQL identifier, optionally schema-qualified: what the derive accepts, checked again
/// for descriptors written by hand.
pub(crate) fn check_table_name(name: &str) -> Result<(), String> {
    let parts: Vec<&str> = name.split('.').collect();
    if parts.len() <= 2 && parts.iter().all(|part| is_identifier(part)) {
        Ok(())
    } else {
        Err("name is not a plain SQL identifier (ASCII letters, digits and `_`, not starting with a digit, at most 63 bytes, optionally after a schema and a dot)".into())
    }
}

pub(crate) fn is_identifier(part: &str) -> bool {
    !part.is_empty()
        && part.len() <= 63
        && !part.starts_with(|c: char| c.is_ascii_digit())
        && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}
