//! Collects every error found in one derive, so that all are reported at once.

use core::fmt::Display;
use proc_macro2::TokenStream;
use quote::ToTokens;

/// The errors found so far. [`Ctxt::check`] consumes it and hands them back; a context dropped
/// without being checked would lose errors silently, so dropping one is a bug of the macro,
/// caught by its own tests on every path (serde_derive guards its context the same way).
pub struct Ctxt {
    /// `None` once checked.
    errors: Option<Vec<syn::Error>>,
}

impl Ctxt {
    pub fn new() -> Self {
        Ctxt {
            errors: Some(Vec::new()),
        }
    }

    fn errors(&mut self) -> &mut Vec<syn::Error> {
        self.errors.get_or_insert_with(Vec::new)
    }

    /// Records an error spanned at `tokens`.
    pub fn error_spanned_by<T: ToTokens, M: Display>(&mut self, tokens: T, message: M) {
        self.errors()
            .push(syn::Error::new_spanned(tokens.into_token_stream(), message));
    }

    /// Records a parse error as it is.
    pub fn syn_error(&mut self, error: syn::Error) {
        self.errors().push(error);
    }

    /// Ends the collection: `Ok` when nothing was wrong, else every error as `compile_error!`s.
    #[must_use = "the errors must be reported"]
    pub fn check(mut self) -> Result<(), TokenStream> {
        let errors = self.errors.take().unwrap_or_default();
        if errors.is_empty() {
            return Ok(());
        }
        Err(errors.iter().map(syn::Error::to_compile_error).collect())
    }
}

impl Drop for Ctxt {
    fn drop(&mut self) {
        if self.errors.is_some() && !std::thread::panicking() {
            panic!("privacy-derive: an error context was dropped without `check()`");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Ctxt;

    #[test]
    fn a_checked_context_hands_back_its_errors() {
        let mut cx = Ctxt::new();
        cx.error_spanned_by(quote::quote!(field), "wrong");
        let errors = cx.check().expect_err("one error was recorded");
        assert!(errors.to_string().contains("wrong"));
        assert!(Ctxt::new().check().is_ok());
    }

    #[test]
    #[should_panic(expected = "dropped without `check()`")]
    fn a_context_dropped_unchecked_is_a_bug_that_shows() {
        let mut cx = Ctxt::new();
        cx.error_spanned_by(quote::quote!(field), "lost");
        drop(cx);
    }
}
