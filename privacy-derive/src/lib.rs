//! `#[derive(Classified)]` for the privacy toolkit. Use it through `privacy_core`, which
//! re-exports it and documents the `#[privacy(...)]` vocabulary.
//!
//! The pipeline is parse → model → check → expand: `internals` turns the input into a checked
//! model of the type (collecting every error), `expand` generates one impl per file.

mod expand;
mod internals;
mod link;

use proc_macro::TokenStream;

/// Derives `privacy_core::Classified` (and `Debug`, `Storable`, the registry entry).
#[proc_macro_derive(Classified, attributes(privacy))]
pub fn derive_classified(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    expand::derive(&input).into()
}

/// Links the calling package's library into the crate being compiled, so its classified
/// types are registered there; nothing inside the library itself. Used through
/// `privacy_core::report::gate::check!`.
#[doc(hidden)]
#[proc_macro]
pub fn __link_package(input: TokenStream) -> TokenStream {
    link::expand(input.into()).into()
}
