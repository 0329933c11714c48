//! `#[derive(Classified)]` for the privacy toolkit. Use it through `privacy_core`, which
//! re-exports it and documents the `#[privacy(...)]` vocabulary.
//!
//! The pipeline is parse → model → check → expand: `internals` turns the input into a checked
//! model of the type (collecting every error), `expand` generates one impl per file.

mod expand;
mod internals;

use proc_macro::TokenStream;

/// Derives `privacy_core::Classified` (and `Debug`, `Storable`, the registry entry).
#[proc_macro_derive(Classified, attributes(privacy))]
pub fn derive_classified(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    expand::derive(&input).into()
}
