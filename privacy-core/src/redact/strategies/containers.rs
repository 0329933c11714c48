//! Every strategy passed on: text types and smart pointers to what they deref to, `Option`,
//! slices and vectors to their elements, maps to their values (every key masked: keys are data
//! too).

use crate::redact::strategy::{MASK, Redact};
use core::fmt;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

/// A type that derefs to one a strategy takes passes the strategy on to it.
macro_rules! forward_deref {
    ($([$($generics:tt)*] $outer:ty => $target:ty),* $(,)?) => {$(
        impl<S, $($generics)*> Redact<S> for $outer where $target: Redact<S> {
            fn fmt_redacted(&self, strategy: &S, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                <$target as Redact<S>>::fmt_redacted(&**self, strategy, f)
            }

            #[cfg(feature = "serde")]
            fn serialize_redacted<Ser: serde::Serializer>(&self, strategy: &S, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
                <$target as Redact<S>>::serialize_redacted(&**self, strategy, serializer)
            }
        }
    )*};
}

forward_deref!(
    [] String => str,
    [] Cow<'_, str> => str,
    [T: ?Sized] &T => T,
    [T: ?Sized] Box<T> => T,
    [T] Vec<T> => [T],
);

impl<S, T: Redact<S>> Redact<S> for Option<T> {
    fn fmt_redacted(&self, strategy: &S, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Some(value) => {
                f.write_str("Some(")?;
                value.fmt_redacted(strategy, f)?;
                f.write_str(")")
            }
            None => f.write_str("None"),
        }
    }

    #[cfg(feature = "serde")]
    fn serialize_redacted<Ser: serde::Serializer>(
        &self,
        strategy: &S,
        serializer: Ser,
    ) -> Result<Ser::Ok, Ser::Error> {
        match self {
            Some(value) => value.serialize_redacted(strategy, serializer),
            None => serializer.serialize_none(),
        }
    }
}

/// One element of a collection under the collection's strategy.
struct Element<'a, T: ?Sized, S>(&'a T, &'a S);

impl<T: Redact<S> + ?Sized, S> fmt::Debug for Element<'_, T, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt_redacted(self.1, f)
    }
}

#[cfg(feature = "serde")]
impl<T: Redact<S> + ?Sized, S> serde::Serialize for Element<'_, T, S> {
    fn serialize<Ser: serde::Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        self.0.serialize_redacted(self.1, serializer)
    }
}

impl<S, T: Redact<S>> Redact<S> for [T] {
    fn fmt_redacted(&self, strategy: &S, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.iter().map(|item| Element(item, strategy)))
            .finish()
    }

    #[cfg(feature = "serde")]
    fn serialize_redacted<Ser: serde::Serializer>(
        &self,
        strategy: &S,
        serializer: Ser,
    ) -> Result<Ser::Ok, Ser::Error> {
        serializer.collect_seq(self.iter().map(|item| Element(item, strategy)))
    }
}

/// Maps show their entries in iteration order with every key masked (keys are data too) and
/// every value redacted by the strategy.
macro_rules! redact_map {
    ($($map:ident<$($param:ident),*>),*) => {$(
        impl<S, $($param),*> Redact<S> for $map<$($param),*> where V: Redact<S> {
            fn fmt_redacted(&self, strategy: &S, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_list().entries(self.into_iter().map(|(_, value)| (MaskedKey, Element(value, strategy)))).finish()
            }

            #[cfg(feature = "serde")]
            fn serialize_redacted<Ser: serde::Serializer>(&self, strategy: &S, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
                serializer.collect_seq(self.into_iter().map(|(_, value)| (MaskedKey, Element(value, strategy))))
            }
        }
    )*};
}

/// The mask shown in place of a map key.
struct MaskedKey;

impl fmt::Debug for MaskedKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(MASK)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for MaskedKey {
    fn serialize<Ser: serde::Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        serializer.serialize_str(MASK)
    }
}

redact_map!(BTreeMap<K, V>, HashMap<K, V, H>);
