//! Refuses a field shown as it is whose type is itself classified (alone, or in an `Option` or
//! a `Vec`): its own `Serialize` would write it unredacted into the redacted view. Only the
//! derive can tell, at the field's concrete type: method resolution takes the impl on
//! `&Probe<T>` when `T` is classified and falls back to the one on `Probe<T>` otherwise
//! (autoref specialisation), so the check asks nothing of types that are not classified.

use super::NestedField;
use core::marker::PhantomData;

/// Stands for a field's type in the check.
pub struct Probe<T: ?Sized>(PhantomData<T>);

impl<T: ?Sized> Probe<T> {
    /// The probe of `T`.
    pub const NEW: Self = Probe(PhantomData);
}

/// What the probe of a type that is not classified finds.
pub struct NotClassified;

/// What the probe of a classified type finds.
pub struct ClassifiedNotNested;

/// The fallback: any type.
pub trait ProbeAny {
    /// The probe's finding.
    fn finding(&self) -> NotClassified {
        NotClassified
    }
}
impl<T: ?Sized> ProbeAny for Probe<T> {}

/// Preferred by method resolution when the type is classified.
pub trait ProbeClassified {
    /// The probe's finding.
    fn finding(&self) -> ClassifiedNotNested {
        ClassifiedNotNested
    }
}
impl<T: NestedField + ?Sized> ProbeClassified for &Probe<T> {}

/// The finding a shown field's type must give.
#[diagnostic::on_unimplemented(
    message = "this field's type is itself classified: mark the field `#[privacy(nested)]`",
    label = "a classified type, shown as it is",
    note = "shown as it is, the value's own `Serialize` would write every field unredacted into `redacted()`; `nested` applies the type's own redaction and policy"
)]
pub trait ShownUnclassified {}
impl ShownUnclassified for NotClassified {}

/// Compiles only for a finding of `NotClassified`.
pub fn shown_unclassified<F: ShownUnclassified>(_finding: F) {}
