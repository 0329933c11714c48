//! `Classified::DESCRIPTOR`: the type's policy and fields as a `'static` constant.

use crate::internals::ast::{Container, Data, Field, Variant};
use crate::internals::attr::{Located, Retention, Strategy};
use crate::internals::duration::Period;
use proc_macro2::{Ident, Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::Path;
use syn::spanned::Spanned;

pub fn descriptor(container: &Container, krate: &TokenStream) -> TokenStream {
    let name = &container.name;
    let fields = container
        .fields()
        .into_iter()
        .map(|(variant, field)| field_descriptor(container, variant, field, krate));
    let category = option(
        container
            .attrs
            .category
            .as_ref()
            .map(|category| category_info(category, krate)),
    );
    let retention = match &container.attrs.retention {
        Some(retention) => retention_tokens(retention.value, krate),
        None => quote!(#krate::__private::check::effective_retention(__category, __fields)),
    };
    let legal_basis = match &container.attrs.legal_basis {
        Some(basis) => {
            let variant = Ident::new(basis.value, basis.span());
            quote!(#krate::LegalBasis::#variant)
        }
        None => quote!(#krate::__private::check::default_legal_basis(__category, __fields)),
    };
    let purpose = match &container.attrs.purpose {
        Some(purpose) => quote!(#purpose),
        None => quote!(#krate::__private::check::default_purpose(__category, __fields)),
    };
    let erasure = option(container.attrs.erasure.as_ref().map(|rule| {
        let variant = Ident::new(rule.value, rule.span());
        quote!(#krate::ErasureRule::#variant)
    }));
    let variants = match &container.data {
        Data::Struct(..) => quote!(::core::option::Option::None),
        Data::Enum(variants) => {
            let names = variants.iter().map(|variant| &variant.name);
            quote!(::core::option::Option::Some(&[#(#names),*]))
        }
    };
    let table = option(table(container, krate));
    quote! {{
        let __category: ::core::option::Option<&'static #krate::CategoryInfo> = #category;
        let __fields: &'static [#krate::FieldDescriptor] = &[#(#fields),*];
        &#krate::TypeDescriptor {
            name: #name,
            module_path: ::core::module_path!(),
            category: __category,
            retention: #retention,
            legal_basis: #legal_basis,
            purpose: #purpose,
            erasure: #erasure,
            fields: __fields,
            variants: #variants,
            table: #table,
        }
    }}
}

/// `&Table { ... }` for a type that declares `table`: its columns by role, and the columns
/// named otherwise than their fields.
fn table(container: &Container, krate: &TokenStream) -> Option<TokenStream> {
    let name = container.attrs.table.as_ref()?;
    let fields = container.fields();
    let column = |field: &Field| {
        field
            .attrs
            .column
            .as_ref()
            .map_or_else(|| field.name.clone(), syn::LitStr::value)
    };
    let tenant = option(
        fields
            .iter()
            .find(|(_, field)| field.attrs.tenant.is_some())
            .map(|(_, field)| {
                let column = column(field);
                quote!(#column)
            }),
    );
    let instant_field = fields
        .iter()
        .find(|(_, field)| field.attrs.collected_at.is_some())
        .map(|(_, field)| *field);
    let collected_at = option(instant_field.map(|field| {
        let column = column(field);
        quote!(#column)
    }));
    let instant = option(instant_field.map(|field| {
        let ty = field.ty;
        quote_spanned!(ty.span()=> <#ty as #krate::InstantColumn>::ENCODING)
    }));
    let renamed = fields.iter().filter_map(|(_, field)| {
        let column = field.attrs.column.as_ref()?;
        let name = &field.name;
        Some(quote!((#name, #column)))
    });
    Some(quote! {
        &#krate::Table {
            name: #name,
            tenant: #tenant,
            collected_at: #collected_at,
            instant: #instant,
            renamed: &[#(#renamed),*],
        }
    })
}

fn field_descriptor(
    container: &Container,
    variant: Option<&Variant>,
    field: &Field,
    krate: &TokenStream,
) -> TokenStream {
    let name = &field.name;
    let variant_name = option(variant.map(|variant| {
        let name = &variant.name;
        quote!(#name)
    }));
    let category = option(
        container
            .category_of(variant, field)
            .map(|(category, _)| category_info(category, krate)),
    );
    let nested = option(field.attrs.nested.map(|_| {
        let ty = field.ty;
        quote_spanned!(ty.span()=> <<#ty as #krate::__private::NestedField>::Inner as #krate::Classified>::DESCRIPTOR)
    }));
    let redaction = redaction(field, krate);
    let role = if field.attrs.subject.is_some() {
        quote!(Subject)
    } else if field.attrs.collected_at.is_some() {
        quote!(CollectedAt)
    } else {
        quote!(Data)
    };
    let special = option(field.attrs.special.as_ref().map(|special| {
        let variant = Ident::new(special.value, special.span());
        quote!(#krate::SpecialCategory::#variant)
    }));
    quote! {
        #krate::FieldDescriptor {
            name: #name,
            variant: #variant_name,
            category: #category,
            nested: #nested,
            redaction: #redaction,
            role: #krate::FieldRole::#role,
            special: #special,
        }
    }
}

fn redaction(field: &Field, krate: &TokenStream) -> TokenStream {
    if field.attrs.secret.is_some() {
        return quote!(#krate::Redaction::Secret);
    }
    let Some(strategy) = &field.attrs.redact else {
        return quote!(#krate::Redaction::Shown);
    };
    match strategy.value {
        Strategy::Mask => quote!(#krate::Redaction::Mask),
        Strategy::Skip => quote!(#krate::Redaction::Skip),
        Strategy::Partial(keep_last) => {
            quote!(#krate::Redaction::Partial { keep_last: #keep_last })
        }
        Strategy::Marker(marker) => {
            let variant = Ident::new(marker, Span::call_site());
            quote!(#krate::Redaction::#variant)
        }
    }
}

/// `&<Path as Category>::INFO`, spanned at the path so that a path that is no category is
/// reported there.
pub fn category_info(category: &Located<Path>, krate: &TokenStream) -> TokenStream {
    let path = &category.value;
    quote_spanned!(category.span()=> &<#path as #krate::Category>::INFO)
}

fn option(value: Option<TokenStream>) -> TokenStream {
    match value {
        Some(value) => quote!(::core::option::Option::Some(#value)),
        None => quote!(::core::option::Option::None),
    }
}

fn period(period: Period, krate: &TokenStream) -> TokenStream {
    let amount = period.amount;
    let unit = Ident::new(period.unit, Span::call_site());
    quote!(#krate::Period::new(#amount, #krate::TimeUnit::#unit))
}

fn retention_tokens(retention: Retention, krate: &TokenStream) -> TokenStream {
    match retention {
        Retention::Fixed(fixed) => {
            let fixed = period(fixed, krate);
            quote!(#krate::Retention::Fixed(#fixed))
        }
        Retention::CustomerChosen { default, max } => {
            let default = period(default, krate);
            let max = option(max.map(|max| period(max, krate)));
            quote!(#krate::Retention::CustomerChosen { default: #default, max: #max })
        }
        Retention::UntilTerminated { grace } => {
            let grace = period(grace, krate);
            quote!(#krate::Retention::UntilTerminated { grace: #grace })
        }
        Retention::Ephemeral => quote!(#krate::Retention::Ephemeral),
    }
}
