//! `Secret<T>` as a sqlx column type on every database the engine runs on: it encodes and
//! decodes as `T`, so a classified type can derive `sqlx::FromRow` with its secrets in place,
//! and a column that fails to decode says so without showing the value.

use crate::Secret;
use sqlx::encode::IsNull;
use sqlx::error::BoxDynError;
use zeroize::Zeroize;

impl<DB: sqlx::Database, T: Zeroize + sqlx::Type<DB>> sqlx::Type<DB> for Secret<T> {
    fn type_info() -> DB::TypeInfo {
        T::type_info()
    }

    fn compatible(ty: &DB::TypeInfo) -> bool {
        T::compatible(ty)
    }
}

impl<'q, DB: sqlx::Database, T: Zeroize + sqlx::Encode<'q, DB>> sqlx::Encode<'q, DB> for Secret<T> {
    fn encode_by_ref(
        &self,
        buffer: &mut <DB as sqlx::Database>::ArgumentBuffer<'q>,
    ) -> Result<IsNull, BoxDynError> {
        self.expose().encode_by_ref(buffer)
    }

    fn produces(&self) -> Option<DB::TypeInfo> {
        self.expose().produces()
    }

    fn size_hint(&self) -> usize {
        self.expose().size_hint()
    }
}

impl<'r, DB: sqlx::Database, T: Zeroize + sqlx::Decode<'r, DB>> sqlx::Decode<'r, DB> for Secret<T> {
    fn decode(value: <DB as sqlx::Database>::ValueRef<'r>) -> Result<Self, BoxDynError> {
        // The driver's own message may quote the stored bytes: it is dropped.
        T::decode(value).map(Secret::new).map_err(|_| {
            "a secret column could not be read as its Rust type (its value is not shown)".into()
        })
    }
}
