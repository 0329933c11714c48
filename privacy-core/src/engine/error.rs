//! What can go wrong in the engine. Messages name the operation, the table and the fix; they
//! never quote a stored value (the database's own message, which may, stays in `source()`).

use core::fmt;

/// An engine error.
///
/// ```
/// use privacy_core::engine::EngineError;
/// let error = EngineError::Refused { type_name: "ChatMessage", reason: "the tenant opted out of storing end users' data".into() };
/// assert_eq!(error.to_string(), "a `ChatMessage` record was refused: the tenant opted out of storing end users' data");
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum EngineError {
    /// The database failed an operation. `source()` is the `sqlx::Error`.
    Database {
        /// What the engine was doing ("sweeping `chat_messages`").
        operation: String,
        /// The database's error code (SQLSTATE or its own), when it gave one.
        code: Option<String>,
        /// The driver's error.
        source: sqlx::Error,
    },
    /// A mapped type cannot be enforced as declared; the message says what to change.
    Mapping {
        /// The type.
        type_name: &'static str,
        /// What is wrong and how to fix it.
        problem: String,
    },
    /// A name the engine would put into SQL is not a plain identifier.
    Identifier {
        /// What the name is for ("table prefix").
        role: &'static str,
        /// Why it is refused (never the name itself when it came from a request).
        problem: String,
    },
    /// A tenant decision that cannot be taken (a zero or absurd period, an unknown tenant id).
    Decision(String),
    /// A write the policy forbids: the record must not be stored.
    Refused {
        /// The type.
        type_name: &'static str,
        /// Why.
        reason: String,
    },
    /// The type is not mapped on this engine.
    Unmapped {
        /// The type.
        type_name: &'static str,
    },
}

impl EngineError {
    pub(crate) fn database(operation: impl Into<String>, source: sqlx::Error) -> Self {
        let code = source
            .as_database_error()
            .and_then(|error| error.code())
            .map(|code| code.into_owned());
        EngineError::Database {
            operation: operation.into(),
            code,
            source,
        }
    }
}

impl fmt::Display for EngineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EngineError::Database {
                operation,
                code,
                source,
            } => {
                write!(f, "the database failed while {operation}")?;
                match code {
                    Some(code) => write!(f, " (error code {code})"),
                    // Driver-level failures carry no stored value: name their kind.
                    None => write!(f, ": {}", kind(source)),
                }
            }
            EngineError::Mapping { type_name, problem } => {
                write!(f, "`{type_name}` cannot be enforced: {problem}")
            }
            EngineError::Identifier { role, problem } => write!(f, "the {role} {problem}"),
            EngineError::Decision(problem) => f.write_str(problem),
            EngineError::Refused { type_name, reason } => {
                write!(f, "a `{type_name}` record was refused: {reason}")
            }
            EngineError::Unmapped { type_name } => write!(
                f,
                "`{type_name}` is not mapped on this engine; add `.table::<{type_name}>()` to its builder"
            ),
        }
    }
}

/// A sqlx error's kind, without its text (which may quote a value).
fn kind(error: &sqlx::Error) -> &'static str {
    match error {
        sqlx::Error::Io(_) | sqlx::Error::Tls(_) => "the connection failed",
        sqlx::Error::PoolTimedOut => "no connection was free in time",
        sqlx::Error::PoolClosed => "the connection pool is closed",
        sqlx::Error::Protocol(_) => "the database answered outside its protocol",
        sqlx::Error::RowNotFound => "no row was found",
        sqlx::Error::ColumnNotFound(_) | sqlx::Error::ColumnIndexOutOfBounds { .. } => {
            "a column is missing"
        }
        sqlx::Error::ColumnDecode { .. } | sqlx::Error::Decode(_) => {
            "a column could not be decoded as its Rust type"
        }
        sqlx::Error::Configuration(_) => "the connection options are invalid",
        _ => "see the error's source",
    }
}

impl std::error::Error for EngineError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            EngineError::Database { source, .. } => Some(source),
            _ => None,
        }
    }
}
