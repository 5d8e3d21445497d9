//! What a marketplace must learn of a change: the kinds of outbox job,
//! and of assisted task for a platform without an API.

use serde::Serialize;

/// What a job asks the marketplace to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum OutboxKind {
    /// Put the listing up.
    Create,
    /// Change what a live listing says (title, description, price, shipping).
    Update,
    /// Change how many units a live listing offers.
    UpdateQuantity,
    /// Take the listing down.
    End,
    /// Accept, decline or counter a buyer's offer.
    AnswerOffer,
}

impl OutboxKind {
    pub fn as_str(self) -> &'static str {
        match self {
            OutboxKind::Create => "create",
            OutboxKind::Update => "update",
            OutboxKind::UpdateQuantity => "update_quantity",
            OutboxKind::End => "end",
            OutboxKind::AnswerOffer => "answer_offer",
        }
    }

    pub(crate) fn stored(text: &str) -> Option<OutboxKind> {
        [
            OutboxKind::Create,
            OutboxKind::Update,
            OutboxKind::UpdateQuantity,
            OutboxKind::End,
            OutboxKind::AnswerOffer,
        ]
        .into_iter()
        .find(|k| k.as_str() == text)
    }
}
