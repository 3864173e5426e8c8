//! The addresses under which the shop's server is reached: loopback for this computer (the
//! desktop app's windows, the setup wizard), the LAN address for the other devices in the shop
//! (customers' phones on the Wi-Fi, kitchen screens).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, UdpSocket};

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
    fn only_loopback_peers_are_this_computer() {
        for local in ["127.0.0.1:5000", "[::1]:5000", "[::ffff:127.0.0.1]:5000"] {
            assert!(is_this_computer(local.parse().unwrap()), "{local}");
        }
        for other in ["192.168.1.20:5000", "[fe80::1]:5000", "10.0.0.2:1"] {
            assert!(!is_this_computer(other.parse().unwrap()), "{other}");
        }
    }
}
