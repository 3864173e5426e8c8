//! The addresses under which the shop's server is reached: loopback for this computer (the
//! desktop app's windows, the setup wizard), the LAN address for the other devices in the shop
//! (customers' phones on the Wi-Fi, kitchen screens).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, UdpSocket};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::HeaderMap;
use axum::http::request::Parts;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShopAddresses {
    /// What this computer opens (works without a network).
    pub local: SocketAddr,
    /// What other devices in the shop open.
    pub lan: SocketAddr,
}

impl ShopAddresses {
    /// The addresses of a server listening on `listening` (0.0.0.0 means every interface).
    pub fn of(listening: SocketAddr) -> ShopAddresses {
        let port = listening.port();
        let ip = listening.ip();
        let local_ip = match ip {
            IpAddr::V4(v4) if v4.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
            IpAddr::V6(v6) if v6.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
            specific => specific,
        };
        let lan_ip = if ip.is_unspecified() {
            lan_ip().unwrap_or(local_ip)
        } else {
            ip
        };
        ShopAddresses {
            local: SocketAddr::new(local_ip, port),
            lan: SocketAddr::new(lan_ip, port),
        }
    }

    /// A page as other devices in the shop open it, e.g. `lan_url("pair/ABCD2345")`.
    pub fn lan_url(&self, path: &str) -> String {
        format!("http://{}/{}", self.lan, path.trim_start_matches('/'))
    }

    /// A page as this computer opens it.
    pub fn local_url(&self, path: &str) -> String {
        format!("http://{}/{}", self.local, path.trim_start_matches('/'))
    }
}

/// Whether a request comes from the computer Forno runs on.
pub fn is_this_computer(peer: SocketAddr) -> bool {
    peer.ip().to_canonical().is_loopback()
}

/// Who sent a request, as far as the server can trust it. A reverse proxy or tunnel on this
/// computer (Caddy, cloudflared) connects from loopback and names the real client in
/// `X-Forwarded-For`; that header is believed only from loopback, and a request that came
/// through such a proxy is never "this computer" (so the setup wizard and other
/// this-computer-only doors stay closed to the internet).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddr {
    /// The client's address: per-address limits count this one.
    pub ip: IpAddr,
    /// The request comes from the computer Forno runs on, not through a proxy.
    pub this_computer: bool,
}

impl ClientAddr {
    pub fn of(peer: SocketAddr, headers: &HeaderMap) -> ClientAddr {
        if !is_this_computer(peer) {
            // Anyone on the network can write the header: it counts for nothing.
            return ClientAddr {
                ip: peer.ip().to_canonical(),
                this_computer: false,
            };
        }
        let proxied = headers.contains_key("x-forwarded-for")
            || headers.contains_key("forwarded")
            || headers.contains_key("x-forwarded-host")
            || headers.contains_key("x-forwarded-proto");
        // The proxy appends the address it saw: the last one is the one it vouches for.
        let forwarded_ip = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .filter_map(|part| part.trim().parse::<IpAddr>().ok())
            .next_back();
        ClientAddr {
            ip: forwarded_ip.unwrap_or(peer.ip()).to_canonical(),
            this_computer: !proxied,
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(peer)| *peer)
            // Without connection info (a router used in-process, in tests) nothing is trusted.
            .unwrap_or_else(|| SocketAddr::from((Ipv4Addr::UNSPECIFIED, 0)));
        Ok(ClientAddr::of(peer, &parts.headers))
    }
}

/// The address of the interface that carries the default route. Connecting a UDP socket only
/// picks a route; it sends no packet.
fn lan_ip() -> Option<IpAddr> {
    let socket = UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0)).ok()?;
    socket.connect((Ipv4Addr::new(192, 0, 2, 1), 9)).ok()?;
    let ip = socket.local_addr().ok()?.ip();
    (!ip.is_unspecified() && !ip.is_loopback()).then_some(ip)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn this_computer_uses_loopback_when_listening_on_every_interface() {
        let addresses = ShopAddresses::of("0.0.0.0:8080".parse().unwrap());
        assert_eq!(addresses.local_url("setup"), "http://127.0.0.1:8080/setup");
        assert_eq!(addresses.lan.port(), 8080);
    }

    #[test]
    fn a_specific_listen_address_is_used_as_is() {
        let addresses = ShopAddresses::of("127.0.0.1:9000".parse().unwrap());
        assert_eq!(addresses.lan_url("/pair/X"), "http://127.0.0.1:9000/pair/X");
    }

    #[test]
    fn forwarded_headers_count_only_from_loopback() {
        let mut headers = HeaderMap::new();
        headers.insert(
            "x-forwarded-for",
            "203.0.113.9, 198.51.100.7".parse().unwrap(),
        );
        let through_proxy = ClientAddr::of("127.0.0.1:5000".parse().unwrap(), &headers);
        assert_eq!(through_proxy.ip, "198.51.100.7".parse::<IpAddr>().unwrap());
        assert!(
            !through_proxy.this_computer,
            "a proxied request is not this computer"
        );

        let from_lan = ClientAddr::of("192.168.1.20:5000".parse().unwrap(), &headers);
        assert_eq!(from_lan.ip, "192.168.1.20".parse::<IpAddr>().unwrap());
        assert!(!from_lan.this_computer);

        let local = ClientAddr::of("127.0.0.1:5000".parse().unwrap(), &HeaderMap::new());
        assert!(local.this_computer);
        let mut proto_only = HeaderMap::new();
        proto_only.insert("x-forwarded-proto", "https".parse().unwrap());
        assert!(!ClientAddr::of("[::1]:5000".parse().unwrap(), &proto_only).this_computer);
    }

    #[test]
    fn only_loopback_peers_are_this_computer() {
        for local in ["127.0.0.1:5000", "[::1]:5000", "[::ffff:127.0.0.1]:5000"] {
            assert!(is_this_computer(local.parse().unwrap()), "{local}");
        }
        for other in ["192.168.1.20:5000", "[fe80::1]:5000", "10.0.0.2:1"] {
            assert!(!is_this_computer(other.parse().unwrap()), "{other}");
        }
    }
}
