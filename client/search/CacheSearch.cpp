#include "CacheSearch.h"

#include "store/MessageStore.h"

#include <QtCore/QDateTime>

namespace Parley {

using namespace Qt::StringLiterals;

QFuture<QVariantList> searchCache(MessageStore *store, const QString &text, qint64 conversationId)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return QtFuture::makeReadyFuture(QVariantList());
    return store->search(trimmed, conversationId, 100).then([](const QList<StoredMessage> &hits) {
        QVariantList results;
        for (const StoredMessage &m : hits) {
            results.append(QVariantMap{{u"conversationId"_s, m.conversationId},
                                       {u"seq"_s, m.seq},
                                       {u"senderName"_s, m.senderName},
                                       {u"text"_s, m.text},
                                       {u"timestamp"_s, QDateTime::fromMSecsSinceEpoch(m.timestamp)}});
        }
        return results;
    });
}

} // namespace Parley
