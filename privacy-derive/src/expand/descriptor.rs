//! `Classified::DESCRIPTOR`: the type's policy and fields as a `'static` constant.

use crate::internals::ast::CategorySource;
use crate::internals::attr::{Located, Retention};
use crate::internals::duration::Period;
use crate::internals::model::{FieldModel, Model, Redaction, Role, Treatment};
use proc_macro2::{Ident, Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::Path;

pub fn descriptor(model: &Model) -> TokenStream {
    let (name, krate) = (model.name, &model.krate);
    let fields = model.fields_with_records().map(|(record, field)| {
        field_descriptor(
            record.variant.map(|(_, variant)| variant.name.as_str()),
            field,
            krate,
        )
    });
    let category = model.attrs.category.as_ref();
    let info = category.map(|category| {
        let info = category_info(category, krate);
        quote!(const __INFO: &'static #krate::CategoryInfo = #info;)
    });
    let category = option(category.map(|_| quote!(__INFO)));
    // With one category for the whole type, its policy is the type's default: named here
    // rather than worked out by a constant function over the fields.
    let default = |single: TokenStream, computed: TokenStream| {
        if model.has_one_category() {
            single
        } else {
            quote!(#krate::__private::check::#computed(__CATEGORY, __fields))
        }
    };
    let retention = match &model.attrs.retention {
        Some(retention) => retention_tokens(retention.value, krate),
        None => default(quote!(__INFO.retention), quote!(effective_retention)),
    };
    let legal_basis = match &model.attrs.legal_basis {
        Some(basis) => {
            let variant = Ident::new(basis.value, basis.span());
            quote!(#krate::LegalBasis::#variant)
        }
        None => default(quote!(__INFO.legal_basis), quote!(default_legal_basis)),
    };
    let purpose = match &model.attrs.purpose {
        Some(purpose) => quote!(#purpose),
        None => default(quote!(__INFO.purpose), quote!(default_purpose)),
    };
    let erasure = option(model.attrs.erasure.as_ref().map(|rule| {
        let variant = Ident::new(rule.value, rule.span());
        quote!(#krate::ErasureRule::#variant)
    }));
    let variants = if model.is_enum {
        let names = model
            .records
            .iter()
            .filter_map(|record| record.variant.map(|(_, variant)| &variant.name));
        quote!(::core::option::Option::Some(&[#(#names),*]))
    } else {
        quote!(::core::option::Option::None)
    };
    let table = option(table(model));
    quote! {{
        #info
        const __CATEGORY: ::core::option::Option<&'static #krate::CategoryInfo> = #category;
        let __fields: &'static [#krate::FieldDescriptor] = &[#(#fields),*];
        &#krate::TypeDescriptor {
            name: #name,
            module_path: ::core::module_path!(),
            category: __CATEGORY,
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
fn table(model: &Model) -> Option<TokenStream> {
    let name = model.attrs.table.as_ref()?;
    let krate = &model.krate;
    let column = |role| {
        option(model.field_with(role).map(|field| {
            let column = field.column_name();
            quote!(#column)
        }))
    };
    let (tenant, collected_at) = (column(Role::Tenant), column(Role::CollectedAt));
    let instant = option(model.field_with(Role::CollectedAt).map(|field| {
        let ty = field.ty;
        quote_spanned!(field.ty_span()=> <#ty as #krate::InstantColumn>::ENCODING)
    }));
    let renamed = model.fields().filter_map(|field| {
        let (name, column) = (field.name, field.column?);
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

fn field_descriptor(variant: Option<&str>, field: &FieldModel, krate: &TokenStream) -> TokenStream {
    let name = field.name;
    let variant_name = option(variant.map(|name| quote!(#name)));
    // The type's own category is named once, in `__CATEGORY` (a constant, so the fields' array
    // is still promoted to `'static`): each `<Path as Category>::INFO` written again is one
    // more path the compiler resolves and evaluates.
    let category = match field.category {
        Some((_, CategorySource::Container)) => quote!(__CATEGORY),
        Some((category, _)) => option(Some(category_info(category, krate))),
        None => option(None),
    };
    let nested = option(field.is_nested().then(|| {
        let ty = field.ty;
        quote_spanned!(field.ty_span()=> <<#ty as #krate::__private::NestedField>::Inner as #krate::Classified>::DESCRIPTOR)
    }));
    let redaction = redaction(field.treatment, krate);
    let role = match field.role {
        Role::Subject => quote!(Subject),
        Role::CollectedAt => quote!(CollectedAt),
        Role::Tenant | Role::Data => quote!(Data),
    };
    let special = option(field.special.map(|special| {
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

fn redaction(treatment: Treatment, krate: &TokenStream) -> TokenStream {
    match treatment {
        Treatment::Secret => quote!(#krate::Redaction::Secret),
        Treatment::Shown | Treatment::Nested => quote!(#krate::Redaction::Shown),
        Treatment::Skipped => quote!(#krate::Redaction::Skip),
        Treatment::Redacted(Redaction::Mask, _) => quote!(#krate::Redaction::Mask),
        Treatment::Redacted(Redaction::Partial(keep_last), _) => {
            quote!(#krate::Redaction::Partial { keep_last: #keep_last })
        }
        Treatment::Redacted(Redaction::Marker(marker), _) => {
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
