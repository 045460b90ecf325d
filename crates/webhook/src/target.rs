//! Which URLs and addresses a webhook may go to. The URL comes from an admin, so without these checks a
//! webhook could make the server POST to its own network: a database's HTTP port, a router, or the cloud
//! metadata service that hands out the machine's credentials.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use reqwest::Url;

/// Where deliveries may go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TargetPolicy {
    /// http:// to a loopback address (127.0.0.0/8, ::1, and the name `localhost`) is allowed. For development
    /// and tests only (setting WEBHOOK_ALLOW_LOOPBACK); every other target must be https and public.
    pub allow_loopback: bool,
}

/// Why a webhook URL is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TargetError {
    #[error("not an absolute http(s) URL")]
    NotAUrl,
    #[error("the URL must use https")]
    NotHttps,
    #[error("the URL must not carry a user name or password")]
    Credentials,
    #[error("{address} is a {class} address, which webhooks may not reach")]
    RefusedAddress { address: IpAddr, class: AddressClass },
    #[error("the host name does not resolve")]
    Unresolvable,
}

/// Why an address is refused. An IPv6 address that embeds an IPv4 one (mapped, compatible, NAT64, 6to4)
/// gets the class of the IPv4 address, since that is where the packets end up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AddressClass {
    /// 127.0.0.0/8, ::1: this machine.
    Loopback,
    /// 10/8, 172.16/12, 192.168/16, fc00::/7 (unique local), fec0::/10 (old site-local).
    Private,
    /// 169.254/16, fe80::/10.
    LinkLocal,
    /// The metadata services of cloud hosts, which hand out the machine's credentials: 169.254.169.254,
    /// fd00:ec2::254 (AWS), 100.100.100.200 (Alibaba), 192.0.0.192 (Oracle), 168.63.129.16 (Azure).
    CloudMetadata,
    /// 224/4, ff00::/8.
    Multicast,
    /// 0.0.0.0, :: (Linux connects them to this machine).
    Unspecified,
    /// 255.255.255.255.
    Broadcast,
    /// 100.64/10, the provider side of carrier-grade NAT.
    SharedAddressSpace,
    /// 192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32, 3fff::/20.
    Documentation,
    /// 198.18/15, 2001:2::/48.
    Benchmarking,
    /// Not a public unicast address for another reason: 0/8, 192.0.0.0/24, 192.88.99/24, 240/4, the IETF
    /// protocol assignments 2001::/23 (Teredo among them) and IPv6 outside the global unicast 2000::/3.
    Reserved,
}

impl fmt::Display for AddressClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            AddressClass::Loopback => "loopback",
            AddressClass::Private => "private",
            AddressClass::LinkLocal => "link-local",
            AddressClass::CloudMetadata => "cloud metadata",
            AddressClass::Multicast => "multicast",
            AddressClass::Unspecified => "unspecified",
            AddressClass::Broadcast => "broadcast",
            AddressClass::SharedAddressSpace => "shared (carrier-grade NAT)",
            AddressClass::Documentation => "documentation",
            AddressClass::Benchmarking => "benchmarking",
            AddressClass::Reserved => "reserved",
        })
    }
}

/// The address reported when the name `localhost` is refused; it is what the name means.
const LOCALHOST: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);

impl TargetPolicy {
    /// Checks a URL as an admin registers it, before any connection: parses it; scheme https, or http only
    /// when allow_loopback and the host is a loopback literal or `localhost`; no userinfo; a literal IP host
    /// must pass `check_address`; the name `localhost` (any case, with or without trailing dot) counts as
    /// loopback. Names are NOT resolved here (that happens at delivery time). Returns the parsed URL.
    pub fn check_url(&self, url: &str) -> Result<Url, TargetError> {
        let url = Url::parse(url).map_err(|_| TargetError::NotAUrl)?;
        let https = match url.scheme() {
            "https" => true,
            "http" => false,
            _ => return Err(TargetError::NotAUrl),
        };
        if !url.username().is_empty() || url.password().is_some() {
            return Err(TargetError::Credentials);
        }
        // The host is judged before the scheme: "10.0.0.1 is a private address" says more than "use https".
        let loopback = match host(&url)? {
            Host::Address(address) => {
                self.check_address(address)?;
                classify(address) == Some(AddressClass::Loopback)
            }
            Host::Name(name) if is_localhost(name) => {
                if !self.allow_loopback {
                    return Err(TargetError::RefusedAddress {
                        address: LOCALHOST,
                        class: AddressClass::Loopback,
                    });
                }
                true
            }
            Host::Name(_) => false,
        };
        let plain_http_allowed = self.allow_loopback && loopback;
        if !(https || plain_http_allowed) {
            return Err(TargetError::NotHttps);
        }
        Ok(url)
    }

    /// Ok for a public unicast address; refused for loopback (unless allow_loopback), private (10/8, 172.16/12,
    /// 192.168/16, fc00::/7), link-local (169.254/16, fe80::/10), cloud metadata (169.254.169.254, fd00:ec2::254,
    /// 100.100.100.200 — report these as metadata), multicast, unspecified, broadcast, 0.0.0.0/8, 100.64/10
    /// (CGNAT), 192.0.0.0/24, documentation (192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32),
    /// benchmarking 198.18/15, reserved 240/4, and IPv6 forms that embed IPv4 (::ffff:a.b.c.d mapped,
    /// ::a.b.c.d compatible, 64:ff9b::/96 NAT64, 2002::/16 6to4) judged by the embedded IPv4 address.
    pub fn check_address(&self, address: IpAddr) -> Result<(), TargetError> {
        match classify(address) {
            None => Ok(()),
            Some(AddressClass::Loopback) if self.allow_loopback => Ok(()),
            Some(class) => Err(TargetError::RefusedAddress { address, class }),
        }
    }
}

/// A URL's host: an address literal (which reqwest connects to without asking the resolver) or a name.
pub(crate) enum Host<'a> {
    Address(IpAddr),
    Name(&'a str),
}

/// The URL's host. The url crate has already turned every IPv4 spelling (`127.1`, `0x7f.0.0.1`,
/// `2130706433`) into dotted decimal, and writes IPv6 in brackets.
pub(crate) fn host(url: &Url) -> Result<Host<'_>, TargetError> {
    let host = url
        .host_str()
        .filter(|host| !host.is_empty())
        .ok_or(TargetError::NotAUrl)?;
    if let Some(inner) = host.strip_prefix('[').and_then(|host| host.strip_suffix(']')) {
        return inner
            .parse::<Ipv6Addr>()
            .map(|address| Host::Address(IpAddr::V6(address)))
            .map_err(|_| TargetError::NotAUrl);
    }
    Ok(match host.parse::<Ipv4Addr>() {
        Ok(address) => Host::Address(IpAddr::V4(address)),
        Err(_) => Host::Name(host),
    })
}

/// `localhost` and the names under it (RFC 6761 reserves them all for loopback), in any case, with or
/// without the trailing dot.
fn is_localhost(name: &str) -> bool {
    let name = name.strip_suffix('.').unwrap_or(name).to_ascii_lowercase();
    name == "localhost" || name.ends_with(".localhost")
}

/// The class of a refused address; None for a public unicast one.
fn classify(address: IpAddr) -> Option<AddressClass> {
    match address {
        IpAddr::V4(address) => classify_v4(address),
        IpAddr::V6(address) => classify_v6(address),
    }
}

const METADATA_V4: [Ipv4Addr; 4] = [
    Ipv4Addr::new(169, 254, 169, 254),
    Ipv4Addr::new(100, 100, 100, 200),
    Ipv4Addr::new(192, 0, 0, 192),
    Ipv4Addr::new(168, 63, 129, 16),
];

const METADATA_V6: Ipv6Addr = Ipv6Addr::new(0xfd00, 0x0ec2, 0, 0, 0, 0, 0, 0x0254);

/// Refused IPv4 networks (address, prefix length); the first that contains an address gives its class,
/// after the single addresses (metadata, unspecified, broadcast) checked before.
const REFUSED_V4: [([u8; 4], u32, AddressClass); 15] = [
    ([0, 0, 0, 0], 8, AddressClass::Reserved),
    ([10, 0, 0, 0], 8, AddressClass::Private),
    ([100, 64, 0, 0], 10, AddressClass::SharedAddressSpace),
    ([127, 0, 0, 0], 8, AddressClass::Loopback),
    ([169, 254, 0, 0], 16, AddressClass::LinkLocal),
    ([172, 16, 0, 0], 12, AddressClass::Private),
    ([192, 0, 0, 0], 24, AddressClass::Reserved),
    ([192, 0, 2, 0], 24, AddressClass::Documentation),
    ([192, 88, 99, 0], 24, AddressClass::Reserved),
    ([192, 168, 0, 0], 16, AddressClass::Private),
    ([198, 18, 0, 0], 15, AddressClass::Benchmarking),
    ([198, 51, 100, 0], 24, AddressClass::Documentation),
    ([203, 0, 113, 0], 24, AddressClass::Documentation),
    ([224, 0, 0, 0], 4, AddressClass::Multicast),
    ([240, 0, 0, 0], 4, AddressClass::Reserved),
];

fn classify_v4(address: Ipv4Addr) -> Option<AddressClass> {
    if METADATA_V4.contains(&address) {
        return Some(AddressClass::CloudMetadata);
    }
    if address.is_unspecified() {
        return Some(AddressClass::Unspecified);
    }
    if address.is_broadcast() {
        return Some(AddressClass::Broadcast);
    }
    let bits = address.to_bits();
    REFUSED_V4
        .iter()
        .find(|(network, prefix, _)| bits >> (32 - prefix) == u32::from_be_bytes(*network) >> (32 - prefix))
        .map(|(_, _, class)| *class)
}

/// Refused IPv6 networks, checked in order after the embedded-IPv4 forms; the more specific come first.
const REFUSED_V6: [(Ipv6Addr, u32, AddressClass); 8] = [
    (Ipv6Addr::new(0xfc00, 0, 0, 0, 0, 0, 0, 0), 7, AddressClass::Private),
    (Ipv6Addr::new(0xfe80, 0, 0, 0, 0, 0, 0, 0), 10, AddressClass::LinkLocal),
    (Ipv6Addr::new(0xfec0, 0, 0, 0, 0, 0, 0, 0), 10, AddressClass::Private),
    (Ipv6Addr::new(0xff00, 0, 0, 0, 0, 0, 0, 0), 8, AddressClass::Multicast),
    (
        Ipv6Addr::new(0x2001, 0x0db8, 0, 0, 0, 0, 0, 0),
        32,
        AddressClass::Documentation,
    ),
    (
        Ipv6Addr::new(0x3fff, 0, 0, 0, 0, 0, 0, 0),
        20,
        AddressClass::Documentation,
    ),
    (
        Ipv6Addr::new(0x2001, 0x0002, 0, 0, 0, 0, 0, 0),
        48,
        AddressClass::Benchmarking,
    ),
    (Ipv6Addr::new(0x2001, 0, 0, 0, 0, 0, 0, 0), 23, AddressClass::Reserved),
];

fn classify_v6(address: Ipv6Addr) -> Option<AddressClass> {
    if address == METADATA_V6 {
        return Some(AddressClass::CloudMetadata);
    }
    if address.is_unspecified() {
        return Some(AddressClass::Unspecified);
    }
    if address.is_loopback() {
        return Some(AddressClass::Loopback);
    }
    if let Some(embedded) = embedded_v4(address) {
        return classify_v4(embedded);
    }
    let bits = address.to_bits();
    let within = |network: Ipv6Addr, prefix: u32| bits >> (128 - prefix) == network.to_bits() >> (128 - prefix);
    if let Some((_, _, class)) = REFUSED_V6.iter().find(|(network, prefix, _)| within(*network, *prefix)) {
        return Some(*class);
    }
    // Only 2000::/3 is allocated for global unicast; the rest is reserved or special.
    (!within(Ipv6Addr::new(0x2000, 0, 0, 0, 0, 0, 0, 0), 3)).then_some(AddressClass::Reserved)
}

/// The IPv4 address inside an IPv6 one that carries it: ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible,
/// deprecated but still routed by some stacks), 64:ff9b::a.b.c.d (NAT64) and 2002:aabb:ccdd::/48 (6to4).
fn embedded_v4(address: Ipv6Addr) -> Option<Ipv4Addr> {
    let segments = address.segments();
    let last = Ipv4Addr::from_bits(address.to_bits() as u32);
    match segments {
        [0, 0, 0, 0, 0, 0xffff, _, _] | [0, 0, 0, 0, 0, 0, _, _] | [0x64, 0xff9b, 0, 0, 0, 0, _, _] => Some(last),
        [0x2002, high, low, ..] => Some(Ipv4Addr::from_bits((u32::from(high) << 16) | u32::from(low))),
        _ => None,
    }
}
