//! The standard library's scalar types, listed once. The sealed traits that take plain scalars
//! (the sinks' bounds, [`Unclassified`](crate::Unclassified)), subject ids and the `hash`
//! strategy implement themselves over these lists, so a type added here reaches each of them.

/// Calls `$callback!` with the types of one list:
/// - `integers`: the primitive integers;
/// - `nonzero_integers`: their `NonZero` forms;
/// - `primitives`: `bool`, the primitive integers and the floats.
///
/// `$callback` is a macro taking a comma-separated list of types; it may be called more than once
/// for one list.
macro_rules! for_scalars {
    (integers => $callback:ident) => {
        $callback!(u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize);
    };
    (nonzero_integers => $callback:ident) => {
        $callback!(
            ::core::num::NonZeroU8,
            ::core::num::NonZeroU16,
            ::core::num::NonZeroU32,
            ::core::num::NonZeroU64,
            ::core::num::NonZeroU128,
            ::core::num::NonZeroUsize,
            ::core::num::NonZeroI8,
            ::core::num::NonZeroI16,
            ::core::num::NonZeroI32,
            ::core::num::NonZeroI64,
            ::core::num::NonZeroI128,
            ::core::num::NonZeroIsize
        );
    };
    (primitives => $callback:ident) => {
        $crate::scalars::for_scalars!(integers => $callback);
        $callback!(bool, f32, f64);
    };
}
pub(crate) use for_scalars;
