//! The black-box tests: each module starts the real `forno` binary on a free loopback port with a
//! fresh data dir (`common::spawn_app()`) and talks to it as a phone, the counter, a kitchen
//! screen or a print agent would. One test binary for all of them, as in Zero To Production's
//! `tests/api/`: one link step instead of one per file, and the shared helpers in `common` are
//! used (or found dead) once.

mod common;

mod audit;
mod auth;
mod backups;
mod crash;
mod devices;
mod discounts;
mod event_views;
mod idempotency;
mod kitchen;
mod kitchen_slips;
mod languages;
mod line_voids;
mod menu_editor;
mod notifications;
mod openapi;
mod ordering_page;
mod orders;
mod outbox;
mod payments;
mod permissions;
mod printing;
mod realtime;
mod rejections;
mod setup;
mod slow_screens;
mod staff;
mod text;
mod validation;
