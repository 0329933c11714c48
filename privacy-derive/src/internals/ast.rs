//! The model of a type under `#[derive(Classified)]`: its shape with every attribute parsed.

use super::attr::{self, Located};
use super::ctxt::Ctxt;
use syn::ext::IdentExt;
use syn::{DeriveInput, Generics, Ident, Member, Path, Type};

pub struct Container<'a> {
    pub ident: &'a Ident,
    /// The type's name as users read it (raw identifiers without `r#`).
    pub name: String,
    pub generics: &'a Generics,
    pub attrs: attr::Container,
    pub data: Data<'a>,
}

pub enum Data<'a> {
    Struct(Style, Vec<Field<'a>>),
    Enum(Vec<Variant<'a>>),
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Named,
    Tuple,
    Unit,
}

pub struct Variant<'a> {
    pub ident: &'a Ident,
    pub name: String,
    pub style: Style,
    pub fields: Vec<Field<'a>>,
    pub attrs: attr::Variant,
}

pub struct Field<'a> {
    /// How the field is reached: `name` or `0`.
    pub member: Member,
    /// The field's name as users read it: `type` for `r#type`, `0` for the first tuple field.
    pub name: String,
    pub ty: &'a Type,
    pub attrs: attr::Field,
    pub original: &'a syn::Field,
    /// The field's position in the type's descriptor (enum variants' fields run on).
    pub index: usize,
}

/// Where a field's category was declared.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum CategorySource {
    Field,
    Variant,
    Container,
}

impl<'a> Container<'a> {
    /// The model of `input`, or `None` when its shape cannot be classified (a union).
    pub fn from_ast(cx: &mut Ctxt, input: &'a DeriveInput) -> Option<Self> {
        let attrs = attr::Container::from_ast(cx, &input.attrs);
        let mut next_index = 0;
        let data = match &input.data {
            syn::Data::Struct(data) => {
                let (style, fields) = fields_from_ast(cx, &data.fields, &mut next_index);
                Data::Struct(style, fields)
            }
            syn::Data::Enum(data) => Data::Enum(
                data.variants
                    .iter()
                    .map(|variant| {
                        let attrs = attr::Variant::from_ast(cx, &variant.attrs);
                        let (style, fields) = fields_from_ast(cx, &variant.fields, &mut next_index);
                        Variant {
                            ident: &variant.ident,
                            name: variant.ident.unraw().to_string(),
                            style,
                            fields,
                            attrs,
                        }
                    })
                    .collect(),
            ),
            syn::Data::Union(data) => {
                cx.error_spanned_by(
                    data.union_token,
                    "`Classified` cannot be derived for a union: only one of its fields is valid at a time, so none can be redacted or classified safely; use a struct or an enum",
                );
                return None;
            }
        };
        Some(Container {
            ident: &input.ident,
            name: input.ident.unraw().to_string(),
            generics: &input.generics,
            attrs,
            data,
        })
    }

    /// Every field with its variant, in descriptor order.
    pub fn fields(&self) -> impl Iterator<Item = (Option<&Variant<'a>>, &Field<'a>)> {
        let (fields, variants): (&[Field<'a>], &[Variant<'a>]) = match &self.data {
            Data::Struct(_, fields) => (fields, &[]),
            Data::Enum(variants) => (&[], variants),
        };
        fields
            .iter()
            .map(|field| (None, field))
            .chain(variants.iter().flat_map(|variant| {
                variant
                    .fields
                    .iter()
                    .map(move |field| (Some(variant), field))
            }))
    }

    /// A field's category path and where it was declared; `None` for `nested` fields and
    /// fields with no category.
    pub fn category_of<'s>(
        &'s self,
        variant: Option<&'s Variant<'a>>,
        field: &'s Field<'a>,
    ) -> Option<(&'s Located<Path>, CategorySource)> {
        if field.attrs.nested.is_some() {
            return None;
        }
        if let Some(category) = &field.attrs.category {
            return Some((category, CategorySource::Field));
        }
        if let Some(category) = variant.and_then(|variant| variant.attrs.category.as_ref()) {
            return Some((category, CategorySource::Variant));
        }
        self.attrs
            .category
            .as_ref()
            .map(|category| (category, CategorySource::Container))
    }

    /// Whether the type has type or const parameters (lifetimes alone do not count: they can
    /// be filled with `'static`).
    pub fn is_generic(&self) -> bool {
        self.generics.type_params().next().is_some()
            || self.generics.const_params().next().is_some()
    }
}

fn fields_from_ast<'a>(
    cx: &mut Ctxt,
    fields: &'a syn::Fields,
    next_index: &mut usize,
) -> (Style, Vec<Field<'a>>) {
    let style = match fields {
        syn::Fields::Named(_) => Style::Named,
        syn::Fields::Unnamed(_) => Style::Tuple,
        syn::Fields::Unit => Style::Unit,
    };
    let fields = fields
        .iter()
        .enumerate()
        .map(|(position, field)| {
            let (member, name) = match &field.ident {
                Some(ident) => (Member::Named(ident.clone()), ident.unraw().to_string()),
                None => (
                    Member::Unnamed(syn::Index {
                        index: u32::try_from(position).unwrap_or(u32::MAX),
                        span: syn::spanned::Spanned::span(&field.ty),
                    }),
                    position.to_string(),
                ),
            };
            let index = *next_index;
            *next_index += 1;
            Field {
                member,
                name,
                ty: &field.ty,
                attrs: attr::Field::from_ast(cx, &field.attrs),
                original: field,
                index,
            }
        })
        .collect();
    (style, fields)
}
