//! Refuses a field shown as it is whose type is itself classified (alone, or in any container a
//! `nested` field takes), or may hold classified values: its own `Serialize` would write them
//! unredacted into the redacted view. Method resolution takes the impl on `&Probe<T>` when `T`
//! could be `nested` (autoref specialisation) and says so; otherwise the fallback on `Probe<T>`
//! asks that `T` be [`Unclassified`] (a type parameter needs the bound).

use super::NestedField;
use crate::Unclassified;
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

/// The fallback: any type, which must then be [`Unclassified`].
pub trait ProbeAny {
    /// The type probed.
    type Probed: ?Sized;
    /// The probe's finding.
    fn finding(&self) -> NotClassified
    where
        Self::Probed: Unclassified,
    {
        NotClassified
    }
}
impl<T: ?Sized> ProbeAny for Probe<T> {
    type Probed = T;
}

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
    message = "this field's type is or holds a classified type: mark the field `#[privacy(nested)]`",
    label = "classified data, shown as it is",
    note = "shown as it is, the value's own `Serialize` would write every field unredacted into `redacted()`; `nested` applies the type's own redaction and policy"
)]
pub trait ShownUnclassified {}
impl ShownUnclassified for NotClassified {}

/// Compiles only for a finding of `NotClassified`.
pub fn shown_unclassified<F: ShownUnclassified>(_finding: F) {}

/// Compiles only for an [`Unclassified`] type: `#[derive(Unclassified)]`'s check of each field.
pub fn unclassified<T: Unclassified + ?Sized>() {}
