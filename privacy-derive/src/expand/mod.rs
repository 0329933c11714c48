//! Code generation: one file per generated part, all wrapped in one `const _: () = { ... };`.

mod accessors;
pub mod bounds;
mod descriptor;
mod pattern;
mod policy;
mod redacted;
mod registry;

use crate::internals::ast::Container;
use crate::internals::check;
use crate::internals::ctxt::Ctxt;
use crate::internals::model::{self, Model};
use policy::Wrap;
use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

/// The whole derive: the impls, or the errors beside a stub impl.
pub fn derive(input: &DeriveInput) -> TokenStream {
    let mut cx = Ctxt::new();
    let container = Container::from_ast(&mut cx, input);
    if let Some(container) = &container {
        check::check(&mut cx, container);
    }
    // A `Debug` derived beside this one is refused, and the stub then writes none: one error.
    let derived_debug = container
        .as_ref()
        .is_some_and(|container| container.attrs.custom_debug.is_none())
        && check::derived_debug(&mut cx, input);
    match (cx.check(), &container) {
        (Ok(()), Some(container)) => generate(&Model::resolve(container)),
        (Err(errors), _) => {
            let stub = stub(input, container.as_ref(), derived_debug);
            quote!(#errors #stub)
        }
        (Ok(()), None) => stub(input, None, false),
    }
}

fn generate(model: &Model) -> TokenStream {
    let (ident, krate) = (model.ident, &model.krate);
    let generics = bounds::with_field_bounds(model);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let descriptor = descriptor::descriptor(model);
    let visit_subjects = accessors::visit_subjects(model);
    let collected_at = accessors::collected_at(model);
    let tenant = accessors::tenant(model);

    // Rules that need the type system: free constants when the type is concrete, so every
    // violation shows as the crate compiles; inline constants in an always-used method when the
    // type has parameters, so they are checked for every instantiation.
    let (free_checks, inline_checks) = if model.is_generic {
        let descriptor = quote!(<Self as #krate::Classified>::DESCRIPTOR);
        let checks = policy::checks(model, &descriptor, Wrap::Statement);
        (TokenStream::new(), quote!(#(#checks)*))
    } else {
        let concrete = registry::concrete_type(model);
        let descriptor = quote!(<#concrete as #krate::Classified>::DESCRIPTOR);
        let checks = policy::checks(model, &descriptor, Wrap::Item);
        (quote!(#(#checks)*), TokenStream::new())
    };
    let visit_redacted = redacted::visit_redacted(model, &inline_checks);
    let debug = if model.attrs.custom_debug.is_some() {
        TokenStream::new()
    } else {
        redacted::debug_impl(model, &generics)
    };
    let storable = if model.is_ephemeral() {
        TokenStream::new()
    } else if model.is_generic {
        // The registry, and so the inventory, the drift gate and data subjects' requests, knows
        // only concrete types, and a stored record is found by its type's key, which every
        // instantiation would share: a generic type is refused where it would be stored.
        let mut generics = generics.clone();
        generics
            .make_where_clause()
            .predicates
            .push(syn::parse_quote!((): #krate::__private::ConcreteType<#ident #ty_generics>));
        let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
        quote! {
            #[automatically_derived]
            impl #impl_generics #krate::Storable for #ident #ty_generics #where_clause {}
        }
    } else {
        quote! {
            #[automatically_derived]
            impl #impl_generics #krate::Storable for #ident #ty_generics #where_clause {}
        }
    };
    let registration = registry::registration(model);

    quote! {
        #[doc(hidden)]
        const _: () = {
            #[automatically_derived]
            impl #impl_generics #krate::Classified for #ident #ty_generics #where_clause {
                const DESCRIPTOR: &'static #krate::TypeDescriptor = #descriptor;
                #visit_subjects
                #collected_at
                #tenant
                #visit_redacted
            }
            #debug
            #storable
            #registration
            #free_checks
        };
    }
}

/// An impl that satisfies the trait without saying anything, emitted beside errors so that
/// the user's uses of the type do not add errors of their own.
fn stub(input: &DeriveInput, container: Option<&Container>, derived_debug: bool) -> TokenStream {
    let ident = &input.ident;
    let krate = container.map_or_else(
        || quote!(::privacy_core),
        |container| model::krate(&container.attrs),
    );
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let custom_debug = container.is_some_and(|container| container.attrs.custom_debug.is_some());
    let debug = if custom_debug || derived_debug {
        TokenStream::new()
    } else {
        quote! {
            #[automatically_derived]
            impl #impl_generics ::core::fmt::Debug for #ident #ty_generics #where_clause {
                fn fmt(&self, __formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    __formatter.write_str(::core::stringify!(#ident))
                }
            }
        }
    };
    // Name the category paths the attributes gave, so that their imports do not show as unused
    // beside the real error.
    let paths: Vec<&syn::Path> = container.map_or_else(Vec::new, category_paths);
    quote! {
        #[doc(hidden)]
        const _: () = {
            const _: ::core::marker::PhantomData<(#(#paths,)*)> = ::core::marker::PhantomData;
            #[automatically_derived]
            impl #impl_generics #krate::Classified for #ident #ty_generics #where_clause {
                const DESCRIPTOR: &'static #krate::TypeDescriptor = &#krate::__private::STUB;
                fn visit_redacted<__V: #krate::__private::RedactedVisitor>(&self, _: &mut __V) {}
            }
            #[automatically_derived]
            impl #impl_generics #krate::Storable for #ident #ty_generics #where_clause {}
            #debug
        };
    }
}

fn category_paths<'c>(container: &'c Container) -> Vec<&'c syn::Path> {
    let variants = match &container.data {
        crate::internals::ast::Data::Struct(..) => &[][..],
        crate::internals::ast::Data::Enum(variants) => variants.as_slice(),
    };
    container
        .attrs
        .category
        .iter()
        .chain(
            variants
                .iter()
                .filter_map(|variant| variant.attrs.category.as_ref()),
        )
        .chain(
            container
                .fields()
                .filter_map(|(_, field)| field.attrs.category.as_ref()),
        )
        .map(|category| &category.value)
        .collect()
}
