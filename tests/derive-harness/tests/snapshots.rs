//! What the derive generates for representative inputs, pretty-printed, so that a reviewer
//! sees the expansion and any change to it shows in review (`cargo insta review`).

use quote::quote;

fn expand(input: proc_macro2::TokenStream) -> String {
    let output = privacy_derive_harness::derive(input);
    let file: syn::File = syn::parse2(output).expect("the expansion is valid Rust");
    prettyplease::unparse(&file)
}

#[test]
fn request_log() {
    insta::assert_snapshot!(expand(quote! {
        #[privacy(category = im::LogData)]
        pub struct RequestLog {
            #[privacy(redact = ip)]
            pub client_ip: std::net::IpAddr,
            pub interface: String,
            #[privacy(collected_at)]
            pub at: chrono::DateTime<chrono::Utc>,
        }
    }));
}

#[test]
fn chat_message_enum_with_two_subjects() {
    insta::assert_snapshot!(expand(quote! {
        #[privacy(category = im::ChatMessageRecord, erasure = delete_record)]
        pub enum ChatMessage {
            Text {
                #[privacy(subject)]
                from: u64,
                #[privacy(subject)]
                to: u64,
                #[privacy(redact)]
                text: String,
                #[privacy(collected_at)]
                at: chrono::DateTime<chrono::Utc>,
            },
            Recalled(#[privacy(subject)] u64, #[privacy(collected_at)] chrono::DateTime<chrono::Utc>),
            Typing,
        }
    }));
}

#[test]
fn generic_with_nested_and_secret() {
    insta::assert_snapshot!(expand(quote! {
        #[privacy(category = im::ConfigurationData, legal_basis = contract, retention = until_terminated(grace = "1 month"))]
        pub struct Envelope<'a, T: Classified> {
            #[privacy(nested)]
            pub inner: T,
            #[privacy(secret)]
            pub app_secret: privacy_core::Secret<String>,
            pub name: &'a str,
        }
    }));
}

#[test]
fn ephemeral_tuple_with_renamed_crate() {
    insta::assert_snapshot!(expand(quote! {
        #[privacy(crate = "::vendored::privacy", category = im::UserInformation, retention = ephemeral)]
        pub struct Typing(#[privacy(subject)] pub String, #[privacy(redact = partial(keep_last = 2))] pub String);
    }));
}

#[test]
fn errors_come_with_a_stub() {
    insta::assert_snapshot!(expand(quote! {
        #[privacy(category = im::LogData, retention = "7 parsecs", legal_basis = contrakt)]
        pub struct RequestLog {
            #[privacy(redact = iq, colected_at)]
            pub client_ip: String,
        }
    }));
}
