//! The addresses under which the embedded server is reached: loopback for this PC's windows,
//! the LAN address for the other devices in the shop.

use forno_server::ShopAddresses;
use tauri::Url;

use crate::embedded::ShopUrls;

pub fn shop_urls(addresses: ShopAddresses) -> ShopUrls {
    ShopUrls {
        local: Url::parse(&addresses.local_url(""))
            .expect("an IP address and a port make a valid URL"),
        lan: addresses.lan_url(""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_use_loopback_when_listening_on_every_interface() {
        let urls = shop_urls(ShopAddresses::of("0.0.0.0:8080".parse().unwrap()));
        assert_eq!(urls.local.as_str(), "http://127.0.0.1:8080/");
        assert!(urls.lan.ends_with(":8080/"));
    }

    #[test]
    fn a_specific_listen_address_is_used_as_is() {
        let urls = shop_urls(ShopAddresses::of("127.0.0.1:9000".parse().unwrap()));
        assert_eq!(urls.local.as_str(), "http://127.0.0.1:9000/");
        assert_eq!(urls.lan, "http://127.0.0.1:9000/");
        assert_eq!(
            urls.page("staff?view=kitchen").as_str(),
            "http://127.0.0.1:9000/staff?view=kitchen"
        );
    }
}
