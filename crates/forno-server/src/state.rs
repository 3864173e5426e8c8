//! What every handler shares.

use std::sync::Arc;

use forno_app::Shop;

use crate::addresses::ShopAddresses;
use crate::rate_limit::RateLimiter;
use crate::ws::Hub;

#[derive(Clone)]
pub struct AppState {
    pub shop: Shop,
    pub order_limit: Arc<RateLimiter>,
    pub quote_limit: Arc<RateLimiter>,
    pub hub: Arc<Hub>,
    pub addresses: ShopAddresses,
}

impl AppState {
    pub fn new(shop: Shop, addresses: ShopAddresses) -> AppState {
        let config = shop.config().clone();
        AppState {
            order_limit: Arc::new(RateLimiter::per_minute(config.orders_per_minute)),
            quote_limit: Arc::new(RateLimiter::per_minute(config.quotes_per_minute)),
            hub: Arc::new(Hub::new(config.max_ws_connections)),
            addresses,
            shop,
        }
    }
}

impl AppState {
    /// A customer's page as links and QR codes that leave the shop name it: under the shop's
    /// `public_url` when one is set (a tunnel or reverse proxy), else at the LAN address.
    pub fn ordering_url(&self, path: &str) -> String {
        match self.shop.config().public_url() {
            Some(public) => format!("{public}/{}", path.trim_start_matches('/')),
            None => self.addresses.lan_url(path),
        }
    }
}
