//! The OpenAPI document, generated from the handlers and wire types.

use utoipa::OpenApi;

use crate::dto::*;
use crate::error::Problem;

#[derive(OpenApi)]
#[openapi(
    info(title = "Forno", description = "Point of sale for pizzerias: the shop's HTTP API. Errors are application/problem+json. Real-time events: GET /api/v1/ws (staff) and /api/v1/ws/track/{token} (customers); see docs/api.md."),
    paths(
        crate::public::healthz, crate::public::shop, crate::public::menu, crate::public::quote,
        crate::public::place_order, crate::public::track,
        crate::auth::login, crate::auth::logout, crate::auth::me,
        crate::staff::list_orders, crate::staff::get_order, crate::staff::change_status,
        crate::staff::events, crate::staff::get_settings, crate::staff::put_settings, crate::staff::pause,
        crate::staff::menu_admin, crate::staff::put_item, crate::staff::sold_out, crate::staff::audit,
        crate::setup::status, crate::setup::complete,
        crate::devices::new_pairing_code, crate::devices::pair, crate::devices::list, crate::devices::unpair,
        crate::outbox::list,
    ),
    components(schemas(Problem, OrderRequestBody, LineBody, HalfBody, FulfilmentBody, AddressBody, ContactBody,
        QuoteDto, LineDto, HalfDto, VatDto, ZoneRefDto, OrderDto, CustomerOrderDto, PlacedOrderDto, OrderListDto,
        StatusChangeBody, StatusEntryDto, FulfilmentDto, ContactDto, EventDto, EventPageDto, MenuDto, CategoryDto,
        ItemDto, SizeDto, ExtraDto, IngredientDto, TranslatedDto, ItemBody, SizeBody, ShopDto, PeriodDto,
        ExceptionDto, ZoneDto, SlotsDto, FulfilmentOptionsDto, SettingsDto, LoginBody, LoginDto, StaffDto,
        PauseBody, SoldOutBody, HealthDto, WsCountsDto, SetupStatusDto, SetupBody, OwnerBody,
        PairingCodeBody, PairingCodeDto, PairBody, DeviceDto, JobDto, JobListDto, OutboxCountsDto)),
    tags((name = "public", description = "What customers' phones may call"), (name = "staff", description = "Needs a staff session or device token"),
        (name = "setup", description = "The first-run setup wizard"))
)]
pub struct ApiDoc;
