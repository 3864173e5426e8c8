//! The addresses under which the embedded server is reached: loopback for this PC's windows,
//! the LAN address for the other devices in the shop.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, UdpSocket};

use tauri::Url;

use crate::embedded::ShopUrls;

pub fn shop_urls(listening: SocketAddr) -> ShopUrls {
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
    let local = Url::parse(&format!("http://{}/", SocketAddr::new(local_ip, port)))
        .expect("an IP address and a port make a valid URL");
    ShopUrls {
        local,
        lan: format!("http://{}/", SocketAddr::new(lan_ip, port)),
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
    fn windows_use_loopback_when_listening_on_every_interface() {
        let urls = shop_urls("0.0.0.0:8080".parse().unwrap());
        assert_eq!(urls.local.as_str(), "http://127.0.0.1:8080/");
        assert!(urls.lan.ends_with(":8080/"));
    }

    #[test]
    fn a_specific_listen_address_is_used_as_is() {
        let urls = shop_urls("127.0.0.1:9000".parse().unwrap());
        assert_eq!(urls.local.as_str(), "http://127.0.0.1:9000/");
        assert_eq!(urls.lan, "http://127.0.0.1:9000/");
        assert_eq!(
            urls.page("staff?view=kitchen").as_str(),
            "http://127.0.0.1:9000/staff?view=kitchen"
        );
    }
}
