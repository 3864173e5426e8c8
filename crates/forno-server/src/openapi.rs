//! The OpenAPI document, generated from the route table (`routes`), the handlers' annotations and
//! the wire types, and made true to what the server answers:
//!
//! - every error is `application/problem+json` (a handler declares an error by its status and
//!   meaning; `finish` gives each the problem body every error has);
//! - every operation with a JSON body may answer 400 (malformed JSON, wrong types), 413 (too
//!   large) and 415 (not JSON); every operation with path or query parameters 400;
//! - every staff operation names the security schemes it accepts, answers 401 without working
//!   credentials, and carries `x-forno-actions`: the actions of which the caller needs at least
//!   one (the table in `forno_domain::permissions`), with 403 for a role that has none of them.
//!
//! `forno openapi` prints the same document without starting a server; the UI's TypeScript types
//! are generated from it.

use std::sync::LazyLock;

use axum::http::header;
use axum::response::IntoResponse;
use utoipa::OpenApi;
use utoipa::openapi::extensions::Extensions;
use utoipa::openapi::path::{Operation, ParameterIn, PathItem};
use utoipa::openapi::security::{
    ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme,
};
use utoipa::openapi::{Content, Header, Object, Ref, RefOr, Response, Type};

use crate::dto::*;
use crate::error::Problem;
use crate::routes::{Access, Need};

pub const PROBLEM_JSON: &str = "application/problem+json";

/// The session cookie that `POST /auth/login` (and pairing, and the setup) set.
pub const SESSION_SCHEME: &str = "session";
/// The same token as `Authorization: Bearer …`, for devices and scripts without cookies.
pub const BEARER_SCHEME: &str = "bearer";
/// The actions of which a staff operation's caller needs at least one.
pub const ACTIONS_EXTENSION: &str = "x-forno-actions";

#[derive(OpenApi)]
#[openapi(
    info(title = "Forno", description = "Point of sale for pizzerias: the shop's HTTP API. \
        Errors are application/problem+json. Staff operations need the session cookie or the same \
        token as a bearer token; `x-forno-actions` names the actions of which the caller's role needs \
        at least one (GET /api/v1/auth/me lists a role's actions). Real-time events: GET /api/v1/ws \
        (staff) and /api/v1/ws/track/{token} (customers); see docs/api.md for their messages."),
    modifiers(&SecuritySchemes),
    components(schemas(Problem, OrderRequestBody, LineBody, HalfBody, FulfilmentBody, AddressBody, ContactBody,
        QuoteDto, LineDto, HalfDto, VatDto, ZoneRefDto, OrderDto, CustomerOrderDto, PlacedOrderDto, OrderListDto,
        StatusChangeBody, StatusEntryDto, FulfilmentDto, ContactDto, EventDto, EventPageDto, MenuDto, CategoryDto,
        ItemDto, SizeDto, ExtraDto, IngredientDto, TranslatedDto, ItemBody, SizeBody, ShopDto, PeriodDto,
        ExceptionDto, ZoneDto, SlotsDto, FulfilmentOptionsDto, SettingsDto, LoginBody, LoginDto, StaffDto,
        PauseBody, SoldOutBody, HealthDto, WsCountsDto, SetupStatusDto, SetupBody, OwnerBody,
        PairingCodeBody, PairingCodeDto, PairBody, DeviceDto, JobDto, JobListDto, OutboxCountsDto,
        PaymentBody, PaymentDto, RecordedPaymentDto, CustomerDto, CustomerListDto, CounterTileDto,
        PrepTimeBody, DiscountBody, DiscountDto, ApprovalBody, LineVoidBody, LineVoidDto)),
    tags((name = "public", description = "What customers' phones may call"),
        (name = "staff", description = "Needs a staff session or device token"),
        (name = "kitchen", description = "The kitchen board: stations, lines done, recall (a staff session or device token)"),
        (name = "setup", description = "The first-run setup wizard and pairing devices"))
)]
struct ApiDoc;

struct SecuritySchemes;

impl utoipa::Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            SESSION_SCHEME,
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                crate::auth::SESSION_COOKIE,
                "Set by POST /api/v1/auth/login, POST /api/v1/devices/pair and POST /api/v1/setup; HttpOnly, SameSite=Strict.",
            ))),
        );
        components.add_security_scheme(
            BEARER_SCHEME,
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "The `token` of a login or pairing answer: for paired devices and scripts that keep no cookies.",
                    ))
                    .build(),
            ),
        );
    }
}

/// The document's frame: title, tags, security schemes and the wire types the routes add to.
pub fn base() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

/// The document of every route, as served at `/api/v1/openapi.json` and printed by
/// `forno openapi`.
pub fn document() -> utoipa::openapi::OpenApi {
    let (_, mut doc) = crate::routes::all().split_for_parts();
    doc.info.version = env!("CARGO_PKG_VERSION").to_owned();
    finish(&mut doc);
    doc
}

static DOCUMENT_JSON: LazyLock<String> =
    LazyLock::new(|| serde_json::to_string(&document()).expect("the OpenAPI document serialises"));

/// `GET /api/v1/openapi.json`.
#[utoipa::path(get, path = "/openapi.json", tag = "public",
    responses((status = 200, description = "This document (OpenAPI 3.1)", content_type = "application/json")))]
pub async fn serve_document() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "application/json")],
        DOCUMENT_JSON.as_str(),
    )
}

/// Marks an operation with who may call it (`routes` calls this for every route it adds).
pub fn declare_access(item: &mut PathItem, access: Access) {
    for operation in operations(item) {
        let (need, optional) = match access {
            Access::Public => continue,
            Access::Staff(need) => (need, false),
            Access::StaffOptional(need) => (need, true),
        };
        let mut security = Vec::new();
        if optional {
            security.push(SecurityRequirement::default());
        }
        security.push(SecurityRequirement::new(
            SESSION_SCHEME,
            Vec::<String>::new(),
        ));
        security.push(SecurityRequirement::new(
            BEARER_SCHEME,
            Vec::<String>::new(),
        ));
        operation.security = Some(security);
        let actions: Vec<&str> = need.actions().iter().map(|a| a.as_str()).collect();
        operation
            .extensions
            .get_or_insert_with(Extensions::default)
            .insert(ACTIONS_EXTENSION.to_owned(), serde_json::json!(actions));
        error(
            operation,
            401,
            "No working staff credentials: log in (or pair the device) again",
        );
        if let Need::AnyOf(_) = need {
            error(
                operation,
                403,
                "The caller's role has none of the actions in x-forno-actions",
            );
        }
    }
}

/// Declares the errors every operation of a kind can answer, and gives every error its
/// problem+json body.
fn finish(doc: &mut utoipa::openapi::OpenApi) {
    for item in doc.paths.paths.values_mut() {
        let path_parameters = item
            .parameters
            .iter()
            .flatten()
            .any(|p| matches!(p.parameter_in, ParameterIn::Path | ParameterIn::Query));
        for operation in operations(item) {
            // A file body (a menu photo) declares its own answers; these are JSON's.
            let json_body = operation
                .request_body
                .as_ref()
                .is_some_and(|body| body.content.contains_key("application/json"));
            if json_body {
                error(
                    operation,
                    400,
                    "The body is not valid JSON or a field has the wrong type; `field` names it",
                );
                error(operation, 413, "The body is larger than the server accepts");
                error(
                    operation,
                    415,
                    "The body is not sent as Content-Type: application/json",
                );
            }
            let has_parameters = path_parameters
                || operation
                    .parameters
                    .iter()
                    .flatten()
                    .any(|p| matches!(p.parameter_in, ParameterIn::Path | ParameterIn::Query));
            if has_parameters {
                error(
                    operation,
                    400,
                    "A path or query parameter is malformed; `field` names it",
                );
            }
            for (status, response) in operation.responses.responses.iter_mut() {
                let RefOr::T(response) = response else {
                    continue;
                };
                if status.parse::<u16>().is_ok_and(|code| code >= 400) {
                    make_problem(status, response);
                } else if response.description.is_empty() {
                    response.description = "Done".into();
                }
            }
        }
    }
}

/// Adds the error `status` to an operation unless its handler already declares it.
fn error(operation: &mut Operation, status: u16, description: &str) {
    operation
        .responses
        .responses
        .entry(status.to_string())
        .or_insert_with(|| RefOr::T(Response::new(description)));
}

/// An error answer: a problem document (RFC 9457), with `Retry-After` where the server sends one.
fn make_problem(status: &str, response: &mut Response) {
    response.content.clear();
    response.content.insert(
        PROBLEM_JSON.to_owned(),
        Content::new(Some(RefOr::Ref(Ref::from_schema_name("Problem")))),
    );
    if matches!(status, "423" | "429") {
        let mut seconds = Header::new(Object::with_type(Type::Integer));
        seconds.description = Some("Seconds to wait before trying again".into());
        response
            .headers
            .insert(header::RETRY_AFTER.as_str().to_owned(), seconds);
    }
}

fn operations(item: &mut PathItem) -> impl Iterator<Item = &mut Operation> {
    [
        &mut item.get,
        &mut item.put,
        &mut item.post,
        &mut item.delete,
        &mut item.options,
        &mut item.head,
        &mut item.patch,
        &mut item.trace,
    ]
    .into_iter()
    .filter_map(Option::as_mut)
}
