//! Types that hold no classified value and no secret: the only types a classified type may show
//! as they are.
//!
//! A field without `redact`, `secret` or `nested` is written into `redacted()` and `Debug` by its
//! own `Serialize` and `Debug`. Were it a map of classified records, a box of one, a type
//! parameter instantiated with one, or a helper struct holding a [`Secret`](crate::Secret), that
//! would write them unredacted. So a shown field's type must implement [`Unclassified`]: the
//! standard library's leaves and containers of unclassified types do, and a plain type of one's
//! own does through `#[derive(Unclassified)]`, which checks every field of it the same way.

use crate::scalars::for_scalars;
use core::hash::BuildHasher;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap, HashMap, HashSet, LinkedList, VecDeque};
use std::rc::Rc;
use std::sync::Arc;

/// A type that holds no classified value and no secret, so a classified type may show a field of
/// it as it is.
///
/// Implemented for the standard library's scalars, strings, addresses and times, chrono's types,
/// `serde_json::Value`, and every standard container, wrapper, tuple and array of unclassified
/// types. For a type of one's own, derive it: each field's type must be unclassified in turn.
/// A classified type never is: hold it in a `#[privacy(nested)]` field.
///
/// ```
/// use privacy_core::{Classified, Unclassified, im};
///
/// #[derive(Debug, serde::Serialize, Unclassified)]
/// enum Platform { Android, Ios }
///
/// #[derive(Classified, serde::Serialize)]
/// #[privacy(category = im::LogData)]
/// struct Login {
///     platform: Platform,
///     #[privacy(collected_at)]
///     at: chrono::DateTime<chrono::Utc>,
/// }
///
/// fn shown_as_is<T: Unclassified>() {}
/// shown_as_is::<std::collections::HashMap<String, Vec<Platform>>>();
/// let login = Login { platform: Platform::Ios, at: chrono::DateTime::UNIX_EPOCH };
/// assert!(format!("{login:?}").contains("Ios"));
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is shown as it is in a classified type's redacted view, and it may hold classified values or secrets",
    label = "not known to be free of classified data",
    note = "if `{Self}` is classified (or holds classified records), mark the field `#[privacy(nested)]`; if it holds none, `#[derive(privacy_core::Unclassified)]` on it; otherwise `#[privacy(redact)]` or `#[privacy(redact = skip)]` the field",
    note = "a `privacy_core::Secret` belongs in a `#[privacy(secret)]` field of the classified type itself; for a type parameter, bound it `T: privacy_core::Unclassified` (or `T: Classified` with the field `nested`)"
)]
pub trait Unclassified {}

macro_rules! leaves {
    ($($leaf:ty),* $(,)?) => { $(impl Unclassified for $leaf {})* };
}

for_scalars!(primitives => leaves);
for_scalars!(nonzero_integers => leaves);
leaves!(
    (),
    char,
    str,
    String,
    core::time::Duration,
    std::time::SystemTime,
    std::net::IpAddr,
    std::net::Ipv4Addr,
    std::net::Ipv6Addr,
    std::net::SocketAddr,
    std::net::SocketAddrV4,
    std::net::SocketAddrV6,
    std::path::Path,
    std::path::PathBuf,
    chrono::NaiveDate,
    chrono::NaiveTime,
    chrono::NaiveDateTime,
    chrono::TimeDelta,
    chrono::Utc,
    chrono::FixedOffset,
    chrono::Weekday,
    chrono::Month,
);

#[cfg(feature = "serde")]
leaves!(serde_json::Value, serde_json::Number);

impl<Tz: chrono::TimeZone> Unclassified for chrono::DateTime<Tz> {}

#[cfg(feature = "time")]
leaves!(
    time::OffsetDateTime,
    time::PrimitiveDateTime,
    time::UtcDateTime,
    time::Date,
    time::Time,
    time::Duration,
);
impl<T: ?Sized> Unclassified for core::marker::PhantomData<T> {}

macro_rules! wrappers {
    ($($wrapper:ident),* $(,)?) => {
        $(impl<T: Unclassified + ?Sized> Unclassified for $wrapper<T> {})*
    };
}
wrappers!(Box, Rc, Arc);

macro_rules! sized_containers {
    ($($container:ident),* $(,)?) => {
        $(impl<T: Unclassified> Unclassified for $container<T> {})*
    };
}
sized_containers!(Option, Vec, VecDeque, LinkedList, BTreeSet, BinaryHeap);

impl<T: Unclassified + ?Sized> Unclassified for &T {}
impl<T: Unclassified + ?Sized> Unclassified for &mut T {}
impl<T: Unclassified> Unclassified for [T] {}
impl<T: Unclassified, const N: usize> Unclassified for [T; N] {}
impl<T: Unclassified + ToOwned + ?Sized> Unclassified for Cow<'_, T> {}
impl<T: Unclassified, E: Unclassified> Unclassified for Result<T, E> {}
impl<T: Unclassified, S: BuildHasher> Unclassified for HashSet<T, S> {}
impl<K: Unclassified, V: Unclassified, S: BuildHasher> Unclassified for HashMap<K, V, S> {}
impl<K: Unclassified, V: Unclassified> Unclassified for BTreeMap<K, V> {}
impl<T: Unclassified + Copy> Unclassified for core::cell::Cell<T> {}
impl<T: Unclassified + ?Sized> Unclassified for core::cell::RefCell<T> {}
impl<T: Unclassified + ?Sized> Unclassified for std::sync::Mutex<T> {}
impl<T: Unclassified + ?Sized> Unclassified for std::sync::RwLock<T> {}
impl<T: Unclassified> Unclassified for core::ops::Range<T> {}
impl<T: Unclassified> Unclassified for core::ops::RangeInclusive<T> {}
impl<T: Unclassified> Unclassified for core::num::Wrapping<T> {}
impl<T: Unclassified> Unclassified for core::cmp::Reverse<T> {}

macro_rules! tuples {
    ($(($($name:ident),+)),* $(,)?) => {
        $(impl<$($name: Unclassified),+> Unclassified for ($($name,)+) {})*
    };
}
tuples!(
    (A),
    (A, B),
    (A, B, C),
    (A, B, C, D),
    (A, B, C, D, E),
    (A, B, C, D, E, F),
    (A, B, C, D, E, F, G),
    (A, B, C, D, E, F, G, H),
    (A, B, C, D, E, F, G, H, I),
    (A, B, C, D, E, F, G, H, I, J),
    (A, B, C, D, E, F, G, H, I, J, K),
    (A, B, C, D, E, F, G, H, I, J, K, L),
);
