//! `#[derive(Classified)]` for the privacy toolkit. Use it through `privacy_core`, which
//! re-exports it and documents the `#[privacy(...)]` vocabulary.
//!
//! The pipeline is parse → model → check → expand: `internals` turns the input into a checked
//! model of the type (collecting every error), `expand` generates one impl per file.

mod expand;
mod internals;
mod link;
mod unclassified;

use proc_macro::TokenStream;

/// Derives `privacy_core::Classified` (and `Debug`, `Storable`, the registry entry).
#[proc_macro_derive(Classified, attributes(privacy))]
pub fn derive_classified(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    expand::derive(&input).into()
}

/// Derives `privacy_core::Unclassified`: the type holds no classified value and no secret, so a
/// classified type may show a field of it as it is. Each field's type must be unclassified too.
#[proc_macro_derive(Unclassified)]
pub fn derive_unclassified(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    unclassified::derive(&input).into()
}

/// Links the calling package's library into the crate being compiled, so its classified
/// types are registered there; nothing inside the library itself. Used through
/// `privacy_core::report::gate::check!`.
#[doc(hidden)]
#[proc_macro]
pub fn __link_package(input: TokenStream) -> TokenStream {
    link::expand(input.into()).into()
}
