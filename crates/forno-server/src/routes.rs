//! Every route of `/api/v1` in one table: its handler, and who may call it. The same lines build
//! the router, the OpenAPI document and each staff route's authorisation, so a route cannot be
//! served without being documented, nor declared for a role without being enforced for it.

use axum::middleware;
use forno_domain::Permission::{self, *};
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouter};
use utoipa_axum::routes;

use crate::state::AppState;
use crate::{
    auth, customers, devices, kitchen, menu_editor, notify, openapi, outbox, payments, people,
    printing, public, setup, staff, ws,
};

/// What a staff route needs before anything of the request (path, query, body) is read.
#[derive(Debug, Clone, Copy)]
pub enum Need {
    /// A logged-in staff member or paired device, whatever their role (`/auth/me`).
    SignedIn,
    /// At least one of these actions, by the table in `forno_domain::permissions`. The use case
    /// checks its exact action again (a status change needs the one for the status asked for).
    AnyOf(&'static [Permission]),
}

impl Need {
    pub fn actions(self) -> &'static [Permission] {
        match self {
            Need::SignedIn => &[],
            Need::AnyOf(actions) => actions,
        }
    }
}

/// How a route's caller is known.
#[derive(Debug, Clone, Copy)]
pub enum Access {
    /// Anyone: customers' phones, the setup wizard, a device being paired.
    Public,
    /// Staff only, authorised by the route's layer before the handler's extractors run.
    Staff(Need),
    /// Staff credentials are optional and the handler's use case decides what they allow:
    /// `POST /orders` (a counter order with them, a web order without) and the staff socket
    /// (whose token may come in its first message).
    StaffOptional(Need),
}

/// The router being built, with its document.
struct Routes(OpenApiRouter<AppState>);

impl Routes {
    fn add(
        self,
        access: Access,
        (schemas, mut paths, method_router): UtoipaMethodRouter<AppState>,
    ) -> Self {
        for item in paths.paths.values_mut() {
            openapi::declare_access(item, access);
        }
        let method_router = match access {
            Access::Staff(need) => {
                method_router.route_layer(middleware::from_fn(move |request, next| {
                    auth::authorize_route(need, request, next)
                }))
            }
            Access::Public | Access::StaffOptional(_) => method_router,
        };
        Routes(self.0.routes((schemas, paths, method_router)))
    }

    fn public(self, routes: UtoipaMethodRouter<AppState>) -> Self {
        self.add(Access::Public, routes)
    }

    fn signed_in(self, routes: UtoipaMethodRouter<AppState>) -> Self {
        self.add(Access::Staff(Need::SignedIn), routes)
    }

    fn may(self, actions: &'static [Permission], routes: UtoipaMethodRouter<AppState>) -> Self {
        self.add(Access::Staff(Need::AnyOf(actions)), routes)
    }

    /// Anyone may call it; staff credentials, when sent, allow what `actions` allow.
    fn credentials_optional(
        self,
        actions: &'static [Permission],
        routes: UtoipaMethodRouter<AppState>,
    ) -> Self {
        self.add(Access::StaffOptional(Need::AnyOf(actions)), routes)
    }
}

/// Every route: `/api/v1` and the health check outside it, with the document describing them.
pub fn all() -> OpenApiRouter<AppState> {
    all_with(TestRoutes::Off)
}

/// Whether the routes for Forno's own tests are served (`FORNO_TEST_JOBS=1`). They are never in
/// the document: they are not part of the shop's API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TestRoutes {
    Off,
    On,
}

/// Every route, with the test-only ones when asked for.
pub fn all_with(test_routes: TestRoutes) -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(openapi::base())
        .merge(root())
        .nest("/api/v1", api(test_routes))
}

/// `/api/v1`: every route and who may call it. One line per operation.
fn api(test_routes: TestRoutes) -> OpenApiRouter<AppState> {
    let routes = Routes(OpenApiRouter::default())
        .public(routes!(public::healthz))
        .public(routes!(public::shop))
        .public(routes!(public::menu))
        .public(routes!(menu_editor::photo))
        .credentials_optional(&[TakeOrders], routes!(public::quote))
        .public(routes!(public::quote_lines))
        .public(routes!(public::check_postcode))
        .credentials_optional(&[TakeOrders], routes!(public::place_order))
        .public(routes!(public::track))
        .public(routes!(ws::customer_stream))
        .public(routes!(ws::menu_stream))
        .public(routes!(setup::status, setup::complete))
        .public(routes!(devices::pair))
        .public(routes!(auth::login))
        .public(routes!(auth::counter_staff))
        .public(routes!(openapi::serve_document))
        .signed_in(routes!(auth::logout))
        .signed_in(routes!(auth::me))
        .may(&[ViewOrders], routes!(staff::list_orders))
        .may(&[ViewOrders], routes!(staff::get_order))
        .may(Permission::MOVE_ORDERS, routes!(staff::change_status))
        .may(&[TakePayments], routes!(payments::record_payment))
        .may(&[TakeOrders], routes!(customers::find))
        .may(&[TakeOrders], routes!(payments::give_discount))
        .may(&[TakeOrders], routes!(payments::void_line))
        .may(&[PrepareOrders], routes!(kitchen::lines_done))
        .may(Permission::MOVE_ORDERS, routes!(kitchen::recall))
        .may(&[ViewOrders], routes!(kitchen::get_stations))
        .may(&[EditSettings], routes!(kitchen::put_stations))
        .may(&[ViewOrders], routes!(staff::events))
        .credentials_optional(&[ViewOrders], routes!(ws::staff_stream))
        .may(&[ViewSettings], routes!(staff::get_settings))
        .may(&[EditSettings], routes!(staff::put_settings))
        .may(&[PauseOnlineOrders], routes!(staff::pause))
        .may(&[PauseOnlineOrders], routes!(staff::prep_time))
        .may(&[ViewMenu], routes!(staff::menu_admin))
        .may(&[EditMenu], routes!(staff::put_item))
        .may(&[ViewMenu], routes!(menu_editor::editor))
        .may(&[EditMenu], routes!(menu_editor::create_category))
        .may(&[EditMenu], routes!(menu_editor::update_category))
        .may(&[EditMenu], routes!(menu_editor::archive_category))
        .may(&[EditMenu], routes!(menu_editor::reorder_categories))
        .may(&[EditMenu], routes!(menu_editor::reorder_items))
        .may(&[EditMenu], routes!(menu_editor::create_item))
        .may(&[EditMenu], routes!(menu_editor::archive_item))
        .may(&[EditMenu], routes!(menu_editor::create_extra))
        .may(&[EditMenu], routes!(menu_editor::upload_photo))
        .may(&[EditMenu], routes!(menu_editor::remove_photo))
        .may(&[MarkSoldOut], routes!(staff::sold_out))
        .may(&[ViewAuditLog], routes!(people::audit_log))
        .may(&[ViewStaff], routes!(people::list_staff))
        .may(&[ManageStaff], routes!(people::add_staff))
        .may(&[ManageStaff], routes!(people::change_staff))
        .may(&[ResetPins], routes!(people::reset_staff_pin))
        .signed_in(routes!(people::change_own_pin))
        .may(&[ManageDevices], routes!(devices::list))
        .may(&[ManageDevices], routes!(devices::unpair))
        .may(&[ManageDevices], routes!(devices::new_pairing_code))
        .may(&[ViewOutbox], routes!(outbox::list))
        .may(&[PrintTickets], routes!(printing::list))
        .may(&[PrintTickets], routes!(printing::profiles))
        .may(&[ManagePrinters], routes!(printing::add))
        .may(&[ManagePrinters], routes!(printing::update))
        .may(&[ManagePrinters], routes!(printing::remove))
        .may(&[ManagePrinters], routes!(printing::test_page))
        .may(&[ManagePrinters], routes!(printing::rules))
        .may(&[ManagePrinters], routes!(printing::set_rules))
        .may(&[PrintTickets], routes!(printing::jobs))
        .may(&[PrintTickets], routes!(printing::reprint))
        .may(&[PrintTickets], routes!(printing::retry))
        .may(&[PrintTickets], routes!(printing::cancel))
        .may(&[PrintTickets], routes!(printing::print_order))
        .may(&[TakePayments], routes!(printing::open_drawer))
        .may(&[ViewOrders], routes!(printing::receipt_pdf))
        .may(&[RunPrintAgent], routes!(ws::print_agent::connect))
        .may(
            &[EditSettings],
            routes!(notify::get_settings, notify::put_settings),
        )
        .may(&[EditSettings], routes!(notify::test_mail))
        .may(&[ViewOrders], routes!(notify::order_messages))
        .may(&[ResendMessages], routes!(notify::resend))
        .may(&[ViewOrders], routes!(notify::mail_status))
        .0;
    let routes = match test_routes {
        TestRoutes::Off => routes,
        // Any login may enqueue test jobs; the use case checks the rest.
        TestRoutes::On => routes.route(
            "/test/jobs",
            axum::routing::post(outbox::enqueue_test_jobs).route_layer(middleware::from_fn(
                |request, next| auth::authorize_route(Need::SignedIn, request, next),
            )),
        ),
    };
    routes
        // An unknown `/api/v1/…` path is a problem, not the UI's 404 page.
        .fallback(crate::no_such_endpoint)
}

/// The routes outside `/api/v1`: the health check that monitors and the desktop app poll.
fn root() -> OpenApiRouter<AppState> {
    Routes(OpenApiRouter::default())
        .public(routes!(public::healthz_root))
        .0
}
