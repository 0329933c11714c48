//! Collects every error found in one derive, so that all are reported at once.

use core::fmt::Display;
use proc_macro2::TokenStream;
use quote::ToTokens;

/// The errors found so far. Consumed by [`Ctxt::check`], which hands them back.
#[derive(Default)]
pub struct Ctxt {
    errors: Vec<syn::Error>,
}

impl Ctxt {
    pub fn new() -> Self {
        Ctxt::default()
    }

    /// Records an error spanned at `tokens`.
    pub fn error_spanned_by<T: ToTokens, M: Display>(&mut self, tokens: T, message: M) {
        self.errors
            .push(syn::Error::new_spanned(tokens.into_token_stream(), message));
    }

    /// Records a parse error as it is.
    pub fn syn_error(&mut self, error: syn::Error) {
        self.errors.push(error);
    }

    /// Ends the collection: `Ok` when nothing was wrong, else every error as `compile_error!`s.
    #[must_use = "the errors must be reported"]
    pub fn check(self) -> Result<(), TokenStream> {
        if self.errors.is_empty() {
            return Ok(());
        }
        Err(self
            .errors
            .iter()
            .map(syn::Error::to_compile_error)
            .collect())
    }
}
