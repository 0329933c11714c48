//! [`Ip`]: IP addresses, socket addresses and text holding one, truncated to their network.

use super::{MASK, StackText, text_leaf};
use crate::redact::strategy::Ip;
use std::borrow::Cow;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

/// The network an address is truncated to, written on the stack: IPv4 /24; IPv6 /48, except that
/// an IPv6 address carrying an IPv4 address (see [`carried_ipv4`]) shows that IPv4 address's /24.
fn network(address: IpAddr) -> StackText {
    let v4 = match address {
        IpAddr::V4(v4) => v4,
        IpAddr::V6(v6) => match carried_ipv4(v6) {
            Some(v4) => v4,
            None => {
                let s = v6.segments();
                let network = Ipv6Addr::new(s[0], s[1], s[2], 0, 0, 0, 0, 0);
                return StackText::of(format_args!("{network}/48"));
            }
        },
    };
    let [a, b, c, _] = v4.octets();
    StackText::of(format_args!("{a}.{b}.{c}.0/24"))
}

/// The IPv4 address an IPv6 address carries, in each standard form that embeds one:
/// IPv4-mapped `::ffff:0:0/96`, IPv4-translated `::ffff:0:0:0/96`, IPv4-compatible `::/96`
/// (but `::` and `::1`), NAT64 `64:ff9b::/96`, 6to4 `2002::/16`, Teredo `2001::/32` (the
/// client's address, stored inverted) and ISATAP interface ids (`::0:5efe:0:0/96` and
/// `::200:5efe:0:0/96` in any /64). A /48 shows none of the IPv4 bits of the other forms:
/// the local-use NAT64 prefix `64:ff9b:1::/48` embeds after its own 48 bits.
fn carried_ipv4(v6: Ipv6Addr) -> Option<Ipv4Addr> {
    let s = v6.segments();
    let v4 = |high: u16, low: u16| Ipv4Addr::from((u32::from(high) << 16) | u32::from(low));
    match s {
        [0, 0, 0, 0, 0, 0xffff, high, low]
        | [0, 0, 0, 0, 0xffff, 0, high, low]
        | [0x64, 0xff9b, 0, 0, 0, 0, high, low] => Some(v4(high, low)),
        [0, 0, 0, 0, 0, 0, high, low] if (high, low) != (0, 0) && (high, low) != (0, 1) => {
            Some(v4(high, low))
        }
        [0x2002, high, low, ..] => Some(v4(high, low)),
        [0x2001, 0, _, _, _, _, high, low] => Some(v4(!high, !low)),
        [_, _, _, _, 0 | 0x0200, 0x5efe, high, low] => Some(v4(high, low)),
        _ => None,
    }
}

fn ip_text(text: &str) -> Cow<'static, str> {
    let trimmed = text.trim();
    let address = trimmed
        .parse::<IpAddr>()
        .or_else(|_| trimmed.parse::<SocketAddr>().map(|socket| socket.ip()));
    match address {
        Ok(address) => Cow::Owned(network(address).as_str().to_owned()),
        Err(_) => Cow::Borrowed(MASK),
    }
}

text_leaf!(Ip, IpAddr, |value, _s| network(*value));
text_leaf!(Ip, Ipv4Addr, |value, _s| network(IpAddr::V4(*value)));
text_leaf!(Ip, Ipv6Addr, |value, _s| network(IpAddr::V6(*value)));
text_leaf!(Ip, SocketAddr, |value, _s| network(value.ip()));
text_leaf!(Ip, str, |value, _s| ip_text(value));
