//! What the derive's generated code calls. Not a public API: names and signatures change freely.

pub mod check;
mod message;
mod nested;
mod probe;

pub use crate::redact::output::debug_redacted;
pub use crate::redact::strategy::{Masked, Plain, WithStrategy};
pub use crate::redact::{Item, RedactedVisitor, Shape};
pub use chrono;
pub use inventory;
pub use message::Message;
pub use nested::{
    NestedField, NestedRedacted, earliest, nested, nested_collected_at, nested_subjects,
};
#[cfg(feature = "derive")]
pub use privacy_derive::__link_package as link_package;
pub use probe::{Probe, ProbeAny, ProbeClassified, shown_unclassified, unclassified};

pub use ::core::option::Option::{None, Some};

/// The bound on a `secret` field's type.
#[diagnostic::on_unimplemented(
    message = "a `secret` field must have type `privacy_core::Secret<_>`, not `{Self}`",
    label = "wrap this type in `privacy_core::Secret`",
    note = "`Secret` zeroizes the value on drop and shows it only through `expose()`"
)]
pub trait SecretField {}

impl<T: zeroize::Zeroize> SecretField for crate::Secret<T> {}
impl<T: SecretField> SecretField for Option<T> {}

/// A `secret` field in a redacted walk: always the secret mask.
pub fn secret<T: SecretField + ?Sized>(_value: &T) -> Masked {
    Masked(crate::redact::SECRET_MASK)
}

/// A fully masked field in a redacted walk: the mask, whatever the value.
pub fn masked<T: ?Sized>(_value: &T) -> Masked {
    Masked(crate::redact::MASK)
}

/// The bound on a field shown as it is: `Debug`, and `Serialize` with feature `serde`.
#[cfg(feature = "serde")]
#[diagnostic::on_unimplemented(
    message = "the field type `{Self}` must implement `Debug` and `serde::Serialize` to appear in the redacted view",
    label = "shown as it is in `redacted()` and `Debug`",
    note = "derive or implement them (a type from another crate: wrap it in a newtype of your own), or mark the field `redact` (masked) or `redact = skip`"
)]
pub trait ShownField: core::fmt::Debug + serde::Serialize {}
#[cfg(feature = "serde")]
impl<T: core::fmt::Debug + serde::Serialize + ?Sized> ShownField for T {}

/// The bound on a field shown as it is: `Debug`.
#[cfg(not(feature = "serde"))]
#[diagnostic::on_unimplemented(
    message = "the field type `{Self}` must implement `Debug` to appear in the redacted view",
    label = "shown as it is in `redacted()` and `Debug`",
    note = "derive or implement it (a type from another crate: wrap it in a newtype of your own), or mark the field `redact` (masked) or `redact = skip`"
)]
pub trait ShownField: core::fmt::Debug {}
#[cfg(not(feature = "serde"))]
impl<T: core::fmt::Debug + ?Sized> ShownField for T {}

/// A field shown as it is.
pub fn shown<T: ShownField + ?Sized>(value: &T) -> Plain<'_, T> {
    Plain(value)
}

/// A field's subject id.
pub fn subject_of<T: crate::SubjectKey + ?Sized>(value: &T) -> Option<crate::SubjectId> {
    value.subject_id()
}

/// A `tenant` field's id.
pub fn tenant_of<T: crate::TenantKey + ?Sized>(value: &T) -> &str {
    value.tenant_key()
}

/// A field's collection instant.
pub fn instant_of<T: crate::CollectionInstant + ?Sized>(
    value: &T,
) -> Option<chrono::DateTime<chrono::Utc>> {
    value.instant()
}

/// A field under a redaction strategy.
pub fn redact_with<T: crate::redact::Redact<S> + ?Sized, S>(
    value: &T,
    strategy: S,
) -> WithStrategy<'_, T, S> {
    WithStrategy::new(value, strategy)
}

/// The descriptor of a type whose derive reported errors: the stub impl beside them keeps the
/// user's other code compiling, so each mistake is reported once.
pub const STUB: crate::TypeDescriptor = crate::TypeDescriptor {
    name: "",
    module_path: "",
    category: None,
    retention: crate::Retention::Ephemeral,
    legal_basis: crate::LegalBasis::Consent,
    purpose: "",
    erasure: None,
    fields: &[],
    variants: None,
    table: None,
};

/// The bound a generic classified type's `Storable` impl carries, which no type meets: the
/// registry knows only concrete types, and a stored record is found by its type's key, which
/// every instantiation would share.
/// (On `()`, so that the compiler words the error with this trait's message, not `Storable`'s.)
#[diagnostic::on_unimplemented(
    message = "`{T}` is generic and cannot be written to a store",
    label = "a generic classified type, handed to a store",
    note = "the registry knows only concrete types (the inventory, the drift gate and data subjects' requests would never see these records), and every instantiation would share one type key, so one instantiation's records would be read back as another's",
    note = "store a concrete type: a struct without type parameters (one per payload), or a newtype of your own around this instantiation that derives `Classified`"
)]
pub trait ConcreteType<T: ?Sized> {}

/// A classified type linked into the program, found by the registry.
pub struct Registration {
    /// The type's descriptor.
    pub descriptor: &'static crate::TypeDescriptor,
}

inventory::collect!(Registration);

/// One taxonomy's words, submitted by `register_taxonomy!`.
pub struct TaxonomyRegistration {
    pub taxonomy: &'static dyn crate::Taxonomy,
}

inventory::collect!(TaxonomyRegistration);

/// Without the derive, no type of the package registers itself: nothing to link.
#[cfg(not(feature = "derive"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __no_link_package {
    () => {};
}

#[cfg(not(feature = "derive"))]
pub use crate::__no_link_package as link_package;
