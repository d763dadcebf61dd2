#include "DeviceInbox.h"

#include "DeviceDirectory.h"
#include "DeviceMessage.h"
#include "Logging.h"
#include "crypto/PairwiseCipher.h"
#include "crypto/SenderKeyCipher.h"
#include "net/Connection.h"

#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

namespace Parley {

using namespace Qt::StringLiterals;

/// What processing a batch of items found, reported after the commit.
struct InboxOutcome
{
    QList<qint64> processed; ///< item ids done with (to acknowledge)
    QList<ReceivedSenderKey> keys;
    QList<QPair<DeviceAddress, QList<qint64>>> requests;
    QHash<qint64, QList<qint64>> revoked;
    QList<DeviceAddress> discovered;
    bool identityChanged = false;
};

namespace {

constexpr int FetchPageSize = 100;

/// Applies one item; false when it must stay held (its sender's identity is not trusted).
bool processOne(VaultTransaction &tx, const InboxItem &item, InboxOutcome &out, bool held)
{
    if (item.fromDeviceId <= 0 || item.fromDeviceId > INT32_MAX)
        return true;
    const DeviceAddress from{item.fromUserId, qint32(item.fromDeviceId)};
    if (from == tx.self)
        return true;
    const CryptoResult<PairwiseMessage> message = PairwiseMessage::decode(item.body);
    if (!message) {
        qCInfo(lcClientE2ee).noquote()
                << "dropping unreadable inbox item" << item.itemId << "from" << from.toString();
        return true;
    }
    const CryptoResult<QByteArray> plain = PairwiseCipher(tx.keys).decrypt(from, message.value());
    if (!plain) {
        if (plain.error() == CryptoError::UntrustedIdentity) {
            out.identityChanged = true;
            if (!held) {
                QSqlQuery q(QSqlDatabase::database(tx.connectionName, false));
                q.prepare(u"INSERT OR REPLACE INTO e2ee_held_inbox (item, from_user, from_device,"
                          " ts, body) VALUES (?, ?, ?, ?, ?)"_s);
                q.addBindValue(item.itemId);
                q.addBindValue(item.fromUserId);
                q.addBindValue(item.fromDeviceId);
                q.addBindValue(item.serverTime);
                q.addBindValue(item.body);
                q.exec();
                qCWarning(lcClientE2ee).noquote()
                        << "holding inbox item" << item.itemId << "of" << from.toString()
                        << ": its identity key changed";
            }
            return false;
        }
        qCInfo(lcClientE2ee).noquote()
                << "dropping inbox item" << item.itemId << "from" << from.toString() << ":"
                << cryptoErrorString(plain.error());
        return true;
    }
    const std::optional<DeviceMessage> content = DeviceMessage::decode(plain.value());
    if (!content) {
        qCInfo(lcClientE2ee).noquote() << "dropping inbox item" << item.itemId << "from"
                                       << from.toString() << ": not a device message";
        return true;
    }
    if (DeviceDirectory::recordSeen(tx, from))
        out.discovered.append(from);
    SenderKeyCipher senderKeys(tx.keys);
    for (const DeviceMessage::SenderKey &key : content->senderKeys) {
        if (CryptoStatus stored = senderKeys.processDistributionMessage(key.conversationId, from,
                                                                        key.distribution);
            stored)
            out.keys.append({key.conversationId, from});
    }
    if (!content->keyRequests.isEmpty())
        out.requests.append({from, content->keyRequests});
    for (qint64 device : content->revokedDevices) {
        if (device == from.deviceId || device > INT32_MAX
            || (from.userId == tx.self.userId && device == tx.self.deviceId))
            continue;
        DeviceDirectory::forget(tx, DeviceAddress{from.userId, qint32(device)});
        out.revoked[from.userId].append(device);
    }
    return true;
}

} // namespace

DeviceInbox::DeviceInbox(KeyVault *vault, Connection *connection, QObject *parent)
    : QObject(parent),
      m_vault(vault),
      m_connection(connection),
      m_queue(this)
{
}

DeviceInbox::~DeviceInbox() = default;

void DeviceInbox::reset()
{
    ++m_generation;
    m_processed.clear();
}

QFuture<void> DeviceInbox::fetch()
{
    if (m_fetchQueued)
        return m_queuedFetch;
    m_fetchQueued = true;
    QFuture<void> future = m_queue.add<void>([this] {
        m_fetchQueued = false;
        return fetchPages();
    });
    if (m_fetchQueued)
        m_queuedFetch = future;
    return future;
}

QFuture<void> DeviceInbox::fetchPages()
{
    if (!m_connection->isReady() || !m_vault->isReady())
        return QtFuture::makeReadyFuture();
    return m_connection->request(InboxFetchFrame{FetchPageSize})
            .then(this,
                  [this](const Result<RawFrame> &reply) -> QFuture<void> {
                      auto page = reply ? FrameCodec::read<InboxItemsFrame>(*reply)
                                        : Result<InboxItemsFrame>(reply.error());
                      if (!page) {
                          qCInfo(lcClientE2ee)
                                  << "inbox fetch failed:" << errorCodeName(page.error().code);
                          return QtFuture::makeReadyFuture();
                      }
                      if (page->items.isEmpty())
                          return QtFuture::makeReadyFuture();
                      const bool more = page->more;
                      return process(page->items)
                              .then(this,
                                    [this, more] {
                                        return more ? fetchPages() : QtFuture::makeReadyFuture();
                                    })
                              .unwrap();
                  })
            .unwrap();
}

void DeviceInbox::receive(const InboxItem &item)
{
    m_queue.add<void>([this, item] { return process({item}); });
}

QFuture<void> DeviceInbox::process(const QList<InboxItem> &items)
{
    const quint64 generation = m_generation;
    QList<InboxItem> fresh;
    QList<qint64> seen;
    for (const InboxItem &item : items) {
        if (m_processed.contains(item.itemId))
            seen.append(item.itemId);
        else
            fresh.append(item);
    }
    return m_vault
            ->run<InboxOutcome>([fresh](VaultTransaction &tx) {
                InboxOutcome outcome;
                for (const InboxItem &item : fresh) {
                    processOne(tx, item, outcome, false);
                    outcome.processed.append(item.itemId);
                }
                return outcome;
            })
            .then(this, [this, generation, seen](std::optional<InboxOutcome> outcome) {
                if (generation != m_generation)
                    return;
                if (!outcome) {
                    // Not committed: the items stay in the inbox and come again.
                    qCWarning(lcClientE2ee)
                            << "inbox items not processed: the key store is not open";
                    return;
                }
                QList<qint64> ack = outcome->processed + seen;
                for (qint64 id : std::as_const(outcome->processed))
                    m_processed.insert(id);
                if (!ack.isEmpty() && m_connection->isReady())
                    m_connection->request(InboxAckFrame{ack});
                report(*outcome);
            });
}

void DeviceInbox::releaseHeld(qint64 userId)
{
    const quint64 generation = m_generation;
    m_queue.add<void>([this, userId, generation] {
        return m_vault
                ->run<InboxOutcome>([userId](VaultTransaction &tx) {
                    InboxOutcome outcome;
                    QSqlQuery q(QSqlDatabase::database(tx.connectionName, false));
                    q.prepare(u"SELECT item, from_user, from_device, ts, body FROM e2ee_held_inbox"
                              " WHERE from_user = ? ORDER BY item"_s);
                    q.addBindValue(userId);
                    QList<InboxItem> items;
                    if (q.exec()) {
                        while (q.next())
                            items.append({q.value(0).toLongLong(), q.value(1).toLongLong(),
                                          q.value(2).toLongLong(), q.value(3).toLongLong(),
                                          q.value(4).toByteArray()});
                    }
                    for (const InboxItem &item : std::as_const(items)) {
                        if (!processOne(tx, item, outcome, true))
                            continue;
                        q.prepare(u"DELETE FROM e2ee_held_inbox WHERE item = ?"_s);
                        q.addBindValue(item.itemId);
                        q.exec();
                    }
                    return outcome;
                })
                .then(this, [this, generation](std::optional<InboxOutcome> outcome) {
                    if (outcome && generation == m_generation)
                        report(*outcome);
                });
    });
}

void DeviceInbox::report(const InboxOutcome &outcome)
{
    if (outcome.identityChanged)
        Q_EMIT identityChangeDetected();
    if (!outcome.discovered.isEmpty())
        Q_EMIT devicesDiscovered(outcome.discovered);
    for (auto it = outcome.revoked.cbegin(); it != outcome.revoked.cend(); ++it)
        Q_EMIT devicesRevoked(it.key(), it.value());
    if (!outcome.keys.isEmpty())
        Q_EMIT senderKeysReceived(outcome.keys);
    for (const auto &[from, conversations] : outcome.requests)
        Q_EMIT keysRequested(from, conversations);
}

} // namespace Parley
