//! The three ways a redacted walk leaves the process: `Debug`, `Display` and `Serialize`.

use super::{Item, Redacted, RedactedValue, RedactedVisitor, Shape};
use crate::{Classified, FieldDescriptor};
use core::fmt;

/// Shows a value through a formatter with its redacted text.
struct Shown<'a, V: ?Sized>(&'a V);

impl<V: RedactedValue + ?Sized> fmt::Debug for Shown<'_, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt_redacted(f)
    }
}

/// `Debug` in the shape `#[derive(Debug)]` prints, fields redacted.
enum DebugWalk<'a, 'b> {
    Start(&'a mut fmt::Formatter<'b>),
    Named(fmt::DebugStruct<'a, 'b>),
    Tuple(fmt::DebugTuple<'a, 'b>),
    Finished(fmt::Result),
}

impl RedactedVisitor for DebugWalk<'_, '_> {
    fn begin(&mut self, item: Item) {
        let name = item.variant.map_or(item.type_name, |(_, variant)| variant);
        let walk = core::mem::replace(self, DebugWalk::Finished(Ok(())));
        *self = match walk {
            DebugWalk::Start(f) => match item.shape {
                Shape::Named => DebugWalk::Named(f.debug_struct(name)),
                Shape::Tuple => DebugWalk::Tuple(f.debug_tuple(name)),
                Shape::Unit => DebugWalk::Finished(f.write_str(name)),
            },
            other => other,
        };
    }

    fn field<V: RedactedValue + ?Sized>(&mut self, field: &'static FieldDescriptor, value: &V) {
        match self {
            DebugWalk::Named(out) => {
                out.field(field.name, &Shown(value));
            }
            DebugWalk::Tuple(out) => {
                out.field(&Shown(value));
            }
            DebugWalk::Start(_) | DebugWalk::Finished(_) => {}
        }
    }
}

impl DebugWalk<'_, '_> {
    fn finish(self) -> fmt::Result {
        match self {
            DebugWalk::Start(_) => Ok(()),
            DebugWalk::Named(mut out) => out.finish(),
            DebugWalk::Tuple(mut out) => out.finish(),
            DebugWalk::Finished(result) => result,
        }
    }
}

/// Writes `value` as `#[derive(Debug)]` would, with every redacted field transformed.
pub fn debug_redacted<T: Classified>(value: &T, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let mut walk = DebugWalk::Start(f);
    value.visit_redacted(&mut walk);
    walk.finish()
}

impl<T: Classified> fmt::Debug for Redacted<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        debug_redacted(self.0, f)
    }
}

/// `Display` as one logfmt line: `Name field=value field=value`.
struct LogfmtWalk<'a, 'b> {
    out: &'a mut fmt::Formatter<'b>,
    result: fmt::Result,
}

impl RedactedVisitor for LogfmtWalk<'_, '_> {
    fn begin(&mut self, item: Item) {
        self.result = self.result.and_then(|()| match item.variant {
            Some((_, variant)) => write!(self.out, "{}::{variant}", item.type_name),
            None => self.out.write_str(item.type_name),
        });
    }

    fn field<V: RedactedValue + ?Sized>(&mut self, field: &'static FieldDescriptor, value: &V) {
        self.result = self.result.and_then(|()| {
            write!(self.out, " {}=", field.name)?;
            value.fmt_redacted(self.out)
        });
    }
}

impl<T: Classified> fmt::Display for Redacted<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut walk = LogfmtWalk {
            out: f,
            result: Ok(()),
        };
        self.0.visit_redacted(&mut walk);
        walk.result
    }
}

#[cfg(feature = "serde")]
mod serialize {
    use super::{Item, Redacted, RedactedValue, RedactedVisitor, Shape};
    use crate::{Classified, FieldDescriptor};
    use serde::ser::{SerializeStruct, SerializeStructVariant};

    /// Serializes with a value's redacted form.
    struct AsSerialize<'a, V: ?Sized>(&'a V);

    impl<V: RedactedValue + ?Sized> serde::Serialize for AsSerialize<'_, V> {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            self.0.serialize_redacted(serializer)
        }
    }

    /// Structs serialize as maps of their fields (tuple fields keyed "0", "1", …), enum variants
    /// externally tagged, unit shapes as unit structs or unit variants.
    enum SerializeWalk<S: serde::Serializer> {
        Start(S),
        Struct(S::SerializeStruct),
        Variant(S::SerializeStructVariant),
        Finished(Result<S::Ok, S::Error>),
        Failed(S::Error),
        Taken,
    }

    impl<S: serde::Serializer> RedactedVisitor for SerializeWalk<S> {
        fn begin(&mut self, item: Item) {
            let SerializeWalk::Start(serializer) = core::mem::replace(self, SerializeWalk::Taken)
            else {
                return;
            };
            *self = match (item.variant, item.shape) {
                (None, Shape::Unit) => {
                    SerializeWalk::Finished(serializer.serialize_unit_struct(item.type_name))
                }
                (Some((index, variant)), Shape::Unit) => SerializeWalk::Finished(
                    serializer.serialize_unit_variant(item.type_name, index, variant),
                ),
                (None, _) => match serializer.serialize_struct(item.type_name, item.len) {
                    Ok(state) => SerializeWalk::Struct(state),
                    Err(error) => SerializeWalk::Failed(error),
                },
                (Some((index, variant)), _) => {
                    match serializer.serialize_struct_variant(
                        item.type_name,
                        index,
                        variant,
                        item.len,
                    ) {
                        Ok(state) => SerializeWalk::Variant(state),
                        Err(error) => SerializeWalk::Failed(error),
                    }
                }
            };
        }

        fn field<V: RedactedValue + ?Sized>(&mut self, field: &'static FieldDescriptor, value: &V) {
            let written = match self {
                SerializeWalk::Struct(state) => {
                    state.serialize_field(field.name, &AsSerialize(value))
                }
                SerializeWalk::Variant(state) => {
                    state.serialize_field(field.name, &AsSerialize(value))
                }
                _ => return,
            };
            if let Err(error) = written {
                *self = SerializeWalk::Failed(error);
            }
        }
    }

    impl<T: Classified> serde::Serialize for Redacted<'_, T> {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut walk = SerializeWalk::Start(serializer);
            self.0.visit_redacted(&mut walk);
            match walk {
                SerializeWalk::Struct(state) => state.end(),
                SerializeWalk::Variant(state) => state.end(),
                SerializeWalk::Finished(result) => result,
                SerializeWalk::Failed(error) => Err(error),
                SerializeWalk::Start(_) | SerializeWalk::Taken => Err(serde::ser::Error::custom(
                    "a classified value's walk never began",
                )),
            }
        }
    }
}
