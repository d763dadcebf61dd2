#pragma once

/// A plain search of the local cache's text messages (Client::search, Chat::search): up to
/// 100 hits, newest first, as maps with conversationId, seq, senderName, text, timestamp.
/// (SearchResultModel is the paged full-text search the sidebar shows.)

#include <QtCore/QFuture>
#include <QtCore/QVariantList>

namespace Parley {

class MessageStore;

/// Searches `conversationId`, or every conversation when it is 0; an empty text finds nothing.
QFuture<QVariantList> searchCache(MessageStore *store, const QString &text, qint64 conversationId);

} // namespace Parley
