//! `#[privacy(...)]` on the type, its variants and its fields, parsed with `parse_nested_meta`.
//!
//! Every key is parsed even after an error, so that all mistakes are reported at once; each
//! error is spanned at the key or value that is wrong.

use super::ctxt::Ctxt;
use super::duration::{self, Period};
use super::respan::respan;
use super::suggest::{did_you_mean, list};
use super::symbol::*;
use proc_macro2::{Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::meta::ParseNestedMeta;
use syn::parse::ParseStream;
use syn::spanned::Spanned;
use syn::{Attribute, Ident, LitInt, LitStr, Path, Token};

/// A value with the tokens it was written as, for spanning errors and generated checks.
pub struct Located<T> {
    pub value: T,
    pub tokens: TokenStream,
}

impl<T> Located<T> {
    pub fn span(&self) -> Span {
        self.tokens
            .clone()
            .into_iter()
            .next()
            .map_or_else(Span::call_site, |token| token.span())
    }
}

/// A retention class as declared.
#[derive(Clone, Copy)]
pub enum Retention {
    Fixed(Period),
    CustomerChosen {
        default: Period,
        max: Option<Period>,
    },
    UntilTerminated {
        grace: Period,
    },
    Ephemeral,
}

impl Retention {
    /// Whether the class counts from the record's `collected_at` instant.
    pub fn counts_from_collection(self) -> bool {
        matches!(self, Retention::Fixed(_) | Retention::CustomerChosen { .. })
    }
}

/// How a field is redacted.
#[derive(Clone, Copy)]
pub enum Strategy {
    /// The full mask (`redact` alone).
    Mask,
    /// `partial(keep_last = N)`.
    Partial(u8),
    /// A strategy marker type of `privacy_core::redact`: `Ip`, `Email`, `Hash`, `Len`.
    Marker(&'static str),
    /// Left out of every output.
    Skip,
}

/// Container attributes.
#[derive(Default)]
pub struct Container {
    pub category: Option<Located<Path>>,
    /// Whether a `category` key was written, even one that failed to parse: its error is the
    /// one to report, not "no category" on every field.
    pub category_written: bool,
    pub retention: Option<Located<Retention>>,
    /// The `privacy_core::LegalBasis` variant.
    pub legal_basis: Option<Located<&'static str>>,
    pub purpose: Option<LitStr>,
    pub crate_path: Option<Path>,
    /// The `privacy_core::ErasureRule` variant.
    pub erasure: Option<Located<&'static str>>,
    pub custom_debug: Option<Span>,
    /// The SQL table the type's rows live in.
    pub table: Option<LitStr>,
}

/// Variant attributes.
#[derive(Default)]
pub struct Variant {
    pub category: Option<Located<Path>>,
    pub category_written: bool,
}

/// Field attributes.
#[derive(Default)]
pub struct Field {
    pub category: Option<Located<Path>>,
    pub category_written: bool,
    pub redact: Option<Located<Strategy>>,
    pub secret: Option<Span>,
    pub subject: Option<Span>,
    pub collected_at: Option<Span>,
    pub nested: Option<Span>,
    /// The `privacy_core::SpecialCategory` variant.
    pub special: Option<Located<&'static str>>,
    /// The field holds the tenant (the customer application) its row belongs to.
    pub tenant: Option<Span>,
    /// The column the field is stored in, when it is not named like the field.
    pub column: Option<LitStr>,
}

/// Where an attribute sits, for the "valid keys here" part of messages.
#[derive(Clone, Copy)]
enum Position {
    Container,
    Variant,
    Field,
}

impl Position {
    fn keys(self) -> &'static [&'static str] {
        match self {
            Position::Container => CONTAINER_KEYS,
            Position::Variant => VARIANT_KEYS,
            Position::Field => FIELD_KEYS,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Position::Container => "the type",
            Position::Variant => "a variant",
            Position::Field => "a field",
        }
    }
}

impl Container {
    pub fn from_ast(cx: &mut Ctxt, attrs: &[Attribute]) -> Self {
        let mut out = Container::default();
        each_key(cx, attrs, Position::Container, |cx, key, meta| {
            match key.as_str() {
                CATEGORY => {
                    out.category_written = true;
                    let value = parse_category(meta);
                    set(cx, meta, &mut out.category, value);
                }
                RETENTION => {
                    let value = parse_retention(cx, meta);
                    set(cx, meta, &mut out.retention, value);
                }
                LEGAL_BASIS => {
                    let value = parse_word(cx, meta, "a legal basis", LEGAL_BASES);
                    set(cx, meta, &mut out.legal_basis, value);
                }
                PURPOSE => {
                    let value = parse_purpose(cx, meta);
                    set(cx, meta, &mut out.purpose, value);
                }
                CRATE => {
                    let value = parse_crate(meta);
                    set(cx, meta, &mut out.crate_path, value);
                }
                ERASURE => {
                    let value = parse_word(cx, meta, "an erasure rule", ERASURE_RULES);
                    set(cx, meta, &mut out.erasure, value);
                }
                CUSTOM_DEBUG => {
                    let value = parse_flag(meta);
                    set(cx, meta, &mut out.custom_debug, value);
                }
                TABLE => {
                    let value = parse_identifier(cx, meta, "table");
                    set(cx, meta, &mut out.table, value);
                }
                _ => return false,
            }
            true
        });
        out
    }
}

impl Variant {
    pub fn from_ast(cx: &mut Ctxt, attrs: &[Attribute]) -> Self {
        let mut out = Variant::default();
        each_key(cx, attrs, Position::Variant, |cx, key, meta| {
            match key.as_str() {
                CATEGORY => {
                    out.category_written = true;
                    let value = parse_category(meta);
                    set(cx, meta, &mut out.category, value);
                }
                _ => return false,
            }
            true
        });
        out
    }
}

impl Field {
    pub fn from_ast(cx: &mut Ctxt, attrs: &[Attribute]) -> Self {
        let mut out = Field {
            column: sqlx_rename(attrs),
            ..Field::default()
        };
        each_key(cx, attrs, Position::Field, |cx, key, meta| {
            match key.as_str() {
                CATEGORY => {
                    out.category_written = true;
                    let value = parse_category(meta);
                    set(cx, meta, &mut out.category, value);
                }
                REDACT => {
                    let value = parse_strategy(cx, meta);
                    set(cx, meta, &mut out.redact, value);
                }
                SECRET => {
                    let value = parse_flag(meta);
                    set(cx, meta, &mut out.secret, value);
                }
                SUBJECT => {
                    let value = parse_flag(meta);
                    set(cx, meta, &mut out.subject, value);
                }
                COLLECTED_AT => {
                    let value = parse_flag(meta);
                    set(cx, meta, &mut out.collected_at, value);
                }
                NESTED => {
                    let value = parse_flag(meta);
                    set(cx, meta, &mut out.nested, value);
                }
                SPECIAL => {
                    let value = parse_word(cx, meta, "a special category", SPECIAL_CATEGORIES);
                    set(cx, meta, &mut out.special, value);
                }
                TENANT => {
                    let value = parse_flag(meta);
                    set(cx, meta, &mut out.tenant, value);
                }
                COLUMN => {
                    let value = parse_identifier(cx, meta, "column");
                    // Our own key wins over sqlx's `rename`, which named the column already.
                    if value.as_ref().is_ok_and(Option::is_some) {
                        out.column = None;
                    }
                    set(cx, meta, &mut out.column, value);
                }
                _ => return false,
            }
            true
        });
        out
    }
}

/// The column sqlx reads a field from, `#[sqlx(rename = "...")]`, so the two derives on one
/// struct name one column without saying it twice. sqlx's other keys are sqlx's to check.
fn sqlx_rename(attrs: &[Attribute]) -> Option<LitStr> {
    let mut rename = None;
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("sqlx")) {
        let _ = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("rename") {
                rename = Some(meta.value()?.parse::<LitStr>()?);
            } else if meta.input.peek(Token![=]) {
                skip_value(&meta)?;
            } else if meta.input.peek(syn::token::Paren) {
                skip_parenthesized(meta.input)?;
            }
            Ok(())
        });
    }
    rename.filter(|text| text.value().split('.').count() == 1 && is_identifier(&text.value()))
}

/// Calls `handle` with every key of every `#[privacy(...)]` in `attrs`. `handle` returns false
/// for a key it does not know, which is then reported with the valid keys of `position`.
fn each_key(
    cx: &mut Ctxt,
    attrs: &[Attribute],
    position: Position,
    mut handle: impl FnMut(&mut Ctxt, String, &ParseNestedMeta) -> bool,
) {
    for attr in attrs.iter().filter(|attr| attr.path().is_ident(PRIVACY)) {
        let result = attr.parse_nested_meta(|meta| {
            let key = meta.path.to_token_stream().to_string().replace(' ', "");
            if !handle(cx, key.clone(), &meta) {
                cx.syn_error(unknown_key(&meta, &key, position));
                skip_value(&meta)?;
            }
            Ok(())
        });
        if let Err(error) = result {
            cx.syn_error(error);
        }
    }
}

fn unknown_key(meta: &ParseNestedMeta, key: &str, position: Position) -> syn::Error {
    let keys = position.keys();
    let elsewhere = [Position::Container, Position::Variant, Position::Field]
        .into_iter()
        .find(|other| other.keys().contains(&key) && !keys.contains(&key));
    let message = match elsewhere {
        Some(other) => format!(
            "`{key}` does not belong on {}; it is a key of {}. Keys here: {}",
            position.name(),
            other.name(),
            list(keys.iter().copied())
        ),
        None => format!(
            "unknown key `{key}` on {}{}; keys here: {}",
            position.name(),
            did_you_mean(key, keys.iter().copied()),
            list(keys.iter().copied())
        ),
    };
    syn::Error::new_spanned(&meta.path, message)
}

/// Stores a parsed value, reporting a key given twice at its second occurrence.
fn set<T>(
    cx: &mut Ctxt,
    meta: &ParseNestedMeta,
    slot: &mut Option<T>,
    parsed: syn::Result<Option<T>>,
) {
    match parsed {
        Ok(Some(value)) => {
            if slot.is_some() {
                let key = meta.path.to_token_stream().to_string();
                cx.error_spanned_by(
                    &meta.path,
                    format!("duplicate key `{key}`: it is already set above; remove one of them"),
                );
            } else {
                *slot = Some(value);
            }
        }
        Ok(None) => {}
        Err(error) => {
            cx.syn_error(error);
            // Consume what is left of the value so that the next keys are still read.
            let _ = skip_value(meta);
        }
    }
}

/// Skips the tokens up to the next comma.
fn skip_value(meta: &ParseNestedMeta) -> syn::Result<()> {
    meta.input.step(|cursor| {
        let mut rest = *cursor;
        while let Some((token, next)) = rest.token_tree() {
            if matches!(&token, TokenTree::Punct(punct) if punct.as_char() == ',') {
                return Ok(((), rest));
            }
            rest = next;
        }
        Ok(((), rest))
    })
}

fn parse_flag(meta: &ParseNestedMeta) -> syn::Result<Option<Span>> {
    if meta.input.peek(Token![=]) || meta.input.peek(syn::token::Paren) {
        let key = meta.path.to_token_stream().to_string();
        return Err(meta.error(format!("`{key}` takes no value; write `#[privacy({key})]`")));
    }
    Ok(Some(meta.path.span()))
}

fn parse_category(meta: &ParseNestedMeta) -> syn::Result<Option<Located<Path>>> {
    let input = meta.value()?;
    if input.peek(LitStr) {
        let text: LitStr = input.parse()?;
        return Err(syn::Error::new_spanned(
            &text,
            format!(
                "write the category as a path without quotes: `category = {}`",
                text.value()
            ),
        ));
    }
    let path: Path = input.parse()?;
    Ok(Some(Located {
        tokens: path.to_token_stream(),
        value: path,
    }))
}

/// A word from a fixed list (`what` names it with its article, "a legal basis") (`contract`, `health`, ...), with its variant name.
fn parse_word(
    cx: &mut Ctxt,
    meta: &ParseNestedMeta,
    what: &str,
    words: &'static [(&'static str, &'static str)],
) -> syn::Result<Option<Located<&'static str>>> {
    let input = meta.value()?;
    let valid = list(words.iter().map(|(word, _)| *word));
    if input.peek(LitStr) {
        let text: LitStr = input.parse()?;
        cx.error_spanned_by(
            &text,
            format!("write {what} without quotes, one of: {valid}"),
        );
        return Ok(None);
    }
    let word: Ident = input.parse()?;
    match words.iter().find(|(key, _)| word == key) {
        Some((_, variant)) => Ok(Some(Located {
            value: *variant,
            tokens: word.to_token_stream(),
        })),
        None => {
            let hint = did_you_mean(&word.to_string(), words.iter().map(|(key, _)| *key));
            cx.error_spanned_by(
                &word,
                format!("`{word}` is not {what}{hint}; write one of: {valid}"),
            );
            Ok(None)
        }
    }
}

fn parse_purpose(cx: &mut Ctxt, meta: &ParseNestedMeta) -> syn::Result<Option<LitStr>> {
    let text: LitStr = meta.value()?.parse()?;
    if text.value().trim().is_empty() {
        cx.error_spanned_by(
            &text,
            "the purpose cannot be empty; say in one sentence why the data is processed",
        );
        return Ok(None);
    }
    Ok(Some(text))
}

/// A SQL identifier given as text (`table = "chat_messages"`, `column = "sent_at"`): ASCII
/// letters, digits and `_`, not starting with a digit, at most 63 bytes (PostgreSQL's limit, the
/// lowest of the supported databases); a table may be qualified by one schema (`"im.messages"`).
/// Checked here so that no statement is ever built from a name that needs quoting.
fn parse_identifier(
    cx: &mut Ctxt,
    meta: &ParseNestedMeta,
    key: &str,
) -> syn::Result<Option<LitStr>> {
    let input = meta.value()?;
    if !input.peek(LitStr) {
        let token: TokenTree = input.parse()?;
        cx.error_spanned_by(
            &token,
            format!("write the {key} name as text: `{key} = \"{token}\"`"),
        );
        return Ok(None);
    }
    let text: LitStr = input.parse()?;
    let value = text.value();
    let parts: Vec<&str> = value.split('.').collect();
    let qualified_ok = key == "table" && parts.len() == 2;
    let valid = (parts.len() == 1 || qualified_ok) && parts.iter().all(|part| is_identifier(part));
    if !valid {
        let shape = if key == "table" {
            "ASCII letters, digits and `_`, not starting with a digit, at most 63 bytes, optionally after one schema name and a dot"
        } else {
            "ASCII letters, digits and `_`, not starting with a digit, at most 63 bytes"
        };
        cx.error_spanned_by(
            &text,
            format!("`{}` is not a {key} name the toolkit can use unquoted: write {shape}; rename the {key} or create a view with such a name", value.escape_debug()),
        );
        return Ok(None);
    }
    Ok(Some(text))
}

fn is_identifier(part: &str) -> bool {
    !part.is_empty()
        && part.len() <= 63
        && !part.starts_with(|c: char| c.is_ascii_digit())
        && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn parse_crate(meta: &ParseNestedMeta) -> syn::Result<Option<Path>> {
    let text: LitStr = meta.value()?.parse()?;
    match text.parse::<Path>() {
        // Generated code names the runtime with this path everywhere; spanned at the derive
        // rather than at the string, so that lints on paths the user did not write stay quiet.
        Ok(path) => Ok(Some(syn::parse2(respan(
            path.to_token_stream(),
            Span::call_site(),
        ))?)),
        Err(_) => Err(syn::Error::new_spanned(
            &text,
            format!(
                "`{}` is not a path; write the path privacy_core is reachable at, such as `crate = \"::my_crate::privacy_core\"`",
                text.value()
            ),
        )),
    }
}

fn parse_period(cx: &mut Ctxt, text: &LitStr) -> Option<Period> {
    match duration::parse(&text.value()) {
        Ok(period) => Some(period),
        Err(message) => {
            cx.error_spanned_by(text, message);
            None
        }
    }
}

fn parse_retention(
    cx: &mut Ctxt,
    meta: &ParseNestedMeta,
) -> syn::Result<Option<Located<Retention>>> {
    let input = meta.value()?;
    let start = input.fork();
    let retention = parse_retention_value(cx, input)?;
    // The tokens of the value, for spanning checks of it.
    let consumed =
        start.cursor().token_stream().into_iter().take_while(
            |token| !matches!(token, TokenTree::Punct(punct) if punct.as_char() == ','),
        );
    Ok(retention.map(|value| Located {
        value,
        tokens: consumed.collect(),
    }))
}

fn parse_retention_value(cx: &mut Ctxt, input: ParseStream) -> syn::Result<Option<Retention>> {
    const EXPECTED: &str = "write `retention = \"7d\"`, `retention = ephemeral`, `retention = customer_chosen(default = \"7d\")` or `retention = until_terminated(grace = \"2 months\")`";
    if input.peek(LitStr) {
        let text: LitStr = input.parse()?;
        return Ok(parse_period(cx, &text).map(Retention::Fixed));
    }
    if input.peek(LitInt) {
        let number: LitInt = input.parse()?;
        cx.error_spanned_by(
            &number,
            format!(
                "a retention period needs a unit, as text: `retention = \"{}d\"`",
                number.base10_digits()
            ),
        );
        return Ok(None);
    }
    let class: Ident = input
        .parse()
        .map_err(|error| syn::Error::new(error.span(), EXPECTED))?;
    let class_name = class.to_string();
    match class_name.as_str() {
        EPHEMERAL => Ok(Some(Retention::Ephemeral)),
        CUSTOMER_CHOSEN => {
            let (mut default, mut max) = (None, None);
            let found = parse_arguments(cx, input, &class, &[DEFAULT, MAX], |cx, key, text| {
                let slot = if key == DEFAULT {
                    &mut default
                } else {
                    &mut max
                };
                *slot = parse_period(cx, text);
            })?;
            match (default, found.contains(&DEFAULT)) {
                (Some(default), _) => Ok(Some(Retention::CustomerChosen { default, max })),
                (None, true) => Ok(None),
                (None, false) => {
                    cx.error_spanned_by(&class, "`customer_chosen` needs the period used when the customer chose none: `customer_chosen(default = \"7d\")`, optionally with `max = \"...\"`");
                    Ok(None)
                }
            }
        }
        UNTIL_TERMINATED => {
            let mut grace = None;
            let found = parse_arguments(cx, input, &class, &[GRACE], |cx, _, text| {
                grace = parse_period(cx, text)
            })?;
            match (grace, found.contains(&GRACE)) {
                (Some(grace), _) => Ok(Some(Retention::UntilTerminated { grace })),
                (None, true) => Ok(None),
                (None, false) => {
                    cx.error_spanned_by(&class, "`until_terminated` needs the time records stay after the account ends: `until_terminated(grace = \"2 months\")`");
                    Ok(None)
                }
            }
        }
        _ => {
            let hint = did_you_mean(&class_name, RETENTION_CLASSES.iter().copied());
            cx.error_spanned_by(
                &class,
                format!("unknown retention class `{class}`{hint}; {EXPECTED}"),
            );
            skip_parenthesized(input)?;
            Ok(None)
        }
    }
}

fn skip_parenthesized(input: ParseStream) -> syn::Result<()> {
    if input.peek(syn::token::Paren) {
        let _content;
        syn::parenthesized!(_content in input);
    }
    Ok(())
}

/// Parses `(key = "period", ...)` after a retention class; returns the keys seen.
fn parse_arguments(
    cx: &mut Ctxt,
    input: ParseStream,
    class: &Ident,
    keys: &[&'static str],
    mut handle: impl FnMut(&mut Ctxt, &'static str, &LitStr),
) -> syn::Result<Vec<&'static str>> {
    let mut seen: Vec<&'static str> = Vec::new();
    if !input.peek(syn::token::Paren) {
        return Ok(seen);
    }
    let content;
    syn::parenthesized!(content in input);
    let arguments = content.parse_terminated(Argument::parse, Token![,])?;
    for argument in arguments {
        let name = argument.key.to_string();
        match keys.iter().find(|key| **key == name) {
            Some(key) if seen.contains(key) => {
                cx.error_spanned_by(
                    &argument.key,
                    format!("duplicate key `{name}`: it is already set above; remove one of them"),
                );
            }
            Some(key) => {
                seen.push(key);
                handle(cx, key, &argument.value);
            }
            None => {
                let hint = did_you_mean(&name, keys.iter().copied());
                cx.error_spanned_by(
                    &argument.key,
                    format!(
                        "unknown key `{name}` in `{class}(...)`{hint}; keys here: {}",
                        list(keys.iter().copied())
                    ),
                );
            }
        }
    }
    Ok(seen)
}

/// `key = "text"` inside a retention class's parentheses.
struct Argument {
    key: Ident,
    value: LitStr,
}

impl Argument {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let key: Ident = input.parse()?;
        input.parse::<Token![=]>()?;
        let value: LitStr = input.parse().map_err(|error| {
            syn::Error::new(
                error.span(),
                format!("write the period as text: `{key} = \"7d\"`"),
            )
        })?;
        Ok(Argument { key, value })
    }
}

fn parse_strategy(cx: &mut Ctxt, meta: &ParseNestedMeta) -> syn::Result<Option<Located<Strategy>>> {
    if !meta.input.peek(Token![=]) {
        if meta.input.peek(syn::token::Paren) {
            return Err(
                meta.error("write `redact` alone for the full mask, or `redact = <strategy>`")
            );
        }
        return Ok(Some(Located {
            value: Strategy::Mask,
            tokens: meta.path.to_token_stream(),
        }));
    }
    let input = meta.value()?;
    let word: Ident = input.parse().map_err(|error| {
        syn::Error::new(
            error.span(),
            format!("expected a strategy, one of: {}", list(strategy_words())),
        )
    })?;
    let tokens = word.to_token_stream();
    let name = word.to_string();
    let Some((_, meaning)) = STRATEGIES.iter().find(|(known, _)| *known == name) else {
        let hint = did_you_mean(&name, strategy_words());
        cx.error_spanned_by(
            &word,
            format!("unknown redaction strategy `{name}`{hint}; write `redact` alone for the full mask, or one of: {}", list(strategy_words())),
        );
        skip_parenthesized(input)?;
        return Ok(None);
    };
    let strategy = match *meaning {
        StrategyWord::Marker(marker) => Strategy::Marker(marker),
        StrategyWord::Skip => Strategy::Skip,
        StrategyWord::Partial => match parse_keep_last(cx, input, &word)? {
            Some(keep_last) => Strategy::Partial(keep_last),
            None => return Ok(None),
        },
    };
    Ok(Some(Located {
        value: strategy,
        tokens,
    }))
}

fn strategy_words() -> impl Iterator<Item = &'static str> + Clone {
    STRATEGIES.iter().map(|(word, _)| *word)
}

fn parse_keep_last(cx: &mut Ctxt, input: ParseStream, word: &Ident) -> syn::Result<Option<u8>> {
    const EXPECTED: &str = "write `redact = partial(keep_last = 4)`";
    if !input.peek(syn::token::Paren) {
        cx.error_spanned_by(
            word,
            format!("`partial` needs the number of characters to keep; {EXPECTED}"),
        );
        return Ok(None);
    }
    let content;
    syn::parenthesized!(content in input);
    let key: Ident = content.parse()?;
    if key != KEEP_LAST {
        cx.error_spanned_by(
            &key,
            format!("unknown key `{key}` in `partial(...)`; {EXPECTED}"),
        );
        let _rest: TokenStream = content.parse()?;
        return Ok(None);
    }
    content.parse::<Token![=]>()?;
    let number: LitInt = content.parse()?;
    match number.base10_parse::<u8>() {
        Ok(0) => {
            cx.error_spanned_by(
                &number,
                "`keep_last = 0` keeps nothing; write `redact` alone for the full mask",
            );
            Ok(None)
        }
        Ok(keep_last) => Ok(Some(keep_last)),
        Err(_) => {
            cx.error_spanned_by(&number, "`keep_last` must be a whole number from 1 to 255");
            Ok(None)
        }
    }
}
